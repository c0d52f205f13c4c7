/**
 * Footnote markups of HTML pages, as declarative descriptors: how each
 * markup writes a reference (a link to a note) and a note (the element the
 * link targets), and which links inside a note are back-links. The HTML
 * reader (`html.ts`) applies them all; a page may mix them.
 *
 * Sources, one per markup (facts read from each tool's documented or
 * observed output, no code taken):
 * - pandoc and Quarto HTML writers: `<a href="#fn1" class="footnote-ref"
 *   id="fnref1" role="doc-noteref"><sup>1</sup></a>`, notes in
 *   `<section class="footnotes" role="doc-endnotes"><ol><li id="fn1">`,
 *   back-link `class="footnote-back" role="doc-backlink"`;
 * - MediaWiki Cite: `<sup class="reference"><a href="#cite_note-x-1">[1]</a></sup>`,
 *   notes `<ol class="references"><li id="cite_note-x-1">`, back-link
 *   `mw-cite-backlink`; groups `[Note 1]`, `[n 1]`, `[nb 1]`, `[a]`;
 * - Project Gutenberg: `<a href="#Footnote_2_2" class="fnanchor">[2]</a>`
 *   with `<a id="Footnote_2_2">` in `<div class="footnote">`, and
 *   `<a class="tag" href="#note1">1</a>` with `<p class="footnote"><a id="note1">`;
 * - Word "Save as Web Page": `<a href="#_ftn1" name="_ftnref1">`, notes
 *   `<div id="ftn1">` holding `<a href="#_ftnref1" name="_ftn1">`; endnotes `_edn1`;
 * - Google Docs export: `<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>`,
 *   notes `<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> text</p></div>`;
 * - GitHub and remark-gfm: `<sup><a href="#user-content-fn-1" id="user-content-fnref-1"
 *   data-footnote-ref>1</a></sup>`, notes `<section data-footnotes class="footnotes">`,
 *   back-link `data-footnote-backref`;
 * - kramdown: `<sup id="fnref:1"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>`,
 *   notes `<div class="footnotes"><ol><li id="fn:1">`, back-link `reversefootnote`;
 * - WordPress footnotes block: `<sup class="fn"><a href="#uuid" id="uuid-link">1</a></sup>`,
 *   notes `<ol class="wp-block-footnotes"><li id="uuid">`;
 * - DPUB-ARIA 1.0 and EPUB 3 Structural Semantics: `role="doc-noteref"`,
 *   `doc-endnotes`, `doc-footnote`, `doc-endnote`, `doc-backlink`;
 *   `epub:type="noteref"`, `footnote`, `endnote`, `rearnote`; HTMLBook
 *   (O'Reilly) uses `data-type="noteref"` and `data-type="footnote"`.
 */

/** One markup: patterns on attributes (each optional; any match counts). */
export interface HtmlMarkup {
  /** The name shown in documentation and in the `markup` of a note. */
  readonly name: string
  /** A link whose `href` (after `#`) matches is a reference. */
  readonly referenceHref?: RegExp
  /** A link or its `<sup>` whose id matches is a reference. */
  readonly referenceId?: RegExp
  /** A link (or a parent `<sup>`/`<span>`) with one of these classes is a reference. */
  readonly referenceClass?: readonly string[]
  /** An element whose id matches is a note (an empty anchor with such an id: its block). */
  readonly noteId?: RegExp
  /** A container with one of these classes holds notes (its list items or blocks with ids). */
  readonly notesClass?: readonly string[]
  /** A link with one of these classes is a back-link (its text is no prose). */
  readonly backlinkClass?: readonly string[]
}

/** Every markup the reader knows. */
export const htmlMarkups: readonly HtmlMarkup[] = [
  {name: 'pandoc', referenceHref: /^fn\d+$/, referenceId: /^fnref\d+$/, referenceClass: ['footnote-ref'], noteId: /^fn\d+$/, notesClass: ['footnotes'], backlinkClass: ['footnote-back']},
  {name: 'mediawiki', referenceHref: /^cite_note-/, referenceId: /^cite_ref-/, referenceClass: ['reference'], noteId: /^cite_note-/, notesClass: ['references', 'reflist'], backlinkClass: ['mw-cite-backlink', 'cite-accessibility-label']},
  {name: 'gutenberg', referenceHref: /^(Footnote_|FN_?)\w+$/, referenceId: /^(FNanchor|FNref)_?\w+$/, referenceClass: ['fnanchor', 'tag'], noteId: /^(Footnote_|FN_?)\w+$/, notesClass: ['footnote', 'footnotes']},
  {name: 'word', referenceHref: /^_(ftn|edn)\d+$/, referenceId: /^_(ftn|edn)ref\d+$/, noteId: /^_?(ftn|edn)\d+$/},
  {name: 'google-docs', referenceHref: /^ftnt\d+$/, referenceId: /^ftnt_ref\d+$/, noteId: /^ftnt\d+$/},
  {name: 'github', referenceHref: /^user-content-fn-/, referenceId: /^user-content-fnref-/, noteId: /^user-content-fn-/, notesClass: ['footnotes'], backlinkClass: ['data-footnote-backref']},
  {name: 'kramdown', referenceHref: /^fn:/, referenceId: /^fnref:/, referenceClass: ['footnote'], noteId: /^fn:/, notesClass: ['footnotes'], backlinkClass: ['reversefootnote']},
  {name: 'wordpress', referenceClass: ['fn'], notesClass: ['wp-block-footnotes']},
  {name: 'numbered-notes', referenceHref: /^(note|endnote|footnote|fn|n)[-_]?\d+$/i, referenceId: /^(noteref|ref|fnref|tag)[-_]?\d+$/i, noteId: /^(note|endnote|footnote)[-_]?\d+$/i, notesClass: ['notes', 'endnotes', 'footnotes', 'references']}
]

/** ARIA roles, EPUB types and HTMLBook data types of a reference. */
export const referenceTypes: ReadonlySet<string> = new Set(['doc-noteref', 'noteref'])
/** ARIA roles, EPUB types and HTMLBook data types of a note or a notes container. */
export const noteTypes: ReadonlySet<string> = new Set(['doc-footnote', 'doc-endnote', 'footnote', 'endnote', 'rearnote', 'note'])
/** ARIA roles and EPUB types of a notes container. */
export const notesTypes: ReadonlySet<string> = new Set(['doc-endnotes', 'endnotes', 'footnotes', 'rearnotes'])
/** ARIA roles and EPUB types of a back-link. */
export const backlinkTypes: ReadonlySet<string> = new Set(['doc-backlink', 'backlink'])

/** A label a reader may see as a note marker (trimmed): a number, a letter, a roman numeral, a symbol, or a group label (`Note 1`, `n 1`, `nb 1`), bare or in brackets. */
const markerPattern = /^[[(]?(?:(?:note|nb|n|fn) ?)?(?:\d{1,4}|[a-z]{1,2}|[ivxlc]{1,6}|[*†‡§])[\])]?\.?$/i

/** Whether a link's text is a note marker (see `markerPattern`); white space around it is ignored. */
export function isMarkerText(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.length > 0 && trimmed.length <= 16 && markerPattern.test(trimmed)
}
