/**
 * The command line of `citelint` (the lint command): its yargs parser, the
 * parsers of option values, and the checks that turn combinations yargs
 * lets through into usage errors.
 */
import path from 'node:path'
import yargs from 'yargs'
import type {ArgumentsCamelCase, Argv} from 'yargs'
import {ConfigError} from '../engine/config.js'
import {emptyPath, parseSize} from '../run/files.js'
import type {Concurrency} from '../run/lint-files.js'
import {builtinFormats} from '../report/eslint-formatter.js'

/** The yargs parser; built per call so that `run` keeps no state. */
export function parser(argv: readonly string[]) {
  return yargs([...argv])
    .scriptName('citelint')
    .command('$0 [paths..]', 'Lint the footnote references and notes of reports (Markdown and plain text)', (y) =>
      y.positional('paths', {describe: 'Files, directories or globs', type: 'string', array: true})
    )
    .option('format', {
      alias: 'f',
      type: 'string',
      requiresArg: true,
      default: 'stylish',
      describe: `Output format: ${builtinFormats.join(', ')}, or an ESLint formatter (package eslint-formatter-NAME, or a path)`
    })

    .option('config', {alias: 'c', type: 'string', requiresArg: true, describe: 'Use this config file instead of searching (--no-config: none)'})
    .option('rule', {type: 'string', requiresArg: true, describe: 'Set a rule’s severity, id:off|warn|error (repeatable; wins over config)'})
    .option('ignore', {type: 'boolean', default: true, describe: 'Honour .citelintignore (--no-ignore: lint everything named)'})
    .option('ignore-path', {type: 'string', requiresArg: true, describe: 'Ignore file to use instead of .citelintignore'})
    .option('quiet', {type: 'boolean', default: false, describe: 'Report errors only'})
    .option('max-warnings', {type: 'string', requiresArg: true, default: '-1', describe: 'Exit 1 when there are more warnings than this (-1: no limit)'})
    .coerce('max-warnings', (value: unknown) => parseMaxWarnings(String(Array.isArray(value) ? value.at(-1) : value)))
    .option('shard', {type: 'string', requiresArg: true, describe: 'Lint only part i of n of the files (e.g. 2/4), to split a run across CI machines'})
    .option('include-notes', {type: 'boolean', default: false, describe: 'With --format json: add each file’s notes as the note model reads them'})
    .option('include-source', {type: 'boolean', default: false, describe: 'With --format json: add each file’s text as `source`, as ESLint does (files with messages and no fixed output)'})
    .option('output-file', {alias: 'o', type: 'string', requiresArg: true, describe: 'Write the report to this file instead of stdout'})
    .option('color', {type: 'boolean', describe: 'Colour the stylish output (default: when stdout is a terminal and NO_COLOR is unset)'})
    .option('report-unused-disable-directives', {type: 'boolean', default: false, describe: 'Report citelint-disable comments that suppress nothing'})
    .option('fix', {type: 'boolean', default: false, describe: 'Fix what can be fixed safely and write the files (with --stdin: print the fixed text)'})
    .option('fix-dry-run', {type: 'boolean', default: false, describe: 'Print the fixes as a unified diff instead of writing them'})
    .option('stdin', {type: 'boolean', default: false, describe: 'Lint standard input'})
    .option('stdin-filename', {type: 'string', requiresArg: true, describe: 'Path standard input stands for (format, config and report name)'})
    .option('lsp', {type: 'boolean', default: false, describe: 'Run the language server (over stdio)'})
    .option('stdio', {type: 'boolean', default: false, describe: 'With --lsp: talk over stdin and stdout (the default, and the transport editors ask for)'})
    .option('max-file-size', {
      type: 'string',
      requiresArg: true,
      default: '50MB',
      describe: 'Skip larger files, e.g. 200KB, 50MB, 1GB or a number of bytes (KB = 1024 bytes)'
    })
    .coerce('max-file-size', (value: unknown) => {
      const bytes = parseSize(String(Array.isArray(value) ? value.at(-1) : value))
      if (bytes === undefined) throw new Error(`--max-file-size: invalid value \`${String(value)}\`, expected a size such as 200KB, 50MB or 1048576`)
      return bytes
    })
    .option('cache', {type: 'boolean', default: false, describe: 'Lint only files changed since the last --cache run (results kept in .citelintcache)'})
    .option('cache-location', {type: 'string', requiresArg: true, describe: 'Cache file, or folder to keep .citelintcache in (default: .citelintcache in the working folder)'})
    .option('concurrency', {
      type: 'string',
      requiresArg: true,
      default: 'auto',
      describe: 'Worker threads to lint on: a number, auto (one per core, from 32 files on) or off (the main thread only)'
    })
    .coerce('concurrency', (value: unknown) => parseConcurrency(String(Array.isArray(value) ? value.at(-1) : value)))
    .option('debug', {type: 'boolean', default: false, describe: 'Show stack traces of internal errors'})
    .example('$0 examples/', 'Lint every .md, .markdown, .Rmd, .qmd and .txt file under examples/')
    .example('$0 report.txt --format json', 'Machine-readable output')
    .example('$0 --stdin --stdin-filename report.md < report.md', 'Lint standard input as a Markdown file')
    .example('$0 reports/ --fix', 'Renumber notes and apply other safe fixes in place')
    .example('$0 summary reports/', 'Citation coverage per file (see `citelint summary --help`)')
    .strict()
    .help()
    .version()
    .wrap(null)
    .exitProcess(false)
}

/** The parsed command line of `citelint` (options in camel case). */
export type CliArgs = ArgumentsCamelCase<OptionsOf<ReturnType<typeof parser>>>

