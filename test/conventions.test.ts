/**
 * Each convention alone, table-driven: what it proposes for the example its
 * documentation gives, and that it proposes nothing for the look-alike it
 * must not read. The resolver's document-wide decisions are tested through
 * the citation index (citation-index.test.ts).
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Candidate, Exclusion} from '../src/citation-index/convention.js'
import {conventions} from '../src/citation-index/conventions.js'
import {walkDocument} from '../src/citation-index/walk.js'
import type {Format} from '../src/citation-index/types.js'
import {readerOf} from '../src/readers/registry.js'
import {docxToText} from '../src/readers/docx.js'
import {makeDocx} from './docx-generator.js'

/** What `id` proposes for `text` read as `format`: `role marker` (notes with their content when known), or `exclude <text>`. */
function proposed(id: string, text: string, format: Format): string[] {
  const convention = conventions.find((c) => c.meta.id === id)
  if (!convention) throw new Error(`no convention ${id}`)
  // As the citation index runs it: only on the formats it applies to.
  if (!convention.meta.formats.includes(format)) return []
  const reader = readerOf(format)
  const document = walkDocument(reader.parse(text), text, format, reader.notProse)
  return [...convention.detect(document)].map((item: Candidate | Exclusion) =>
    'exclude' in item ? `exclude ${text.slice(item.start, item.end)}` : `${item.role} ${item.marker}`
  )
}

const cases: Array<[id: string, format: Format, text: string, expected: string[]]> = [
  ['gfm-footnotes', 'markdown', 'Talks stalled.[^1]\n\n[^1]: Al-Akhbar, October 12, 2015.\n', ['reference [^1]', 'note [^1]']],
  ['gfm-footnotes', 'markdown', 'A call with no definition.[^2] And [^ 2].\n', ['reference [^2]', 'reference [^ 2]']],
  ['gfm-footnotes', 'markdown', 'Escaped \\[^1], code `[^1]`.\n\n```\n[^1]\n```\n', []],
  ['gfm-footnotes', 'markdown', '[the report[^1]](https://example.org)\n\n[^1]: Note.\n', ['reference [^1]', 'note [^1]']],
  ['gfm-footnotes', 'text', 'Talks stalled.[^1]\n', []],
  ['link-references', 'markdown', 'See [1].\n\n[1]: https://example.org\n', ['exclude [1]']],
  ['link-references', 'markdown', 'See [[1]](#note-1).\n', ['exclude [[1]](#note-1)']],
  ['bracket-notes', 'text', 'Talks stalled.[1] The end.\n\n[1] Al-Akhbar, October 12, 2015.\n', ['reference [1]', 'note [1]']],
  ['bracket-notes', 'text', 'He said [sic] that [the IRGC] [t]he collud[e] "[a] list.\n', []],
  ['bracket-notes', 'text', 'The others."[v] Rafsanjani said.\n', ['reference [v]']],
  ['bracket-notes', 'markdown', 'Escaped \\[1].\n', []],
  ['symbol-notes', 'text', 'By A. Savyon*\n\n* A. Savyon is Director of the project.\n', ['reference *', 'note *']],
  ['symbol-notes', 'text', 'Two * three and *word.\n', []],
  ['gutenberg-footnotes', 'text', 'The sonata form.[1]\n\n[Footnote 1: See Parry, p. 12.]\n', ['note [Footnote 1:']],
  ['gutenberg-footnotes', 'text', 'Quoting the syntax [Footnote 1: in a line].\n', []],
  ['word-footnotes', 'docx', docxToText(makeDocx({body: [['Talks stalled.', {footnote: 1}, ' Typed.', {superscript: '2'}]], footnotes: [{id: 1, paragraphs: [['Al-Akhbar, October 12, 2015.']]}]})), ['reference footnote 1', 'reference superscript 2', 'note footnote 1']],
  ['word-footnotes', 'docx', docxToText(makeDocx({body: [['An area of 3 km', {superscript: '2'}, ', or 10', {superscript: '6'}, ' m', {superscript: '2'}, '.']]})), []],
  ['word-footnotes', 'text', 'Talks stalled.1\n', []]
]

for (const [id, format, text, expected] of cases) {
  test(`${id} (${format}): ${JSON.stringify(text.slice(0, 40))}`, () => {
    assert.equal(proposed(id, text, format), expected)
  })
}

test('every convention has a case', () => {
  for (const {meta} of conventions) assert.ok(cases.some(([id]) => id === meta.id), meta.id)
})

test.run()
