/**
 * The command line. `run` parses arguments with yargs, lints, writes the
 * report and returns the exit code; only `bin/citelint.js` touches `process`.
 *
 * Exit codes (as ESLint): 0 no errors (and warnings within `--max-warnings`),
 * 1 at least one error or too many warnings, 2 a usage error or a path that
 * could not be linted.
 *
 * `run` goes step by step: parse the command line (src/cli/options.ts, which
 * also holds the usage checks), hand over to `citelint summary` or the
 * language server, set up the lint options, lint standard input
 * (src/cli/stdin.ts) or the files, print or write the fixes, write the
 * report and compute the exit code.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {CliIo} from './args.js'
import {parseCommandLine, parseRuleFlags, pathsOf} from './args.js'
import type {CliArgs} from './options.js'
import {parseShard, parser, usageProblem} from './options.js'
import {lintStdin} from './stdin.js'
import {makeFolder} from '../run/make-folder.js'
import {ConfigError} from '../engine/config.js'
import {VFile} from 'vfile'
import type {LintResult} from '../engine/engine.js'
import type {FileFailure} from '../run/files.js'
import type {FileReport, LintFilesOptions} from '../run/lint-files.js'
import {lintFileStream, writeFixes} from '../run/lint-files.js'
import type {JsonResult} from '../report/json.js'
import {toJsonNotes, toJsonResult} from '../report/json.js'
import type {LoadedFormatter} from '../report/eslint-formatter.js'
import {FormatterError, isBuiltinFormat} from '../report/eslint-formatter.js'
import {formatStylish} from '../report/stylish.js'

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
  if (usage !== undefined || !args) return usageError(usage ?? 'invalid arguments', io)
  if (printed) {
    io.writeOut(printed.endsWith('\n') ? printed : `${printed}\n`)
    return 0
  }
  const paths = pathsOf(args)
  if (args.lsp) return runLanguageServer(paths, args, io)
  const misuse = await usageProblem(argv, paths, args, io.cwd)
  if (misuse !== undefined) return usageError(misuse, io)
  try {
    return await lintAndReport(paths, args, io)
  } catch (error) {
    return reportError(error, args, io)
  }
}

/** Say `message` as a usage error, with where to find the usage; exit code 2. */
function usageError(message: string, io: CliIo): number {
  io.writeErr(`citelint: ${message}\nRun \`citelint --help\` for usage.\n`)
  return 2
}

/**
 * `--lsp`: start the language server; the returned promise never settles
 * (the server ends the process). A usage error when paths or lint options
 * are given with it.
 */
async function runLanguageServer(paths: readonly string[], args: CliArgs, io: CliIo): Promise<number> {
  // The editor sends the documents: paths and lint options would be ignored.
  if (paths.length > 0 || args.stdin || args.fix || args.fixDryRun || args.outputFile !== undefined) {
    return usageError('--lsp runs the language server, which lints what the editor sends: give no paths, --stdin, --fix or --output-file with it', io)
  }
  const {startServer} = await import('../lsp/server.js')
  const config = args.config as string | boolean | undefined
  startServer({configFile: config === false ? false : typeof config === 'string' ? config : undefined})
  return new Promise<number>(() => undefined)
}

/**
 * What the report needs, gathered as each file's result comes, in input
 * order: a JSON entry or the file's name and messages, the counts of errors
 * and warnings, and the files that could not be linted or fixed.
 */
interface Gathered {
  readonly failures: FileFailure[]
  /** Files whose fixes could not be written (reported after `failures`). */
  readonly writeFailures: FileFailure[]
  readonly jsonEntries: string[]
  /** With an ESLint formatter package (`formatter`): each file's ESLint result. */
  readonly eslintResults: JsonResult[]
  readonly shown: Pick<LintResult, 'file' | 'messages'>[]
  /** The ESLint formatter of a --format that is not built in. */
  readonly formatter: LoadedFormatter | undefined
  errors: number
  warnings: number
}