/** The options type `T` of a yargs parser `Argv<T>`. */
type OptionsOf<P> = P extends Argv<infer T> ? T : never

/**
 * A usage error of the command line that yargs lets through, or
 * `undefined`: --stdio without --lsp, `-` as a path, --stdin with paths or
 * no paths without it, a misused option (see `optionMisuse`), and an
 * --output-file that is one of citelint's inputs (see `outputFileClash`).
 */
export async function usageProblem(argv: readonly string[], paths: readonly string[], args: CliArgs, cwd: string): Promise<string | undefined> {
  if (args.stdio) return '--stdio is the transport of the language server: give it with --lsp'
  // `-` is standard input to many tools (yargs drops it); here that is --stdin.
  const beforeDashes = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv
  if (beforeDashes.includes('-')) return '`-` is not a path: lint standard input with --stdin (and --stdin-filename to name it)'
  if (args.stdin && paths.length > 0) return '--stdin lints standard input: give no paths with it'
  if (!args.stdin && paths.length === 0) return 'no paths given'
  const misuse = optionMisuse(paths, args)
  if (misuse) return misuse
  return outputFileClash(args, cwd)
}

/**
 * A usage error when --output-file names a file citelint reads: the file
 * standard input stands for (--stdin-filename), the --config,
 * --cache-location or --ignore-path file; `undefined` otherwise.
 */
async function outputFileClash(args: CliArgs, cwd: string): Promise<string | undefined> {
  if (args.stdin && args.outputFile && args.stdinFilename && (await sameFile(cwd, args.outputFile, args.stdinFilename))) {
    return `--output-file \`${args.outputFile}\` is the file standard input stands for (--stdin-filename); write the report elsewhere`
  }
  // The report must not replace citelint's own inputs either.
  for (const [option, other] of [['--config', args.config], ['--cache-location', args.cache ? (args.cacheLocation ?? '.citelintcache') : undefined], ['--ignore-path', args.ignorePath]] as const) {
    if (args.outputFile && typeof other === 'string' && (await sameFile(cwd, args.outputFile, other))) {
      return `--output-file \`${args.outputFile}\` is the ${option} file; write the report elsewhere`
    }
  }
  return undefined
}

/**
 * A usage error in the combination of arguments, or `undefined`: an empty
 * path (an unset variable must not lint the working folder), --stdin-filename
 * without --stdin, --fix with --fix-dry-run, and --fix-dry-run (whose output
 * is a diff on standard output) with a report format or file.
 */
function optionMisuse(
  paths: readonly string[],
  args: {
    stdin: boolean
    stdinFilename?: string | undefined
    fix: boolean
    fixDryRun: boolean
    format: string
    outputFile?: string | undefined
    includeNotes: boolean
    includeSource: boolean
  }
): string | undefined {
  if (paths.includes('')) return emptyPath
  if (typeof args.format !== 'string') return '--format: give one format'
  if (args.format.trim() === '') return `--format: empty name, expected ${builtinFormats.join(', ')} or an ESLint formatter`
  if (args.outputFile === '') return '--output-file: empty path, expected a file to write the report to'
  if (args.stdinFilename !== undefined && !args.stdin) return '--stdin-filename names standard input: give --stdin with it'
  if (args.fix && args.fixDryRun) return '--fix writes the fixes and --fix-dry-run prints them: give one of the two'
  if (args.fixDryRun && args.format !== 'stylish') return `--fix-dry-run prints a unified diff: it cannot be given with --format ${args.format}`
  if (args.fixDryRun && args.outputFile !== undefined) return '--fix-dry-run prints a unified diff to standard output: it cannot be given with --output-file'
  if (args.includeNotes && args.format !== 'json') return `--include-notes adds the notes to the JSON output: give it with --format json`
  if (args.includeSource && args.format !== 'json') return `--include-source adds the text to the JSON output: give it with --format json`
  return undefined
}

/**
 * Whether `a` and `b` (relative to `cwd`) are the same existing file: the
 * same device and inode (POSIX `stat`), so symbolic and hard links count.
 */
async function sameFile(cwd: string, a: string, b: string): Promise<boolean> {
  const {stat} = await import('node:fs/promises')
  const [infoA, infoB] = await Promise.all([a, b].map((file) => stat(path.resolve(cwd, file)).catch(() => undefined)))
  return infoA !== undefined && infoB !== undefined && infoA.dev === infoB.dev && infoA.ino === infoB.ino
}

/**
 * `--max-warnings`: a whole number of warnings, or -1 for no limit (the
 * default, as ESLint's).
 *
 * @throws Error (a usage error for yargs) for anything else, the empty string included.
 */
function parseMaxWarnings(value: string): number {
  if (/^(?:-1|\d{1,15})$/.test(value)) return Number(value)
  throw new Error(`--max-warnings: invalid value \`${value}\`, expected a whole number of warnings (0 or more), or -1 for no limit`)
}

/**
 * `--concurrency`: a whole number of worker threads (1 or more), `auto` or `off`.
 *
 * @throws Error (a usage error for yargs) for anything else.
 */
function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value)
  throw new Error(`--concurrency: invalid value \`${value}\`, expected a number of threads (1 or more), auto or off`)
}

/** `--shard i/n` into a shard, 1 <= i <= n. */
export function parseShard(value: string): {index: number; count: number} {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || index < 1 || count < 1 || index > count) {
    throw new ConfigError(`--shard: invalid value \`${value}\`, expected i/n with 1 <= i <= n, such as 1/4`)
  }
  return {index, count}
}
