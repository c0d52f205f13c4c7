/**
 * Plain-text parser for reports pasted from the web (`.txt`).
 *
 * No Markdown syntax is interpreted: a line starting `* ` stays text, four
 * spaces of indentation are not code, `#` is not a heading. The result has the
 * shape remark gives Markdown (root, paragraphs, text) so that one citation
 * index serves both formats. Paragraphs are runs of non-blank lines; each holds
 * one text node whose `value` equals its source slice exactly.
 */
import type {Paragraph, Root, Text} from 'mdast'
import type {Point} from 'unist'
import {location} from 'vfile-location'
import {plainTextExtensions} from './format.js'
import type {Reader} from './reader.js'

const lineBreak = /\r\n|\r|\n/g
const blank = /^[ \t\f\v\u00a0\ufeff]*$/

/**
 * Parse plain text into an mdast root of paragraphs. Positions are 1-based
 * lines and columns with UTF-16 offsets; leading and trailing whitespace of a
 * paragraph is outside it. Never throws.
 */
export function parsePlainText(text: string): Root {
  const place = location(text)
  const children: Paragraph[] = []
  let blockStart = -1
  let blockEnd = -1
  let lineStart = 0

  const close = (): void => {
    if (blockStart < 0) return
    let start = blockStart
    let end = blockEnd
    while (start < end && isSpace(text.charCodeAt(start))) start++
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--
    const startPoint = point(place.toPoint(start), start)
    const endPoint = point(place.toPoint(end), end)
    const node: Text = {type: 'text', value: text.slice(start, end), position: {start: startPoint, end: endPoint}}
    children.push({type: 'paragraph', children: [node], position: {start: {...startPoint}, end: {...endPoint}}})
    blockStart = -1
  }

  const line = (end: number, next: number): void => {
    if (blank.test(text.slice(lineStart, end))) close()
    else {
      if (blockStart < 0) blockStart = lineStart
      blockEnd = end
    }
    lineStart = next
  }

  lineBreak.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = lineBreak.exec(text))) line(match.index, match.index + match[0].length)
  line(text.length, text.length)
  close()

  const end = place.toPoint(text.length)
  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: point(end, text.length)}
  }
}

function point(found: Point | undefined, offset: number): Point {
  // `toPoint` answers for every offset from 0 to text.length inclusive.
  if (!found) throw new Error(`Unexpected offset ${offset} outside the text`)
  return {line: found.line, column: found.column, offset}
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff
}

/**
 * The plain-text reader: `.txt` and every file no other reader claims,
 * parsed by {@link parsePlainText}. Its tree holds only paragraphs of text:
 * everything is prose.
 */
export const plainTextReader: Reader = Object.freeze({
  format: 'text',
  extensions: plainTextExtensions,
  parse: parsePlainText,
  notProse: new Set<string>()
})
