/**
 * The Markdown guards: Markdown nested deeper than {@link maxNesting}
 * containers, or with a block longer than {@link maxBlockLength}
 * characters, is refused before it is parsed. See patches/README.md,
 * "Deep nesting" and "Memory".
 *
 * micromark's cost per line grows with the square of the number of open
 * containers (block quotes, list items, footnote definitions): every attempt
 * to continue or open one copies the tokenizer's stack of open tokens
 * (`store()` in micromark 4.0.2 `lib/create-tokenizer.js`), and
 * mdast-util-from-markdown walks nested lists again for each level. A
 * 100,000-deep block quote on one line takes minutes; a staircase of lines,
 * each one level deeper, grows as size^1.5. No report nests more than a few
 * levels, so citelint refuses such a file with a one-line reason instead.
 *
 * The limit follows markdown-it, whose default preset stops nesting at 100
 * (`maxNesting`; 20 in its CommonMark preset).
 */

/** Deepest container nesting parsed; deeper Markdown is refused. */
export const maxNesting = 100

/**
 * Thrown by `parseMarkdown` for Markdown nested deeper than
 * {@link maxNesting}. `line` is 1-based; `depth` is the estimate that passed
 * the limit (an upper bound of the real depth).
 */
export class NestingTooDeep extends Error {
  override name = 'NestingTooDeep'

  constructor(
    readonly line: number,
    readonly depth: number,
    readonly limit = maxNesting
  ) {
    super(
      `Markdown nested too deep: line ${line} opens up to ${depth} block quotes, list items or footnote definitions, at most ${limit} are parsed`
    )
  }
}

const tab = 9
const lineFeed = 10
const carriageReturn = 13
const space = 32

/**
 * An upper bound of the container depth on each line of `text`, and the
 * first line where it is highest: `{depth, line}` (line 1-based; depth 0 for
 * text without containers). One pass, O(length).
 *
 * A container opens on a line whose prefix continues every enclosing one: a
 * block quote needs a `>`, a list item at least 2 columns of indentation (or
 * its marker: `-`, `+`, `*` or `1.`/`1)` and a space), a footnote definition
 * its `[^label]:` (4 columns to continue). So the depth is at most the
 * number of `>`, list markers and definition labels in the prefix plus half
 * its columns of white space before the last of them (a tab counted as 4;
 * the one space or tab right after a marker is the marker's own, a tab
 * there counted as 2).
 * White space after the last marker opens nothing, and a line made only of
 * `-`, `*`, `_` and white space after its `>`s is a thematic break (or empty
 * items that nest nothing), counted as its `>`s alone.
 */
export function estimateNesting(text: string): {depth: number; line: number} {
  let best = {depth: 0, line: 1}
  let line = 1
  let index = 0
  while (index <= text.length) {
    let markers = 0
    let columns = 0
    let columnsBeforeLast = 0
    let quotes = 0
    let onlyBreakChars = true
    let afterMarker = false
    let cursor = index
    for (;;) {
      const code = text.charCodeAt(cursor)
      if (code === space || code === tab) {
        // The space right after a marker belongs to it; a tab there may
        // leave up to 3 columns of indentation, counted as 2.
        columns += afterMarker ? (code === tab ? 2 : 0) : code === tab ? 4 : 1
        afterMarker = false
        cursor++
        continue
      }
      afterMarker = true
      if (code === 62 /* > */) {
        quotes++
        markers++
        columnsBeforeLast = columns
        cursor++
      } else {
        const end = listMarkerEnd(text, cursor) ?? definitionLabelEnd(text, cursor, text.length)
        if (end === undefined) break
        // `-` and `*` may also make a thematic break; `+`, numbers and labels cannot.
        if (code !== 45 && code !== 42) onlyBreakChars = false
        markers++
        columnsBeforeLast = columns
        cursor = end
      }
    }
    // The rest of the line.
    let end = cursor
    while (end < text.length && text.charCodeAt(end) !== lineFeed && text.charCodeAt(end) !== carriageReturn) {
      const code = text.charCodeAt(end)
      if (code !== 45 && code !== 42 && code !== 95 && code !== space && code !== tab) onlyBreakChars = false
      end++
    }
    const depth = onlyBreakChars ? quotes : markers + Math.ceil(columnsBeforeLast / 2)
    if (depth > best.depth) best = {depth, line}
    if (end >= text.length) break
    index = text.charCodeAt(end) === carriageReturn && text.charCodeAt(end + 1) === lineFeed ? end + 2 : end + 1
    line++
  }
  return best
}

/**
 * Throw {@link NestingTooDeep} when `text` may nest deeper than `limit`
 * (default {@link maxNesting}) containers.
 */
export function assertNesting(text: string, limit = maxNesting): void {
  const {depth, line} = estimateNesting(text)
  if (depth > limit) throw new NestingTooDeep(line, depth, limit)
}

/**
 * Longest block parsed, in UTF-16 code units: a run of lines without a blank
 * line between them. micromark keeps every event of a paragraph until the
 * paragraph ends, about 200 to 330 bytes per character on lines dense with
 * brackets (patches/README.md, "Memory"): a 20 MB line needs more memory
 * than Node's default heap. One million characters (a few hundred pages of
 * prose without a blank line) stays under about 330 MB; no report has such
 * a paragraph.
 */
