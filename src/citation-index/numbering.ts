/**
 * Shared reading of the document's numbering style, used by the rules that
 * split unresolved references between them (`undefined-reference` takes those
 * written in the notes' style, `broken-marker` the rest), so that every
 * unresolved marker is reported exactly once.
 */
import {toRoman} from './marker.js'
import type {CitationIndex, Reference} from './types.js'

/**
 * Whether an unresolved reference is written the way the notes are: a GFM
 * call with a valid label, a symbol, a note group's label (`[nb 1]`), a named citation (`[RFC2119]`), or a bracket label in the notes'
 * numbering style (arabic when the document has no bracket notes).
 */
export function fitsNumbering(reference: Reference, index: CitationIndex): boolean {
  if (reference.syntax === 'gfm') return reference.style === 'caret'
  if (reference.syntax === 'symbol') return true
  if (reference.style === 'group') return true
  if (reference.syntax === 'named') return true
  const style = index.numberingStyle
  if (style === 'none' || style === 'caret') return reference.style === 'arabic'
  return reference.style === style
}

/** The bracket marker for `value` in the document's numbering style: `[5]` or `[v]`. */
export function markerFor(value: number, index: CitationIndex): string {
  return `[${index.numberingStyle === 'roman' ? toRoman(value) : String(value)}]`
}

/**
 * The number or label a reference shows, without its brackets, a group's
 * name or a closing dot: `3` for `3`, `[3]`, `(3)`, `[Note 3]`, `3.`; `c`
 * for `[c]`. `undefined` when the marker shows no number or label (`↩`,
 * an icon, a symbol, words). For matching a reference with the number a
 * reader sees for its note (`Note.shown`).
 */
export function shownLabel(marker: string): string | undefined {
  const match = /^[[(]?(?:(?:note|nb|n|fn) ?)?(\d{1,4}|[a-z]{1,2}|[ivxlc]{1,6})[\])]?\.?$/i.exec(marker.trim())
  return match ? match[1] : undefined
}

/**
 * Whether a reference's shown label (see {@link shownLabel}) and a note's
 * shown number disagree, each read as what it is: digits against digits,
 * letters or roman numerals against letters or roman numerals (case
 * ignored). A digit against a letter is not compared: a stylesheet may draw
 * a list in letters that its markup numbers.
 */
export function shownDiffers(label: string, shown: string): boolean {
  const digits = /^\d+$/
  if (digits.test(label) !== digits.test(shown)) return false
  if (digits.test(label)) return Number(label) !== Number(shown)
  return label.toLowerCase() !== shown.toLowerCase()
}
