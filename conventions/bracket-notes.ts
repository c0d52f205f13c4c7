/**
 * Bracket markers with a notes list: a reference `[1]` glued to the text
 * (`in Syria.[1]`), and a notes list whose entries start a line with the
 * same marker (`[1] Al-Akhbar (Lebanon), October 12, 2015.`), usually at the
 * end, maybe under a heading such as Notes. The convention of reports pasted
 * from the web and of Wikipedia copies; numbers, roman numerals and single
 * letters (`[iv]`, `[b]`) are read, and malformed numbers (`[1a]`, `[ 3]`)
 * are read as broken markers.
 *
 * - Reads: `talks stalled.[1] The` with `[1] Al-Akhbar, October 12, 2015.`
 * - Must not read: editorial brackets, `[sic]`, `[...]`, `[the IRGC]`,
 * `[t]he`, `collud[e]`, `"[a] list`, `d[^a][n]wongg`; `[1]:` (a link
 * definition's shape); array indexes `S[0]`, `S1[i]`, `W [1]` on a formula
 * line (unless they continue
 * the series: `Roman lead pipes[n]` after `[m]`); an original edition's
 * year `(2004) [1961]`; a legend `[1]  = Whole-note`; a book index's page
 * `Banjo, [20]`.
 *
 * How it tells them apart: a label must look like a marker (digits, a roman
 * numeral, one letter, a malformed number). At a line start, `[n]` followed
 * by text starts a note (a roman or letter label only before a space);
 * elsewhere it is a reference. A roman, letter or malformed label is a
 * reference only right after punctuation that closes something (`others."[v]`),
 * not after a space, a letter or an opening quote or bracket, and not run
 * into the next word; a number with a blank inside (`[3 ]`) is a typo of a
 * marker and read wherever it stands. A note found inside a paragraph of prose is a
 * reference wrapped onto a new line (`[2]`) or nothing (`[W]e`): the
 * resolver decides that per paragraph. A bracket glued to a one-letter word
 * that is not English (`S[0]`, not `A[1]`) has an index's shape, and a
 * letter glued to a word (`collud[e]`) a completion's: both are proposed on
 * evidence only, and stand when they continue the document's series of
 * references (`pipes[n]` after `[m]`, `P391[238]` after `[237]`; see
 * `src/citation-index/series-policy.ts`); so is, in plain text, a bracket
 * after a one-letter name on a line of a displayed formula, which PDF text
 * sets on lines of their own (`B[1] ⊗ W [1]`, `A[1] = 1>`, `1n[1] 1>`: a
 * line with no word of two letters); a four-digit label
 * after a year (`(1863 [1859])`) is a year; a line-start `[1]` followed by
 * `=` is a legend entry, and a block with two such entries holds no notes; a
 * block whose lines mostly end in a page number after a comma is a book
 * index, with no markers (TeX debris such as `[J_{x},K_{y}]=K_{z}` is no
 * legend entry). A roman or
 * letter label after a bracket that was no marker (`[^a][n]`) is inside a
 * word. A letter followed by a C1 control character (`mg[t]â\u0080\u0094`,
 * a dash decoded twice) does not run into a word. A roman or letter note
 * found at a line start inside prose is a reference wrapped onto that line
 * when the line before ends a sentence (`slowly.)` / `[i] The four`), else
 * nothing (`("short" mark)` / `[n] small raised n`, a transcriber's legend). The resolver uses this convention
 * only with bracket notes (in Markdown, a reference followed by its note),
 * and drops numbers far outside the notes' numbering.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {labelStyle} from '../src/citation-index/marker.js'
import {bookIndex, formulaIndex, gluedToIdentifier, legendEntry, originalYear} from '../src/citation-index/bracket-shapes.js'

const wordChar = /[\p{L}\p{N}_]/u
/** Punctuation that closes a word, clause or quotation, after which a roman or letter marker may stand. */
const closingChar = /[.,;:!?)\]}"'”’»…%]/
const straightQuote = /["']/
const space = /\s/
const spacedDigits = /^[ \t]*\d{1,5}[ \t]*$/
const lowerLetter = /^[a-z]$/
/** A label holding TeX's braces, backslash or subscript, or a comma (a maths expression, such as a commutator `[J_{x},K_{y}]`). */
const texLabel = /[{}\\_,]/

/** C1 control characters: never text, but what a UTF-8 dash or quote read as Latin-1 leaves after its first byte (`â\u0080\u0094`). */
const c1Control = /[\u0080-\u009f]/

/** Whether the letter at `at` starts mojibake (`â` then a C1 control: a dash or quotation mark decoded twice), not a word. */
function mojibakeAt(source: string, at: number): boolean {
  return c1Control.test(source.charAt(at + 1))
}

const sentenceEnd = /[.!?]/
const closingMark = /[)\]"'”’»]/

