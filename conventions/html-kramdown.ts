/**
 * Footnotes of kramdown's HTML converter (Jekyll sites): a reference
 * `<sup id="fnref:1"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>`,
 * notes `<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1">`,
 * back-links `<a href="#fnref:1" class="reversefootnote">↩</a>`. HTML only.
 * Source: kramdown's syntax documentation ("Footnotes") and its output.
 *
 * - Reads: `<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup>` with
 * `<div class="footnotes"><ol><li id="fn:1">Source.</li></ol></div>`.
 * - Must not read: `<a href="#fig:1">1</a>` (another id scheme), the
 * back-link `<a href="#fnref:1" class="reversefootnote">↩</a>`.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-kramdown', description: 'kramdown HTML footnotes: `<a href="#fn:1" class="footnote">` to `<div class="footnotes">`'},
  {
    name: 'kramdown',
    referenceHref: /^fn:/,
    referenceId: /^fnref:/,
    referenceClass: ['footnote'],
    noteId: /^fn:/,
    certainNoteId: /^fn:/,
    notesClass: ['footnotes'],
    backlinkClass: ['reversefootnote']
  }
)
