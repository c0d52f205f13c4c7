/**
 * Footnotes of a Google Docs HTML export: a reference
 * `<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>`, its note
 * `<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> text</p></div>` at the
 * end of the page. HTML only. Source: the HTML of "File > Download > Web
 * page" in Google Docs (observed).
 *
 * - Reads: `<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>` with
 * `<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> Source.</p></div>`.
 * - Must not read: `<a href="#h.abc123">1</a>` (a heading link), the
 * back-link `<a href="#ftnt_ref1">[1]</a>` that opens the note.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-google-docs', description: 'Google Docs HTML export footnotes: `<a href="#ftnt1" id="ftnt_ref1">` to `<a id="ftnt1">`'},
  {name: 'google-docs', referenceHref: /^ftnt\d+$/, referenceId: /^ftnt_ref\d+$/, noteId: /^ftnt\d+$/, certainNoteId: /^ftnt\d/}
)
