/**
 * Shapes of the citation index: the facts citelint knows about every footnote
 * reference and every note of one file.
 *
 * Units: lines and columns are 1-based, columns and offsets count UTF-16 code
 * units (JavaScript string indices), as unist, vfile and SARIF 2.1.0
 * (`columnKind: "utf16CodeUnits"`) do. An end point is exclusive: it is the
 * position just after the last character.
 */
import type {Position} from 'unist'
import type {Format} from '../readers/format.js'

/** A span of the source, with `offset` set on both points. */
export interface Span extends Position {
  readonly start: Position['start'] & {offset: number}
  readonly end: Position['end'] & {offset: number}
}

/**
 * How a marker's label is written.
 *
 * - `arabic`: digits, `[12]`
 * - `roman`: a roman numeral, `[iv]`, `[v]`
 * - `letter`: one letter that is not a roman numeral digit, `[b]`
 * - `caret`: a GFM footnote label, `[^note]` (GFM spec, "Footnotes" extension)
 * - `symbol`: `*`, `†`, `‡`, `§`, possibly repeated (`**`)
 * - `malformed`: shaped like a marker but wrongly written: `[1a]`, `[ 3]`, `[^ 2]`
 * - `group`: a note group's label, a name and a number: `[nb 1]`, `[n 1]`, `[Note 1]` (encyclopedia copies)
 * - `name`: a named citation's label, `[RFC2119]`, `[Hale2019]`
 */
export type MarkerStyle = 'arabic' | 'roman' | 'letter' | 'caret' | 'symbol' | 'malformed'
  | 'group'
  | 'name'

/**
 * Which convention a marker belongs to; a reference resolves only to a note of
 * the same syntax.
 *
 * - `gfm`: GFM footnotes, `text[^1]` and `[^1]: note` (Markdown only)
 * - `bracket`: plain-text notes, `text.[1]` and a notes list `[1] note`
 * - `symbol`: symbol notes, `Savyon*` and `* A. Savyon is ...`
 * - `named`: named citations, `[RFC2119]` and a References entry `[RFC2119] Bradner, S., ...`
 * - `pandoc`: pandoc inline notes, `text^[the note]` (Markdown only)
 * - `html`: notes written as raw HTML in Markdown, `<a href="#fn1">1</a>` and `<li id="fn1">`
 * - `numeral`: bare numbers, `stalled.4 The` or `claim.¹` with notes `4 Source`,
 *   `4. Source` or `¹ Source` (kept only when aligned: `alignment.ts`)
 * - `table`: typed table notes, `block (note a)` in a table's cells and
 *   `Notes: (a) ...` under the table (`conventions/typed-table-notes.ts`)
 * - `lettered`: a transcriber's lettered notes, a capital glued as a marker
 *   (`“Ō´mishga‘n”A—`) and `A.` notes under their heading
 *   (`conventions/lettered-notes.ts`)
 */
export type MarkerSyntax =
  | 'gfm'
  | 'bracket'
  | 'symbol'
  | 'named'
  | 'pandoc'
  | 'html'
  | 'numeral'
  | 'table'
  | 'lettered'

/** The numbering style of a document: the style most of its notes use. */
export type NumberingStyle = 'arabic' | 'roman' | 'letter' | 'caret' | 'none'

/**
 * What a footnote reference and a note have in common: a marker, its label
 * and the key they are matched by.
 */
export interface Marked {
  /** Position in `CitationIndex.references` (a reference) or `CitationIndex.notes` (a note). */
  readonly index: number
  /** The marker exactly as written in the source, e.g. `[v]`, `[^note]`, `*`. */
  readonly marker: string
  /** Text between the brackets as written (`v`, `note`, ` 3`); the symbol itself for symbols. */
  readonly label: string
  /**
   * Normalised label used for matching. GFM labels: micromark's
   * `normalizeIdentifier` (whitespace collapsed, case folded), the convention
   * of CommonMark and GFM. Bracket labels: case-folded only. Malformed
   * labels get a leading space, so they never match a note's identifier.
   */
  readonly identifier: string
  readonly style: MarkerStyle
  readonly syntax: MarkerSyntax
  /** `syntax:identifier`: a reference and a note match when their keys are equal. */
  readonly key: string
}

/**
 * A footnote reference: the marker in the text that points at a note.
 *
 * A marker that cites several notes at one place (`[4, 5]`, `[6–9]`) is one
 * reference per cited note, in ascending order, all with the whole marker as
 * `marker` and `span`, each with the cited number as `label`
 * (`conventions/multi-citations.ts`).
 */
