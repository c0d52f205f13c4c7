/**
 * Markdown parser: CommonMark through remark-parse, plus only the syntax the
 * citation index needs: GFM footnotes (micromark-extension-gfm-footnote with
 * mdast-util-gfm-footnote) and YAML/TOML front matter (remark-frontmatter).
 * The rest of GFM (tables, autolink literals, strikethrough) is left out: it
 * finds no reference or note and costs parse time.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'

/** unified plugin adding the GFM footnote syntax to remark-parse. */
function remarkFootnotes(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown())
}

let processor: Processor<Root> | undefined

/**
 * Parse Markdown into mdast with positions (1-based lines and columns, UTF-16
 * offsets). Never throws on any string input.
 */
export function parseMarkdown(text: string): Root {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkFootnotes)
    .freeze() as unknown as Processor<Root>
  return processor.parse(text)
}
