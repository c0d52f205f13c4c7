/**
 * Numbered caret lists: an encyclopedia article converted to text by
 * html2text and saved as Markdown (`wiki.md`). MediaWiki's reference lists
 * (`ol.references`, one per note group) become indented ordered lists, one
 * item per note, each starting with the back-link caret (`   1. ^ Source`),
 * or with the caret and one letter per citation when the note is cited
 * several times (`  12. ^ a b cSmith, John (2004).`, the last letter often
 * glued to the text); the headings over them are html2text's (`*****
 * References[edit] *****`) or a plain line (`  Notes`). The markers stay in
 * the prose as brackets: `[1]`, `[a]`, and note groups `[nb_1]`, `[Note_1]`,
 * `[n_1]` (see `bracket-notes.ts` and `note-groups.ts`).
 *
 * - Reads: `in 1905.[1]` with `***** References[edit] *****` then
 * `   1. ^ a b Smith, John (2004). Title.`
 * - Reads: html2text's debris inside a list as part of it, not as notes: an
 * item without a caret (`   2. .mw-parser-output cite.citation{...}`,
 * `  19. ISBN 3642007384.`, `   4. Extract_of_page_21`) is a piece of the
 * note before it that html2text numbered apart; it keeps the list's run of
 * numbers going but is neither a note nor a note's text.
 * - Must not read: an ordered list whose items start with an exponent
 * (`1. ^2 is the square`, `2. ^{n} terms`), a numbered list in a document
 * none of whose caret lists stands under a notes heading, a caret in code
 * (`1. x ^ y` in a fenced block is not prose), array indexes `x[2]`.
 *
 * How it tells them apart. An item is a list item's paragraph whose line
 * starts with its number and a dot (`  12. `), or whose line before holds
 * only the number (`  36.` with the text on the next line). The items of
 * the document, in order, form runs by their **numbers as written**, not by
 * the Markdown lists they fall in (html2text's indented continuation lines
 * and headings split and merge Markdown lists): an item continues the run
 * of the item before it when its number is one more, and any other number
 * starts a run. A run is a list when at least two thirds of its items
 * start with a caret that is not an exponent (followed by the line's end, a
 * blank, a letter or a quotation mark: not a digit, `{`, `(`, `+`, `-`).
 * The document must show the convention: at least one such list stands
 * right under a notes heading (Notes, Footnotes, References, Citations, ...,
 * as html2text writes it or as a plain line); otherwise nothing is read.
 * Each caret item is a note running to the end of its item (its lines
 * indented to its text; a line indented less, such as the next item or a
 * heading, ends it). The notes carry no label: as for browser copies
 * (`caret-reference-list.ts`), the resolver (`src/citation-index/note-lists.ts`)
 * gives each list to the group of markers whose count it matches, in order
 * of appearance, and numbers its notes by their order, carets only (the
 * debris items are not counted, so the written numbers run ahead of the
 * labels after one: `3.` holds note 2 in such a list).
 *
 * Source of the convention: html2text's rendering of MediaWiki's
 * `<ol class="references">` (Cite extension: `<li id="cite_note-...">` with
 * a `mw-cite-backlink` caret, lettered back-links for a note cited several
 * times); checked against the pages' own HTML in the corpus
 * (`ayelearn__fet/topics/*`: every caret item is a `cite_note` entry, no
 * item without a caret is).
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'

/** A notes heading as a plain line, after html2text's asterisks and `[edit]` are taken off. */
const headingWords = /^(?:notes?|footnotes?|endnotes?|references?|citations?|sources?|explanatory notes|works cited)$/i
const editLink = '[edit]'
/** The longest item prefix looked at before a paragraph (`  1234. `). */
const maxPrefix = 16

/** One list item whose paragraph the walk found: its number as written and where its text starts. */
interface Item {
  readonly number: number
  readonly contentStart: number
  /** Whether its text starts with a back-link caret. */
  readonly caret: boolean
}

/** Whether a character code is a space or a tab. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9
}

/** Whether a character code ends a line. */
function isBreak(code: number): boolean {
  return code === 10 || code === 13
}

/** The start of the line holding `offset`. Looks back at most `limit` code units; `-1` beyond that. */
function lineStart(source: string, offset: number, limit: number): number {
  for (let i = offset; i > 0; i--) {
    if (offset - i > limit) return -1
    if (isBreak(source.charCodeAt(i - 1))) return i
  }
  return offset > limit ? -1 : 0
}

/** The number written in `text` when it is blanks, 1 to 4 digits and a dot, then only blanks: `  12. `. */
function itemNumber(text: string): number | undefined {
  let i = 0
  while (i < text.length && isBlank(text.charCodeAt(i))) i++
  const digits = i
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++
  if (i === digits || i - digits > 4 || text.charCodeAt(i) !== 46) return undefined
  for (let j = i + 1; j < text.length; j++) if (!isBlank(text.charCodeAt(j))) return undefined
  return Number.parseInt(text.slice(digits, i), 10)
}

/** The item whose paragraph starts at `start`, if its line (or the line before, when its line holds only blanks) is an item's start. */
function itemAt(source: string, start: number): Omit<Item, 'caret'> | undefined {
  const line = lineStart(source, start, maxPrefix)
  if (line < 0) return undefined
  const prefix = source.slice(line, start)
  const number = itemNumber(prefix)
  if (number !== undefined) return prefix.trim() === '' ? undefined : {number, contentStart: start}
  if (prefix.trim() !== '' || line === 0) return undefined
  // An item whose text starts on the line after its number: `  36.` then the text.
  let previousEnd = line - 1
  if (source.charCodeAt(previousEnd) === 10 && source.charCodeAt(previousEnd - 1) === 13) previousEnd--
  const previous = lineStart(source, previousEnd, maxPrefix)
  if (previous < 0) return undefined
  const above = itemNumber(source.slice(previous, previousEnd))
  return above === undefined ? undefined : {number: above, contentStart: start}
}

