/** The plain-text parser: paragraphs of text whose value equals their source. */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Paragraph, Text} from 'mdast'
import {parsePlainText} from '../src/readers/plain-text.js'

const cases: Array<[string, string, string[]]> = [
  ['blank lines separate paragraphs', 'One.\n\nTwo\nlines.\n', ['One.', 'Two\nlines.']],
  ['a line starting with * stays text', '* A. Savyon is director.\n', ['* A. Savyon is director.']],
  ['four-space indentation is not code', 'Text.\n\n    Indented [1] text.\n', ['Text.', 'Indented [1] text.']],
  ['# and underscores are not syntax', '#word _under_ **b**\n', ['#word _under_ **b**']],
  ['CRLF and whitespace-only lines', 'A\r\nB\r\n \t \r\nC', ['A\r\nB', 'C']],
  ['empty text has no paragraphs', '', []],
  ['only blank lines', '\n\n  \n', []]
]

for (const [name, text, expected] of cases) {
  test(name, () => {
    const tree = parsePlainText(text)
    const paragraphs = tree.children as Paragraph[]
    assert.equal(paragraphs.map((p) => (p.children[0] as Text).value), expected)
    for (const paragraph of paragraphs) {
      const node = paragraph.children[0] as Text
      const start = node.position!.start.offset!
      const end = node.position!.end.offset!
      assert.is(text.slice(start, end), node.value, 'value equals its source slice')
      assert.equal(paragraph.position, node.position)
    }
  })
}

test('positions are 1-based lines and columns', () => {
  const tree = parsePlainText('\n  Hello\nworld\n')
  const position = tree.children[0]!.position!
  assert.equal(position.start, {line: 2, column: 3, offset: 3})
  assert.equal(position.end, {line: 3, column: 6, offset: 14})
})

test.run()
