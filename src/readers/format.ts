/**
 * Format detection from a path alone: no parser is loaded (the lint cache
 * and the language server ask without parsing).
 */
import type {Format} from '../citation-index/types.js'

const markdownExtensions = /\.(md|markdown)$/i

/**
 * The format of a file from its path: Markdown for `.md` and `.markdown`
 * (any case), plain text for everything else, including `.txt` and a
 * missing path.
 */
export function formatOf(filePath: string | undefined): Format {
  return filePath && markdownExtensions.test(filePath) ? 'markdown' : 'text'
}
