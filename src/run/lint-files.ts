/**
 * `lintFiles` and `lintFileStream`: expand paths, find each file's config,
 * read it, lint it (in the main thread or on a pool of worker threads), and
 * hand the results back in input order. The CLI streams; scripts and editors
 * that want files linted without a process can take the whole array.
 */
import {getHeapStatistics} from 'node:v8'
import {realpath, stat} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import type {WriteOps} from './atomic-write.js'
import {FileChanged, writeFileAtomic} from './atomic-write.js'
import type {Config, ResolvedRule, RuleSetting} from '../engine/config.js'
import {ConfigError, extensionFormats, resolveRules, settingsFor} from '../engine/config.js'
import {formatOf} from '../readers/format.js'
import {ConfigFinder} from './config-file.js'
import type {LoadedConfig} from './config-file.js'
import type {LintCache} from './cache.js'
import type {CitelintMessage, LintResult} from '../engine/engine.js'
import type {FileFailure, FileOps} from './files.js'
import {describeError, expandPaths, readText} from './files.js'
import {LintPool, TaskNotSent, WorkerTaskError} from './lint-pool.js'
import {isRefusal} from '../readers/markdown-nesting.js'
import type {FileReport, FileResult, LintModels, LintRunOptions, LintTask, RuleSelection} from './lint-task.js'
import type {ProseOptions} from '../models/prose.js'
import {location} from 'vfile-location'
import {compareMessage} from 'vfile-sort'
import {loadIgnore} from './ignore-file.js'

export type {FileReport, FileResult, LintModels} from './lint-task.js'

/** Options of `lintFiles`. */
export interface LintFilesOptions {
  /** Folder that relative paths are resolved against (default: `process.cwd()`). */
  readonly cwd?: string
  /**
   * A configuration object to use for every file. When given, no config file
   * is searched or loaded.
   */
  readonly config?: Config
  /**
   * A config file to use instead of discovery (`--config`); `false` uses no
   * config file (`--no-config`). By default each file's config is the
   * nearest `.citelintrc.json`, `.citelintrc.yaml`, `.citelintrc.yml` or
   * `package.json` `citelint` key in its folder or above.
   */
  readonly configFile?: string | false
  /** Rule settings that win over any config (`--rule`). */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>
  /** Read `.citelintignore` (or `ignorePath`); default true. */
  readonly ignore?: boolean
  /** An ignore file to use instead of `.citelintignore`. */
  readonly ignorePath?: string
  /** Report suppression comments that suppress nothing. */
  readonly reportUnusedDisableDirectives?: boolean
  /** Thresholds of the prose model (words in a prose paragraph, in a quotation). */
  readonly prose?: ProseOptions
  /** Called before each file is read (`done` files of `total` are finished), for progress displays. */
  readonly onProgress?: (done: number, total: number, filePath: string) => void
  /**
   * Lint only shard `index` of `count` (1-based): the files whose position in
   * the expanded, sorted list, counted from 0, is `index - 1` modulo `count`.
   * The same inputs always give the same split, so CI machines can share a run.
   */
  readonly shard?: {readonly index: number; readonly count: number}
  /** Files larger than this many bytes are not read (default 50 MB, `defaultMaxFileSize`). */
  readonly maxFileSize?: number
  /**
   * The file the caller will write its report to (`--output-file`),
   * relative to `cwd`: when it is one of the files to lint (same real path;
   * a file that does not exist yet never is), the run stops with a
   * ConfigError before any file is read, so the report cannot overwrite it.
   */
  readonly outputFile?: string
  /** The file system calls to walk and read with (tests pass failing ones). */
  readonly fileOps?: FileOps
  /**
   * Worker threads to lint on (`--concurrency`, named as ESLint's): a
   * number of threads, `off` to lint in the main thread, or `auto` (the
   * default): with more than one core (`os.availableParallelism()`) and at
   * least `autoMinFiles` files, one thread per core, the main thread
   * reading files ahead and reporting; else none. (The load average is not
   * consulted: it counts the previous run of the same job for a minute
   * after it ends. Letting the main thread lint too was slower: a file it
   * lints holds up dispatch and results, bench/RESULTS.md.) The output is
   * the same either way.
   */
  readonly concurrency?: Concurrency
  /** The worker entry to start (default: src/run/lint-worker.ts as built); tests pass one that fails on purpose. */
  readonly workerUrl?: URL
  /**
   * A lint cache (`--cache`, see src/run/cache.ts): unchanged files get their
   * messages from it (with empty models). The caller loads and saves it.
   */
  readonly cache?: LintCache
}

