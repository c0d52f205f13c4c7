/**
 * Word footnotes and endnotes (ECMA-376 Part 1, 17.11): structural notes of
 * a DOCX, a reference mark (`w:footnoteReference`, `w:endnoteReference`) in
 * the text and a note in `word/footnotes.xml` or `word/endnotes.xml`, as
 * the DOCX reader hands them over: `footnoteReference` nodes and
 * `footnoteDefinition` nodes whose identifier is `footnote:<w:id>` or
 * `endnote:<w:id>`. DOCX only. The notes of most Word drafts of think-tank
 * and government reports.
 *
 * - Reads: `Talks stalled.3` where `3` is a footnote reference mark, with
 * footnote 3 `Al-Akhbar, October 12, 2015.`
 * - Must not read: `10⁶` or `km²` (a superscript after a digit or a letter
 * is an exponent as often as a note number), a note number typed in
 * brackets (`[3]`: the plain-text conventions read it).
 *
 * References resolve by `w:id` within their series (footnote 1 and endnote 1
 * are two notes), so they share the GFM namespace, which resolves by
 * identifier as Word does; labels are not numbers, so note-order never runs
 * on `w:id`s. A marker names the note with Word's number (`footnote 12`,
 * `endnote ii`). A number typed in superscript where a reference belongs
 * (a superscript run of one to three digits right after punctuation or a
 * closing quote, not a reference mark: the reader marks it
 * `superscript:<digits>`; one typed after a letter is not read) is proposed as
 * a reference that no note can match (`superscript 3`).
 */
import type {Convention} from '../src/citation-index/convention.js'
import {structuralCandidates} from '../src/citation-index/structural-notes.js'

/** `footnote 3` from a label `footnote:<id>` and the mark shown, or `footnote (id 7)` when none is. */
function nameOf(label: string, shown: string): string {
  const colon = label.indexOf(':')
  const series = label.slice(0, colon)
  if (series === 'superscript') return `superscript ${label.slice(colon + 1)}`
  return shown.trim() ? `${series} ${shown.trim()}` : `${series} (id ${label.slice(colon + 1)})`
}

const convention: Convention = {
  meta: {
    id: 'word-footnotes',
    description: 'Word footnotes and endnotes of a DOCX, and note numbers typed in superscript',
    formats: ['docx']
  },
  detect: (document) => structuralCandidates(document, {reference: nameOf, note: nameOf, markBound: 'content'})
}

export default convention
