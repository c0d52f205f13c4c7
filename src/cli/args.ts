/**
 * Running a yargs parser without letting it print or exit: usage errors and
 * `--help`/`--version` output come back as values, for `run` and
 * `runSummary` to write and turn into exit codes.
 */
import type {ArgumentsCamelCase, Argv} from 'yargs'
import type {RuleSetting} from '../engine/config.js'
import {ConfigError} from '../engine/config.js'

/** What parsing gave: the arguments, or a usage error, or text yargs printed (help, version). */
export interface Parsed<T> {
  readonly args: ArgumentsCamelCase<T> | undefined
  readonly usage: string | undefined
  readonly printed: string
}

/** Parse `argv` with `parser` (built with `exitProcess(false)`). Never throws. */
export async function parseCommandLine<T>(parser: Argv<T>, argv: readonly string[]): Promise<Parsed<T>> {
  let usage: string | undefined
  let printed = ''
  let args: ArgumentsCamelCase<T> | undefined
  try {
    args = (await parser
      .fail((message, error) => {
        usage = message || error?.message || 'invalid arguments'
      })
      .parseAsync([...argv], {}, (_error, _argv, output) => {
        printed = output
      })) as ArgumentsCamelCase<T>
  } catch (error) {
    usage ??= error instanceof Error ? error.message : String(error)
  }
  return {args: usage === undefined ? args : undefined, usage: usage === undefined ? undefined : clarify(usage, argv), printed}
}

/**
 * yargs' usage message made plainer: an unknown option is named once (yargs
 * lists `bogus-opt` and its camel-case alias `bogusOpt`), and a word that
 * starts with `-` and is not an option gets the hint of `--` (yargs reads
 * `-draft.md` as the flags `d`, `r`, `a`, ...).
 */
function clarify(usage: string, argv: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.*)$/.exec(usage)
  if (!unknown) return usage
  const names = unknown[1]!.split(', ')
  const kebab = new Set(names.filter((name) => name.includes('-')).map((name) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())))
  const kept = names.filter((name) => !kebab.has(name))
  const dashed = argv.find((word) => /^-[^-]{2,}/.test(word))
  const hint = dashed ? `; a path that starts with \`-\` goes after \`--\` (citelint -- ${dashed})` : ''
  return `Unknown argument${kept.length === 1 ? '' : 's'}: ${kept.join(', ')}${hint}`
}

/**
 * The paths of a command line: the `[paths..]` positional, then the words
 * after `--`, which yargs puts in `_`. `--` ends the options (POSIX utility
 * syntax guideline 10), so `citelint -- -draft.md` names a file whose name
 * starts with `-`.
 */
export function pathsOf(args: {readonly paths?: unknown; readonly _: readonly (string | number)[]}): string[] {
  const named = Array.isArray(args.paths) ? args.paths : []
  return [...named, ...args._].map(String)
}

/** What `run` needs from the outside world. */
export interface CliIo {
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdoutIsTTY: boolean
  /** Whether standard error is a terminal (`citelint summary` shows progress there); default false. */
  readonly stderrIsTTY?: boolean
  /** Write to standard output: text, or bytes passed through unchanged (`--stdin --fix` of input that is not UTF-8). */
  writeOut(text: string | Uint8Array): void
  writeErr(text: string): void
  /**
   * All of standard input (for `--stdin`): its bytes, decoded as files are
   * (see `decodeText`), or text already decoded. With `maxBytes`, reading
   * may stop once more than that many bytes have come (the input is then
   * refused as too large, so the rest is not needed).
   *
   * @throws the file system error when standard input cannot be read (a
   *   directory: EISDIR).
   */
  readStdin(maxBytes?: number): Promise<string | Uint8Array>
}

/** `--rule id:severity` flags into rule settings. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {}
  for (const flag of flags) {
    const [id, severity, ...extra] = flag.split(':')
    if (!id || extra.length > 0 || (severity !== 'off' && severity !== 'warn' && severity !== 'error')) {
      throw new ConfigError(`--rule: invalid value \`${flag}\`, expected id:off, id:warn or id:error`)
    }
    rules[id] = severity
  }
  return rules
}
