/**
 * Where a finding about a note is shown, for formats whose notes have no
 * place of their own (see `Reader.notesAtReferences`; DOCX): at the note's
 * first reference. A Word footnote is read at the foot of a page, reached
 * through its reference mark, and a person finds it from there; the message
 * names the note (`footnote 12`).
 */
import {lastStartingBy} from '../citation-index/search.js'
import type {CitationIndex, Span} from '../citation-index/types.js'

/**
 * A function from a span to the span a finding there is shown at: the span
 * of the first reference of the note holding it, when it lies in a note
 * of the reader's own (a `footnoteDefinition` of its tree, GFM syntax: a
 * Word footnote or endnote; typed notes lists keep their places), from its
 * marker to its end, that a reference uses; else the span itself.
 * O(n) to prepare, O(log n) per span.
 */
export function notePlacer(index: CitationIndex): (span: Span) => Span {
  const notes = index.notes
    .filter((note) => note.syntax === 'gfm')
    .map((note) => ({start: note.span.start.offset, end: note.span.end.offset, first: note.references[0]}))
  notes.sort((a, b) => a.start - b.start)
  return (span) => {
    const found = notes[lastStartingBy(notes, span.start.offset)]
    if (!found || found.first === undefined || span.start.offset >= Math.max(found.end, found.start + 1)) return span
    return index.references[found.first]?.span ?? span
  }
}