/** `createTwoFilesPatch` of the diff package (loaded for --fix-dry-run only). */
type CreatePatch = typeof import('diff').createTwoFilesPatch

/**
 * Lint standard input or the files named by `paths`, print or write the
 * fixes, write the report, and return the exit code.
 *
 * @throws ConfigError for a bad config file, --rule or --shard;
 *   FormatterError for an ESLint formatter that cannot be loaded (before
 *   any file is linted) or that fails; the error of writing the report to
 *   --output-file.
 */
async function lintAndReport(paths: readonly string[], args: CliArgs, io: CliIo): Promise<number> {
  const options = lintOptions(args, io.cwd)
  const fix = args.fix || args.fixDryRun
  // Loaded first, so that a formatter that cannot be found costs no lint.
  const formatter = isBuiltinFormat(args.format) ? undefined : await (await import('../report/eslint-formatter.js')).loadFormatter(args.format, io.cwd)
  const createPatch = args.fixDryRun ? (await import('diff')).createTwoFilesPatch : undefined
  const gathered: Gathered = {failures: [], writeFailures: [], jsonEntries: [], eslintResults: [], shown: [], formatter, errors: 0, warnings: 0}
  const take = (result: FileReport): Promise<void> => takeResult(result, gathered, createPatch, args, io)
  if (args.stdin) {
    const outcome = await lintStdin(options, fix, args, io)
    if (typeof outcome === 'number') return outcome
    await take(outcome)
  } else await lintPaths(paths, {...options, fix}, gathered, take, args, io)
  const failures = [...gathered.failures, ...gathered.writeFailures]
  reportFailures(failures, args, io)
  const maxWarnings = args.maxWarnings ?? -1
  // As ESLint's: warnings count toward --max-warnings with --quiet too, though not reported.
  const tooManyWarnings = maxWarnings >= 0 && gathered.warnings > maxWarnings
  await writeReport(await formatReport(gathered, tooManyWarnings ? maxWarnings : undefined, args, io), gathered, args, io)
  return exitCode(gathered, failures.length > 0, tooManyWarnings ? maxWarnings : undefined, io)
}

/** The lint options the command line sets. @throws ConfigError for a bad --rule or --shard. */
function lintOptions(args: CliArgs, cwd: string): LintFilesOptions {
  const config = args.config as string | boolean | undefined
  return {
    cwd,
    configFile: config === false ? false : typeof config === 'string' ? config : undefined,
    ruleSettings: parseRuleFlags(([] as string[]).concat(args.rule ?? [])),
    ignore: args.ignore,
    ignorePath: args.ignorePath,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
    maxFileSize: args.maxFileSize,
    ...(args.outputFile ? {outputFile: args.outputFile} : {}),
    ...(args.shard === undefined ? {} : {shard: parseShard(args.shard)})
  }
}

/**
 * Lint the files named by `paths`, each result taken as it comes, in input
 * order; files that could not be linted go to `gathered.failures`. With
 * --cache, the cache is loaded first and saved after.
 */
async function lintPaths(
  paths: readonly string[],
  options: LintFilesOptions & {fix: boolean},
  gathered: Gathered,
  take: (result: FileReport) => Promise<void>,
  args: CliArgs,
  io: CliIo
): Promise<void> {
  // The cache is not used with --stdin (nothing to key it by) nor with
  // --include-notes (cached results carry no note model).
  const cache = args.cache && !args.includeNotes ? await loadCache(args.cacheLocation, io) : undefined
  const models = args.format === 'json' && args.includeNotes
  for await (const outcome of lintFileStream(paths, {...options, models, concurrency: args.concurrency, ...(cache ? {cache} : {})})) {
    if (outcome.kind === 'failure') gathered.failures.push(outcome.failure)
    else await take(outcome.result)
  }
  const warning = await cache?.save()
  if (warning) io.writeErr(`citelint: warning: ${warning}\n`)
}

/**
 * Take one file's result: print its fixes as a diff (--fix-dry-run) or
 * write them (--fix), count its errors and warnings, and keep what the
 * report needs.
 */
