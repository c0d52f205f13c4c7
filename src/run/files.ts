/**
 * Which files to lint, and reading them. Directories and glob patterns are
 * walked here, so that an unreadable folder or a link loop met on the way is
 * reported (fdir, under tinyglobby and fast-glob, drops such errors
 * silently); glob syntax and matching are picomatch's.
 */
import type {Dir, Dirent} from 'node:fs'
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs'
import {lstat, opendir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {DocxError, docxToText} from '../readers/docx.js'
import {formatOf} from '../readers/format.js'
import {htmlEncoding} from '../readers/html-encoding.js'

/** Extensions linted when walking a directory (any case): Markdown, R Markdown, Quarto, plain text and Word. */
export const lintedExtensions = ['md', 'markdown', 'rmd', 'qmd', 'txt', 'docx', 'docm', 'html', 'htm', 'xhtml'] as const
/** How the walked extensions are named in reasons. */
const walkedNames = '.md, .markdown, .Rmd, .qmd, .txt, .docx, .docm, .html, .htm or .xhtml'
const linted = new RegExp(`\\.(${lintedExtensions.join('|')})$`, 'i')

/**
 * The file system calls used to walk folders and read files. Tests pass
 * failing ones (permission errors cannot be staged when running as root).
 */
export interface FileOps {
  readonly opendir: typeof opendir
  /**
   * Opens a file to read; synchronous: one file is read in a few system
   * calls, without a trip through the event loop per call. Called with
   * numeric flags (read-only, non-blocking: see `readBytes`).
   */
  readonly openSync: typeof openSync
}

/** The real file system. */
export const nodeFileOps: FileOps = {opendir, openSync}

/** A path that could not be linted, with a one-line reason. */
export interface FileFailure {
  readonly filePath: string
  readonly reason: string
  /** The thrown value, for an internal error (shown with `--debug`). */
  readonly error?: unknown
}

/**
 * Expand command-line paths into files: a file is taken as named (whatever
 * its extension); a directory is walked for `.md`, `.markdown`, `.Rmd`, `.qmd`,
 * `.txt`, `.docx`, `.docm`, `.html`, `.htm` and `.xhtml` (and, when `mapped` says so, files whose
 * extension the config's `formats` maps to a format),
 * skipping `node_modules` and hidden folders; anything else is a glob, of
 * whose matches only those files are taken.
 * Paths come back relative to `cwd` when given relative, sorted per input,
 * without duplicates. Paths for which `ignored` is true are left out; those
 * named explicitly are listed in `ignoredExplicitly`. `realPaths` maps each
 * file to its real path (symbolic links resolved; the absolute path when
 * that fails). An empty input is a failure (named `''`), not the working
 * folder.
 */
export async function expandPaths(
  inputs: readonly string[],
  cwd: string,
  ignored: (filePath: string) => boolean = () => false,
  ops: FileOps = nodeFileOps,
  mapped?: (filePath: string) => Promise<boolean>
): Promise<{files: string[]; failures: FileFailure[]; ignoredExplicitly: string[]; realPaths: Map<string, string>}> {
  const files: string[] = []
  const realPaths = new Map<string, string>()
  const failures: FileFailure[] = []
  const ignoredExplicitly: string[] = []
  const seen = new Set<string>()
  // Deduplicate by real path: a file reached through a symbolic link (or a
  // link loop) is linted once.
  const add = async (file: string, explicit = false): Promise<void> => {
    if (ignored(file)) {
      if (explicit) ignoredExplicitly.push(file)
      return
    }
    const resolved = path.resolve(cwd, file)
    const key = await realpath(resolved).catch(() => resolved)
    if (seen.has(key)) return
    seen.add(key)
    files.push(file)
    realPaths.set(file, key)
  }
  for (const input of inputs) {
    if (input === '') {
      // An unset variable (`citelint "$REPORT"`) must not lint the working folder.
      failures.push({filePath: "''", reason: emptyPath})
      continue
    }
    const info = await stat(path.resolve(cwd, input)).catch((error: NodeJS.ErrnoException) => error)
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const found = await walk(input, cwd, ops, undefined, mapped).catch((error: NodeJS.ErrnoException) => error)
        if (found instanceof Error) failures.push({filePath: input, reason: describeError(found)})
        else {
          failures.push(...found.failures)
          if (found.files.length === 0 && found.failures.length === 0) {
            failures.push({filePath: input, reason: `no ${walkedNames} files in this directory`})
          }
          for (const file of found.files) await add(file)
        }
      } else await add(input, true)
      continue
    }
    const pattern = info.code === 'ENOENT' ? await globPattern(input) : undefined
    if (pattern === undefined) {
      // A named link to nothing is described as the walk describes it.
      const dangling = info.code === 'ENOENT' && (await lstat(path.resolve(cwd, input)).then((l) => l.isSymbolicLink(), () => false))
      failures.push({filePath: input, reason: dangling ? brokenLink : describeError(info)})
      continue
    }
    const found = await walk(pattern.base, cwd, ops, pattern.enters, mapped).catch((error: NodeJS.ErrnoException) => error)
    if (found instanceof Error) {
      // The pattern's folder is missing: no match; unreadable: say why.
      const reason = found.code === 'ENOENT' ? `no ${walkedNames} files match this pattern` : describeError(found)
      failures.push({filePath: found.code === 'ENOENT' ? input : pattern.base, reason})
      continue
    }
    failures.push(...found.failures)
    const matches = found.files.filter((file) => pattern.matches(file))
    // With a folder that could not be read, matches may be in it: its failure says enough.
    if (matches.length === 0 && found.failures.length === 0) {
      failures.push({filePath: input, reason: `no ${walkedNames} files match this pattern`})
    }
    for (const file of matches) await add(file)
  }
  return {files, failures, ignoredExplicitly, realPaths}
}

