/**
 * The lint cache (`--cache`, `--cache-location`): files whose text, effective
 * configuration and citelint version are unchanged since the last run get
 * their messages from a cache file instead of being parsed and linted again,
 * as ESLint's `--cache` does.
 *
 * An entry is found by the file's absolute path and holds:
 * - `content`: SHA-256 of the text as read (UTF-8), with the offset of its
 *   first invalid UTF-8 sequence, if any: exactly what linting depends on;
 * - `config`: SHA-256 of the rules that apply to the path (id, severity and
 *   options after the config file, its overrides and `--rule`), and of the
 *   run options that change messages (`--report-unused-disable-directives`,
 *   prose thresholds). It does not depend on the config file's format;
 * - the messages, as needed to rebuild them exactly (reason, rule id,
 *   message id, severity, place, fix, cause; the rule's url is rebuilt), so a cached file prints
 *   byte for byte what a fresh lint prints, in every format.
 * The citelint version (package.json) and the cache format are stored once
 * for the whole file: another version or format starts an empty cache.
 *
 * Policy:
 * - A file with a fixable message is linted again when fixing (`--fix`,
 *   `--fix-dry-run`); after a fix, the entry describes the fixed text.
 * - Files that failed (unreadable, too large, internal error) get no entry.
 * - A cache file that cannot be read or parsed, or that is not a citelint
 *   cache, gives a one-line warning and an empty cache. A file that is not a
 *   citelint cache is never overwritten (it may be a user's file named by
 *   mistake); a damaged citelint cache is.
 * - Entries of files that no longer exist are dropped on save.
 * - Cached results carry empty models (`index`, `noteFields`, `prose`):
 *   callers that need them (`--include-notes`, `citelint summary`) must not
 *   use the cache.
 *
 * This module loads no parser: a run whose files all hit never loads
 * remark, micromark or the engine.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import * as fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {writeFileAtomic} from './atomic-write.js'
import {makeFolder} from './make-folder.js'
import {packageRoot} from '../engine/package-root.js'
import {NotRegularFile, readBytes} from './files.js'
import type {CacheData, Entry, LoadedCache} from './cache-data.js'
import {cacheFormat, parseCacheText, rebuildMessages, storeMessages, storeSuppressed} from './cache-data.js'
import type {ResolvedRule} from '../engine/config.js'
import type {CitelintMessage, SuppressedMessage} from '../engine/engine.js'
import type {FileResult} from './lint-task.js'
import {formatOf} from '../readers/format.js'
import type {Format} from '../citation-index/types.js'

/** The file name of the cache in the working folder, or in a folder given as `--cache-location`. */
export const defaultCacheFile = '.citelintcache'

/** A file as read by `readText`: its text and where its first invalid UTF-8 sequence is, if any. */
export interface CacheInput {
  readonly text: string
  readonly invalidUtf8?: number
}

/** What the cache needs to know about the run to look a file up. */
export interface LookupContext {
  /** The rules that apply to the file looked up (`Linter.rulesFor`). */
  readonly rules: readonly ResolvedRule[]
  /** The working folder: paths are resolved against it, and results get it as `file.cwd`. */
  readonly cwd: string
  /** Whether the run fixes (then a file with a fixable message is linted again). */
  readonly fix?: boolean
  /** Run options that change messages. */
  readonly reportUnusedDisableDirectives?: boolean
  readonly prose?: unknown
  /**
   * The format the file is read in, when the config's `formats` maps its
   * extension (default: from the extension, `formatOf`). Part of the key:
   * an entry linted as another format does not serve.
   */
  readonly format?: Format
}

/**
 * A lint result rebuilt from the cache: file and messages as a fresh lint
 * gives them, `source` when fixing, and empty models (`index` without
 * references or notes, no note fields, an empty prose model).
 */
export type CachedResult = FileResult & {
  /** Always true: tells a cached result from a fresh one. */
  readonly fromCache: true
}

/** A result to store: its file (path and messages) and, after a fix, the fixed text. */
export interface StorableResult {
  readonly file: VFile
  readonly messages: readonly CitelintMessage[]
  /** The messages suppression comments turned off (none when absent). */
  readonly suppressedMessages?: readonly SuppressedMessage[]
  readonly output?: string
}

/**
 * Where the cache file is: `location` resolved against `cwd` (default
 * `.citelintcache` in `cwd`). A location that is an existing folder, or that
 * ends with a path separator, gets `.citelintcache` inside (ESLint names its
 * file in a folder `.cache_<hash of cwd>`; one name is simpler to ignore).
 */
export async function cacheFilePath(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined || location === '') return path.join(cwd, defaultCacheFile)
  const resolved = path.resolve(cwd, location)
  if (/[\\/]$/.test(location)) return path.join(resolved, defaultCacheFile)
  const info = await fs.stat(resolved).catch(() => undefined)
  return info?.isDirectory() ? path.join(resolved, defaultCacheFile) : resolved
}

