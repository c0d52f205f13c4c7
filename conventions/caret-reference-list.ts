/**
 * Caret reference lists: an encyclopedia article copied as text (a browser's
 * select-all of a Wikipedia page) keeps its markers (`[1]`, `[nb 1]`, `[a]`)
 * but loses the numbers of its reference lists. Each note is a line starting
 * with a caret, the back-link (`^ Source...`), or with the caret and one
 * letter per citation when the note is cited several times (`^ a b c
 * Source...`). The lists stand under headings such as Notes, Footnotes,
 * References or Citations (`References[edit]`), one list per note group.
 * Plain text only.
 *
 * - Reads: `talks stalled.[1]` with `References[edit]` then `^ a b Smith,
 * John (2004). Title. Publisher.`
 * - Reads: a bare `^` line inside a list, whose note text starts on the next
 * line (a reference holding a list of its own), as one note holding that text.
 * - Must not read: a caret at a line start that is not followed by a space
 * (`^2 term`, maths), a caret inside a line, a bare `^` line with no caret
 * note before it in its list.
 *
 * How it tells them apart: a note starts a line with `^` and a space or a
 * tab, or is a line holding `^` alone after a note of the same list (its text
 * is the lines that follow, up to the next caret line). A list is a run of such lines in a block, joined by lines that
 * continue a note; a heading line (`Notes[edit]`, `References`) ends a list
 * and the next caret line starts another; a list continues into the next
 * block when that block starts with a caret line. The notes carry no label:
 * the resolver (`src/citation-index/note-lists.ts`) gives a list to the
 * group of markers whose count it matches (within 5 % or 2 notes), and numbers its
 * notes by their order; a list that matches no group is not read.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'

const heading = /^(?:notes?|footnotes?|endnotes?|references?|citations?|sources?|bibliography|works cited|explanatory notes)[ \t]*:?[ \t]*$/i
const editLink = '[edit]'

/** One line of a block: its start and end (before the line break). */
interface Line {
  readonly start: number
  readonly end: number
}

/** The lines of `source` from `start` to `end`. */
function linesOf(source: string, start: number, end: number): Line[] {
  const lines: Line[] = []
  let lineStart = start
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i)
    if (code !== 10 && code !== 13) continue
    lines.push({start: lineStart, end: i})
    if (code === 13 && source.charCodeAt(i + 1) === 10) i++
    lineStart = i + 1
  }
  lines.push({start: lineStart, end})
  return lines
}

/** Whether a character code is a space or a tab. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9
}

/**
 * The end of a caret note's marker on a line starting at `start`: after `^`
 * and its back-link letters (`^ a b c`, two or more, `a` first, in order),
 * or `undefined` when the line does not start a caret note.
 */
function markerEnd(source: string, start: number, end: number): number | undefined {
  if (source.charCodeAt(start) !== 94 || !isBlank(source.charCodeAt(start + 1))) return undefined
  let at = start + 1
  let letter = 97
  let afterLetters = at
  for (;;) {
    let next = at
    while (next < end && isBlank(source.charCodeAt(next))) next++
    if (next === at || source.charCodeAt(next) !== letter || (next + 1 < end && !isBlank(source.charCodeAt(next + 1)))) break
    at = next + 1
    letter++
    if (letter - 97 >= 2) afterLetters = at
  }
  return afterLetters
}

const convention: Convention = {
  meta: {
    id: 'caret-reference-list',
    description: 'Encyclopedia reference lists of unnumbered lines `^ Source` and `^ a b Source`, numbered by their order',
    formats: ['text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    let list: number | undefined
    let open: {start: number; end: number; contentStart: number; noteEnd: number} | undefined
    const close = function* (): Iterable<Candidate> {
      if (!open || list === undefined) return
      const content = source.slice(open.contentStart, open.noteEnd)
      const trimmed = content.trim()
      yield {
        role: 'note',
        marker: source.slice(open.start, open.end),
        label: '',
        style: 'arabic',
        syntax: 'bracket',
        start: open.start,
        end: open.end,
        fromText: true,
        noteEnd: open.noteEnd,
        content: trimmed,
        contentStart: open.contentStart + (content.length - content.trimStart().length),
        list
      }
      open = undefined
    }
    for (const block of document.blocks) {
      if (!block.notesAllowed) {
        yield* close()
        list = undefined
        continue
      }
      for (const [i, line] of linesOf(source, block.start, block.end).entries()) {
        let start = line.start
        while (start < line.end && isBlank(source.charCodeAt(start))) start++
        let end = line.end
        while (end > start && isBlank(source.charCodeAt(end - 1))) end--
        const after = markerEnd(source, start, end) ?? (open && end === start + 1 && source.charCodeAt(start) === 94 ? end : undefined)
        if (i === 0 && after === undefined) {
          // A note ends with its block, unless the next block goes on with the list.
          yield* close()
          list = undefined
        }
        if (after !== undefined) {
          yield* close()
          list ??= start
          open = {start, end: after, contentStart: after, noteEnd: end}
          continue
        }
        const text = source.slice(start, end)
        const isHeading = heading.test(text.endsWith(editLink) ? text.slice(0, -editLink.length) : text) || text.endsWith(editLink)
        if (open && !isHeading && end > start) {
          open.noteEnd = end
          continue
        }
        yield* close()
        list = undefined
      }
      if (!open) list = undefined
    }
    yield* close()
  }
}

export default convention