/** The reason given for an empty path argument. */
export const emptyPath = 'empty path, expected a file, directory or glob'

/** A glob pattern split for walking: see {@link globPattern}. */
interface GlobPattern {
  /** The folder to walk: the pattern's static part (`.` when none). */
  readonly base: string
  /** Whether a folder (relative to `base`, `/`-separated) can hold matches. */
  readonly enters: (relative: string) => boolean
  /** Whether a walked file (as returned by `walk`, with `base` in front) matches. */
  readonly matches: (file: string) => boolean
}

/**
 * Split a command-line glob (picomatch syntax: `*`, `**`, `?`, braces,
 * brackets) into the folder to walk and matchers, or `undefined`
 * when `input` has no glob syntax. Hidden files and folders match only when
 * the pattern names them (picomatch `dot: false`, as the directory walk).
 */
async function globPattern(input: string): Promise<GlobPattern | undefined> {
  const {default: picomatch} = await import('picomatch')
  // `unescape`: the folder of the pattern `\[draft\]/*.txt` is `[draft]`.
  const scan = picomatch.scan(input, {unescape: true})
  if (!scan.isGlob || scan.negated) return undefined
  const base = scan.base || '.'
  const segments = scan.glob.split('/')
  // Folder pruning works segment by segment; a globstar, or a brace (which
  // may hold a slash), lets every folder through.
  const free = scan.glob.includes('**') || scan.isBrace
  const segmentMatchers = segments.map((segment) => picomatch(segment, {dot: false}))
  const whole = picomatch(scan.glob, {dot: false})
  return {
    base,
    enters: (relative) => {
      if (free) return true
      const parts = relative.split('/')
      return parts.length < segments.length && parts.every((part, i) => segmentMatchers[i]!(part))
    },
    matches: (file) => whole(path.relative(base, file).split(path.sep).join('/'))
  }
}

/**
 * Files under `directory` with a linted extension (any case), sorted,
 * skipping `node_modules` and hidden files and folders, and folders for
 * which `enters` (given the folder's path relative to `directory`,
 * `/`-separated) is false. Symbolic links are
 * followed; a folder reached twice (two links to it) is walked once.
 *
 * A folder that cannot be read, a link that loops (`ELOOP`, or a link to a
 * folder that contains it, even above `directory`) and a dangling link named like a linted file
 * become failures; the rest of the tree is still walked.
 *
 * @throws the file system error when `directory` itself cannot be read.
 */