/**
 * Whether the line-start marker at `start` continues a line that ends a
 * sentence (`.`, `!` or `?`, maybe then closing brackets and quotation
 * marks: `slowly.)` / `[i] The four`): a roman or letter reference wrapped
 * onto a new line, as it stands after punctuation inside a line.
 */
function wrappedAfterClosing(source: string, start: number): boolean {
  let i = start
  while (i > 0 && (source.charAt(i - 1) === ' ' || source.charAt(i - 1) === '\t')) i--
  if (source.charAt(i - 1) !== '\n' && source.charAt(i - 1) !== '\r') return false
  i--
  if (source.charAt(i) === '\n' && source.charAt(i - 1) === '\r') i--
  while (i > 0 && (source.charAt(i - 1) === ' ' || source.charAt(i - 1) === '\t')) i--
  while (i > 0 && closingMark.test(source.charAt(i - 1))) i--
  return i > 0 && sentenceEnd.test(source.charAt(i - 1))
}

const convention: Convention = {
  meta: {
    id: 'bracket-notes',
    description: 'Bracket references `in Syria.[1]` and a notes list `[1] Source, date.`',
    formats: ['markdown', 'text', 'docx']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source, format} = document
    for (const [block, {tokens, notesAllowed, start, end}] of document.blocks.entries()) {
      // A book index's page numbers (`Banjo, [20]`) are neither references nor notes.
      if (format === 'text' && tokens.some((token) => token.kind === 'bracket') && bookIndex(source, start, end)) continue
      // A legend (`[O]  = A circle`, two or more entries) holds no notes, even in entries such as `[C]  or [C/4] = ...`.
      // TeX debris (`[J_{x},K_{y}]=K_{z}`, a commutator) is no legend entry.
      const legend = tokens.filter((token) => token.kind === 'bracket' && token.lineStart && !texLabel.test(token.label) && legendEntry(source, token.end)).length >= 2
      // The end of the last bracket token that was not a marker (`[^a]` in `d[^a][n]wongg`).
      let editorialEnd = -1
      for (const token of tokens) {
        if (token.kind !== 'bracket') continue
        const afterEditorial = token.start === editorialEnd
        // In Markdown a caret bracket is a GFM call (a marker); in plain text it is editorial.
        editorialEnd = token.caret && format === 'markdown' ? -1 : token.end
        if (token.caret) continue
        if (format === 'markdown' && token.slashes % 2 === 1) continue
        const style = labelStyle(token.label, false)
        if (!style) continue
        const {before, next} = token
        // An original edition's year (`(2004) [1961]`) is not a marker.
        if (!token.lineStart && originalYear(source, token.label, token.start)) continue
        const item = {marker: source.slice(token.start, token.end), label: token.label, style, syntax: 'bracket', start: token.start, end: token.end, block, fromText: true} as const
        const numeric = style === 'arabic'
        // An array index's shape (`S[0]`, `S1[i]`, `P391[238]`): a reference only if it continues the document's series.
        if (!token.lineStart && (gluedToIdentifier(source, token.start) || (format === 'text' && formulaIndex(source, token.start)))) {
          if (numeric || lowerLetter.test(token.label)) yield {...item, role: 'reference', onEvidence: true}
          continue
        }
        if (token.lineStart && notesAllowed) {
          // `[1] Al-Akhbar ...` starts a note; `[W]e want` is editorial.
          // `[1]  = Whole-note` is a legend entry.
          if (legend || legendEntry(source, token.end)) continue
          if (numeric ? next !== ':' && next !== '(' && next !== '[' : next === '' || space.test(next)) {
            editorialEnd = -1
            yield {...item, role: 'note', inProse: numeric || wrappedAfterClosing(source, token.start) ? 'reference' : 'drop'}
            continue
          }
          if (!numeric) continue
        }
        // A number with a blank inside its brackets (`[3 ]`) is a typo of a marker, wherever it stands.
        const spacedNumber = style === 'malformed' && spacedDigits.test(token.label)
        if (!numeric && !spacedNumber) {
          // Editorial brackets stand apart from the text before them, complete
          // a word, run into the word after it or open a quotation: `said [the
          // IRGC]`, `collud[e]`, `[t]he`, `"[a] list`. A marker follows
          // punctuation that closes something: `others."[v]`.
          // A letter after an editorial bracket glued to a word is inside the word: `d[^a][n]wongg`.
          if ((wordChar.test(next) && !mojibakeAt(source, token.end)) || afterEditorial) continue
          if (!closingChar.test(before)) {
            // A letter glued to a word (`pipes[n]`, `gas[o])`) is a completion (`collud[e]`) unless it continues the document's series.
            if (wordChar.test(before) && lowerLetter.test(token.label)) yield {...item, role: 'reference', onEvidence: true}
            continue
          }
          const beforeQuote = token.beforeBefore
          if (straightQuote.test(before) && (!beforeQuote || space.test(beforeQuote))) continue
        }
        editorialEnd = -1
        yield {...item, role: 'reference'}
      }
    }
  }
}

export default convention