/** Peak memory per character when parsing Markdown of dense notes (Node 20, measured: 270 to 400 bytes). */
const markdownBytesPerChar = 400

/**
 * Files of at least this many UTF-16 code units are linted on a worker
 * thread even when the run has no pool (`--concurrency off`, few files,
 * `--stdin`), so that running out of memory costs that file, with a
 * one-line failure, instead of ending the process with V8's fatal error.
 * Parsing Markdown holds every event of the document until the tree is
 * built: a report of dense notes took 400 MB for 1 MB and 2.7 GB for 10 MB
 * (Node 20), so a file of a few megabytes can exceed a small heap limit.
 * Starting the worker (loading the parser and rules again, 0.3 to 0.4 s
 * of CPU) is small beside linting such a file (seconds).
 *
 * The threshold is 1,000,000, or less under a heap limit too small for
 * that: as many characters as would fill a quarter of the heap at
 * `markdownBytesPerChar` each (a 64 MB heap limit: about 70,000).
 */
export const isolateChars = Math.min(1_000_000, Math.floor(getHeapStatistics().heap_size_limit / 4 / markdownBytesPerChar))

/** `--concurrency`: a number of worker threads (at least 1), `auto` or `off`. */
export type Concurrency = number | 'auto' | 'off'

/**
 * With `concurrency: 'auto'`, fewer files than this are linted in the main
 * thread alone. A worker takes 310 to 400 ms of CPU to start (loading the
 * parser and the rules again), about what 25 reports of the benchmark
 * corpus (18.8 KB, 16 ms each) take to lint; the main thread lints while
 * it starts, so the pool gains wall time from about 25 such files on
 * (bench/RESULTS.md, "Streaming and the worker pool").
 */
export const autoMinFiles = 32

/**
 * The number of worker threads for `fileCount` files (0: the main thread
 * only) on `cores` cores: `n` is capped at the number of files and at
 * `maxWorkersPerCore` per core.
 *
 * @throws ConfigError for a number below 1 or not whole.
 */
export function workerCount(concurrency: Concurrency, fileCount: number, cores = availableParallelism()): number {
  if (concurrency === 'off') return 0
  if (concurrency === 'auto') return cores > 1 && fileCount >= autoMinFiles ? cores : 0
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ConfigError(`--concurrency: invalid value \`${String(concurrency)}\`, expected a number of threads (1 or more), auto or off`)
  }
  return Math.min(concurrency, Math.max(1, fileCount), maxWorkersPerCore * cores)
}

/**
 * `--concurrency n` starts at most this many threads per core: more only
 * compete for the same cores, and each worker holds its own parser and
 * rules (12 MB or more).
 */
export const maxWorkersPerCore = 4


/** Results of `lintFiles`: one per linted file, and the paths that could not be linted. */
export interface LintFilesResult {
  readonly results: FileResult[]
  readonly failures: FileFailure[]
  /** Files named explicitly but ignored (each also has a result with one warning). */
  readonly ignored: string[]
}

/**
 * Lints texts with the configuration that applies to their path. Built once
 * per run: config files are found and checked once per folder.
 */
export class Linter {
  readonly #options: LintFilesOptions
  readonly #cwd: string
  readonly #finder: ConfigFinder
  readonly #resolved = new Map<string, ResolvedRule[]>()
  #fixed: Promise<LoadedConfig | undefined> | undefined

  constructor(options: LintFilesOptions = {}) {
    this.#options = options
    this.#cwd = options.cwd ?? process.cwd()
    this.#finder = new ConfigFinder(this.#cwd)
    // Check --rule settings before any file is read.
    resolveRules({rules: options.ruleSettings ?? {}}, '--rule')
  }

