/**
 * Hand-written footnotes of any site, known by common ids and sections: a
 * reference links to `#note3`, `#endnote-3`, `#footnote_3`, `#fn3` or `#n3`
 * (or carries an id `ref3`, `noteref3`, `fnref3`, `tag3`), and its note sits
 * in a notes section (class `notes`, `endnotes`, `footnotes` or `references`,
 * or a container with one of those ids). Beside this markup the HTML reader
 * always takes a `<sup>` or bracketed link whose text is a number or label
 * and whose target is a note block in a notes section. HTML only. Source:
 * ids and class names common in hand-written pages (observed).
 *
 * - Reads: `<a href="#note1" id="ref1">1</a>` with
 * `<ol class="notes"><li id="note1">Source.</li></ol>`.
 * - Must not read: `<a href="#section-2">2</a>` (a link to a heading, outside
 * any notes section), `10<sup>6</sup>` (no link).
 *
 * It declares the markup; the HTML reader finds what it writes and the
 * `html-notes` convention proposes it (see `src/citation-index/html-markup.ts`).
 */
import {markupConvention} from '../src/citation-index/html-markup.js'

export default markupConvention(
  {id: 'html-generic', description: 'Hand-written HTML footnotes: links to `#note1`, `#fn1` or a note in a notes, footnotes or references section'},
  {
    name: 'numbered-notes',
    referenceHref: /^(note|endnote|footnote|fn|n)[-_]?\d+$/i,
    referenceId: /^(noteref|ref|fnref|tag)[-_]?\d+$/i,
    noteId: /^(note|endnote|footnote)[-_]?\d+$/i,
    notesClass: ['notes', 'endnotes', 'footnotes', 'references'],
    notesContainerId: /^(foot|end)?notes$|^references$/i
  }
)