async function walk(
  directory: string,
  cwd: string,
  ops: FileOps,
  enters: (relative: string) => boolean = () => true,
  mapped?: (filePath: string) => Promise<boolean>
): Promise<{files: string[]; failures: FileFailure[]}> {
  const base = path.resolve(cwd, directory)
  const found: string[] = []
  const failures: FileFailure[] = []
  const shown = (relative: string): string => (relative ? path.join(directory, relative) : directory)
  interface Folder {
    readonly relative: string
    readonly real: string
  }
  const first = await ops.opendir(base)
  const seen = new Set<string>()
  const top: Folder = {relative: '', real: await realpath(base)}
  seen.add(top.real)
  const stack: Folder[] = [top]
  let handle: Dir | undefined = first
  while (stack.length > 0) {
    const folder = stack.pop()!
    const entries: Dirent[] = []
    try {
      const dir = handle ?? (await ops.opendir(path.join(base, folder.relative)))
      handle = undefined
      for await (const entry of dir) entries.push(entry)
    } catch (error) {
      failures.push({filePath: shown(folder.relative), reason: describeError(error as NodeJS.ErrnoException)})
      continue
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      let real: string | undefined
      if (entry.isSymbolicLink()) {
        const target = path.join(base, relative)
        try {
          const info = await stat(target)
          isDirectory = info.isDirectory()
          isFile = info.isFile()
          if (isDirectory) real = await realpath(target)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          if (code === 'ELOOP' || linted.test(entry.name)) {
            const reason = code === 'ENOENT' ? brokenLink : describeError(error as NodeJS.ErrnoException)
            failures.push({filePath: shown(relative), reason})
          }
          continue
        }
      }
      if (isFile && (linted.test(entry.name) || (mapped !== undefined && (await mapped(path.join(directory, relative)))))) found.push(relative)
      if (!isDirectory || !enters(relative)) continue
      real ??= path.join(folder.real, entry.name)
      // A link to a folder that contains it (as find -L and ripgrep report).
      if (folder.real === real || folder.real.startsWith(real.endsWith(path.sep) ? real : real + path.sep)) {
        const target = path.relative(cwd, real) || '.'
        failures.push({filePath: shown(relative), reason: `symbolic link loop (points to ${target}, a folder that contains it), not followed`})
        continue
      }
      if (seen.has(real)) continue
      seen.add(real)
      stack.push({relative, real})
    }
  }
  // Sorted, as the files are: directory order differs between file systems.
  failures.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0))
  return {files: found.sort().map((file) => path.join(directory, file)), failures}
}

/** Default of `--max-file-size`: larger files are not read. */
export const defaultMaxFileSize = 50 * 1024 * 1024

const sizeUnits: Record<string, number> = {'': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}
const sizePattern = /^(\d{1,15}(?:\.\d{1,6})?)[ \t]*(?:([kmg])i?)?(b?)$/i

/**
 * Parse a size such as `50MB`, `200KB`, `1.5GiB`, `200k` or `4096` (bytes).
 * KB, MB and GB are multiples of 1024 (as KiB, MiB and GiB).
 *
 * @returns the number of bytes, or `undefined` when `value` is not a size.
 */
export function parseSize(value: string): number | undefined {
  const match = sizePattern.exec(value.trim())
  if (!match) return undefined
  const bytes = Math.floor(Number(match[1]) * sizeUnits[(match[2] ?? '').toLowerCase()]!)
  return Number.isSafeInteger(bytes) ? bytes : undefined
}