  /**
   * The rule settings that apply to `filePath` (config file, overrides,
   * `--rule`) as data that can be sent to a worker, and the rules they
   * resolve to.
   *
   * @throws ConfigError for an invalid config file.
   */
  async selectionFor(filePath: string): Promise<{selection: RuleSelection; rules: ResolvedRule[]}> {
    const options = this.#options
    this.#fixed ??= Promise.resolve(
      options.config
        ? {config: options.config, filePath: undefined, base: this.#cwd}
        : options.configFile === false
          ? {config: {}, filePath: undefined, base: this.#cwd}
          : options.configFile
            ? this.#finder.load(options.configFile)
            : undefined
    )
    const loaded = await this.#configFor(filePath)
    // Override globs are relative to the config file's folder; `filePath` is relative to the working directory.
    const settings = {...settingsFor(loaded.config, path.resolve(this.#cwd, filePath), loaded.base), ...options.ruleSettings}
    const source = loaded.filePath ?? 'configuration'
    const key = `${loaded.filePath ?? ''}\0${JSON.stringify(settings)}`
    let rules = this.#resolved.get(key)
    if (!rules) {
      rules = resolveRules({rules: settings}, source)
      this.#resolved.set(key, rules)
    }
    const format = formatOf(filePath, extensionFormats(loaded.config))
    const mapped = format !== formatOf(filePath) ? {format} : {}
    return {selection: {key: mapped.format ? `${key}\0${format}` : key, source, settings, ...mapped}, rules}
  }

  /** The loaded config that applies to `filePath`; `selectionFor` sets the run's fixed config first. */
  async #configFor(filePath: string): Promise<LoadedConfig> {
    return (await this.#fixed) ?? (await this.#finder.forFile(filePath))
  }

  /**
   * Whether the config that applies to `filePath` maps its extension to a
   * format (`formats`): a directory walk or glob then takes the file too
   * (`.mdx` with `"formats": {"mdx": "markdown"}`). An invalid config maps
   * nothing here; linting a file it governs reports it.
   */
  async mapsExtension(filePath: string): Promise<boolean> {
    const extension = path.extname(filePath).slice(1).toLowerCase()
    if (extension === '') return false
    try {
      await this.selectionFor(filePath)
      const formats = extensionFormats((await this.#configFor(filePath)).config)
      return formats !== undefined && Object.hasOwn(formats, extension)
    } catch (error) {
      if (error instanceof ConfigError) return false
      throw error
    }
  }

  /**
   * The rules that apply to `filePath` (config file, overrides, `--rule`).
   *
   * @throws ConfigError for an invalid config file.
   */
  async rulesFor(filePath: string): Promise<ResolvedRule[]> {
    return (await this.selectionFor(filePath)).rules
  }

  /** What every file of a run shares, for `lintResolved` and the workers. */
  get runOptions(): LintRunOptions {
    return {
      cwd: this.#cwd,
      reportUnusedDisableDirectives: this.#options.reportUnusedDisableDirectives ?? false,
      ...(this.#options.prose ? {prose: this.#options.prose} : {})
    }
  }

  /**
   * Lint `text` as the file `filePath` (which need not exist: stdin and
   * editors name unsaved files), fixing it when `fix` is set.
   *
   * @throws ConfigError for an invalid config file; InternalError or any
   *   other error when citelint itself fails on the text.
   */
  async lint(filePath: string, text: string, fix = false): Promise<FileResult> {
    const {lintResolved, reportFromWire} = await lintStep()
    const {selection, rules} = await this.selectionFor(filePath)
    if (text.length >= isolateChars) {
      // A large text on a worker of its own: out of memory is then its failure, not the process's end.
      const task: LintTask = {filePath, text, rules: selection, fix, models: true}
      const pool = new LintPool({size: 1, run: this.runOptions, ...(this.#options.workerUrl ? {workerUrl: this.#options.workerUrl} : {})})
      try {
        return resultOf(reportFromWire(task, await pool.lint(task), this.#cwd) as FileReport & {readonly models: LintModels})
      } catch (error) {
        // Rule options that cannot be cloned: linted here after all.
        if (!(error instanceof TaskNotSent)) throw error
      } finally {
        await pool.close()
      }
    }
    return lintResolved({filePath, text, fix, rules: selection}, rules, this.runOptions)
  }
}

/** Options of `lintFileStream`. */
export interface LintStreamOptions extends LintFilesOptions {
  /** Fix each file's text (see `FileReport.output`); nothing is written. */
  readonly fix?: boolean
  /** Keep each file's models (index, note fields, prose model) on its report; dropped otherwise. */
  readonly models?: boolean
}

/**
 * One step of `lintFileStream`: a file's report (`ignored` for a file named
 * explicitly but ignored, whose report holds one warning), or a path that
 * could not be linted.
 */
export type LintOutcome<R extends FileReport = FileReport> =
  | {readonly kind: 'result'; readonly result: R; readonly ignored: boolean}
  | {readonly kind: 'failure'; readonly failure: FileFailure}

/** Files read ahead of the one to be reported next, per worker (and for the main thread). */
const readAheadPerWorker = 4

/**
 * Lint files, directories and globs (see `expandPaths`), yielding each
 * outcome as soon as it and every one before it are ready, in input order:
 * first the paths that could not be expanded, then the files named
 * explicitly but ignored by `.citelintignore` (a report with one warning,
 * as in ESLint), then every file in the order of `expandPaths` (or of
 * `shard`). The order, reports and failures do not depend on
 * `concurrency`.
 *
 * Memory stays flat: at most a few files per worker are read ahead, and a
 * report holds its text, messages and (only with `models`) its models.
 * A path that cannot be read, or a file citelint fails on (reason
 * `internal error: ...`, with the thrown value in `error`), is a failure;
 * the other files are still linted. With `fix`, each report also holds the
 * fixed text in `output`; nothing is written (see `writeFixes`).
 *
 * Stopping early (`break`) stops the workers.
 *
 * @throws ConfigError for an invalid config file, `--rule` setting,
 *   `--concurrency` or ignore file, or an `outputFile` that is one of the
 *   files (a usage error: the run stops).
 */
export function lintFileStream(
  paths: readonly string[],
  options: LintStreamOptions & {readonly models: true}
): AsyncGenerator<LintOutcome<FileReport & {readonly models: LintModels}>, void, undefined>
export function lintFileStream(paths: readonly string[], options?: LintStreamOptions): AsyncGenerator<LintOutcome, void, undefined>
export async function* lintFileStream(paths: readonly string[], options: LintStreamOptions = {}): AsyncGenerator<LintOutcome, void, undefined> {
  const cwd = options.cwd ?? process.cwd()
  const models = options.models ?? false
  const fix = options.fix ?? false
  const linter = new Linter(options)
  const ignored = options.ignore === false ? undefined : await loadIgnore(cwd, options.ignorePath)
  const expanded = await expandPaths(paths, cwd, ignored, options.fileOps, (file) => linter.mapsExtension(file))
  const shard = options.shard
  const files = shard
    ? [...expanded.files].sort().filter((_, position) => position % shard.count === shard.index - 1)
    : expanded.files
  if (options.outputFile !== undefined) {
    const target = path.resolve(cwd, options.outputFile)
    const real = await realpath(target).catch(() => undefined)
    let linted = real === undefined ? undefined : files.find((file) => expanded.realPaths.get(file) === real)
    // A hard link has its own real path: the same device and inode tell.
    const info = real === undefined || linted !== undefined ? undefined : await stat(target).catch(() => undefined)
    if (info && info.nlink > 1) {
      for (const file of files) {
        const other = await stat(path.resolve(cwd, file)).catch(() => undefined)
        if (other && other.dev === info.dev && other.ino === info.ino) {
          linted = file
          break
        }
      }
    }
    if (linted !== undefined) {
      const as = linted === options.outputFile ? '' : ` (as ${linted})`
      throw new ConfigError(`--output-file \`${options.outputFile}\` is one of the files to lint${as}; write the report elsewhere`)
    }
  }
  const concurrency = options.concurrency ?? 'auto'
  const workers = workerCount(concurrency, files.length)

  for (const failure of expanded.failures) yield {kind: 'failure', failure}
  for (const filePath of expanded.ignoredExplicitly) {
    const {lintText} = await import('../engine/engine.js')
    const result = lintText('', {filePath, rules: []})
    const message = result.file.message(
      'File ignored because of a matching ignore pattern, use --no-ignore to lint it'
    ) as CitelintMessage
    message.fatal = false
    message.messageId = 'ignoredFile'
    result.file.cwd = cwd
    yield {kind: 'result', result: report({...result, messages: [message]}, models), ignored: true}
  }

  const run = linter.runOptions
  const workerUrl = options.workerUrl ? {workerUrl: options.workerUrl} : {}
  const pool = workers > 0 ? new LintPool({size: workers, run, ...workerUrl}) : undefined
  /** Without a pool, one worker for files of `isolateChars` or more, started when the first comes. */
  let isolation: LintPool | undefined
  let done = 0

  /** Read, configure and lint one file; rejects only with a ConfigError. */
  const lintOne = async (filePath: string): Promise<LintOutcome> => {
    options.onProgress?.(done, files.length, filePath)
    const read = await readText(filePath, cwd, {maxFileSize: options.maxFileSize, ops: options.fileOps})
    if ('reason' in read) return {kind: 'failure', failure: read}
    try {
      const {selection, rules} = await linter.selectionFor(filePath)
      // A file that is not UTF-8 is linted but never fixed: writing it back
      // would replace its invalid bytes with U+FFFD for good.
      const task: LintTask = {filePath, text: read.text, rules: selection, fix: fix && read.invalidUtf8 === undefined, models}
      // The cache answers here, in the main thread, before the task is
      // dispatched; it is filled once the file is linted.
      const cached = options.cache?.lookup(filePath, read, {...run, fix, rules, ...(selection.format ? {format: selection.format} : {})})
      if (cached) return {kind: 'result', result: report(cached, models), ignored: false}
      // Loaded on first use: a run that the cache answers never loads the parser.
      const {lintResolved, reportFromWire} = await lintStep()
      let linted: FileReport | undefined
      const target = pool ?? (read.text.length >= isolateChars ? (isolation ??= new LintPool({size: 1, run, ...workerUrl})) : undefined)
      if (target) {
        try {
          linted = reportFromWire(task, await target.lint(task), cwd)
        } catch (error) {
          // Rule options that cannot be cloned (a function from a JavaScript
          // config): that file is linted here instead.
          if (!(error instanceof TaskNotSent)) throw error
        }
      }
      linted ??= report(lintResolved(task, rules, run), models)
      const result = read.invalidUtf8 === undefined ? linted : withInvalidUtf8(linted, read.invalidUtf8, read.encoding)
      options.cache?.store(filePath, result, cwd)
      return {kind: 'result', result, ignored: false}
    } catch (error) {
      if (error instanceof ConfigError) throw error
      // Any other failure on one file (a rule bug, a stack overflow) is that
      // file's; the other files are still linted.
      return {kind: 'failure', failure: failureOf(filePath, error)}
    }
  }

  // Outcomes in input order; the next few files are read (and, on the pool,
  // linted) while the consumer handles the current one.
  const window = Math.max(2, workers * readAheadPerWorker)
  const pending: Promise<LintOutcome>[] = []
  let next = 0
  try {
    while (next < files.length || pending.length > 0) {
      while (next < files.length && pending.length < window) {
        const outcome = lintOne(files[next++]!)
        // Handled when its turn comes; a rejection must not go unobserved meanwhile.
        outcome.catch(() => undefined)
        pending.push(outcome)
      }
      const outcome = await pending.shift()!
      done++
      yield outcome
    }
  } finally {
    await Promise.all([pool?.close(), isolation?.close()])
  }
  options.onProgress?.(files.length, files.length, '')
}

/** A lint result as a report: without its models unless `models` is set. */
function report(result: FileResult & {readonly fromCache?: true}, models: boolean): FileReport {
  const {file, messages, suppressedMessages, bom, source, output} = result
  return {
    file,
    messages,
    suppressedMessages,
    bom,
    ...(result.fromCache ? {fromCache: true} : {}),
    ...(source === undefined ? {} : {source}),
    ...(output === undefined ? {} : {output}),
    ...(models ? {models: {index: result.index, noteFields: result.noteFields, prose: result.prose}} : {})
  }
}

/** A report with its models, as the `FileResult` of earlier versions (`lintFiles`). */
export function resultOf(report: FileReport & {readonly models: LintModels}): FileResult {
  const {models, ...rest} = report
  return {...rest, ...models}
}

/**
 * Lint files, directories and globs (see `lintFileStream`) and gather every
 * result, with its models (index, note fields, prose model). Prefer
 * `lintFileStream` for many files: this array holds every file's models.
 *
 * @throws ConfigError for an invalid config file, `--rule` setting or
 *   ignore file (a usage error: the run stops).
 */
export async function lintFiles(
  paths: readonly string[],
  options: LintFilesOptions & {readonly fix?: boolean} = {}
): Promise<LintFilesResult> {
  const results: FileResult[] = []
  const failures: FileFailure[] = []
  const ignored: string[] = []
  for await (const outcome of lintFileStream(paths, {...options, models: true})) {
    if (outcome.kind === 'failure') failures.push(outcome.failure)
    else {
      results.push(resultOf(outcome.result))
      if (outcome.ignored) ignored.push(outcome.result.file.path)
    }
  }
  return {results, failures, ignored}
}

/**
 * The one-line failure of a file whose lint threw `error` (not a
 * ConfigError): Markdown the parser cannot take in linear time and memory
 * (src/readers/markdown-nesting.ts) is refused, not linted; a worker that reached its
 * heap limit is out of memory (the limit in MB, from V8's heap statistics);
 * anything else is an internal error, with the thrown value kept for
 * `--debug` (only internal errors carry `error`).
 */
export function failureOf(filePath: string, error: unknown): FileFailure {
  const reason = error instanceof Error ? error.message : String(error)
  if (isRefusal(error)) return {filePath, reason: `${reason}; not linted`}
  if (error instanceof WorkerTaskError && error.thrown === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limit = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)
    return {filePath, reason: `out of memory (heap limit ${limit} MB); not linted, raise the limit with NODE_OPTIONS=--max-old-space-size=<MB>`}
  }
  return {filePath, reason: `internal error: ${reason}`, error}
}

/**
 * `result` with a warning at the first U+FFFD that stands for invalid UTF-8
 * (`offset` counts in the text as read, a byte order mark included).
 */
export function withInvalidUtf8<R extends FileReport>(result: R, offset: number, encoding?: 'windows-1252'): R {
  const value = String(result.file.value)
  const at = Math.max(0, Math.min(value.length, offset - (result.bom ? 1 : 0)))
  const place = location(value)
  const start = place.toPoint(at)
  const end = place.toPoint(Math.min(value.length, at + 1))
  const message = result.file.message(
    encoding === 'windows-1252'
      ? 'Not UTF-8: no UTF-8 sequence in the file, read as Windows-1252 (linted, not fixed), expected UTF-8 text'
      : 'Invalid UTF-8: bytes read as U+FFFD replacement characters (linted, not fixed), expected UTF-8 text',
    {place: start && end ? {start, end} : undefined}
  ) as CitelintMessage
  message.fatal = false
  message.messageId = 'invalidUtf8'
  const messages = [...result.messages, message].sort(compareMessage)
  result.file.messages = [...messages]
  return {...result, messages}
}

/**
 * Write the fixed text of each result that has one, atomically (see
 * `writeFileAtomic`: a symbolic link's target is written). When the result
 * holds the text that was linted (`source`, as `lintFileStream` gives it
 * with `fix`), the file is first checked to still hold it, byte for byte: a
 * file edited while citelint ran is not overwritten. A file that cannot be
 * written, or has changed, becomes a failure (`changed while citelint ran;
 * not fixed`, `cannot write the fix: <reason>`). `ops` are for tests.
 */
export async function writeFixes(
  results: readonly Pick<FileReport, 'file' | 'output' | 'source'>[],
  cwd: string,
  ops?: WriteOps
): Promise<FileFailure[]> {
  const failures: FileFailure[] = []
  for (const result of results) {
    if (result.output === undefined || !result.file.path) continue
    try {
      // A fixed text was read as valid UTF-8 (invalid UTF-8 is never fixed), so encoding it again gives the bytes read.
      const expected = result.source === undefined ? {} : {expected: Buffer.from(result.source, 'utf8')}
      await writeFileAtomic(path.resolve(cwd, result.file.path), result.output, ops, expected)
    } catch (error) {
      const reason = error instanceof FileChanged ? error.message : `cannot write the fix: ${describeError(error as NodeJS.ErrnoException)}`
      failures.push({filePath: result.file.path, reason})
    }
  }
  return failures
}

/** The lint step (src/run/lint-task.ts, which loads the engine and the parser), imported when a file is first linted. */
function lintStep(): Promise<typeof import('./lint-task.js')> {
  return import('./lint-task.js')
}
