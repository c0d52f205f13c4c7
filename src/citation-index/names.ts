/**
 * How messages name a note and what they expect in its place: the one place
 * that decides it, for every rule. A marker is quoted as code only when it is
 * written in the source as shown; a note whose marker shows no number is named
 * by its number:
 *
 * - a note with its marker written: note `[4]`, note `[^intro]`, note `*`,
 *   note `4` (a bare number, `4 Source`);
 * - a note of a list that numbers its notes by their order: an encyclopedia
 *   copy's `^ Source` line (`conventions/caret-reference-list.ts`) or an
 *   unnumbered paragraph ending in `↩` under a Notes heading
 *   (`conventions/flattened-superscripts.ts`): note 4, note g, note nb 4,
 *   its label (the resolver's `note-lists.ts` gives it);
 * - a raw-HTML note (`conventions/html-footnotes.ts`) by the link target its
 *   id or name makes: note `#fn3` (HTML Living Standard, "The indicated part
 *   of the document": a fragment names an element by its id, or an `a` by its
 *   name), not by the attribute as written;
 * - a pandoc inline note (`^[text]`) by its order: inline note 2;
 * - a Word footnote or endnote (`conventions/word-footnotes.ts`) by Word's
 *   own number: footnote 12, endnote 2 (issue 18's scheme);
 * - a note of an HTML page (`src/readers/html.ts`) by its id: note `#fn3`.
 */
import type {CitationIndex, Note, Reference} from './types.js'

/** A list's note: its marker is the list's caret (`^`, `^ a b`) or nothing (`↩` notes), not its label. */
function numberedByOrder(note: Note): boolean {
  return note.marker.trim() === '' || (note.syntax === 'bracket' && note.marker.startsWith('^'))
}

/** The value of an HTML note's `id="fn3"` or `name='x'` attribute as written; the text itself when it holds no `=`. */
function attributeValue(attribute: string): string {
  const equals = attribute.indexOf('=')
  if (equals < 0) return attribute
  return attribute
    .slice(equals + 1)
    .trim()
    .replace(/^["']|["']$/g, '')
}

/**
 * The note as a message names it, noun included: ``note `[4]` ``, `note 4`,
 * ``note `#fn3` ``, `inline note 2`, `footnote 12` (see the module's
 * documentation). Messages write it where they would write "note X".
 */
export function noteName(note: Note, index: Pick<CitationIndex, 'format'>): string {
  if (index.format === 'docx' && note.syntax === 'gfm') return note.marker
  if (index.format === 'html' && note.syntax === 'gfm') return `note \`${note.marker}\``
  if (note.syntax === 'html') return `note \`#${attributeValue(note.marker)}\``
  if (note.syntax === 'pandoc') return `inline note ${note.label}`
  if (numberedByOrder(note)) return `note ${note.label}`
  return `note \`${note.marker}\``
}

/**
 * The note as a message names it after a number (`first ...` in `12 of 40
 * notes (first [1])`): its marker as code when it is written (`` `[1]` ``),
 * else its name with its noun (`note 4`, ``note `#fn3` ``, `footnote 12`).
 */
export function noteMark(note: Note, index: Pick<CitationIndex, 'format'>): string {
  const name = noteName(note, index)
  return name === `note \`${note.marker}\`` ? `\`${note.marker}\`` : name
}

/**
 * What would cite `note` in the text, as a message says it after
 * "expected": ``a reference `[4]` `` (the label in brackets for bracket
 * notes, including a list's numbered-by-order notes), ``a reference `[^a]` ``
 * (GFM), ``a reference `4` `` (bare numbers, symbols), ``a link to `#fn3` ``
 * (raw HTML), `its reference mark` (Word).
 */
export function expectedReference(note: Note, index: Pick<CitationIndex, 'format'>): string {
  if (index.format === 'docx' && note.syntax === 'gfm') return 'its reference mark'
  if (index.format === 'html' && note.syntax === 'gfm') return `a link to \`${note.marker}\``
  if (note.syntax === 'html') return `a link to \`#${attributeValue(note.marker)}\``
  if (note.syntax === 'gfm') return `a reference \`${note.marker}\``
  if (note.syntax === 'symbol' || note.syntax === 'numeral' || note.syntax === 'lettered') return `a reference \`${note.label}\``
  return `a reference \`[${note.label}]\``
}

/**
 * The id a raw-HTML reference links to when no element has it (`#fn5`: the
 * convention labels such a reference by its target); `undefined` for any
 * other reference.
 */
export function missingTarget(reference: Reference): string | undefined {
  return reference.syntax === 'html' && reference.label.startsWith('#') ? reference.label : undefined
}

/**
 * Whether `reference` is a broken back-link of an HTML page: a link inside
 * a note to an id that no element has (`<a href="#fnref2">↩</a>` after the
 * reference lost its id). The HTML reader (`src/readers/html.ts`) keeps it
 * as a reference labelled by its target only when its note is cited (in an
 * unused note it is the same fault as the unused note); it points back at a
 * reference, not at a note, so it is named and counted apart.
 */
export function isBrokenBackLink(reference: Reference, index: Pick<CitationIndex, 'format'>): boolean {
  return index.format === 'html' && reference.syntax === 'gfm' && reference.inNote !== undefined && reference.note === undefined && reference.label.startsWith('#')
}
