/**
 * Format detection from a path alone: no parser is loaded (the lint cache
 * and the language server ask without parsing). The extensions here are the
 * readers' (`Reader.extensions`).
 */
/** Input formats, one per reader: Markdown (`.md`, `.markdown`), Word (`.docx`, `.docm`), HTML (`.html`, `.htm`, `.xhtml`) or plain text (`.txt` and anything else). */
export type Format =
  | 'markdown'
  | 'text'
  | 'docx'
  | 'html'

/**
 * File name extensions of Markdown, lowercase, without the dot: CommonMark's
 * `md` and `markdown`, and pandoc's R Markdown (`Rmd`) and Quarto (`qmd`),
 * which are Markdown whose code chunks (```` ```{r} ````) are fenced code.
 */
export const markdownExtensions: readonly string[] = ['md', 'markdown', 'rmd', 'qmd']
/** File name extensions of plain text (the plain-text reader also takes any file no other reader claims). */
export const plainTextExtensions: readonly string[] = ['txt']

/** File name extensions of Word documents (Office Open XML), lowercase, without the dot. */
export const docxExtensions: readonly string[] = ['docx', 'docm']

/** File name extensions of HTML pages, lowercase, without the dot. */
export const htmlExtensions: readonly string[] = ['html', 'htm', 'xhtml']

const htmlPattern = new RegExp(`\\.(${htmlExtensions.join('|')})$`, 'i')
const docxPattern = new RegExp(`\\.(${docxExtensions.join('|')})$`, 'i')
const markdownPattern = new RegExp(`\\.(${markdownExtensions.join('|')})$`, 'i')

/**
 * Extensions mapped to a format by configuration (`"formats": {"mdx":
 * "markdown"}`): lowercase extension without the dot, to a format.
 */
export type ExtensionFormats = Readonly<Record<string, Format>>

/**
 * The format of a file from its path: a format `mapped` gives its extension
 * (any case) first; then DOCX for `.docx` and `.docm`, HTML for `.html`, `.htm` and `.xhtml`, Markdown for `.md`,
 * `.markdown`, `.Rmd` and `.qmd` (any case), plain text for everything else, including `.txt` and a
 * missing path.
 */
export function formatOf(filePath: string | undefined, mapped?: ExtensionFormats): Format {
  if (!filePath) return 'text'
  if (mapped) {
    const dot = filePath.lastIndexOf('.')
    const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'))
    const found = dot > slash + 1 ? mapped[filePath.slice(dot + 1).toLowerCase()] : undefined
    if (found) return found
  }
  if (docxPattern.test(filePath)) return 'docx'
  if (htmlPattern.test(filePath)) return 'html'
  return markdownPattern.test(filePath) ? 'markdown' : 'text'
}
