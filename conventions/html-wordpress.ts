/**
 * Footnotes of the WordPress footnotes block: a reference
 * `<sup class="fn"><a href="#uuid" id="uuid-link">1</a></sup>`, notes
 * `<ol class="wp-block-footnotes"><li id="uuid">text <a href="#uuid-link">↩︎</a></li></ol>`;
 * ids are UUIDs, so the markup is known by its classes. HTML only. Source:
 * the HTML of the core Footnotes block of WordPress 6.3 and later (observed).
 *
 * - Reads: `<sup class="fn"><a href="#a1b2" id="a1b2-link">1</a></sup>` with
 * `<ol class="wp-block-footnotes"><li id="a1b2">Source.</li></ol>`.
 * - Must not read: `<sup class="fn">1</sup>` (no link), the back-link
 * `<a href="#a1b2-link">↩︎</a>` inside the note.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-wordpress', description: 'WordPress footnotes block: `<sup class="fn"><a href="#id">` to `<ol class="wp-block-footnotes">`'},
  {name: 'wordpress', referenceClass: ['fn'], notesClass: ['wp-block-footnotes']}
)
