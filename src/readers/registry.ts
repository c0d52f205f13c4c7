/**
 * The readers, one per input format, and the parse step of the pipeline.
 */
import type {Root} from 'mdast'
import type {Format} from './format.js'
import {docxReader} from './docx.js'
import {htmlReader} from './html.js'
import {markdownReader} from './markdown.js'
import {plainTextReader} from './plain-text.js'
import type {Reader} from './reader.js'

export {formatOf} from './format.js'

export {BlockTooLong, NestingTooDeep, maxBlockLength, maxNesting} from './markdown-nesting.js'

/** Every reader; a format has exactly one. */
export const readers: readonly Reader[] = [markdownReader, plainTextReader, docxReader, htmlReader]

/** The reader of `format`. */
export function readerOf(format: Format): Reader {
  if (format === 'docx') return docxReader
  if (format === 'html') return htmlReader
  return format === 'markdown' ? markdownReader : plainTextReader
}

/**
 * Parse `text` as `format` into mdast with positions.
 *
 * @throws NestingTooDeep for Markdown nested deeper than `maxNesting`
 *   containers (see `parseMarkdown`); plain text never throws.
 */
export function parse(text: string, format: Format): Root {
  return readerOf(format).parse(text)
}
