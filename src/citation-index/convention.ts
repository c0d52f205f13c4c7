/**
 * The convention seam: one file per way of writing markers and notes, in
 * `conventions/`, shaped like a rule. A convention reads the document the
 * walk prepared (its prose blocks, the marker tokens the shared scanner
 * found in them, the parser's footnote nodes) and proposes candidates:
 * references, notes, and spans that hold no marker. It decides nothing
 * document-wide: the resolver (`resolver.ts`) decides which candidates stand.
 *
 * Offsets are UTF-16 code units into the source text, end exclusive.
 */
import type {Format, MarkerStyle, MarkerSyntax} from './types.js'
import type {MarkerToken} from './scanner.js'
import type {CallShape} from './gfm-calls.js'
import type {HtmlMarkup} from '../readers/html-markups.js'

export type {HtmlMarkup} from '../readers/html-markups.js'

/** What a convention says about itself; `id` equals its file name. */
export interface ConventionMeta {
  readonly id: string
  /** One line: the way of writing markers and notes it reads. */
  readonly description: string
  /** The formats it applies to (the readers' `format`). */
  readonly formats: readonly Format[]
}

/**
 * One block of phrasing content (a paragraph or a heading), as the walk of
 * the citation index found it.
 */
export interface Block {
  readonly start: number
  readonly end: number
  /** Whether a note may start here: top-level paragraphs only (not headings, list items or GFM definitions). */
  readonly notesAllowed: boolean
  /** The start offset of the GFM footnote definition holding the block, if any. */
  readonly inDefinition: number | undefined
  /**
   * Markdown: an indented code block (not a fenced one). Web-to-Markdown
   * converters indent quotations and tables, so their bracket references
   * land here; the resolver keeps only bracket references from such a block.
   */
  readonly verbatim?: boolean
  /** Markdown: a GFM table cell. */
  readonly table?: boolean
  /** The marker tokens of its prose text, in document order (see `scanner.ts`). */
  readonly tokens: readonly MarkerToken[]
  /** GFM footnote calls the parser resolved (`footnoteReference` nodes), link text included. */
  readonly calls: ReadonlyArray<{readonly start: number; readonly end: number; readonly label: string}>
  /** Spans of link text (`link` and `linkReference` nodes). */
  readonly links: ReadonlyArray<{readonly start: number; readonly end: number}>
  /**
   * Markdown: every `[^label]` the GFM call syntax reads where the parser
   * tries a call, resolved or not, image alt text included (see `gfm-calls.ts`).
   */
  readonly callShapes: readonly CallShape[]
  /** Spans of its prose `text` nodes, in document order (what the scanner read). */
  readonly texts?: ReadonlyArray<{readonly start: number; readonly end: number}>
}

/** A GFM footnote definition node, as the walk found it. */
export interface DefinitionNode {
  readonly start: number
  readonly end: number
  /** The label as written in the source (escapes and character references not decoded). */
  readonly label: string
  /** The number a reader sees for the note, when the reader gives one apart from its label (an HTML note's number in its list: `src/readers/html.ts`). */
  readonly shown?: string
  /** The series `shown` counts in (an HTML `<ol>`), when the reader gives one. */
  readonly series?: string
}

/** The document as conventions see it. */
export interface DocumentView {
  readonly source: string
  readonly format: Format
  readonly blocks: readonly Block[]
  readonly definitions: readonly DefinitionNode[]
  /** Spans of raw HTML (`html` nodes, inline and block: not prose), in document order. */
  readonly html?: ReadonlyArray<{readonly start: number; readonly end: number}>
}

/** A marker a convention proposes: a reference, or the start of a note. */
export interface Candidate {
  readonly role: 'reference' | 'note'
  /** The marker as written. */
  readonly marker: string
  readonly label: string
  readonly style: MarkerStyle
  /** The resolution namespace: a reference resolves only to a note of its syntax. */
  readonly syntax: MarkerSyntax
  readonly start: number
  readonly end: number
  /** Index into `DocumentView.blocks` of the block it was found in; none for a note that is a block of its own (a GFM definition). */
  readonly block?: number
  /** Found by scanning text (a token), so `exclusions` apply to it; calls from the parser are not. */
  readonly fromText?: boolean
  /** For a note found at a line start: what it is when the resolver finds it inside a paragraph of prose (a wrapped reference, or nothing). */
  readonly inProse?: 'reference' | 'drop'
  /** For a note: when two or more notes with its label start in one block, they are a bulleted list, not notes. */
  readonly repeatedIsList?: boolean
  /** For a note written as a block (`[Footnote 1: ...]`): its closing character. */
  readonly closing?: string
  /** For a note that knows its own extent (a GFM definition): its end, content and where the content starts. */
  readonly noteEnd?: number
  readonly content?: string
  readonly contentStart?: number
  /**
   * For a malformed GFM definition, a paragraph starting `[1^]:` (caret
   * after the label; GFM reads a paragraph): the label it was meant to have
   * (`1`). It stands only on the document's evidence (a GFM call `[^1]`
   * that this label would define: the resolver's `decide`), and no call
   * resolves to it.
   */
  readonly meant?: string
  /** For a note: the number a reader sees for it, when it differs in kind from its label (an HTML note: its number in its `<ol>`, or written at its start). */
  readonly shown?: string
  /** For a note: the series its `shown` number counts in (an HTML `<ol>`; notes of one series are numbered together). */
  readonly series?: string
  /**
   * For a note that in-page links reach (raw HTML in Markdown): the id or
   * name they reach it by (`fn1` of `<li id="fn1">`). Two notes with one
   * anchor are a template fault that `duplicate-note` reports once.
   */
  readonly anchor?: string
  /** For a note of a list that numbers its notes by their order (`^ Source`): the start offset of the list's first note; the resolver labels it. */
  readonly list?: number
  /**
   * For a reference: proposed on the document's evidence only. It stands
   * when the references around it vouch for it: a bracket glued to a word
   * (`gas[o])`, `P391[238]`) when it continues the series of the other
   * references (`series-policy.ts`); a bare number set off by a space
   * (`statisticians. 3 Disclosure`) when it supplies the one missing
   * reference of an aligned note (`alignment.ts`).
   */
  readonly onEvidence?: boolean
}

/** A span a convention says holds no marker (link text): text candidates inside it are dropped. */
export interface Exclusion {
  readonly exclude: true
  readonly start: number
  readonly end: number
}

/** A marker convention. */
export interface Convention {
  readonly meta: ConventionMeta
  /**
   * An HTML footnote markup this convention declares (see
   * `src/readers/html-markups.ts`): the registry collects them
   * (`htmlMarkups` in `conventions.ts`) and the engine hands them to the HTML
   * reader, which finds the page's references and notes by them.
   */
  readonly htmlMarkup?: HtmlMarkup
  /** Propose candidates and exclusions for `document`. Pure: no I/O, no state, never throws on a walk's output. */
  detect(document: DocumentView): Iterable<Candidate | Exclusion>
}
