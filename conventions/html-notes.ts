/**
 * Footnotes of an HTML page, in any of the markups the `html-*` conventions
 * declare (`html-pandoc`, `html-mediawiki`, `html-gutenberg`, `html-word`,
 * `html-google-docs`, `html-github`, `html-kramdown`, `html-wordpress`,
 * `html-dpub` for DPUB-ARIA, EPUB and HTMLBook, and `html-generic`), which
 * the engine hands to the HTML reader, and the reader's generic signal: a
 * `<sup>` or bracketed link whose text is a number or label and whose
 * `href` targets a note in a notes section. The reader hands them over as
 * `footnoteReference` nodes (a reference link: its label is the label of
 * the note it targets, or `#id` when its target is missing) and
 * `footnoteDefinition` nodes (a note: labelled with its id, with the number
 * a reader sees for it, its place in its `<ol>` or the number written at
 * its start, passed on as `shown`). HTML only.
 *
 * - Reads: `<sup><a href="#fn1" class="footnote-ref">1</a></sup>` with
 * `<section class="footnotes"><ol><li id="fn1">Source.</li></ol></section>`.
 * - Must not read: `10<sup>6</sup>` (no link), `<a href="#section-2">2</a>`
 * (a link to a heading, outside any notes section, with no markup's signal),
 * the back-link `<a href="#fnref1">↩︎</a>` inside a note.
 *
 * References resolve by the target id, as a browser follows the link (GFM
 * namespace: one label, one note); the marker is the link's text as shown.
 */
import type {Convention} from '../src/citation-index/convention.js'
import {structuralCandidates} from '../src/citation-index/structural-notes.js'

const convention: Convention = {
  meta: {
    id: 'html-notes',
    description: 'Footnotes of an HTML page: reference links to notes by id, in the common markups',
    formats: ['html']
  },
  detect: (document) =>
    structuralCandidates(document, {reference: (label, shown) => shown.trim() || label, note: (label) => `#${label}`, markBound: 'note'})
}

export default convention
