/**
 * url-only-source in documents whose notes are bare links by design: the
 * threshold (`isBareLinkDocument`), silence by default, the option
 * `bareLinkDocuments: "report"`, and the look-alikes that stay reported (a
 * bare link that is the exception among full citations, one or two bare
 * links among few notes, a copy whose other notes lost their text).
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'
import {validateConfig} from '../src/engine/config.js'
import {isBareLinkDocument} from '../rules/url-only-source.js'

test('threshold: at least 3 URL-only notes that are at least half of the notes', () => {
  const cases: Array<[number, number, boolean]> = [
    [4, 4, true], // a Rust RFC whose four notes are bare links
    [50, 69, true], // a CNCF paper
    [3, 6, true],
    [3, 7, false],
    [2, 3, false], // a blog post: two bare links and a comment
    [2, 2, false],
    [1, 1, false],
    [29, 90, false], // a Wikipedia copy whose other notes lost their text
    [11, 72, false],
    [1, 7, false] // one bare URL among full citations
  ]
  assert.equal(
    cases.map(([count, total]) => isBareLinkDocument(count, total)),
    cases.map(([, , expected]) => expected)
  )
})

/** A Markdown document whose notes are `notes`, each cited once. */
function doc(notes: readonly string[]): string {
  const body = notes.map((_, i) => `Claim ${i + 1} holds.[^${i + 1}]`).join(' ')
  return `${body}\n\n${notes.map((note, i) => `[^${i + 1}]: ${note}`).join('\n\n')}\n`
}

const bare = (i: number): string => `https://www.example.org/spec/part-${i}`
const full = (i: number): string => `Harbour Times, "Report ${i}", March ${i}, 2026, https://www.example.com/news/${i}`

function urlOnly(text: string, options?: Record<string, unknown>) {
  const setting = options ? (['warn', options] as ['warn', Record<string, unknown>]) : ('warn' as const)
  return lintText(text, {filePath: 'r.md', config: {rules: {'url-only-source': setting}}}).messages.filter(
    (m) => m.ruleId === 'url-only-source'
  )
}

test('a document whose notes are all bare links gives nothing by default', () => {
  assert.equal(urlOnly(doc([1, 2, 3, 4].map(bare))), [])
})

test('mostly bare links (3 of 6) give nothing by default', () => {
  assert.equal(urlOnly(doc([bare(1), full(2), bare(3), full(4), bare(5), full(6)])), [])
})

test('`bareLinkDocuments: "report"` reports each bare link, or one grouped finding when they repeat', () => {
  assert.is(urlOnly(doc([1, 2, 3, 4].map(bare)), {bareLinkDocuments: 'report'}).length, 4)
  const grouped = urlOnly(doc([bare(1), bare(2), bare(3), bare(4), bare(5), full(6)]), {bareLinkDocuments: 'report'})
  assert.is(grouped.length, 1)
  assert.match(grouped[0]!.reason, /5 of 6 name only a URL/)
  assert.is(urlOnly(doc([1, 2, 3, 4, 5].map(bare)), {bareLinkDocuments: 'report', repeated: 'list'}).length, 5)
})

test('look-alike: one bare link among full citations is reported', () => {
  const found = urlOnly(doc([full(1), full(2), bare(3), full(4), full(5), full(6), full(7)]))
  assert.equal(found.map((m) => m.line), [7])
})

test('look-alike: three bare links among seven notes (less than half) are reported', () => {
  assert.is(urlOnly(doc([bare(1), full(2), bare(3), full(4), bare(5), full(6), full(7)])).length, 3)
})

test('look-alike: two bare links and a comment note (no habit yet) are reported', () => {
  assert.is(urlOnly(doc(['The same holds for contractors and their code.', bare(2), bare(3)])).length, 2)
})

test('look-alike: empty notes count, so bare links among notes that lost their text are reported (grouped)', () => {
  const notes = Array.from({length: 30}, (_, i) => (i < 11 ? bare(i) : ''))
  const found = urlOnly(doc(notes))
  assert.is(found.length, 1)
  assert.match(found[0]!.reason, /11 of 30 name only a URL/)
})

test('look-alike: connectives, dates and self-links are still bare links, and count toward the habit', () => {
  const notes = ['See https://www.example.org/a', 'As of March 2016. https://www.example.org/b', '[example.org/c](https://www.example.org/c)']
  assert.equal(urlOnly(doc(notes)), [])
  assert.is(urlOnly(doc([...notes, full(4), full(5), full(6), full(7)])).length, 3)
})

test('the option is validated', () => {
  assert.throws(
    () => validateConfig({rules: {'url-only-source': ['warn', {bareLinkDocuments: 'quiet'}]}}, 'c.json'),
    /bareLinkDocuments/
  )
  assert.not.throws(() => validateConfig({rules: {'url-only-source': ['warn', {bareLinkDocuments: 'report'}]}}, 'c.json'))
})

test.run()