export const maxBlockLength = 1_000_000

/**
 * Thrown by `parseMarkdown` for a block (lines without a blank line between
 * them) longer than {@link maxBlockLength}. `line` is 1-based, the block's
 * first line.
 */
export class BlockTooLong extends Error {
  override name = 'BlockTooLong'

  constructor(
    readonly line: number,
    readonly limit = maxBlockLength
  ) {
    super(`Markdown block too long: the lines from line ${line} run over ${limit} characters without a blank line, more than is parsed`)
  }
}

/**
 * Throw {@link BlockTooLong} when `text` has a paragraph longer than `limit`
 * (default {@link maxBlockLength}) characters: a run of non-blank lines, a
 * line that opens a list item or a footnote definition starting a new one
 * (each item's text is its own paragraph, so a long notes list is fine).
 * One pass.
 */
export function assertBlockLength(text: string, limit = maxBlockLength): void {
  if (text.length <= limit) return
  let line = 1
  let blockStart = 0
  let blockLine = 1
  let index = 0
  while (index < text.length) {
    let end = index
    let blank = true
    while (end < text.length && text.charCodeAt(end) !== lineFeed && text.charCodeAt(end) !== carriageReturn) {
      const code = text.charCodeAt(end)
      if (code !== space && code !== tab) blank = false
      end++
    }
    if (blank || startsItem(text, index, end)) {
      // A blank line ends a paragraph; a new list item or footnote definition starts a new one.
      blockStart = blank ? -1 : index
      blockLine = line
    }
    if (!blank) {
      if (blockStart < 0) {
        blockStart = index
        blockLine = line
      }
      if (end - blockStart > limit) throw new BlockTooLong(blockLine, limit)
    }
    index = text.charCodeAt(end) === carriageReturn && text.charCodeAt(end + 1) === lineFeed ? end + 2 : end + 1
    line++
  }
}

/**
 * Whether the line from `start` to `end` opens a list item (`-`, `+`, `*`,
 * `1.` or `1)` and a space) or a footnote definition (`[^label]:`) after
 * its indentation and block quote markers: its text is a paragraph of its own.
 */
function startsItem(text: string, start: number, end: number): boolean {
  let at = start
  while (at < end && (text.charCodeAt(at) === space || text.charCodeAt(at) === tab || text.charCodeAt(at) === 62 /* > */)) at++
  return listMarkerEnd(text, at) !== undefined || definitionLabelEnd(text, at, end) !== undefined
}

/**
 * Just after the list item marker at `at` (`-`, `+`, `*`, or up to 9 digits
 * and `.` or `)`, followed by white space or the end of the line), or
 * `undefined` when there is none (CommonMark, "List items").
 */
export function listMarkerEnd(text: string, at: number): number | undefined {
  const code = text.charCodeAt(at)
  if (code === 45 || code === 43 || code === 42) return isBlankOrEnd(text.charCodeAt(at + 1)) ? at + 1 : undefined
  if (!isDigit(code)) return undefined
  let digits = at
  while (digits - at < 9 && isDigit(text.charCodeAt(digits))) digits++
  const after = text.charCodeAt(digits)
  return (after === 46 || after === 41) && isBlankOrEnd(text.charCodeAt(digits + 1)) ? digits + 1 : undefined
}

/**
 * Just after the footnote definition label at `at` (`[^label]:`, a label of
 * 1 to 999 characters without white space or `]`, before `end`), or
 * `undefined` when there is none.
 */
function definitionLabelEnd(text: string, at: number, end: number): number | undefined {
  if (text.charCodeAt(at) !== 91 /* [ */ || text.charCodeAt(at + 1) !== 94 /* ^ */) return undefined
  let close = at + 2
  while (close - at < 1003 && close < end && !isEndOfLabel(text.charCodeAt(close))) close++
  return close > at + 2 && text.charCodeAt(close) === 93 && text.charCodeAt(close + 1) === 58 ? close + 2 : undefined
}

/** Whether `error` (or, from a worker thread, its `name`) is a refusal of the Markdown guards or the HTML reader's (`HtmlTooDeep`). */
export function isRefusal(error: unknown): boolean {
  const own = error instanceof NestingTooDeep || error instanceof BlockTooLong || (error instanceof Error && error.name === 'HtmlTooDeep')
  const name = own ? (error as Error).name : (error as {thrown?: unknown} | null)?.thrown
  // HtmlTooDeep: src/readers/html.ts (named here, not imported: readers import nothing of one another's guards).
  return name === 'NestingTooDeep' || name === 'BlockTooLong' || name === 'HtmlTooDeep'
}

function isBlankOrEnd(code: number): boolean {
  return Number.isNaN(code) || code === space || code === tab || code === lineFeed || code === carriageReturn
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isEndOfLabel(code: number): boolean {
  return code === 93 || code === space || code === tab || code === lineFeed || code === carriageReturn
}