let ownVersion: string | undefined

/** citelint's version, from its package.json (read once). */
export function citelintVersion(): string {
  if (ownVersion === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {version?: unknown}
    ownVersion = typeof pkg.version === 'string' ? pkg.version : '0.0.0'
  }
  return ownVersion
}

/** Counts of one run, for tests and the benchmark. */
export interface CacheStats {
  /** Files whose messages came from the cache. */
  hits: number
  /** Files linted (no entry, or a changed text or configuration, or fixable when fixing). */
  misses: number
}

/** The largest cache file read (a cache of 10,000 reports is a few megabytes). */
const maxCacheBytes = 1024 ** 3

/**
 * One cache file, loaded in memory: `lookup` before linting a file, `store`
 * after, `save` at the end. Not safe for two runs at once on one file: the
 * last save wins (each save is atomic, so the file is never half written).
 */
export class LintCache {
  readonly file: string
  readonly stats: CacheStats = {hits: 0, misses: 0}
  readonly #version: string
  readonly #files: Map<string, Entry>
  /** Keys computed by `lookup`, waiting for `store`. */
  readonly #pending = new Map<string, {content: string; config: string; format: Format}>()
  /** Paths looked up in this run (never pruned). */
  readonly #seen = new Set<string>()
  readonly #configHashes = new WeakMap<readonly ResolvedRule[], string>()
  /** Whether the file may be written (false for someone else's file). */
  readonly #writable: boolean
  #changed: boolean

  private constructor(file: string, version: string, files: Map<string, Entry>, writable: boolean, changed: boolean) {
    this.file = file
    this.#version = version
    this.#files = files
    this.#writable = writable
    this.#changed = changed
  }

  /**
   * Load the cache file `file` (absolute). A missing or empty file is an
   * empty cache; one of another citelint version or format is an empty
   * cache, silently.
   *
   * @returns the cache, and a one-line warning when the file could not be
   *   read or is not a valid citelint cache (the cache is then empty).
   *   Never throws.
   */
  static async load(file: string, version = citelintVersion()): Promise<{cache: LintCache; warning?: string}> {
    const {files, writable, warning} = readCacheFile(file, version)
    // An empty cache counts as changed, so that saving writes it.
    const cache = new LintCache(file, version, files ?? new Map(), writable, files === undefined)
    return {cache, ...(warning ? {warning} : {})}
  }

  /**
   * The cached result of `filePath` (relative to `context.cwd` or absolute)
   * when its text and configuration are those of its entry; `undefined`
   * otherwise (then lint it and call `store`).
   */
  lookup(filePath: string, input: CacheInput, context: LookupContext): CachedResult | undefined {
    const key = path.resolve(context.cwd, filePath)
    this.#seen.add(key)
    const config = this.#configHash(context.rules, context)
    const content = contentHash(input)
    // A file that is not UTF-8 is never fixed (lintFiles), so its entry serves a fixing run too.
    const fixing = (context.fix ?? false) && input.invalidUtf8 === undefined
    const format = context.format ?? formatOf(filePath)
    const entry = this.#files.get(key)
    if (entry && entry.format === format && entryServes(entry, content, config, fixing)) {
      this.stats.hits++
      return rebuild(filePath, input.text, entry, context.cwd, fixing)
    }
    this.stats.misses++
    this.#pending.set(key, {content, config, format})
    return undefined
  }

