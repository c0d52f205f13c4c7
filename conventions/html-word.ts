/**
 * Footnotes of Microsoft Word's "Save as Web Page" (filtered HTML): a
 * reference `<a href="#_ftn1" name="_ftnref1">[1]</a>`, its note
 * `<div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> text</p></div>`;
 * endnotes the same with `_edn1`/`_ednref1`. HTML only. Source: the HTML
 * Word writes (observed; the DOCX itself is read by the DOCX reader).
 *
 * - Reads: `<a href="#_ftn1" name="_ftnref1">[1]</a>` with
 * `<div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Source.</p></div>`.
 * - Must not read: `<a href="#_Toc12">1</a>` (a table-of-contents bookmark),
 * the back-link `<a href="#_ftnref1">[1]</a>` inside the note.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-word', description: 'Word "Save as Web Page" footnotes and endnotes: `<a href="#_ftn1" name="_ftnref1">` to `<div id="ftn1">`'},
  {name: 'word', referenceHref: /^_(ftn|edn)\d+$/, referenceId: /^_(ftn|edn)ref\d+$/, noteId: /^_?(ftn|edn)\d+$/, certainNoteId: /^_?(ftn|edn)\d/}
)
