/**
 * Which blocks are tables or table captions. A reader meets a table's
 * references in no set order, and converters move tables: pandoc writes a
 * table's caption after it (`: Summary of investigations[172] ...`), and
 * web-to-text copies lift tables out of the text that cites them. The
 * index marks references found there (`Reference.inTable`) so that
 * `note-order` does not read an order from them.
 *
 * A block is a table when it is a GFM table cell, or when its text is laid
 * out as one (pandoc's Markdown manual, "Tables"): a grid table's border
 * line (`+-----+----+`), a simple or multiline table's rule of two or more
 * dash runs (`------  -----`, in the block or on the line right above it),
 * or two or more lines framed by pipes
 * (`| a | b |`, a pipe table the parser left as text). A caption is a block
 * starting with `: ` or `Table: ` right after a table block.
 *
 * Linear in the blocks' text (each line is tested once with patterns that
 * do not backtrack across lines).
 */
import type {Block} from './convention.js'

const gridBorder = /^[ \t]*\+(?:[-=:]{3,}\+)+[ \t]*$/
const dashRule = /^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$/
const pipeRow = /^[ \t]*\|.*\|[ \t]*$/
const caption = /^(?::|Table:)[ \t]/
const lineBreak = /\r\n|\r|\n/

/** Whether the text of a block is laid out as a table. */
function tableText(text: string): boolean {
  let pipes = 0
  for (const line of text.split(lineBreak)) {
    if (gridBorder.test(line) || dashRule.test(line)) return true
    if (pipeRow.test(line) && ++pipes >= 2) return true
  }
  return false
}

/**
 * The line right before the line holding `offset` (empty at the text's
 * start). In Markdown a simple table's rule (`------  -----`) is a
 * thematic break, not part of the paragraph of rows under it.
 */
function lineBefore(source: string, offset: number): string {
  let end = offset
  while (end > 0 && source.charCodeAt(end - 1) !== 10 && source.charCodeAt(end - 1) !== 13) end--
  if (end === 0) return ''
  let start = end - 1
  if (source.charCodeAt(start) === 10 && source.charCodeAt(start - 1) === 13) start--
  const lineEnd = start
  while (start > 0 && source.charCodeAt(start - 1) !== 10 && source.charCodeAt(start - 1) !== 13) start--
  return source.slice(start, lineEnd)
}

/** Per block of `blocks` (in document order), whether it is a table or a table's caption. */
export function tabularBlocks(source: string, blocks: readonly Block[]): boolean[] {
  const found: boolean[] = []
  for (const [i, block] of blocks.entries()) {
    if (block.table) {
      found.push(true)
      continue
    }
    const text = source.slice(block.start, block.end)
    found.push(tableText(text) || dashRule.test(lineBefore(source, block.start)) || (i > 0 && found[i - 1] === true && caption.test(text)))
  }
  return found
}
