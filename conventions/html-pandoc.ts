/**
 * Footnotes of pandoc's and Quarto's HTML writers: a reference
 * `<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>`,
 * notes in `<section class="footnotes" role="doc-endnotes"><ol><li id="fn1">`,
 * each with a back-link `<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a>`.
 * HTML only. Source: the output of pandoc's HTML writer (observed, and its
 * manual's "Footnotes" section).
 *
 * - Reads: `<a href="#fn1" class="footnote-ref" id="fnref1"><sup>1</sup></a>` with
 * `<section class="footnotes"><ol><li id="fn1">Source.</li></ol></section>`.
 * - Must not read: `<a href="#fig1">1</a>` (an id no note markup uses, outside
 * any notes section), the back-link `<a href="#fnref1" class="footnote-back">↩︎</a>`.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-pandoc', description: 'pandoc and Quarto HTML footnotes: `<a href="#fn1" class="footnote-ref">` to `<section class="footnotes">`'},
  {name: 'pandoc', referenceHref: /^fn\d+$/, referenceId: /^fnref\d+$/, referenceClass: ['footnote-ref'], noteId: /^fn\d+$/, notesClass: ['footnotes'], backlinkClass: ['footnote-back']}
)