/** A size in bytes as people read it: `63.2 MB`, `200 KB`, `512 bytes` (units of 1024). */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`
  }
  return `${bytes} bytes`
}

/** Options of `readText`. */
export interface ReadOptions {
  /** Files larger than this many bytes are not read (default `defaultMaxFileSize`). */
  readonly maxFileSize?: number
  readonly ops?: FileOps
}

/** Thrown by `readBytes` for a file over the size limit. */
export class FileTooLarge extends Error {
  /** `size` is undefined for a file whose size is known only as over `limit` (a device, a pipe, a growing file). */
  constructor(readonly size: number | undefined, readonly limit: number) {
    // Exact byte counts when rounding would show the two sizes equal.
    const [a, b] = size !== undefined && formatSize(size) === formatSize(limit) ? [`${size} bytes`, `${limit} bytes`] : [formatSize(size ?? 0), formatSize(limit)]
    super(`file too large (${size === undefined ? 'over the limit of ' : `${a}, limit `}${b})`)
  }
}

/** Thrown by `readBytes` for a path that is not a regular file (a FIFO, a socket, a device). */
export class NotRegularFile extends Error {
  constructor() {
    super('not a regular file, skipped')
  }
}

/**
 * Flags to open a file for reading without blocking: opening a FIFO for
 * reading waits for a writer, unless O_NONBLOCK is given (POSIX `open`).
 * On a regular file O_NONBLOCK changes nothing. (Windows has no O_NONBLOCK
 * and no FIFOs in the file system.)
 */
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Read at most `limit` bytes of a regular file. The file is opened without
 * blocking and checked with `fstat` on the open descriptor (so it cannot be
 * swapped between the check and the read): a directory fails with EISDIR,
 * anything else that is not a regular file (a FIFO, a socket, a device such
 * as /dev/zero) with `NotRegularFile`. The size is checked before reading,
 * and the read stops past the limit, so neither a huge file nor a file that
 * grows while read exhausts memory.
 *
 * @throws FileTooLarge, NotRegularFile, or the file system error.
 */
export function readBytes(file: string, limit: number, ops: FileOps = nodeFileOps): Buffer {
  let fd: number
  try {
    fd = ops.openSync(file, readFlags)
  } catch (error) {
    // ENXIO: a Unix socket, or a device without a driver (POSIX `open`).
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new NotRegularFile()
    throw error
  }
  try {
    const info = fstatSync(fd)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'})
    if (!info.isFile()) throw new NotRegularFile()
    if (info.size > limit) throw new FileTooLarge(info.size, limit)
    const chunks: Buffer[] = []
    let total = 0
    // One read for the file as sized (plus one byte, to see it end).
    let want = info.size + 1
    while (total <= limit) {
      const chunk = Buffer.allocUnsafe(Math.min(want, limit + 1 - total))
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead))
      total += bytesRead
      want = 64 * 1024
    }
    // The file grew past the limit while read.
    if (total > limit) throw new FileTooLarge(undefined, limit)
    return Buffer.concat(chunks, total)
  } finally {
    closeSync(fd)
  }
}

/**
 * The one-line reason for input over `--max-file-size`: its size (or only
 * that it is over), the limit, and the option to raise it.
 */
export function tooLargeReason(error: FileTooLarge): string {
  return `${error.message}, skipped; raise it with --max-file-size`
}

/** A file read as text. */
export interface TextFile {
  readonly text: string
  /**
   * When the file is not valid UTF-8: the offset (UTF-16, in `text`) of the
   * first U+FFFD that stands for invalid bytes. Each invalid sequence is
   * decoded as U+FFFD (WHATWG Encoding), so the text can still be linted.
   */
  readonly invalidUtf8?: number
  /**
   * `windows-1252` when the file is not UTF-8 and holds no UTF-8 sequence of
   * two or more bytes at all, only single bytes of 0x80 or above: a Latin-1
   * or Windows-1252 file (many Project Gutenberg and OCR texts). It is then
   * decoded as Windows-1252 (WHATWG Encoding's `latin1` label), one UTF-16
   * code unit per byte, and `invalidUtf8` is the offset of its first byte
   * of 0x80 or above. Never fixed either.
   */
  readonly encoding?: 'windows-1252'
}

/**
 * Read a file as UTF-8 text.
 *
 * @returns the text (a leading byte order mark kept), or a failure for a
 *   missing or unreadable file, a path that is not a regular file (a FIFO,
 *   socket or device: never opened blocking), a file over `maxFileSize`,
 *   UTF-16 or UTF-32 text (by its byte order mark), or a binary one
 *   (NUL bytes). Invalid UTF-8 is decoded with U+FFFD and flagged in
 *   `invalidUtf8`. Never throws.
 */
export async function readText(filePath: string, cwd: string, options: ReadOptions = {}): Promise<TextFile | FileFailure> {
  const limit = options.maxFileSize ?? defaultMaxFileSize
  let buffer: Buffer
  try {
    buffer = readBytes(path.resolve(cwd, filePath), limit, options.ops ?? nodeFileOps)
  } catch (error) {
    if (error instanceof FileTooLarge) return {filePath, reason: tooLargeReason(error)}
    if (error instanceof NotRegularFile) return {filePath, reason: error.message}
    return {filePath, reason: describeError(error as NodeJS.ErrnoException)}
  }
  const format = formatOf(filePath)
  return format === 'docx' ? decodeDocx(buffer, filePath) : format === 'html' ? decodeHtml(buffer, filePath) : decodeText(buffer, filePath)
}

/**
 * Decode an HTML page's bytes (see `src/readers/html-encoding.ts`: byte
 * order mark, else `<meta charset>` or its `http-equiv` form, else UTF-8).
 * Never throws: an encoding the platform cannot decode is a failure.
 */
export function decodeHtml(buffer: Uint8Array, filePath: string): TextFile | FileFailure {
  const encoding = htmlEncoding(buffer)
  if (encoding.label === 'utf-8' && !encoding.bom) return decodeText(buffer, filePath)
  try {
    return {text: new TextDecoder(encoding.label, {ignoreBOM: false}).decode(buffer)}
  } catch (error) {
    return {filePath, reason: `cannot decode as ${encoding.label}: ${error instanceof Error ? error.message : String(error)}`}
  }
}

/**
 * The virtual text of a DOCX (see `src/readers/docx.ts`): the binary path,
 * which neither decodes the bytes as UTF-8 nor refuses NUL bytes. Never
 * throws: a file that is not a readable DOCX is a failure with a one-line
 * reason.
 */
export function decodeDocx(buffer: Uint8Array, filePath: string): TextFile | FileFailure {
  try {
    return {text: docxToText(buffer)}
  } catch (error) {
    if (error instanceof DocxError) return {filePath, reason: error.message}
    return {filePath, reason: `cannot read DOCX: ${error instanceof Error ? error.message : String(error)}`, error}
  }
}

/**
 * Decode the bytes of `filePath` (a file or standard input) as UTF-8, the
 * same way for both: a leading UTF-8 byte order mark kept, a UTF-16 or
 * UTF-32 byte order mark is a failure (asking for UTF-8), a NUL byte means a
 * binary input (a failure), invalid UTF-8 is decoded with U+FFFD (WHATWG
 * Encoding) and flagged in `invalidUtf8`. Never throws.
 */
export function decodeText(buffer: Uint8Array, filePath: string): TextFile | FileFailure {
  const encoding = unicodeByBom(buffer)
  if (encoding) return {filePath, reason: `${encoding} text, skipped; save it as UTF-8`}
  if (buffer.includes(0)) return {filePath, reason: 'binary file (contains NUL bytes), skipped'}
  const decode = (fatal: boolean): string => new TextDecoder('utf-8', {fatal, ignoreBOM: true}).decode(buffer)
  try {
    try {
      return {text: decode(true)}
    } catch (error) {
      if (!(error instanceof TypeError)) throw error
      const legacy = firstHighByteOfLegacyText(buffer)
      if (legacy !== undefined) return {text: decodeWindows1252(buffer), invalidUtf8: legacy, encoding: 'windows-1252'}
      const text = decode(false)
      return {text, invalidUtf8: firstInvalid(buffer, text)}
    }
  } catch (error) {
    // Past the longest string V8 can hold (about 512 MB of UTF-16).
    return {filePath, reason: `cannot decode: ${error instanceof Error ? error.message : String(error)}`}
  }
}

/**
 * The encoding named by a UTF-16 or UTF-32 byte order mark at the start of
 * `bytes` (FF FE, FE FF; FF FE 00 00, 00 00 FE FF: Unicode 15, section
 * 23.8), or `undefined`. Text without a mark is not guessed at. A mark of
 * FF FE or FE FF counts only when a line feed, if there is one, is a UTF-16
 * one (00 0A or 0A 00, so a NUL byte is in the file): a Latin-1 or
 * Windows-1252 file that happens to start with `ÿþ` or `þÿ` has line feeds
 * of one byte, and is read as UTF-8 with U+FFFD and a warning.
 */
function unicodeByBom(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return 'UTF-32'
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    if (a === 0xff && c === 0x00 && d === 0x00) return 'UTF-32'
    return !bytes.includes(0x0a) || bytes.includes(0x00) ? 'UTF-16' : undefined
  }
  return undefined
}

/**
 * Bytes 0x80 to 0x9F in Windows-1252 (WHATWG Encoding's index, which keeps
 * the five unassigned bytes as the C1 controls of the same value). Node's
 * `TextDecoder('windows-1252')` decodes them as ISO-8859-1 C1 controls, so
 * the table is applied here.
 */
const windows1252High = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** `bytes` decoded as Windows-1252: one UTF-16 code unit per byte, so offsets are byte indexes. */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return latin1.replace(/[\u0080-\u009f]/g, (c) => windows1252High[c.charCodeAt(0) - 0x80]!)
}

/**
 * The index of the first byte of 0x80 or above in `bytes` when no byte
 * sequence in it is well-formed UTF-8 of two to four bytes (RFC 3629; the
 * shortest forms only, no surrogates): then the file is a one-byte legacy
 * encoding, not damaged UTF-8. `undefined` when some sequence is valid UTF-8
 * (a UTF-8 file with a few broken bytes). Linear, one pass.
 */
function firstHighByteOfLegacyText(bytes: Uint8Array): number | undefined {
  let first: number | undefined
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!
    if (lead < 0x80) continue
    first ??= i
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) continue
    let valid = true
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) valid = false
    const second = bytes[i + 1]!
    if (lead === 0xe0 && second < 0xa0) valid = false
    if (lead === 0xed && second > 0x9f) valid = false
    if (lead === 0xf0 && second < 0x90) valid = false
    if (lead === 0xf4 && second > 0x8f) valid = false
    if (valid) return undefined
  }
  return first
}

/**
 * The offset in `text` (decoded from `buffer` with replacement) of the first
 * U+FFFD that replaced invalid bytes, skipping U+FFFD written as such
 * (EF BF BD). Linear: bytes are counted from one U+FFFD to the next.
 */
function firstInvalid(buffer: Uint8Array, text: string): number {
  let bytes = 0
  let from = 0
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) {
    bytes += Buffer.byteLength(text.slice(from, at))
    if (buffer[bytes] !== 0xef || buffer[bytes + 1] !== 0xbf || buffer[bytes + 2] !== 0xbd) return at
    bytes += 3
    from = at + 1
  }
  return 0
}

/** The reason given for a symbolic link whose target does not exist, named or walked. */
const brokenLink = 'broken symbolic link'

/**
 * A one-line reason for a file system error: a short phrase for the common
 * codes; otherwise the system's description without the code and the path
 * (Node's messages read `CODE: description, syscall 'path'`).
 */
export function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ELOOP':
      return 'too many symbolic links (loop)'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files'
    case 'ENAMETOOLONG':
      return 'name too long'
    case 'ENOTDIR':
      return 'not a directory (a part of the path is a file)'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EDQUOT':
      return 'disk quota exceeded'
    case 'EROFS':
      return 'read-only file system'
    case 'ENXIO':
      return 'not a regular file (a socket or a device without a driver)'
    default: {
      let line = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
      if (error.code && line.startsWith(`${error.code}: `)) line = line.slice(error.code.length + 2)
      const at = error.syscall ? line.indexOf(`, ${error.syscall}`) : -1
      if (at > 0) line = line.slice(0, at)
      return line || String(error.code)
    }
  }
}