async function takeResult(result: FileReport, gathered: Gathered, createPatch: CreatePatch | undefined, args: CliArgs, io: CliIo): Promise<void> {
  if (createPatch) {
    printFixDiff(result, createPatch, io)
    sayFixesWithheld(result, io)
  } else if (args.fix && !args.stdin) {
    gathered.writeFailures.push(...(await writeFixes([result], io.cwd)))
    for (const message of result.messages) {
      // VFileMessage keeps its text twice (`reason`, and `message` as an Error); reporters read either.
      if (message.fixWithheld !== undefined) message.reason = message.message = `${message.reason} (not fixed: ${message.fixWithheld})`
    }
  }
  gathered.errors += count(result, true)
  gathered.warnings += count(result, false)
  keepForReport(result, gathered, args)
}

/**
 * --fix-dry-run: say on stderr, one line each, why findings of fixable
 * rules got no fix (`citelint: path:line:column: rule-id not fixed: reason`).
 */
function sayFixesWithheld(result: FileReport, io: CliIo): void {
  const name = result.file.path || '<stdin>'
  for (const message of result.messages) {
    if (message.fixWithheld === undefined) continue
    const at = message.place && 'start' in message.place ? message.place.start : message.place
    io.writeErr(`citelint: ${name}:${at?.line ?? 1}:${at?.column ?? 1}: ${message.ruleId ?? 'citelint'} not fixed: ${message.fixWithheld}\n`)
  }
}

/** --fix-dry-run: the fixes of `result`, when some applied, as a unified diff on stdout. */
function printFixDiff(result: FileReport, createPatch: CreatePatch, io: CliIo): void {
  if (result.output === undefined || result.source === undefined) return
  const name = result.file.path || '<stdin>'
  // A unified diff as `diff -u` and git print it (without the library's `===` rule).
  io.writeOut(createPatch(`a/${name}`, `b/${name}`, result.source, result.output).replace(/^=+\n/, ''))
}

/** Keep what the report needs of `result` (errors only with --quiet): its JSON entry, or its name and messages. */
function keepForReport(result: FileReport, gathered: Gathered, args: CliArgs): void {
  const kept = args.quiet ? errorsOnly(result) : result
  if (args.format === 'json') {
    const entry = toJsonResult(kept, {includeSource: args.includeSource})
    gathered.jsonEntries.push(JSON.stringify(args.includeNotes && result.models ? {...entry, notes: toJsonNotes(result.models)} : entry))
  } else if (gathered.formatter) {
    // ESLint gives its formatters `source` (a code frame needs the text).
    gathered.eslintResults.push(toJsonResult(kept, {includeSource: true}))
  } else {
    // The name and messages, without the text: what the reporters read.
    const file = new VFile({path: kept.file.path, cwd: kept.file.cwd})
    file.messages = [...kept.messages]
    gathered.shown.push({file, messages: kept.messages})
  }
}

/** Say on stderr, one line each, why the `failures` could not be linted or fixed (with the stack of an internal error under --debug). */
function reportFailures(failures: readonly FileFailure[], args: CliArgs, io: CliIo): void {
  for (const failure of failures) {
    const stack = args.debug && failure.error instanceof Error ? `\n${failure.error.stack}` : ''
    io.writeErr(`citelint: ${failure.filePath}: ${failure.reason}${stack}\n`)
  }
}

/**
 * The report in the --format asked for, ending with a line feed unless
 * empty. `maxWarnings` is set when there were more warnings than it (an
 * ESLint formatter's `maxWarningsExceeded`).
 *
 * @throws FormatterError when an ESLint formatter fails.
 */
