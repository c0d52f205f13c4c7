/**
 * Footnotes as GitHub and remark-gfm render them: a reference
 * `<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup>`,
 * notes in `<section data-footnotes class="footnotes"><ol><li id="user-content-fn-1">`,
 * back-links `<a href="#user-content-fnref-1" data-footnote-backref>↩</a>`.
 * HTML only. Source: GitHub Flavored Markdown spec (footnotes extension)
 * and the HTML of github.com and mdast-util-to-hast (observed).
 *
 * - Reads: `<sup><a href="#user-content-fn-1" data-footnote-ref>1</a></sup>` with
 * `<section data-footnotes><ol><li id="user-content-fn-1">Source.</li></ol></section>`.
 * - Must not read: `<a href="#user-content-methods">1</a>` (a heading anchor),
 * the back-link `<a href="#user-content-fnref-1" data-footnote-backref>↩</a>`.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-github', description: 'GitHub and remark-gfm footnotes: `<a href="#user-content-fn-1" data-footnote-ref>` to `<section data-footnotes>`'},
  {
    name: 'github',
    referenceHref: /^user-content-fn-/,
    referenceId: /^user-content-fnref-/,
    referenceAttribute: ['dataFootnoteRef'],
    noteId: /^user-content-fn-/,
    certainNoteId: /^user-content-fn-/,
    notesClass: ['footnotes'],
    notesAttribute: ['dataFootnotes'],
    backlinkClass: ['data-footnote-backref'],
    backlinkAttribute: ['dataFootnoteBackref']
  }
)
