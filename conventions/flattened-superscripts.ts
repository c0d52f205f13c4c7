/**
 * Flattened superscripts: a note number that was a superscript before the
 * text was copied from a web page or extracted from a PDF, now glued to the
 * end of a word or to punctuation (`talks stalled.4 The`, `premiums,12 and`,
 * `Ankara3 said`, `(NHEA).1`). Its notes are lines that start with the
 * number (see numbered-endnotes) or, when the copy dropped the list's
 * numbers, paragraphs ending in a back-link arrow `↩` under a Notes,
 * Endnotes or Footnotes heading, numbered by their order.
 *
 * - Reads: `Indians,1 bases his belief` with `1. Coll. Minn. Hist. Soc.`;
 * `Affordable Care Act2 and` with the second `... Act.↩︎` paragraph under
 * `Footnotes`
 * - Must not read: `COVID-19`, `$2.5`, `1,000`, `HISIM2`, `CO2`, `x2`,
 * `mp3`, `Section 508`, `H.R. 1`, `10:30`, `3rd`, OCR debris `!!7!`, `'5?`;
 * a number set off by a space (`sharply. 7 Officials`) unless the notes
 * vouch for it.
 *
 * How it tells them apart: a candidate is 1 to 3 digits (no leading zero)
 * right after a closing punctuation mark that follows a non-digit
 * (`.,;:)]”’"'`; not `!` or `?`, which OCR scatters around digits), or after a word of three or more letters ending in a
 * lowercase one, and followed by a space, a line end or punctuation that
 * does not continue a number. Numbers are everywhere in prose, so the
 * candidates decide nothing on their own: the resolver keeps them only when
 * they align with a notes list (`src/citation-index/alignment.ts`; the
 * evidence threshold is three notes in ascending order, each after a
 * candidate with its number). A number set off by a space after a
 * sentence's punctuation (`statisticians. 3 Disclosure`, as PDF text sets a
 * superscript) is mostly debris in OCR and PDF text (page numbers, list
 * items), so it is proposed on evidence only: it never starts a series, and
 * stands only as the missing reference of an aligned note, between the
 * reference numbered one less and the note. Plain text only.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {isNoteNumber} from '../src/citation-index/numeral-lines.js'

const digitRun = /\d+/g
const closing = /[.,;:)\]”’"']/
const lowercase = /\p{Ll}/u
const letter = /\p{L}/u
const digit = /\d/
const space = /\s/
/** What may follow a reference: a space, the end, or punctuation not continuing a number (`1,000`, `2.5`, `10:30`). */
const after = /[\s)\]”’"']/
const continuing = /[.,:]/
/** A heading over notes whose numbers the copy dropped. */
const notesHeading = /^(?:foot|end)?notes:?$/i
const backLink = /↩\uFE0E?\uFE0F?$/u

/** Sentence-ending punctuation a spaced superscript follows (`sharply. 7 Officials`, `costs; 12 the`). */
const sentenceEnd = /[.;:”"]/

/**
 * Whether the digits at `at` (`length` long) in `text`, after a space, stand
 * as a PDF sets a superscript after punctuation: `word. 7 Officials`, a
 * word of two or more letters, punctuation that ends a sentence or a
 * clause, one space, the number, then one space and a capital letter, or
 * the line's end.
 */
function spacedAfter(text: string, at: number, length: number): boolean {
  if (!sentenceEnd.test(text.charAt(at - 2)) || !letter.test(text.charAt(at - 3)) || !letter.test(text.charAt(at - 4))) return false
  const next = text.charAt(at + length)
  if (next === '\n' || next === '\r' || next === '') return true
  return next === ' ' && /\p{Lu}/u.test(text.charAt(at + length + 1))
}

const convention: Convention = {
  meta: {
    id: 'flattened-superscripts',
    description: 'Note numbers flattened into the text, `stalled.4 The`, `Ankara3 said`, with numbered or `↩` notes',
    formats: ['text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    let underHeading = false
    let order = 0
    for (const block of document.blocks) {
      const text = source.slice(block.start, block.end)
      // Unnumbered notes ending in `↩` under a notes heading, numbered by order.
      if (notesHeading.test(text.trim())) {
        underHeading = true
        order = 0
        continue
      }
      if (underHeading && block.notesAllowed && backLink.test(text)) {
        order++
        const arrow = text.lastIndexOf('↩')
        const content = text.slice(0, arrow).trimEnd()
        yield {
          role: 'note', marker: '', label: String(order), style: 'arabic', syntax: 'numeral',
          start: block.start, end: block.start, fromText: true,
          noteEnd: block.end, content, contentStart: block.start
        }
        continue
      }
      underHeading = false

      digitRun.lastIndex = 0
      let match: RegExpExecArray | null
      while ((match = digitRun.exec(text))) {
        const digits = match[0]
        if (!isNoteNumber(digits)) continue
        const at = match.index
        const before = text.charAt(at - 1)
        const next = text.charAt(at + digits.length)
        if (!before || digit.test(before)) continue
        if (before === ' ') {
          // Set off by a space, as PDF text sets a superscript after a full stop (`statisticians. 3 Disclosure`): on evidence only.
          if (spacedAfter(text, at, digits.length)) {
            const start = block.start + at
            yield {role: 'reference', marker: digits, label: digits, style: 'arabic', syntax: 'numeral', start, end: start + digits.length, fromText: true, onEvidence: true}
          }
          continue
        }
        const afterNext = text.charAt(at + digits.length + 1)
        // A day glued to its month in OCR text: `December6, 2016`.
        if (next === ',' && space.test(afterNext) && digit.test(text.charAt(at + digits.length + 2))) continue
        if (next && !after.test(next) && !(continuing.test(next) && (!afterNext || space.test(afterNext)))) continue
        if (closing.test(before)) {
          const beforeBefore = text.charAt(at - 2)
          // After a blank only as PDF text spaces a sentence's full stop: `10−15 .4 For`.
          if (!beforeBefore || (space.test(beforeBefore) && !(before === '.' && space.test(next) && /\p{Lu}/u.test(afterNext)))) continue
          // A decimal (`1.5`) unless a year ends a sentence (`in 2026.7 The`); a section label (`IV.A.4`).
          // A closing double quote ends a quotation whatever it holds: `“National L2”9 , written`.
          if (digit.test(beforeBefore) && before !== '”' && !(before === '.' && space.test(next) && /\p{Lu}/u.test(afterNext))) continue
          if (/\p{Lu}/u.test(beforeBefore) && text.charAt(at - 3) === '.') continue
        } else if (!(lowercase.test(before) && letter.test(text.charAt(at - 2)) && letter.test(text.charAt(at - 3)))) continue
        const start = block.start + at
        yield {role: 'reference', marker: digits, label: digits, style: 'arabic', syntax: 'numeral', start, end: start + digits.length, fromText: true}
      }
    }
  }
}

export default convention
