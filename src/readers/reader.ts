/**
 * The reader seam: one reader per input format, as ESLint 9 plugs in a
 * *language* (a parser, then a source object the rules read; see
 * eslint.org/docs/latest/extend/languages and @eslint/markdown's
 * `MarkdownLanguage`) and textlint a processor per file format.
 *
 * A reader knows one format: which files it takes, how to parse them into
 * the tree the citation index walks (mdast for Markdown and plain text), with
 * positions into the original text, and which nodes are not prose (what no
 * convention may scan: code, markup, front matter).
 */
import type {Root} from 'mdast'
import type {Format} from './format.js'

/** One input format. */
export interface Reader {
  /** The format this reader reads; the citation index and the rules see it as `CitationIndex.format`. */
  readonly format: Format
  /**
   * The file name extensions it takes, lowercase, without the dot (matched
   * case-insensitively). The plain-text reader also takes every file no
   * other reader claims.
   */
  readonly extensions: readonly string[]
  /**
   * Parse `text` into mdast. Every node the citation index reads carries a
   * position: 1-based lines and columns, offsets in UTF-16 code units into
   * `text`, end exclusive.
   *
   * @throws what the reader documents for input it refuses (Markdown:
   *   NestingTooDeep, BlockTooLong); never for other input.
   */
  parse(text: string): Root
  /**
   * Node types whose content is not prose: the walk of the citation index
   * never enters them, so no convention sees their text.
   */
  readonly notProse: ReadonlySet<string>
  /**
   * `false` when the text parsed is not the file's content (a DOCX is read
   * into a virtual text): fixes are then not offered, as no edit of that
   * text can be written back. Absent: fixable.
   */
  readonly fixable?: false
  /**
   * `true` when the tree carries suppression directives as `html` nodes
   * whose value is `<!-- citelint-disable ... -->` (see
   * `src/engine/suppress.ts`): Markdown comments, Word comments (DOCX).
   */
  readonly directives?: true
  /**
   * `true` when the reader's own notes (its tree's `footnoteDefinition`s)
   * have no place that a person goes to (a Word footnote is reached through
   * its reference mark): a finding inside such a note that a reference uses
   * is placed at the note's first reference (a note no reference uses keeps
   * its own place; notes typed as text keep theirs).
   */
  readonly notesAtReferences?: true
  /**
   * For a format without lines of its own (DOCX: a line is a paragraph), a
   * way for a person to find a line: given the text parsed, a function from
   * a 1-based line to the first words of that line (ending in `…` when cut),
   * or `undefined` for a line that does not exist or holds no text. Linear
   * in the text once, then O(1) per line. Absent for formats whose lines an
   * editor shows.
   */
  readonly locate?: (text: string) => (line: number) => string | undefined
}
