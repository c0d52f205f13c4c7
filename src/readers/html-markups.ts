/**
 * The shape of an HTML footnote markup, as a declarative descriptor: how a
 * markup writes a reference (a link to a note) and a note (the element the
 * link targets), and which links inside a note are back-links. Each markup
 * is declared by its convention in `conventions/` (`html-pandoc.ts`,
 * `html-mediawiki.ts`, ...), where its source is documented; the HTML reader
 * (`html.ts`) applies those it is given, all at once (a page may mix them).
 * Every field is optional; a signal of any markup counts.
 */

/** One markup: patterns on attributes (each optional; any match counts). */
export interface HtmlMarkup {
  /** The name shown in documentation. */
  readonly name: string
  /** A link whose `href` (after `#`) matches is a reference. */
  readonly referenceHref?: RegExp
  /** A link or its `<sup>` whose id matches is a reference. */
  readonly referenceId?: RegExp
  /** A link (or a parent `<sup>`/`<span>`) with one of these classes is a reference. */
  readonly referenceClass?: readonly string[]
  /** A link with one of these attributes (hast property names, `dataFootnoteRef`) is a reference. */
  readonly referenceAttribute?: readonly string[]
  /** ARIA roles, EPUB types or HTMLBook data types (lower case) of a reference (on the link or its parent). */
  readonly referenceTypes?: readonly string[]
  /** An element whose id matches is a note when it sits in a notes container or a typed note (an empty anchor with such an id: its block). */
  readonly noteId?: RegExp
  /** An element (not a `<sup>`) whose id matches is a note wherever it is. */
  readonly certainNoteId?: RegExp
  /** ARIA roles, EPUB types or HTMLBook data types (lower case) of a note. */
  readonly noteTypes?: readonly string[]
  /** A container with one of these classes holds notes (its list items or blocks with ids). */
  readonly notesClass?: readonly string[]
  /** A container (not an `<a>`) whose id matches holds notes. */
  readonly notesContainerId?: RegExp
  /** A container with one of these attributes (hast property names, `dataFootnotes`) holds notes. */
  readonly notesAttribute?: readonly string[]
  /** ARIA roles, EPUB types or HTMLBook data types (lower case) of a notes container. */
  readonly notesTypes?: readonly string[]
  /** A link with one of these classes is a back-link (its text is no prose). */
  readonly backlinkClass?: readonly string[]
  /** A link with one of these attributes (hast property names) is a back-link. */
  readonly backlinkAttribute?: readonly string[]
  /** ARIA roles or EPUB types (lower case) of a back-link. */
  readonly backlinkTypes?: readonly string[]
}

/** A label a reader may see as a note marker (trimmed): a number, a letter, a roman numeral, a symbol, or a group label (`Note 1`, `n 1`, `nb 1`), bare or in brackets. */
const markerPattern = /^[[(]?(?:(?:note|nb|n|fn) ?)?(?:\d{1,4}|[a-z]{1,2}|[ivxlc]{1,6}|[*†‡§])[\])]?\.?$/i

/** Whether a link's text is a note marker (see `markerPattern`); white space around it is ignored. */
export function isMarkerText(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.length > 0 && trimmed.length <= 16 && markerPattern.test(trimmed)
}