export interface Reference extends Marked {
  /** Span of the marker (from `[` or the symbol to just after its last character). */
  readonly span: Span
  /**
   * Index of the note this reference resolves to, or `undefined` when none
   * has its key. GFM calls resolve to the first definition (GFM spec); bracket
   * and symbol markers, whose numbering may restart per chapter or page, to
   * the nearest note with the key after them, else the last one before them.
   */
  readonly note: number | undefined
  /** Index of the note whose text holds this reference, or `undefined` in body text. */
  readonly inNote: number | undefined
  /**
   * The numeric value of the label: digits (`[12]`, `[^12]`), a roman numeral
   * (`[iv]` is 4), the digits of a malformed number (`[1a]`, `[ 1]`);
   * `undefined` for anything else.
   */
  readonly number: number | undefined
  /**
   * Whether it stands in a table or a table's caption (a GFM table cell, a
   * pandoc grid or simple table, a pipe table left as text; see
   * `tables.ts`). Converters move tables and their captions, so a table's
   * references do not show the order in which a reader meets the notes.
   */
  readonly inTable: boolean
  /**
   * For a GFM call that resolves to no note: the index of the malformed GFM
   * definition that would define it once its label is fixed (`[1^]:` for
   * `[^1]`: see `Note.meant`); absent otherwise. GFM does not resolve it, so
   * `note` stays `undefined`.
   */
  readonly meantNote?: number
}

/** A note (footnote definition, or an entry of a plain-text notes list). */
export interface Note extends Marked {
  /** Span of the whole note, from its marker to the end of its text. */
  readonly span: Span
  /** Span of the marker alone (for GFM, `[^label]` without the colon). */
  readonly markerSpan: Span
  /** Source text after the marker (and the colon for GFM), trimmed; may be empty. */
  readonly content: string
  /** Span of `content` in the source (empty, just after the marker, when the content is). */
  readonly contentSpan: Span
  /** Whether the note lies in the notes section (see `CitationIndex.notesSection`). */
  readonly inNotesSection: boolean
  /**
   * Index of the first note with the same key (itself when it is the first).
   * Bare note numbers count per run of numbering: a series restarting in an
   * appendix (`src/citation-index/alignment.ts`) starts its own.
   */
  readonly firstWithKey: number
  /** Indexes of the references that resolve to this note, in document order (not counting references inside the note itself). */
  readonly references: readonly number[]
  /** The numeric value of the label, as on `Reference.number`. */
  readonly number: number | undefined
  /**
   * The number a reader sees for the note when it is not its label: on an
   * HTML page, its number in its `<ol>` (HTML Living Standard: `start`,
   * `value`, `reversed`, `type`) or the number written at its start
   * (`[3]`, `3.`), as shown (`3`, `c`, `iii`). Absent elsewhere, and when
   * the page shows none.
   */
  readonly shown?: string
  /**
   * The series `shown` counts in: on an HTML page, one per `<ol>` (a
   * MediaWiki page numbers its groups, `[Note 1]`, `[n 1]`, `[1]`, in lists
   * of their own), and one per run of notes whose written numbers start
   * again at 1 (a book's chapters). Absent with `shown`.
   */
  readonly series?: string
  /**
   * The id or name in-page links reach the note by, when links reach it
   * (raw-HTML notes in Markdown: `fn1` of `<li id="fn1">`); absent
   * elsewhere. Notes that share one are told apart by their shown number.
   */
  readonly anchor?: string
  /**
   * Bare note numbers (syntax `numeral`): which run of numbering the note
   * belongs to, 1, 2, ... when the document restarts its numbering in a
   * chapter or an appendix (each run aligned on its own:
   * `src/citation-index/alignment.ts`). Absent for other syntaxes.
   */
  readonly run?: number
  /**
   * For a malformed GFM definition (style `malformed`, a paragraph starting
   * `[1^]:` or `[1^]`, which GFM renders as text): the label it was meant
   * to have (`1`), as written. No reference resolves to it.
   */
  readonly meant?: string
}

/**
 * The citation index of one file: every footnote reference and every note,
 * in document order. Built once per file, frozen, read by every rule.
 */
export interface CitationIndex {
  /** `markdown` or `text`: which parser produced the tree. */
  readonly format: Format
  readonly references: readonly Reference[]
  readonly notes: readonly Note[]
  /**
   * The notes section: from the first note after the last body paragraph that
   * holds a reference, to the end of the last note. `undefined` when there are
   * no notes.
   */
  readonly notesSection: Span | undefined
  /** Style most bracket notes use; `caret` when only GFM notes exist; `none` without notes. */
  readonly numberingStyle: NumberingStyle
  /** Smallest and largest number among notes of the numbering style (arabic or roman), if any. */
  readonly numberRange: {readonly min: number; readonly max: number} | undefined
  /** Cross-references to notes ("see note 5"), in document order: Word's NOTEREF fields (DOCX); none in other formats. */
  readonly crossReferences: readonly CrossReference[]
}

/**
 * A cross-reference to a note: text that shows a note's number without
 * being a reference mark, as Word's NOTEREF field ("see note 5") does
 * (ECMA-376 Part 1, 17.16.5.41). Its number is the field's cached result.
 */
export interface CrossReference {
  /** Span of the number shown (the field's result). */
  readonly span: Span
  /** The number shown, as cached in the document. */
  readonly shown: string
  /** Index of the note the cross-reference points to (through its bookmark), or `undefined` when it points to none. */
  readonly note: number | undefined
  /** The note's number now (Word's numbering of its series); empty when it has none (a custom mark) or the note is unknown. */
  readonly expected: string
}

export type {Format} from '../readers/format.js'
