/**
 * `lintFiles`: expand paths, find each file's config, read it, lint it. The
 * CLI uses it; so can scripts and editors that want files linted without a
 * process.
 */
import path from 'node:path'
import {writeFileAtomic} from './atomic-write.js'
import type {Config, ResolvedRule, RuleSetting} from './config.js'
import {ConfigError, resolveRules, settingsFor} from './config.js'
import {ConfigFinder} from './config-file.js'
import type {LoadedConfig} from './config-file.js'
import type {LintCache} from './cache.js'
import type {CitelintMessage, LintResult} from './engine.js'
import type {FileFailure, FileOps} from './files.js'
import {describeError, expandPaths, readText} from './files.js'
import type {ProseOptions} from './prose.js'
import {location} from 'vfile-location'
import {compareMessage} from 'vfile-sort'
import {loadIgnore} from './ignore-file.js'

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
  /** The file system calls to walk and read with (tests pass failing ones). */
  readonly fileOps?: FileOps
  /**
   * A lint cache (`--cache`, see src/cache.ts): unchanged files get their
   * messages from it, with empty models. The caller loads and saves it.
   */
  readonly cache?: LintCache
}

/** One linted file; with `fix`, also the fixed text. */
export type FileResult = LintResult & {
  /** The text as read (the input of the fix). */
  readonly source?: string
  /** The fixed text, when `fix` was asked and some fix applied. */
  readonly output?: string
}

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
   * The rules that apply to `filePath` (config file, overrides, `--rule`).
   *
   * @throws ConfigError for an invalid config file.
   */
  async rulesFor(filePath: string): Promise<ResolvedRule[]> {
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
    const loaded = (await this.#fixed) ?? (await this.#finder.forFile(filePath))
    // Override globs are relative to the config file's folder; `filePath` is relative to the working directory.
    const settings = {...settingsFor(loaded.config, path.resolve(this.#cwd, filePath), loaded.base), ...options.ruleSettings}
    const key = `${loaded.filePath ?? ''}\0${JSON.stringify(settings)}`
    let rules = this.#resolved.get(key)
    if (!rules) {
      rules = resolveRules({rules: settings}, loaded.filePath ?? 'configuration')
      this.#resolved.set(key, rules)
    }
    return rules
  }

  /**
   * Lint `text` as the file `filePath` (which need not exist: stdin and
   * editors name unsaved files), fixing it when `fix` is set.
   *
   * @throws ConfigError for an invalid config file; InternalError or any
   *   other error when citelint itself fails on the text.
   */
  async lint(filePath: string, text: string, fix = false): Promise<FileResult> {
    const rules = await this.rulesFor(filePath)
    const options = {
      filePath,
      rules,
      reportUnusedDisableDirectives: this.#options.reportUnusedDisableDirectives ?? false,
      ...(this.#options.prose ? {prose: this.#options.prose} : {})
    }
    // Loaded on first use: a run whose files all come from the cache never loads the parser.
    const {lintText} = await import('./engine.js')
    if (!fix) {
      const result = lintText(text, options)
      result.file.cwd = this.#cwd
      return result
    }
    const {fixText} = await import('./fix.js')
    const fixed = fixText(text, options)
    fixed.result.file.cwd = this.#cwd
    return fixed.changed ? {...fixed.result, source: text, output: fixed.output} : {...fixed.result, source: text}
  }
}

/**
 * Lint files, directories and globs (see `expandPaths`). A path that cannot
 * be read, or a file citelint fails on (reason `internal error: ...`, with
 * the thrown value in `error`), becomes a failure; the other files are still
 * linted. A file named explicitly but ignored by `.citelintignore` gets a
 * result with one warning, as in ESLint. With `fix`, each result also holds
 * the fixed text in `output` (write it with `writeFixes`).
 *
 * @throws ConfigError for an invalid config file, `--rule` setting or
 *   ignore file (a usage error: the run stops).
 */
export async function lintFiles(
  paths: readonly string[],
  options: LintFilesOptions & {readonly fix?: boolean} = {}
): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd()
  const linter = new Linter(options)
  const ignored = options.ignore === false ? undefined : await loadIgnore(cwd, options.ignorePath)
  const expanded = await expandPaths(paths, cwd, ignored, options.fileOps)
  const {failures, ignoredExplicitly} = expanded
  const shard = options.shard
  const files = shard
    ? [...expanded.files].sort().filter((_, position) => position % shard.count === shard.index - 1)
    : expanded.files
  const results: FileResult[] = []

  for (const filePath of ignoredExplicitly) {
    const {lintText} = await import('./engine.js')
    const result = lintText('', {filePath, rules: []})
    const message = result.file.message(
      'File ignored because of a matching ignore pattern, use --no-ignore to lint it'
    ) as CitelintMessage
    message.fatal = false
    message.messageId = 'ignoredFile'
    result.file.cwd = cwd
    results.push({...result, messages: [message]})
  }

  for (const [done, filePath] of files.entries()) {
    options.onProgress?.(done, files.length, filePath)
    const read = await readText(filePath, cwd, {maxFileSize: options.maxFileSize, ops: options.fileOps})
    if ('reason' in read) {
      failures.push(read)
      continue
    }
    try {
      const cached = await options.cache?.lookup(filePath, read, {...options, cwd, rulesFor: (file) => linter.rulesFor(file)})
      if (cached) {
        results.push(cached)
        continue
      }
      // A file that is not UTF-8 is linted but never fixed: writing it back
      // would replace its invalid bytes with U+FFFD for good.
      const result = await linter.lint(filePath, read.text, (options.fix ?? false) && read.invalidUtf8 === undefined)
      results.push(read.invalidUtf8 === undefined ? result : withInvalidUtf8(result, read.invalidUtf8))
      options.cache?.store(filePath, results.at(-1)!, cwd)
    } catch (error) {
      if (error instanceof ConfigError) throw error
      // Any other failure on one file (a rule bug, a stack overflow) is that
      // file's; the other files are still linted.
      const reason = error instanceof Error ? error.message : String(error)
      failures.push({filePath, reason: `internal error: ${reason}`, error})
    }
  }
  options.onProgress?.(files.length, files.length, '')
  return {results, failures, ignored: ignoredExplicitly}
}

/**
 * `result` with a warning at the first U+FFFD that stands for invalid UTF-8
 * (`offset` counts in the text as read, a byte order mark included).
 */
export function withInvalidUtf8(result: FileResult, offset: number): FileResult {
  const value = String(result.file.value)
  const at = Math.max(0, Math.min(value.length, offset - (result.bom ? 1 : 0)))
  const place = location(value)
  const start = place.toPoint(at)
  const end = place.toPoint(Math.min(value.length, at + 1))
  const message = result.file.message(
    'Invalid UTF-8: bytes read as U+FFFD replacement characters (linted, not fixed), expected UTF-8 text',
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
 * `writeFileAtomic`). A file that cannot be written becomes a failure.
 */
export async function writeFixes(results: readonly FileResult[], cwd: string): Promise<FileFailure[]> {
  const failures: FileFailure[] = []
  for (const result of results) {
    if (result.output === undefined || !result.file.path) continue
    try {
      await writeFileAtomic(path.resolve(cwd, result.file.path), result.output)
    } catch (error) {
      failures.push({filePath: result.file.path, reason: `cannot write the fix: ${describeError(error as NodeJS.ErrnoException)}`})
    }
  }
  return failures
}
