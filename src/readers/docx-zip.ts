/**
 * The package layer of the DOCX reader: which bytes are a Word document,
 * and the parts citelint reads, inflated within bounds. Pure: the bytes come
 * from `src/run/files.ts`. The zip is read with fflate's streaming `Unzip`
 * (ECMA-376 Part 2, Open Packaging Conventions, stores parts in a ZIP
 * archive, PKWARE APPNOTE.TXT); only the wanted parts are inflated.
 */
import {Unzip, UnzipInflate, UnzipPassThrough, strFromU8} from 'fflate'

/** A DOCX that cannot be read; `message` is one line, fit for a report. */
export class DocxError extends Error {
  override readonly name = 'DocxError'
}

/** Bytes inflated at most, over all parts read (counted as inflated, not as the zip declares). */
export const maxInflatedBytes = 200 * 1024 * 1024
/** Entries a package may hold at most. */
export const maxEntries = 10_000

/** The parts of a Word package that citelint reads. */
export const wantedParts = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml'] as const

/** Part name to its text (UTF-8 decoded); a missing part is absent. */
export type DocxParts = Partial<Record<(typeof wantedParts)[number], string>>

const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Whether `bytes` holds `needle` (a small byte string) anywhere. */
function holds(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0]!
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1
    while (j < needle.length && bytes[i + j] === needle[j]) j++
    if (j === needle.length) return true
  }
  return false
}

/** `text` as UTF-16LE bytes (the stream names of an OLE compound file). */
function utf16le(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0), 0])
}

/**
 * The parts of the Word package in `bytes`.
 *
 * @throws DocxError for bytes that are not a zip (an OLE compound file is
 *   named: a password-protected document, which Office stores as an
 *   `EncryptedPackage` stream, or a Word 97-2003 `.doc`), an encrypted or
 *   unsupported zip entry, more than `maxEntries` entries, more than
 *   `maxInflatedBytes` inflated, a corrupt stream, or no `word/document.xml`.
 */
export function readDocxParts(bytes: Uint8Array): DocxParts {
  if (ole.every((b, i) => bytes[i] === b)) {
    throw new DocxError(
      holds(bytes, utf16le('EncryptedPackage'))
        ? 'encrypted Word document (password protected), skipped; save it without a password'
        : 'not a DOCX: a Word 97-2003 document (.doc), skipped; save it as .docx'
    )
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw new DocxError('not a DOCX: not a zip archive, skipped')
  const chunks = new Map<string, Uint8Array[]>()
  let entries = 0
  let inflated = 0
  const unzip = new Unzip((file) => {
    entries++
    if (entries > maxEntries) throw new DocxError(`not a DOCX: more than ${maxEntries} zip entries, skipped`)
    if (!(wantedParts as readonly string[]).includes(file.name) || chunks.has(file.name)) return
    if (file.compression !== 0 && file.compression !== 8) throw new DocxError(`unsupported zip compression ${file.compression} in ${file.name}, skipped`)
    const parts: Uint8Array[] = []
    chunks.set(file.name, parts)
    file.ondata = (error, chunk) => {
      // fflate hands an error thrown here back to this handler.
      if (error) throw error instanceof DocxError ? error : new DocxError(`corrupt zip entry ${file.name}: ${error.message}`)
      inflated += chunk.length
      if (inflated > maxInflatedBytes) throw new DocxError(`zip bomb: more than ${maxInflatedBytes / 1024 / 1024} MB inflated, skipped`)
      parts.push(chunk)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)
  try {
    // The first local header flags encryption in bit 0 of its general purpose flags.
    if ((bytes[6]! & 1) !== 0) throw new DocxError('encrypted zip entry, skipped')
    unzip.push(bytes, true)
  } catch (error) {
    if (error instanceof DocxError) throw error
    throw new DocxError(`not a DOCX: corrupt zip (${error instanceof Error ? error.message : String(error)}), skipped`)
  }
  const result: DocxParts = {}
  for (const [name, parts] of chunks) {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let at = 0
    for (const part of parts) {
      all.set(part, at)
      at += part.length
    }
    result[name as keyof DocxParts] = strFromU8(all)
  }
  if (result['word/document.xml'] === undefined) throw new DocxError('not a DOCX: no word/document.xml in the package, skipped')
  return result
}
