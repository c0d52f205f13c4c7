/**
 * Unicode superscript digits as note markers: `claim.¹`, `²³`, `⁽¹⁾`, with
 * notes that start a line with the same number in superscript digits and a
 * space (`¹ In Denmark, ...`) or as a bare number (`1. Source`, see
 * numbered-endnotes). Tables and notes of encyclopedia copies and of text
 * typed in word processors.
 *
 * - Reads: `claim.¹ The` with `¹ Source, 2019.`
 * - Must not read: units and exponents, `ft²`, `10⁶`, `cm³`, `2²⁵`, `km²`.
 *
 * How it tells them apart: a reference is a run of superscript digits (with
 * optional superscript parentheses) not at a line start, not after a digit,
 * a blank (`Country ¹` marks a table column) or another superscript, and not after a unit of measure (`m`, `cm`, `km`,
 * `ft`, `mi`, ...). A note starts a line with superscript digits and a
 * space. Like flattened numbers, the candidates decide nothing alone: the
 * resolver keeps them only when references and notes align (three notes in
 * ascending order, each after a reference with its number;
 * `src/citation-index/alignment.ts`).
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {isNoteNumber, linesOf, numeralNotes, type NoteStart} from '../src/citation-index/numeral-lines.js'

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const run = /⁽?[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾?/g
const noteLine = /^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]+(?=\S)/
const digit = /\d/
const letter = /\p{L}/u
const wordBefore = /\p{L}+$/u
/** Units whose powers are written with superscripts. */
const units = new Set(['m', 'cm', 'mm', 'km', 'ft', 'in', 'mi', 'yd', 'sq', 's', 'kg', 'g', 'l', 'μm', 'nm', 'x', 'n'])

/** The ASCII digits of a run of superscript digits. */
function toDigits(text: string): string {
  let out = ''
  for (const char of text) {
    const value = superscripts.indexOf(char)
    if (value >= 0) out += String(value)
  }
  return out
}

const convention: Convention = {
  meta: {
    id: 'unicode-superscripts',
    description: 'Superscript digits `claim.¹` with notes `¹ Source` or `1. Source`',
    formats: ['markdown', 'text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    for (const block of document.blocks) {
      const starts: NoteStart[] = []
      for (const line of linesOf(source, block.start, block.end)) {
        const text = source.slice(line.start, line.end)
        const note = block.notesAllowed ? noteLine.exec(text) : null
        if (note && isNoteNumber(toDigits(note[1]!))) {
          const start = line.start + note[0].indexOf(note[1]!)
          starts.push({start, end: start + note[1]!.length, label: toDigits(note[1]!), contentStart: line.start + note[0].length})
        }
        run.lastIndex = note ? note[0].length : 0
        let match: RegExpExecArray | null
        while ((match = run.exec(text))) {
          const label = toDigits(match[0])
          if (!isNoteNumber(label) || !text.slice(0, match.index).trim()) continue
          const before = text.charAt(match.index - 1)
          // After a digit: an exponent; after a blank: a table's column mark, not a note marker.
          if (digit.test(before) || before === '⁾' || /\s/.test(before)) continue
          if (letter.test(before)) {
            // A unit's power: `km²`, `ft²`, `(10-mi²)`.
            const word = wordBefore.exec(text.slice(Math.max(0, match.index - 12), match.index))
            if (word && units.has(word[0].toLowerCase())) continue
          }
          const start = line.start + match.index
          yield {role: 'reference', marker: match[0], label, style: 'arabic', syntax: 'numeral', start, end: start + match[0].length, fromText: true}
        }
      }
      yield* numeralNotes(source, starts, block.end)
    }
  }
}

export default convention
