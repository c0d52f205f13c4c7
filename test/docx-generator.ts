/**
 * A small DOCX writer for tests: WordprocessingML (ECMA-376 Part 1) from a
 * description written in code, zipped with fflate. It writes only what the
 * DOCX reader reads: paragraphs of runs, tables, footnote and endnote
 * references (custom marks too), typed superscript runs, tracked insertions
 * and deletions, field results (complex and simple fields), bookmarks,
 * comments (`word/comments.xml`, anchored on runs), and the notes parts with their separators.
 */
import {strToU8, zipSync} from 'fflate'

/** One run of a paragraph. */
export type DocxRun =
  | string
  | {readonly footnote: number; readonly custom?: string}
  | {readonly endnote: number}
  | {readonly superscript: string}
  | {readonly deleted: readonly DocxRun[]}
  | {readonly inserted: readonly DocxRun[]}
  | {readonly field: string; readonly result: string}
  | {readonly simpleField: string; readonly result: DocxRun}
  | {readonly bookmark: string; readonly runs: readonly DocxRun[]}
  | {readonly comment: string; readonly runs: readonly DocxRun[]}

/** A body block: a paragraph (its runs) or a table (rows of cells of one paragraph each). */
export type DocxBlock = readonly DocxRun[] | {readonly table: ReadonlyArray<ReadonlyArray<readonly DocxRun[]>>}

/** A note: its `w:id` and its paragraphs (the first one begins with the note's own mark unless `custom`). */
export interface DocxNoteSpec {
  readonly id: number
  readonly paragraphs: ReadonlyArray<readonly DocxRun[]>
  readonly custom?: boolean
}

/** A document to write. */
export interface DocxSpec {
  readonly body: readonly DocxBlock[]
  readonly footnotes?: readonly DocxNoteSpec[]
  readonly endnotes?: readonly DocxNoteSpec[]
}

const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

let bookmarks = 0
/** Comments of the document being written, by `w:id`. */
let comments: string[] = []

function run(item: DocxRun): string {
  if (typeof item === 'string') return `<w:r><w:t xml:space="preserve">${escape(item)}</w:t></w:r>`
  if ('footnote' in item) {
    if (item.custom !== undefined) {
      return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="${item.footnote}"/><w:t>${escape(item.custom)}</w:t></w:r>`
    }
    return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${item.footnote}"/></w:r>`
  }
  if ('endnote' in item) return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="${item.endnote}"/></w:r>`
  if ('superscript' in item) return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>${escape(item.superscript)}</w:t></w:r>`
  if ('deleted' in item) {
    const inner = item.deleted.map(run).join('').replace(/<w:t( [^>]*)?>/g, '<w:delText$1>').replace(/<\/w:t>/g, '</w:delText>')
    return `<w:del w:id="90" w:author="A">${inner}</w:del>`
  }
  if ('simpleField' in item) return `<w:fldSimple w:instr=" ${escape(item.simpleField)} ">${run(item.result)}</w:fldSimple>`
  if ('bookmark' in item) {
    bookmarks++
    return `<w:bookmarkStart w:id="${bookmarks}" w:name="${escape(item.bookmark)}"/>${item.runs.map(run).join('')}<w:bookmarkEnd w:id="${bookmarks}"/>`
  }
  if ('comment' in item) {
    comments.push(item.comment)
    const id = comments.length - 1
    return `<w:commentRangeStart w:id="${id}"/>${item.runs.map(run).join('')}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`
  }
  if ('inserted' in item) return `<w:ins w:id="91" w:author="A">${item.inserted.map(run).join('')}</w:ins>`
  return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${escape(item.field)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(item.result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

function paragraph(runs: readonly DocxRun[], prefix = ''): string {
  return `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${prefix}${runs.map(run).join('')}</w:p>`
}

function block(item: DocxBlock): string {
  if ('table' in item) {
    return `<w:tbl>${item.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
  }
  return paragraph(item as readonly DocxRun[])
}

function notesPart(kind: 'footnote' | 'endnote', notes: readonly DocxNoteSpec[]): string {
  const ref = kind === 'footnote' ? 'w:footnoteRef' : 'w:endnoteRef'
  const separators = `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`
  const body = notes
    .map(
      (note) =>
        `<w:${kind} w:id="${note.id}">${note.paragraphs
          .map((runs, i) => paragraph(runs, i === 0 && !note.custom ? `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><${ref}/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>` : ''))
          .join('')}</w:${kind}>`
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${kind}s ${ns}>${separators}${body}</w:${kind}s>`
}

/** The XML parts of `spec`, by part name. */
export function docxParts(spec: DocxSpec): Record<string, string> {
  comments = []
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${ns}><w:body>${spec.body.map(block).join('')}<w:sectPr/></w:body></w:document>`
  }
  if (comments.length > 0) {
    const body = comments.map((text, id) => `<w:comment w:id="${id}" w:author="A"><w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p></w:comment>`).join('')
    parts['word/comments.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${ns}>${body}</w:comments>`
  }
  if (spec.footnotes) parts['word/footnotes.xml'] = notesPart('footnote', spec.footnotes)
  if (spec.endnotes) parts['word/endnotes.xml'] = notesPart('endnote', spec.endnotes)
  return parts
}

/**
 * A DOCX package of `parts` (part name to XML text). Every entry carries one
 * fixed modification time, so the same parts always give the same bytes
 * (the examples written by `UPDATE_EXAMPLES=1` do not change on each run).
 */
export function zipParts(parts: Record<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text)
  return zipSync(files, {level: 6, mtime: new Date(Date.UTC(2026, 0, 1))})
}

/** The DOCX bytes of `spec`. */
export function makeDocx(spec: DocxSpec): Uint8Array {
  return zipParts(docxParts(spec))
}
