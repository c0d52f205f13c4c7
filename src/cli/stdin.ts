/**
 * `citelint --stdin`: standard input read, decoded and linted as the file
 * `--stdin-filename` names. With `--fix`, the fixed text is the output (an
 * editor replaces its buffer with it), so input that cannot be linted goes
 * back as it came. A `--stdin-filename` ending in `.docx` or `.docm` reads
 * the input's bytes as a Word file (never decoded as UTF-8); no fix is
 * offered for it, so with `--fix` the bytes go back unchanged.
 */
import type {CliIo} from './args.js'
import type {CliArgs} from './options.js'
import {ConfigError} from '../engine/config.js'
import type {FileFailure, TextFile} from '../run/files.js'
import {formatOf} from '../readers/format.js'
import {FileTooLarge, decodeDocx, decodeHtml, decodeText, defaultMaxFileSize, describeError, tooLargeReason} from '../run/files.js'
import type {FileReport, FileResult, LintFilesOptions} from '../run/lint-files.js'
import {Linter, failureOf, withInvalidUtf8} from '../run/lint-files.js'

/**
 * Lint standard input with `options`, fixing it when `fix`.
 *
 * @returns the result to report, or the exit code when the run ends here:
 *   2 when the input cannot be read or linted (said on stderr; with --fix
 *   the input goes back on stdout), or, with --fix, 1 or 0 for the errors
 *   the fixed text (written to stdout) still has. A config error is thrown.
 */
export async function lintStdin(options: LintFilesOptions, fix: boolean, args: CliArgs, io: CliIo): Promise<FileReport | number> {
  const name = args.stdinFilename ?? '<stdin>'
  // Without --fix nothing is given back: reading may stop past --max-file-size.
  const limited = !(args.fix && !args.fixDryRun)
  const limit = args.maxFileSize ?? defaultMaxFileSize
  const input = await readStdin(name, limited ? limit : undefined, io)
  if (input === undefined) return 2
  const read = decodeStdin(input, name, limited, limit)
  if (!('text' in read)) return refuse(name, read.reason, input, args, io)
  const linted = await lintText(options, name, read, fix)
  if ('reason' in linted) {
    const stack = args.debug && linted.error instanceof Error ? `\n${linted.error.stack}` : ''
    return refuse(name, `${linted.reason}${stack}`, input, args, io)
  }
  const result = read.invalidUtf8 === undefined ? linted : withInvalidUtf8(linted, read.invalidUtf8, read.encoding)
  if (args.fix && !args.fixDryRun) return writeFixedText(result, read.text, input, io)
  const {index, noteFields, prose, ...rest} = result
  return {...rest, models: {index, noteFields, prose}}
}

/**
 * All of standard input, or reading stops once more than `maxBytes` have
 * come; `undefined` when it cannot be read (said on stderr).
 */
async function readStdin(name: string, maxBytes: number | undefined, io: CliIo): Promise<string | Uint8Array | undefined> {
  const input = await io.readStdin(maxBytes).catch((error: unknown) => error as Error)
  if (input instanceof Error) {
    io.writeErr(`citelint: ${name}: cannot read standard input: ${describeError(input)}\n`)
    return undefined
  }
  return input
}

/**
 * Standard input as text, decoded as files are (a DOCX, named so by
 * `name`, to its virtual text), or why it is not linted: larger than
 * `limit` bytes (`limited`: reading stopped, so its size is not known), not
 * text, or not a readable DOCX.
 */
function decodeStdin(input: string | Uint8Array, name: string, limited: boolean, limit: number): TextFile | Pick<FileFailure, 'reason'> {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length
  if (size > limit) return {reason: tooLargeReason(new FileTooLarge(limited ? undefined : size, limit))}
  if (formatOf(name) === 'docx') return decodeDocx(typeof input === 'string' ? Buffer.from(input) : input, name)
  if (typeof input === 'string') return {text: input}
  return formatOf(name) === 'html' ? decodeHtml(input, name) : decodeText(input, name)
}

/**
 * Lint the text read as the file `name` (fixing it when `fix`, unless it is
 * not valid UTF-8: such text is linted with U+FFFD and a warning, and never
 * fixed), or the failure when it cannot be linted: refused Markdown, out of
 * memory or an internal error.
 *
 * @throws ConfigError for an invalid config file (a usage error).
 */
async function lintText(options: LintFilesOptions, name: string, read: TextFile, fix: boolean): Promise<FileResult | FileFailure> {
  try {
    return await new Linter(options).lint(name, read.text, fix && read.invalidUtf8 === undefined)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    return failureOf(name, error)
  }
}

/**
 * Input that cannot be linted: say why; with --fix, give it back as it
 * came, so that an editor replacing its buffer with the output loses nothing.
 */
function refuse(name: string, reason: string, input: string | Uint8Array, args: CliArgs, io: CliIo): number {
  io.writeErr(`citelint: ${name}: ${reason}\n`)
  if (args.fix && !args.fixDryRun) io.writeOut(input)
  return 2
}

/**
 * --stdin --fix: the fixed text (or the text unchanged) is the output; the
 * exit code says whether errors remain. Input that is not valid UTF-8 goes
 * back byte for byte: never fixed, never re-encoded.
 */
function writeFixedText(result: FileResult, text: string, input: string | Uint8Array, io: CliIo): number {
  io.writeOut(result.output ?? (typeof input === 'string' ? text : input))
  return result.messages.some((message) => message.fatal) ? 1 : 0
}
