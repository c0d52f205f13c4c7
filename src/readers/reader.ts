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
}
