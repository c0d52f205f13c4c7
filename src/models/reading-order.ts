/**
 * The order in which a reader meets the notes, per convention: GFM footnotes
 * in order of first citation (as GFM renderers number them), cited ones
 * only; bracket, symbol and numeral notes in document order. `Ibid.` refers to
 * the note before it in this order; the `ibid-without-antecedent` rule and
 * the coverage summary both read it from here.
 */
import type {CitationIndex, Note} from '../citation-index/types.js'

/** One sequence of notes per convention (GFM, bracket, symbol, numeral), each in reading order. */
export function readingOrder(index: CitationIndex): Note[][] {
  const gfm = index.notes
    .filter((note) => note.syntax === 'gfm' && note.references.length > 0)
    .sort((a, b) => a.references[0]! - b.references[0]!)
  return [
    gfm,
    index.notes.filter((note) => note.syntax === 'bracket'),
    index.notes.filter((note) => note.syntax === 'symbol'),
    index.notes.filter((note) => note.syntax === 'numeral')
  ]
}
