/**
 * Table-driven tests of the GFM call reader (src/citation-index/gfm-calls.ts)
 * and of what the citation index makes of it: labels by source text, labels
 * with inline markup, calls in image alt text, table cells.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {buildCitationIndex} from '../src/citation-index/build.js'
import {callShapes, labelEnd} from '../src/citation-index/gfm-calls.js'
import {parseMarkdown} from '../src/readers/markdown.js'

const shapes: Array<[string, string, string[]]> = [
  ['plain call', 'a[^1] b', ['1']],
  ['emphasis characters in the label', '[^a*] and [^b*]', ['a*', 'b*']],
  ['code span characters in the label', 'x[^a`b`]', ['a`b`']],
  ['escaped bracket in the label', '[^a\\]b]', ['a\\]b']],
  ['escaped call', '\\[^1]', []],
  ['double backslash does not escape', '\\\\[^1]', ['1']],
  ['space ends the label', '[^a b]', []],
  ['bracket ends the label', '[^a[^b]', ['b']],
  ['empty label', '[^]', []]
]

for (const [name, text, expected] of shapes) {
  test(`call shapes: ${name}`, () => {
    assert.equal(callShapes(text, 0, text.length, []).map((shape) => shape.label), expected)
  })
}

test('call shapes: opaque spans are skipped', () => {
  const text = '`[^1]` [^2]'
  assert.equal(callShapes(text, 0, text.length, [{start: 0, end: 6}]).map((shape) => shape.label), ['2'])
})

test('label end: a label longer than 999 characters fails', () => {
  const long = `[^${'a'.repeat(1000)}]`
  assert.is(labelEnd(long, 2, long.length), -1)
  const fits = `[^${'a'.repeat(999)}]`
  assert.is(labelEnd(fits, 2, fits.length), fits.length - 1)
})

function references(text: string): string[] {
  const index = buildCitationIndex(parseMarkdown(text), new VFile({value: text}), 'markdown')
  return index.references.map((r) => `${r.marker}${r.note === undefined ? '' : `->${index.notes[r.note]!.marker}`}`)
}

const documents: Array<[string, string, string[]]> = [
  ['an entity is not its character', 'A[^AT&amp;T] B[^AT&T]\n\n[^AT&T]: x\n', ['[^AT&amp;T]', '[^AT&T]->[^AT&T]']],
  ['two labels differing by an escape are two notes', 'A[^a\\_b] B[^a_b]\n\n[^a\\_b]: x\n[^a_b]: y\n', ['[^a\\_b]->[^a\\_b]', '[^a_b]->[^a_b]']],
  ['a call in image alt text', '![chart [^1]](c.png) and ![x][^2]\n\n[^1]: x\n', ['[^1]->[^1]', '[^2]']],
  ['an image destination is not read', '![chart](c[^1].png)\n', []],
  ['labels whose stars pair up', '*[^a*] x [^b*]*\n', ['[^a*]', '[^b*]']],
  ['a pipe ends a table cell', '| a | b |\n| - | - |\n| [^x | y] |\n', []],
  ['a line indented four spaces after a table row is code', '| a |\n| - |\n| b |\n    [^1]\n', []]
]

for (const [name, text, expected] of documents) {
  test(`index: ${name}`, () => {
    assert.equal(references(text), expected)
  })
}

test.run()
