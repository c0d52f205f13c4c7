/**
 * Format detection from a path alone: no parser is loaded (the lint cache
 * and the language server ask without parsing). The extensions here are the
 * readers' (`Reader.extensions`).
 */
/** Input formats, one per reader: Markdown (`.md`, `.markdown`), Word (`.docx`, `.docm`) or plain text (`.txt` and anything else). */
export type Format =
  | 'markdown'
  | 'text'
  | 'docx'

/** File name extensions of Markdown, lowercase, without the dot. */
export const markdownExtensions: readonly string[] = ['md', 'markdown']
/** File name extensions of plain text (the plain-text reader also takes any file no other reader claims). */
export const plainTextExtensions: readonly string[] = ['txt']

/** File name extensions of Word documents (Office Open XML), lowercase, without the dot. */
export const docxExtensions: readonly string[] = ['docx', 'docm']

const docxPattern = new RegExp(`\\.(${docxExtensions.join('|')})$`, 'i')
const markdownPattern = new RegExp(`\\.(${markdownExtensions.join('|')})$`, 'i')

/**
 * The format of a file from its path: Markdown for `.md` and `.markdown`
 * (any case), DOCX for `.docx` and `.docm`, plain text for everything else, including `.txt` and a
 * missing path.
 */
export function formatOf(filePath: string | undefined): Format {
  if (filePath && docxPattern.test(filePath)) return 'docx'
  return filePath && markdownPattern.test(filePath) ? 'markdown' : 'text'
}
