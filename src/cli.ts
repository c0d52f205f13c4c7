/**
 * The command line. `run` parses arguments with yargs, lints, writes the
 * report and returns the exit code; only `bin/citelint.js` touches `process`.
 *
 * Exit codes (as ESLint): 0 no errors, 1 at least one error, 2 a usage error
 * or a path that could not be linted.
 */
import yargs from 'yargs'
import {ConfigError} from './config.js'
import type {Config} from './config.js'
import {lintFiles} from './lint-files.js'
import {formatJson} from './reporters/json.js'
import {formatStylish} from './reporters/stylish.js'

/** What `run` needs from the outside world. */
export interface CliIo {
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdoutIsTTY: boolean
  writeOut(text: string): void
  writeErr(text: string): void
}

const formats = ['stylish', 'json'] as const

/**
 * Run citelint with `argv` (without the node and script paths).
 *
 * @returns the exit code: 0, 1 or 2. Never throws for bad input; an
 *   unexpected failure is reported in one line (with its stack under
 *   `--debug`) and gives 2.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let usage: string | undefined
  const parser = yargs([...argv])
    .scriptName('citelint')
    .command('$0 [paths..]', 'Lint the footnote references and notes of reports (Markdown and plain text)', (y) =>
      y.positional('paths', {describe: 'Files, directories or globs', type: 'string', array: true})
    )
    .option('format', {alias: 'f', choices: formats, requiresArg: true, default: 'stylish' as const, describe: 'Output format'})
    .option('color', {type: 'boolean', describe: 'Colour the stylish output (default: when stdout is a terminal and NO_COLOR is unset)'})
    .option('rule', {type: 'string', describe: 'Set a rule’s severity: id:off|warn|error (repeatable)'})
    .option('debug', {type: 'boolean', default: false, describe: 'Show stack traces of internal errors'})
    .example('$0 examples/', 'Lint every .md, .markdown and .txt file under examples/')
    .example('$0 report.txt --format json', 'Machine-readable output')
    .strict()
    .help()
    .version()
    .wrap(null)
    .exitProcess(false)
    .fail((message, error) => {
      usage = message || error?.message || 'invalid arguments'
    })

  let args
  let printed = ''
  try {
    args = await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
      printed = output
    })
  } catch (error) {
    usage ??= error instanceof Error ? error.message : String(error)
  }
  if (usage !== undefined) {
    io.writeErr(`citelint: ${usage}\nRun \`citelint --help\` for usage.\n`)
    return 2
  }
  if (printed) {
    io.writeOut(printed.endsWith('\n') ? printed : `${printed}\n`)
    return 0
  }
  if (!args) return 2
  const paths = ((args.paths as unknown[] | undefined) ?? []).map(String)
  if (paths.length === 0) {
    io.writeErr('citelint: no paths given\nRun `citelint --help` for usage.\n')
    return 2
  }

  try {
    const config: Config = {rules: parseRuleFlags(([] as string[]).concat(args.rule ?? []))}
    const {results, failures} = await lintFiles(paths, {cwd: io.cwd, config})
    for (const failure of failures) {
      const stack = args.debug && failure.error instanceof Error ? `\n${failure.error.stack}` : ''
      io.writeErr(`citelint: ${failure.filePath}: ${failure.reason}${stack}\n`)
    }
    const color = args.color ?? (io.stdoutIsTTY && !io.env['NO_COLOR'])
    const output = args.format === 'json' ? `${formatJson(results)}\n` : formatStylish(results, color)
    if (output.trim()) io.writeOut(output.endsWith('\n') ? output : `${output}\n`)
    if (failures.length > 0) return 2
    return results.some((result) => result.messages.some((message) => message.fatal)) ? 1 : 0
  } catch (error) {
    if (error instanceof ConfigError) {
      io.writeErr(`citelint: ${error.message}\n`)
      return 2
    }
    const detail = args.debug && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error)
    io.writeErr(`citelint: internal error: ${detail}${args.debug ? '' : ' (run with --debug for details)'}\n`)
    return 2
  }
}

/** `--rule id:severity` flags into a `rules` config. */
function parseRuleFlags(flags: readonly string[]): Record<string, 'off' | 'warn' | 'error'> {
  const rules: Record<string, 'off' | 'warn' | 'error'> = {}
  for (const flag of flags) {
    const [id, severity] = flag.split(':')
    if (!id || (severity !== 'off' && severity !== 'warn' && severity !== 'error')) {
      throw new ConfigError(`Invalid --rule \`${flag}\`, expected id:off, id:warn or id:error`)
    }
    rules[id] = severity
  }
  return rules
}
