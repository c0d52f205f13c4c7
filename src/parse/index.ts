/**
 * Format detection and the parse step of the pipeline.
 */
import type {Root} from 'mdast'
import type {Format} from '../types.js'
import {parseMarkdown} from './markdown.js'
import {parsePlainText} from './plain-text.js'

export {formatOf} from './format.js'

/** Parse `text` as `format` into mdast with positions. Never throws. */
export function parse(text: string, format: Format): Root {
  return format === 'markdown' ? parseMarkdown(text) : parsePlainText(text)
}
