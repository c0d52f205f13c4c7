/**
 * Footnotes typed by publishing vocabularies, whatever their ids: DPUB-ARIA
 * 1.0 roles (`role="doc-noteref"` on a reference, `doc-endnotes` on the
 * notes section, `doc-footnote`/`doc-endnote` on a note, `doc-backlink`),
 * EPUB 3 Structural Semantics (`epub:type="noteref"`, `footnote`,
 * `endnote`, `rearnote`, `footnotes`, `endnotes`, `rearnotes`, `backlink`)
 * and HTMLBook, the book format of O'Reilly's toolchain (`data-type="noteref"`,
 * `data-type="footnote"`). HTML only (XHTML included). Sources: W3C Digital
 * Publishing WAI-ARIA Module 1.0, EPUB 3 Structural Semantics Vocabulary,
 * the HTMLBook specification.
 *
 * - Reads: `<a href="#n1" epub:type="noteref">1</a>` with
 * `<aside id="n1" epub:type="footnote">Source.</aside>`.
 * - Must not read: `<a href="#s1" role="doc-glossref">1</a>` (another role),
 * the back-link `<a href="#r1" role="doc-backlink">↩</a>` inside a note.
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-dpub', description: 'DPUB-ARIA, EPUB and HTMLBook typed notes: `role="doc-noteref"`, `epub:type="footnote"`, `data-type="noteref"`'},
  {
    name: 'dpub',
    referenceTypes: ['doc-noteref', 'noteref'],
    noteTypes: ['doc-footnote', 'doc-endnote', 'footnote', 'endnote', 'rearnote', 'note'],
    notesTypes: ['doc-endnotes', 'endnotes', 'footnotes', 'rearnotes'],
    backlinkTypes: ['doc-backlink', 'backlink']
  }
)
