/**
 * Format detection and the parse step of the pipeline.
 */
import type {Root} from 'mdast'
import type {Format} from '../citation-index/types.js'
import {parseMarkdown} from './markdown.js'
import {parsePlainText} from './plain-text.js'

export {formatOf} from './format.js'

export {BlockTooLong, NestingTooDeep, maxBlockLength, maxNesting} from './markdown-nesting.js'

/**
 * Parse `text` as `format` into mdast with positions.
 *
 * @throws NestingTooDeep for Markdown nested deeper than `maxNesting`
 *   containers (see `parseMarkdown`); plain text never throws.
 */
export function parse(text: string, format: Format): Root {
  return format === 'markdown' ? parseMarkdown(text) : parsePlainText(text)
}