  /**
   * Store the result of a file `lookup` missed. After a fix that changed
   * the text, the entry is keyed by the fixed text (`result.output`), whose
   * messages `result` holds: the next run, on the written file, hits.
   */
  store(filePath: string, result: StorableResult, cwd: string): void {
    const key = path.resolve(cwd, filePath)
    const pending = this.#pending.get(key)
    if (!pending) return
    this.#pending.delete(key)
    const content = result.output === undefined ? pending.content : contentHash({text: result.output})
    const {messages, fixes} = storeMessages(result.messages)
    const suppressed = storeSuppressed(result.suppressedMessages ?? [])
    this.#files.set(key, {
      format: pending.format,
      content,
      config: pending.config,
      messages,
      ...(fixes.length > 0 ? {fixes} : {}),
      ...(suppressed.length > 0 ? {suppressed} : {})
    })
    this.#changed = true
  }

  /**
   * Write the cache atomically (see `writeFileAtomic`), creating its folder,
   * after dropping entries of files that no longer exist. Nothing is written
   * when nothing changed.
   *
   * @returns a one-line warning when the cache could not be written;
   *   `undefined` on success. Never throws.
   */
  async save(): Promise<string | undefined> {
    if (!this.#writable) return undefined
    await this.#dropGoneFiles()
    if (!this.#changed) return undefined
    const warning = await writeCacheFile(this.file, {citelintCache: cacheFormat, version: this.#version, files: Object.fromEntries(this.#files)})
    if (warning === undefined) this.#changed = false
    return warning
  }

  /** Drop the entries of files not looked up in this run that no longer exist. */
  async #dropGoneFiles(): Promise<void> {
    const unseen = [...this.#files.keys()].filter((key) => !this.#seen.has(key))
    const gone = await Promise.all(unseen.map((key) => fs.access(key).then(() => false, (error: NodeJS.ErrnoException) => error.code === 'ENOENT')))
    unseen.forEach((key, i) => {
      if (gone[i]) {
        this.#files.delete(key)
        this.#changed = true
      }
    })
  }

  /** The configuration hash of `rules` under `context`'s run options (memoised per rules array). */
  #configHash(rules: readonly ResolvedRule[], context: LookupContext): string {
    let hash = this.#configHashes.get(rules)
    if (hash === undefined) {
      const settings = rules.map(({rule, severity, options}) => [rule.meta.id, severity, options])
      hash = sha256(JSON.stringify([settings, context.reportUnusedDisableDirectives ?? false, context.prose ?? null]))
      this.#configHashes.set(rules, hash)
    }
    return hash
  }
}

/**
 * Read the cache file `file`: its entries when it is a citelint cache of
 * `version`, whether it may be overwritten, and a warning when it could not
 * be read or is not a valid citelint cache. Never throws.
 */
function readCacheFile(file: string, version: string): LoadedCache {
  let text: string
  try {
    // Without blocking on a FIFO or reading a device without end (see readBytes).
    text = readBytes(file, maxCacheBytes).toString('utf8')
  } catch (error) {
    return unreadable(file, error)
  }
  return parseCacheText(text, file, version)
}

/** What to do when reading the cache file `file` threw `error`: start empty, with a warning unless the file is only missing. */
function unreadable(file: string, error: unknown): LoadedCache {
  const code = (error as NodeJS.ErrnoException).code
  // No file yet (ENOTDIR: a parent is a file; saving will say so).
  if (code === 'ENOENT' || code === 'ENOTDIR') return {writable: true}
  // Not a regular file: never replaced by a cache.
  if (error instanceof NotRegularFile) return {writable: false, warning: `${file} is not a regular file, linting every file and leaving it unchanged`}
  return {writable: true, warning: `cannot read the cache ${file} (${code ?? (error instanceof Error ? error.message : String(error))}), linting every file`}
}

/**
 * Write `data` to the cache file `file`, creating its folder.
 *
 * @returns a one-line warning when it could not be written; `undefined` on
 *   success. Never throws.
 */
async function writeCacheFile(file: string, data: CacheData): Promise<string | undefined> {
  const reason = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
  try {
    await makeFolder(path.dirname(file))
  } catch (error) {
    return `cannot write the cache ${file}: cannot create its folder (${reason(error)})`
  }
  try {
    // writeFileAtomic replaces an existing file; create an empty one first
    // (an empty cache file reads as an empty cache).
    await fs.writeFile(file, '', {flag: 'a'})
    await writeFileAtomic(file, JSON.stringify(data))
    return undefined
  } catch (error) {
    return `cannot write the cache ${file} (${reason(error)})`
  }
}

/**
 * Whether `entry` gives the messages of a file whose text and configuration
 * hash to `content` and `config`. When `fixing`, an entry with a fixable
 * message does not: that file is linted again.
 */
function entryServes(entry: Entry, content: string, config: string, fixing: boolean): boolean {
  return entry.content === content && entry.config === config && !(fixing && entry.messages.some((m) => m.x !== undefined))
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64')
}

/** Hash of a file's text (UTF-8) and of where its first invalid UTF-8 sequence was. */
function contentHash(input: CacheInput): string {
  return createHash('sha256')
    .update(input.invalidUtf8 === undefined ? '-' : String(input.invalidUtf8))
    .update('\0')
    .update(input.text)
    .digest('base64')
}

/** Rebuild a result the way the engine builds it: the file (without its byte order mark), its messages, empty models. */
function rebuild(filePath: string, text: string, entry: Entry, cwd: string, fixing: boolean): CachedResult {
  const bom = text.charCodeAt(0) === 0xfeff
  const file = new VFile({value: bom ? text.slice(1) : text, path: filePath})
  file.cwd = cwd
  const {messages, suppressedMessages} = rebuildMessages(entry, file)
  return {file, messages, suppressedMessages, ...models(entry.format), bom, fromCache: true, ...(fixing ? {source: text} : {})}
}

/** Empty models, as documented on `CachedResult`. */
function models(format: Format) {
  const index = {format, references: [], notes: [], notesSection: undefined, numberingStyle: 'none', numberRange: undefined} as const
  const prose = {paragraphs: [], sentences: [], quotations: [], markerGroups: [], reportDate: undefined}
  return {index, noteFields: [], prose}
}
