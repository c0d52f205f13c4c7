/**
 * Markdown parser: CommonMark through remark-parse, plus only the syntax the
 * citation index needs: GFM footnotes (micromark-extension-gfm-footnote with
 * mdast-util-gfm-footnote), GFM tables (micromark-extension-gfm-table with
 * mdast-util-gfm-table: a cell ends at an unescaped pipe, also inside what
 * looks like a call, and a line indented four spaces after a table row is
 * code; loaded rather than mimicked, since mimicking means a second block
 * parser: it costs about 10 to 15 % more parse time on the real corpus and
 * two to three times more on a document that is one long table, still
 * linear) and YAML/TOML front matter (remark-frontmatter). The rest of GFM
 * (autolink literals, strikethrough) is left out: it finds no reference or
 * note and costs parse time.
 */
import type {Root} from 'mdast'
import type {Node} from 'unist'
import type {Processor} from 'unified'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {withLabelLookup} from './markdown-label-lookup.js'
import {assertBlockLength, assertNesting} from './markdown-nesting.js'
import {markdownExtensions} from './format.js'
import type {Reader} from './reader.js'

/**
 * unified plugin adding the GFM footnote and table syntax to remark-parse,
 * with the parser's label lists made constant-time lookups (see
 * label-lookup.ts).
 */
function remarkFootnotes(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(withLabelLookup(gfmFootnote()), gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmTableFromMarkdown())
}

let processor: Processor<Root> | undefined

/** Options of {@link parseMarkdown}. */
export interface ParseMarkdownOptions {
  /**
   * Deepest container nesting parsed (default `maxNesting`, 100); deeper
   * Markdown throws NestingTooDeep. Tests raise it to build deep trees.
   */
  readonly maxNesting?: number
  /** Longest block parsed (default `maxBlockLength`, 1,000,000 characters); a longer one throws BlockTooLong. */
  readonly maxBlockLength?: number
}

/**
 * Parse Markdown into mdast with positions (1-based lines and columns, UTF-16
 * offsets into `text`).
 *
 * @throws NestingTooDeep (src/readers/markdown-nesting.ts) when `text` may nest more
 *   than `options.maxNesting` (default 100) block quotes, list items or footnote definitions:
 *   micromark's time grows with the square of the depth; BlockTooLong when a
 *   block (lines without a blank line between them) is longer than
 *   `options.maxBlockLength` (default 1,000,000 characters): micromark holds
 *   every event of a paragraph at once. Nothing else is thrown for any
 *   string input.
 */
export function parseMarkdown(text: string, options: ParseMarkdownOptions = {}): Root {
  assertNesting(text, options.maxNesting)
  assertBlockLength(text, options.maxBlockLength)
  processor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkFootnotes)
    .freeze() as unknown as Processor<Root>
  const tree = processor.parse(text)
  // micromark skips a leading U+FEFF without counting it, so its offsets
  // (and its columns on line 1) would be one short. lintText removes one byte
  // order mark; this is for a second one (`\ufeff\ufeff`, a file that got a
  // BOM twice).
  if (text.charCodeAt(0) === 0xfeff) shiftPastBom(tree)
  return tree
}

/** Count a skipped leading U+FEFF in every position of `tree`. */
function shiftPastBom(tree: Root): void {
  const stack: Node[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (point.offset !== undefined) point.offset++
      if (point.line === 1) point.column++
    }
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) stack.push(child)
  }
}

/**
 * The Markdown reader: `.md` and `.markdown`, parsed by {@link parseMarkdown}.
 * Not prose: code (fenced, indented, inline), raw HTML, YAML and TOML front
 * matter, link definitions, and images (alt text is not prose; the walk of
 * the citation index reads only GFM calls in it).
 */
export const markdownReader: Reader = Object.freeze({
  format: 'markdown',
  extensions: markdownExtensions,
  parse: (text: string) => parseMarkdown(text),
  notProse: new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition', 'image', 'imageReference']),
  directives: true
})
