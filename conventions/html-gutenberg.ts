/**
 * Footnotes of Project Gutenberg HTML editions: a reference
 * `<a id="FNanchor_2_2" href="#Footnote_2_2" class="fnanchor">[2]</a>` with
 * its note `<div class="footnote"><a id="Footnote_2_2" href="#FNanchor_2_2">[2]</a> text</div>`,
 * or `<a class="tag" href="#note1">1</a>` with `<p class="footnote"><a id="note1">`.
 * HTML only. Source: the HTML of Project Gutenberg ebooks (observed; the
 * plain-text editions are read by `gutenberg-footnotes`).
 *
 * - Reads: `<a id="FNanchor_1" href="#Footnote_1" class="fnanchor">[1]</a>` with
 * `<div class="footnote"><a id="Footnote_1">[1]</a> Source.</div>`.
 * - Must not read: `<a href="#Page_12">12</a>` (a page anchor), the
 * back-link `<a href="#FNanchor_1">[1]</a>` at the start of the note.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-gutenberg', description: 'Project Gutenberg HTML footnotes: `<a href="#Footnote_1" class="fnanchor">` to `<div class="footnote">`'},
  {
    name: 'gutenberg',
    referenceHref: /^(Footnote_|FN_?)\w+$/,
    referenceId: /^(FNanchor|FNref)_?\w+$/,
    referenceClass: ['fnanchor', 'tag'],
    noteId: /^(Footnote_|FN_?)\w+$/,
    certainNoteId: /^Footnote_/,
    notesClass: ['footnote', 'footnotes']
  }
)