/** Whether the caret at `at` is a back-link, not an exponent: followed by the line's end, a blank, a letter or a quotation mark. */
function isBacklink(source: string, at: number): boolean {
  if (source.charCodeAt(at) !== 94) return false
  const next = source.charAt(at + 1)
  return next === '' || isBreak(next.charCodeAt(0)) || isBlank(next.charCodeAt(0)) || /[\p{L}"'“‘«]/u.test(next)
}

/**
 * The end of a caret note's marker at `at`: after `^` and its back-link
 * letters (`^ a b c`, two or more, `a` first, in order; the last may be
 * glued to the text, `^ a bAlder`).
 */
function markerEnd(source: string, at: number): number {
  let end = at + 1
  let p = end
  let letter = 97
  let letters = 0
  let lettersEnd = end
  for (;;) {
    const from = p
    while (isBlank(source.charCodeAt(p))) p++
    if (p === from || source.charCodeAt(p) !== letter) break
    const after = source.charCodeAt(p + 1)
    const glued = !(Number.isNaN(after) || isBlank(after) || isBreak(after))
    // A glued letter ends the run, and only when it does not start a lowercase word (`^ a bird`).
    if (glued && (letters === 0 || (after >= 97 && after <= 122))) break
    letters++
    letter++
    p++
    if (letters >= 2) lettersEnd = p
    if (glued) break
  }
  if (letters >= 2) end = lettersEnd
  return end
}

/** The indentation of the line starting at `start` (blanks before its first other character), and its end. */
function lineFacts(source: string, start: number): {indent: number; textEnd: number; next: number; blank: boolean} {
  let i = start
  while (isBlank(source.charCodeAt(i))) i++
  const indent = i - start
  let end = i
  while (end < source.length && !isBreak(source.charCodeAt(end))) end++
  let next = end
  if (source.charCodeAt(next) === 13) next++
  if (source.charCodeAt(next) === 10) next++
  let textEnd = end
  while (textEnd > i && isBlank(source.charCodeAt(textEnd - 1))) textEnd--
  return {indent, textEnd, next, blank: i === end}
}

/** The end of the note whose item text starts at `contentStart`: its last line indented to its text (trailing blanks excluded). */
function noteEnd(source: string, contentStart: number): number {
  const first = lineStart(source, contentStart, Number.POSITIVE_INFINITY)
  const column = contentStart - first
  let {textEnd: end, next} = lineFacts(source, first)
  while (next < source.length) {
    const line = lineFacts(source, next)
    if (!line.blank) {
      if (line.indent < column) break
      end = line.textEnd
    }
    next = line.next
  }
  return end
}

/** The title of html2text's heading, asterisks, the title, asterisks (`***** References[edit] *****`); other text as it is. */
function withoutAsterisks(text: string): string {
  let start = 0
  while (start < text.length && text.charCodeAt(start) === 42) start++
  let end = text.length
  while (end > start && text.charCodeAt(end - 1) === 42) end--
  return start > 0 && end < text.length ? text.slice(start, end).trim() : text
}

/** Whether the last line with text before `offset` is a notes heading (html2text's or a plain line). */
function underHeading(source: string, offset: number): boolean {
  let end = lineStart(source, offset, Number.POSITIVE_INFINITY)
  while (end > 0) {
    let lineEnd = end - 1
    if (source.charCodeAt(lineEnd) === 10 && source.charCodeAt(lineEnd - 1) === 13) lineEnd--
    const start = lineStart(source, lineEnd, Number.POSITIVE_INFINITY)
    let text = source.slice(start, lineEnd).trim()
    if (text !== '') {
      text = withoutAsterisks(text)
      if (text.endsWith(editLink)) text = text.slice(0, -editLink.length).trimEnd()
      return headingWords.test(text)
    }
    end = start
  }
  return false
}

/** Share of a run's items that must start with a back-link caret. */
const caretShare = 2 / 3

const convention: Convention = {
  meta: {
    id: 'numbered-caret-lists',
    description: 'Encyclopedia reference lists converted by html2text, `   1. ^ a b Source`, under References/Notes, numbered by their carets',
    formats: ['markdown']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    const items: Item[] = []
    for (const block of document.blocks) {
      if (block.notesAllowed || block.verbatim || block.table || block.inDefinition !== undefined) continue
      const item = itemAt(source, block.start)
      if (item) items.push({...item, caret: isBacklink(source, item.contentStart)})
    }
    const runs: Item[][] = []
    for (const item of items) {
      const run = runs.at(-1)
      if (run && run.at(-1)!.number + 1 === item.number) run.push(item)
      else runs.push([item])
    }
    const lists = runs.filter((run) => {
      const carets = run.filter((item) => item.caret).length
      return carets > 0 && carets >= caretShare * run.length
    })
    if (!lists.some((run) => underHeading(source, run[0]!.contentStart))) return
    for (const run of lists) {
      const notes = run.filter((item) => item.caret)
      const list = notes[0]!.contentStart
      for (const item of notes) {
        const start = item.contentStart
        const end = markerEnd(source, start)
        const last = Math.max(end, noteEnd(source, start))
        const raw = source.slice(end, last)
        const content = raw.trim()
        yield {
          role: 'note',
          marker: source.slice(start, end),
          label: '',
          style: 'arabic',
          syntax: 'bracket',
          start,
          end,
          fromText: true,
          noteEnd: last,
          content,
          contentStart: end + (raw.length - raw.trimStart().length),
          list
        }
      }
    }
  }
}

export default convention
