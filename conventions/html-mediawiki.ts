/**
 * Footnotes of MediaWiki's Cite extension (Wikipedia): a reference
 * `<sup class="reference"><a href="#cite_note-x-1">[1]</a></sup>` (id
 * `cite_ref-x-1`), notes `<ol class="references"><li id="cite_note-x-1">`
 * (also in `div.reflist`), with back-links in `span.mw-cite-backlink`;
 * grouped references are shown `[Note 1]`, `[n 1]`, `[nb 1]`, `[a]`.
 * HTML only. Source: the HTML MediaWiki renders for `<ref>` and
 * `<references />` (Extension:Cite documentation, observed pages).
 *
 * - Reads: `<sup class="reference"><a href="#cite_note-1">[1]</a></sup>` with
 * `<ol class="references"><li id="cite_note-1">Source.</li></ol>`.
 * - Must not read: `<sup>[citation needed]</sup>` (no link to a note), the
 * back-link `<span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span>`.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-mediawiki', description: 'MediaWiki Cite footnotes: `<sup class="reference"><a href="#cite_note-1">` to `<ol class="references">`'},
  {
    name: 'mediawiki',
    referenceHref: /^cite_note-/,
    referenceId: /^cite_ref-/,
    referenceClass: ['reference'],
    noteId: /^cite_note-/,
    certainNoteId: /^cite_note-/,
    notesClass: ['references', 'reflist'],
    backlinkClass: ['mw-cite-backlink', 'cite-accessibility-label']
  }
)
