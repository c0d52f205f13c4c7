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
