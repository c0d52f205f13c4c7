/**
 * Which notes no reference cites: the fact `unused-note` reports and other
 * rules leave to it (one fault, one message).
 */
import type {CitationIndex} from './types.js'

/**
 * The indexes of the notes of `index` that no reference cites: the first
 * note with its key whose `references` are empty (a later note with the
 * same label is `duplicate-note`'s), and a near-miss GFM definition
 * (`Note.meant`) that no call means (`Reference.meantNote`). Linear in the
 * references and notes.
 */
export function uncitedNotes(index: Pick<CitationIndex, 'notes' | 'references'>): ReadonlySet<number> {
  const meant = new Set<number>()
  for (const reference of index.references) if (reference.meantNote !== undefined) meant.add(reference.meantNote)
  const uncited = new Set<number>()
  for (const note of index.notes) {
    const cited = note.meant === undefined ? note.firstWithKey !== note.index || note.references.length > 0 : meant.has(note.index)
    if (!cited) uncited.add(note.index)
  }
  return uncited
}