async function formatReport(gathered: Gathered, maxWarnings: number | undefined, args: CliArgs, io: CliIo): Promise<string> {
  const color = args.outputFile ? false : (args.color ?? (io.stdoutIsTTY && !io.env['NO_COLOR']))
  const {shown, formatter} = gathered
  if (formatter) {
    const {rulesMeta, runFormatter} = await import('../report/eslint-formatter.js')
    const exceeded = maxWarnings === undefined ? {} : {maxWarningsExceeded: {maxWarnings, foundWarnings: gathered.warnings}}
    const output = await runFormatter(formatter, gathered.eslintResults, {cwd: io.cwd, rulesMeta: await rulesMeta(), ...exceeded})
    return output && !output.endsWith('\n') ? `${output}\n` : output
  }
  const output =
    args.format === 'json'
      ? `[${gathered.jsonEntries.join(',')}]`
      : args.format === 'sarif'
        ? (await import('../report/sarif.js')).formatSarif(shown, {cwd: io.cwd})
        : args.format === 'github'
          ? (await import('../report/github.js')).formatGithub(shown, {cwd: io.cwd})
          : formatStylish(shown, color)
  return output && !output.endsWith('\n') ? `${output}\n` : output
}

/**
 * Write the report to --output-file, or to stdout when it says something.
 * With --fix-dry-run the diff is the output: what the fixes leave is said
 * on stderr instead, so that exit code 1 is explained.
 */
async function writeReport(output: string, gathered: Gathered, args: CliArgs, io: CliIo): Promise<void> {
  if (args.fixDryRun) {
    const {errors, warnings} = gathered
    const left = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean)
    if (left.length > 0) io.writeErr(`citelint: ${left.join(' and ')} left after the fixes (run without --fix-dry-run to see them)\n`)
  } else if (args.outputFile) {
    const target = path.resolve(io.cwd, args.outputFile)
    await makeFolder(path.dirname(target))
    await writeFile(target, output)
  } else if (output.trim()) io.writeOut(output)
}

/**
 * The exit code: 2 when a file could not be linted or fixed (`failed`), 1
 * for an error or more warnings than --max-warnings (`exceeded`, the
 * maximum, set only then; said on stderr), 0 otherwise. Warnings count
 * with --quiet too, as in ESLint 9 (its `--max-warnings`: "When used
 * alongside `--quiet`, this will cause rules marked as warn to still be
 * run, but not reported").
 */
function exitCode(gathered: Gathered, failed: boolean, exceeded: number | undefined, io: CliIo): number {
  if (exceeded !== undefined) {
    io.writeErr(`citelint: too many warnings (${gathered.warnings}, maximum ${exceeded})\n`)
  }
  if (failed) return 2
  return gathered.errors > 0 || exceeded !== undefined ? 1 : 0
}

/**
 * Say in one line the error that ended the run: a config error, a report
 * that could not be written to --output-file, or an internal error (its
 * stack under --debug); exit code 2.
 */
function reportError(error: unknown, args: CliArgs, io: CliIo): number {
  if (error instanceof ConfigError || error instanceof FormatterError) {
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

/** The lint cache of `--cache`; a warning when the cache file cannot be used (then the cache is empty). */
async function loadCache(location: string | undefined, io: CliIo) {
  const {LintCache, cacheFilePath} = await import('../run/cache.js')
  const {cache, warning} = await LintCache.load(await cacheFilePath(location, io.cwd))
  if (warning) io.writeErr(`citelint: warning: ${warning}\n`)
  return cache
}

/** The number of errors (`fatal`) or of warnings in `result`. */
function count(result: Pick<LintResult, 'messages'>, fatal: boolean): number {
  return result.messages.filter((m) => Boolean(m.fatal) === fatal).length
}

/**
 * A result with its warnings removed (`--quiet`), its suppressed warnings
 * too (as ESLint's `getErrorResults`); the file's messages too, for
 * vfile-reporter.
 */
function errorsOnly<R extends Pick<LintResult, 'file' | 'messages' | 'suppressedMessages'>>(result: R): R {
  const messages = result.messages.filter((message) => message.fatal)
  result.file.messages = [...messages]
  return {...result, messages, suppressedMessages: result.suppressedMessages.filter((message) => message.fatal)}
}

export type {CliIo} from './args.js'
