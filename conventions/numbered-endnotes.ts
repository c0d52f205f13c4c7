/**
 * Numbered notes without brackets: a notes list whose entries start a line
 * with a bare number, `4 Source`, `4. Source`, `4) Source`, or the number
 * glued to the first word as PDF text extraction writes it (`4These values
 * ...`). The notes of text copied from a web page (the list's numbers kept)
 * and of PDF text (`pdftotext`), where footnotes sit at the page bottoms
 * between running heads; cited by flattened superscripts (`stalled.4 The`,
 * see flattened-superscripts) or by `[4]` after a space.
 *
 * - Reads: `4. Coll. Minn. Hist. Soc., 1885, vol. 5, p. 130.` and `4These
 * values were estimated numerically`
 * - Must not read: a table of contents line `31 Energy Policy 12`, an
 * ordered list `1. Install the tool`, code tables `01 = Householder`,
 * maths `2 ⊗ I2`, a wrapped line of prose `20 years and finally`.
 *
 * How it tells them apart: a note starts a line with 1 to 3 digits (no
 * leading zero), then `.`, `)` or blanks, or glued to a capital letter, and
 * its text starts with a capital letter, a quotation mark, a parenthesis or
 * a URL; a note that is one short line alone (under 50 characters) ends
 * with closing punctuation or holds a URL (a heading `3. Use of WikiLeaks` or a contents line `1 Units
 * and prefixes` does not; nor does a line with a dot leader `Comey.......`). That still matches numbered lists, so these
 * candidates decide nothing: the resolver keeps them only when they align
 * with flattened references (`src/citation-index/alignment.ts`: at least
 * three notes numbered in ascending order, each after a reference with its
 * number). Plain text only: in Markdown such lines are ordered lists.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {isNoteNumber, linesOf, numeralNotes, type Line, type NoteStart} from '../src/citation-index/numeral-lines.js'

/** Indentation, the number, its separator; the first character of the text is checked apart. */
const noteLine = /^[ \t]*(\d{1,3})([.)]?[ \t]+|(?=\p{Lu}))/u
const noteText = /^(?:\p{Lu}|["“‘'(]|https?:|www\.)/u
const closingEnd = /[.)\]"”’']$/
/** Below this many characters, a line alone without closing punctuation is a heading or contents line. */
const shortLine = 50

/** A note glued inside a line: a cut word, the number, one space, a sentence (`distribu8 For bounded`). */
const gluedStart = /\p{Ll}{2}(\d{1,3}) (?=\p{Lu}\p{Ll})/gu

/**
 * Notes on evidence only (`onEvidence`): a page-bottom footnote that PDF
 * text glued to the last, hyphen-cut line of the page's text
 * (`geometric distribu8 For bounded or unbounded DP; ...`). The shape is a
 * flattened reference's too (`Ankara3 Said`), so such a note stands only
 * as the missing note of an aligned series (`alignment.ts`). Each runs to
 * the next line-start note of its block (`starts`) or to the block's end.
 */
function* gluedNotes(source: string, lines: readonly Line[], starts: readonly NoteStart[], blockEnd: number): Iterable<Candidate> {
  let following = 0
  for (const line of lines) {
    const text = source.slice(line.start, line.end)
    gluedStart.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = gluedStart.exec(text))) {
      const start = line.start + match.index + match[0].length - match[1]!.length - 1
      if (!isNoteNumber(match[1]!)) continue
      while (following < starts.length && starts[following]!.start <= start) following++
      const end = following < starts.length ? starts[following]!.start : blockEnd
      const [note] = numeralNotes(source, [{start, end: start + match[1]!.length, label: match[1]!, contentStart: start + match[1]!.length + 1}], end)
      yield {...note!, onEvidence: true}
    }
  }
}

const convention: Convention = {
  meta: {
    id: 'numbered-endnotes',
    description: 'Notes lists numbered without brackets, `4 Source`, `4. Source`, `4) Source`, `4These ...`',
    formats: ['text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    for (const block of document.blocks) {
      if (!block.notesAllowed) continue
      const starts: NoteStart[] = []
      const lines = linesOf(source, block.start, block.end)
      for (const [i, line] of lines.entries()) {
        const text = source.slice(line.start, Math.min(line.end, line.start + 16))
        const match = noteLine.exec(text)
        if (!match || !isNoteNumber(match[1]!)) continue
        const markerStart = line.start + match[0].indexOf(match[1]!)
        const contentStart = line.start + match[0].length
        if (!noteText.test(source.slice(contentStart, Math.min(line.end, contentStart + 8)))) continue
        // A heading or contents line is short and stands alone without closing punctuation.
        const lineText = source.slice(contentStart, line.end).trimEnd()
        const runsOn = i + 1 < lines.length && !noteLine.test(source.slice(lines[i + 1]!.start, Math.min(lines[i + 1]!.end, lines[i + 1]!.start + 16)))
        if (lineText.includes('....') || lineText.includes('. . . .')) continue // a contents line's dot leader
        // The last line of a block after other text is a page-bottom note cut by a page break (`3 The`).
        const endsBlock = i > 0 && i === lines.length - 1
        if (!runsOn && !endsBlock && lineText.length < shortLine && !closingEnd.test(lineText) && !lineText.includes('http') && !lineText.includes('www.')) continue
        const separator = match[2]!.charAt(0)
        const markerEnd = markerStart + match[1]!.length + (separator === '.' || separator === ')' ? 1 : 0)
        starts.push({start: markerStart, end: markerEnd, label: match[1]!, contentStart})
      }
      yield* numeralNotes(source, starts, block.end)
      yield* gluedNotes(source, lines, starts, block.end)
    }
  }
}

export default convention
