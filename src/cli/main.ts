/**
 * The command line. `run` parses arguments with yargs, lints, writes the
 * report and returns the exit code; only `bin/citelint.js` touches `process`.
 *
 * Exit codes (as ESLint): 0 no errors (and warnings within `--max-warnings`),
 * 1 at least one error or too many warnings, 2 a usage error or a path that
 * could not be linted.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import yargs from 'yargs'
import type {CliIo} from './args.js'
import {parseCommandLine, parseRuleFlags, pathsOf} from './args.js'
import {makeFolder} from '../run/make-folder.js'
import {ConfigError} from '../engine/config.js'
import type {RuleSetting} from '../engine/config.js'
import {VFile} from 'vfile'
import type {LintResult} from '../engine/engine.js'
import type {FileFailure} from '../run/files.js'
import {FileTooLarge, decodeText, defaultMaxFileSize, describeError, emptyPath, parseSize, tooLargeReason} from '../run/files.js'
import type {Concurrency, FileReport, LintFilesOptions} from '../run/lint-files.js'
import {Linter, failureOf, lintFileStream, withInvalidUtf8, writeFixes} from '../run/lint-files.js'
import {toJsonNotes, toJsonResult} from '../report/json.js'
import {formatStylish} from '../report/stylish.js'


const formats = ['stylish', 'json', 'sarif', 'github'] as const

/** The yargs parser; built per call so that `run` keeps no state. */
function parser(argv: readonly string[]) {
  return yargs([...argv])
    .scriptName('citelint')
    .command('$0 [paths..]', 'Lint the footnote references and notes of reports (Markdown and plain text)', (y) =>
      y.positional('paths', {describe: 'Files, directories or globs', type: 'string', array: true})
    )
    .option('format', {alias: 'f', choices: formats, requiresArg: true, default: 'stylish' as const, describe: 'Output format'})
    .option('config', {alias: 'c', type: 'string', requiresArg: true, describe: 'Use this config file instead of searching (--no-config: none)'})
    .option('rule', {type: 'string', requiresArg: true, describe: 'Set a rule’s severity, id:off|warn|error (repeatable; wins over config)'})
    .option('ignore', {type: 'boolean', default: true, describe: 'Honour .citelintignore (--no-ignore: lint everything named)'})
    .option('ignore-path', {type: 'string', requiresArg: true, describe: 'Ignore file to use instead of .citelintignore'})
    .option('quiet', {type: 'boolean', default: false, describe: 'Report errors only'})
    .option('max-warnings', {type: 'string', requiresArg: true, default: '-1', describe: 'Exit 1 when there are more warnings than this (-1: no limit)'})
    .coerce('max-warnings', (value: unknown) => parseMaxWarnings(String(Array.isArray(value) ? value.at(-1) : value)))
    .option('shard', {type: 'string', requiresArg: true, describe: 'Lint only part i of n of the files (e.g. 2/4), to split a run across CI machines'})
    .option('include-notes', {type: 'boolean', default: false, describe: 'With --format json: add each file’s notes as the note model reads them'})
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

/**
 * Run citelint with `argv` (without the node and script paths).
 *
 * @returns the exit code: 0, 1 or 2. Never throws for bad input; an
 *   unexpected failure is reported in one line (with its stack under
 *   `--debug`) and gives 2.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // `citelint summary ...`: the coverage summary has its own options (src/cli/summary.ts).
  if (argv[0] === 'summary') return (await import('./summary.js')).runSummary(argv.slice(1), io)
  const {args, usage, printed} = await parseCommandLine(parser(argv), argv)
  const usageError = (message: string): number => {
    io.writeErr(`citelint: ${message}\nRun \`citelint --help\` for usage.\n`)
    return 2
  }
  if (usage !== undefined || !args) return usageError(usage ?? 'invalid arguments')
  if (printed) {
    io.writeOut(printed.endsWith('\n') ? printed : `${printed}\n`)
    return 0
  }
  const paths = pathsOf(args)
  if (args.lsp) {
    // The editor sends the documents: paths and lint options would be ignored.
    if (paths.length > 0 || args.stdin || args.fix || args.fixDryRun || args.outputFile !== undefined) {
      return usageError('--lsp runs the language server, which lints what the editor sends: give no paths, --stdin, --fix or --output-file with it')
    }
    const {startServer} = await import('../lsp/server.js')
    startServer()
    return new Promise<number>(() => undefined)
  }
  if (args.stdio) return usageError('--stdio is the transport of the language server: give it with --lsp')
  // `-` is standard input to many tools (yargs drops it); here that is --stdin.
  const beforeDashes = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv
  if (beforeDashes.includes('-')) return usageError('`-` is not a path: lint standard input with --stdin (and --stdin-filename to name it)')
  if (args.stdin && paths.length > 0) {
    io.writeErr('citelint: --stdin lints standard input: give no paths with it\nRun `citelint --help` for usage.\n')
    return 2
  }
  if (!args.stdin && paths.length === 0) {
    io.writeErr('citelint: no paths given\nRun `citelint --help` for usage.\n')
    return 2
  }
  const misuse = optionMisuse(paths, args)
  if (misuse) return usageError(misuse)
  if (args.stdin && args.outputFile && args.stdinFilename && (await sameFile(io.cwd, args.outputFile, args.stdinFilename))) {
    return usageError(`--output-file \`${args.outputFile}\` is the file standard input stands for (--stdin-filename); write the report elsewhere`)
  }
  // The report must not replace citelint's own inputs either.
  for (const [option, other] of [['--config', args.config], ['--cache-location', args.cache ? (args.cacheLocation ?? '.citelintcache') : undefined], ['--ignore-path', args.ignorePath]] as const) {
    if (args.outputFile && typeof other === 'string' && (await sameFile(io.cwd, args.outputFile, other))) {
      return usageError(`--output-file \`${args.outputFile}\` is the ${option} file; write the report elsewhere`)
    }
  }

  try {
    const config = args.config as string | boolean | undefined
    const options: LintFilesOptions = {
      cwd: io.cwd,
      configFile: config === false ? false : typeof config === 'string' ? config : undefined,
      ruleSettings: parseRuleFlags(([] as string[]).concat(args.rule ?? [])),
      ignore: args.ignore,
      ignorePath: args.ignorePath,
      reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
      maxFileSize: args.maxFileSize,
      ...(args.outputFile ? {outputFile: args.outputFile} : {}),
      ...(args.shard === undefined ? {} : {shard: parseShard(args.shard)})
    }
    const fix = args.fix || args.fixDryRun
    const json = args.format === 'json'
    const createPatch = args.fixDryRun ? (await import('diff')).createTwoFilesPatch : undefined
    // Each file is handled as it comes, in input order; only what the
    // report needs is kept (a JSON entry, or the file's name and messages).
    const failures: FileFailure[] = []
    const writeFailures: FileFailure[] = []
    const jsonEntries: string[] = []
    const shown: Pick<LintResult, 'file' | 'messages'>[] = []
    let errors = 0
    let warnings = 0
    const take = async (result: FileReport): Promise<void> => {
      if (createPatch) {
        if (result.output !== undefined && result.source !== undefined) {
          const name = result.file.path || '<stdin>'
          // A unified diff as `diff -u` and git print it (without the library's `===` rule).
          io.writeOut(createPatch(`a/${name}`, `b/${name}`, result.source, result.output).replace(/^=+\n/, ''))
        }
      } else if (args.fix && !args.stdin) writeFailures.push(...(await writeFixes([result], io.cwd)))
      errors += count(result, true)
      warnings += count(result, false)
      const kept = args.quiet ? errorsOnly(result) : result
      if (json) {
        const entry = toJsonResult(kept)
        jsonEntries.push(JSON.stringify(args.includeNotes && result.models ? {...entry, notes: toJsonNotes(result.models)} : entry))
      } else {
        // The name and messages, without the text: what the reporters read.
        const file = new VFile({path: kept.file.path, cwd: kept.file.cwd})
        file.messages = [...kept.messages]
        shown.push({file, messages: kept.messages})
      }
    }
    if (args.stdin) {
      const name = args.stdinFilename ?? '<stdin>'
      // Without --fix nothing is given back: reading may stop past --max-file-size.
      const limited = !(args.fix && !args.fixDryRun)
      const limit = args.maxFileSize ?? defaultMaxFileSize
      const input = await io.readStdin(limited ? limit : undefined).catch((error: unknown) => error as Error)
      if (input instanceof Error) {
        io.writeErr(`citelint: ${name}: cannot read standard input: ${describeError(input)}\n`)
        return 2
      }
      const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length
      const read =
        size > limit
          ? {reason: tooLargeReason(new FileTooLarge(limited ? undefined : size, limit))}
          : typeof input === 'string' ? {text: input} : decodeText(input, name)
      // Input that cannot be linted: say why; with --fix, give it back as it
      // came, so that an editor replacing its buffer with the output loses nothing.
      const refuse = (reason: string): number => {
        io.writeErr(`citelint: ${name}: ${reason}\n`)
        if (args.fix && !args.fixDryRun) io.writeOut(input)
        return 2
      }
      if (!('text' in read)) return refuse(read.reason)
      const {text} = read
      // Invalid UTF-8 is linted with U+FFFD and a warning, and never fixed.
      let linted: Awaited<ReturnType<Linter['lint']>>
      try {
        linted = await new Linter(options).lint(name, text, fix && read.invalidUtf8 === undefined)
      } catch (error) {
        // Refused Markdown, out of memory or an internal error is this input's
        // one-line failure (an internal error's stack under --debug); with --fix the input goes back.
        // A config error is a usage error, reported below.
        if (error instanceof ConfigError) throw error
        const failure = failureOf(name, error)
        const stack = args.debug && failure.error instanceof Error ? `\n${failure.error.stack}` : ''
        return refuse(`${failure.reason}${stack}`)
      }
      const result = read.invalidUtf8 === undefined ? linted : withInvalidUtf8(linted, read.invalidUtf8)
      if (args.fix && !args.fixDryRun) {
        // The fixed text (or the text unchanged) is the output; the exit code says what remains.
        // Input that is not valid UTF-8 goes back byte for byte: never fixed, never re-encoded.
        io.writeOut(result.output ?? (typeof input === 'string' ? text : input))
        return count(result, true) > 0 ? 1 : 0
      }
      const {index, noteFields, prose, ...rest} = result
      await take({...rest, models: {index, noteFields, prose}})
    } else {
      // The cache is not used with --stdin (nothing to key it by) nor with
      // --include-notes (cached results carry no note model).
      const cache = args.cache && !args.includeNotes ? await loadCache(args.cacheLocation, io) : undefined
      const models = json && args.includeNotes
      for await (const outcome of lintFileStream(paths, {...options, fix, models, concurrency: args.concurrency, ...(cache ? {cache} : {})})) {
        if (outcome.kind === 'failure') failures.push(outcome.failure)
        else await take(outcome.result)
      }
      const warning = await cache?.save()
      if (warning) io.writeErr(`citelint: warning: ${warning}\n`)
    }
    failures.push(...writeFailures)
    for (const failure of failures) {
      const stack = args.debug && failure.error instanceof Error ? `\n${failure.error.stack}` : ''
      io.writeErr(`citelint: ${failure.filePath}: ${failure.reason}${stack}\n`)
    }
    const color = args.outputFile ? false : (args.color ?? (io.stdoutIsTTY && !io.env['NO_COLOR']))
    let output =
      json
        ? `[${jsonEntries.join(',')}]`
        : args.format === 'sarif'
          ? (await import('../report/sarif.js')).formatSarif(shown, {cwd: io.cwd})
          : args.format === 'github'
            ? (await import('../report/github.js')).formatGithub(shown, {cwd: io.cwd})
            : formatStylish(shown, color)
    if (output && !output.endsWith('\n')) output += '\n'
    if (args.fixDryRun) {
      // The diff is the output; what the fixes leave is said on stderr, so that exit code 1 is explained.
      const left = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean)
      if (left.length > 0) io.writeErr(`citelint: ${left.join(' and ')} left after the fixes (run without --fix-dry-run to see them)\n`)
    } else if (args.outputFile) {
      const target = path.resolve(io.cwd, args.outputFile)
      await makeFolder(path.dirname(target))
      await writeFile(target, output)
    } else if (output.trim()) io.writeOut(output)

    const maxWarnings = args.maxWarnings ?? -1
    const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings
    if (tooManyWarnings) {
      io.writeErr(`citelint: too many warnings (${warnings}, maximum ${maxWarnings})\n`)
    }
    if (failures.length > 0) return 2
    return errors > 0 || tooManyWarnings ? 1 : 0
  } catch (error) {
    if (error instanceof ConfigError) {
      io.writeErr(`citelint: ${error.message}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    if (code && args.outputFile) {
      io.writeErr(`citelint: ${args.outputFile}: cannot write the report (${code})\n`)
      return 2
    }
    const detail = args.debug && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error)
    io.writeErr(`citelint: internal error: ${detail}${args.debug ? '' : ' (run with --debug for details)'}\n`)
    return 2
  }
}

/** The lint cache of `--cache`; a warning when the cache file cannot be used (then the cache is empty). */
async function loadCache(location: string | undefined, io: CliIo) {
  const {LintCache, cacheFilePath} = await import('../run/cache.js')
  const {cache, warning} = await LintCache.load(await cacheFilePath(location, io.cwd))
  if (warning) io.writeErr(`citelint: warning: ${warning}\n`)
  return cache
}

function count(result: Pick<LintResult, 'messages'>, fatal: boolean): number {
  return result.messages.filter((m) => Boolean(m.fatal) === fatal).length
}

/** A result with its warnings removed (`--quiet`); the file's messages too, for vfile-reporter. */
function errorsOnly<R extends Pick<LintResult, 'file' | 'messages'>>(result: R): R {
  const messages = result.messages.filter((message) => message.fatal)
  result.file.messages = [...messages]
  return {...result, messages}
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
  }
): string | undefined {
  if (paths.includes('')) return emptyPath
  if (args.outputFile === '') return '--output-file: empty path, expected a file to write the report to'
  if (args.stdinFilename !== undefined && !args.stdin) return '--stdin-filename names standard input: give --stdin with it'
  if (args.fix && args.fixDryRun) return '--fix writes the fixes and --fix-dry-run prints them: give one of the two'
  if (args.fixDryRun && args.format !== 'stylish') return `--fix-dry-run prints a unified diff: it cannot be given with --format ${args.format}`
  if (args.fixDryRun && args.outputFile !== undefined) return '--fix-dry-run prints a unified diff to standard output: it cannot be given with --output-file'
  if (args.includeNotes && args.format !== 'json') return `--include-notes adds the notes to the JSON output: give it with --format json`
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
function parseShard(value: string): {index: number; count: number} {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || index < 1 || count < 1 || index > count) {
    throw new ConfigError(`--shard: invalid value \`${value}\`, expected i/n with 1 <= i <= n, such as 1/4`)
  }
  return {index, count}
}
export type {CliIo} from './args.js'
