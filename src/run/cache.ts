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
import {VFileMessage} from 'vfile-message'
import {writeFileAtomic} from './atomic-write.js'
import {makeFolder} from './make-folder.js'
import {packageRoot} from './package-root.js'
import {NotRegularFile, readBytes} from './files.js'
import type {ResolvedRule} from '../engine/config.js'
import type {CitelintMessage} from '../engine/engine.js'
import type {Point, Position} from 'unist'
import type {FileResult} from './lint-task.js'
import {formatOf} from '../readers/format.js'
import {ruleDocsUrl} from '../engine/rule-docs.js'
import type {Fix} from '../engine/rule.js'
import type {Format, Span} from '../citation-index/types.js'

/** The file name of the cache in the working folder, or in a folder given as `--cache-location`. */
export const defaultCacheFile = '.citelintcache'

/** Bumped when the stored shape changes; a cache of another format is discarded. */
const cacheFormat = 2

/**
 * Every cache file starts with this text, so a damaged citelint cache (cut
 * short, say) can be told from someone else's file.
 */
const signature = '{"citelintCache":'

/**
 * A place as stored, flat to keep the cache small and quick to parse: a
 * point `[line, column, offset]` or a span `[startLine, startColumn,
 * startOffset, endLine, endColumn, endOffset]`; lines and columns 1-based
 * (columns in UTF-16 code units), offsets UTF-16, `null` for an offset the
 * place did not have.
 */
type StoredPlace = readonly (number | null)[]

/** One message as stored (short keys: the cache of 1,000 reports holds some 16,000 messages). */
interface StoredMessage {
  /** `reason` */
  readonly r: string
  /** `ruleId` */
  readonly id?: string
  /** `messageId` */
  readonly m: string
  /** `fatal`: 1 for an error, 0 for a warning. */
  readonly f: 0 | 1
  readonly p?: StoredPlace
  /** `url`, only when it is not the rule's documentation (`ruleDocsUrl`), which is rebuilt. */
  readonly u?: string
  /** Index into the entry's `fixes` (messages sharing a fix share the index). */
  readonly x?: number
  /** `cause` (the second place of the message), with its reason, message id and place. */
  readonly c?: {readonly r: string; readonly m: string; readonly p?: StoredPlace}
  /** `related` (every place of a finding reported once for many), each with its reason, message id and place. */
  readonly rl?: readonly {readonly r: string; readonly m: string; readonly p: StoredPlace}[]
}

/** One file's entry. */
interface Entry {
  readonly format: Format
  readonly content: string
  readonly config: string
  readonly messages: readonly StoredMessage[]
  readonly fixes?: readonly Fix[]
}

/** The cache file's content. */
interface CacheData {
  readonly citelintCache: number
  readonly version: string
  readonly files: Record<string, Entry>
}

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
  readonly #pending = new Map<string, {content: string; config: string}>()
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
    const empty = (writable: boolean, warning?: string) => ({
      cache: new LintCache(file, version, new Map(), writable, true),
      ...(warning ? {warning} : {})
    })
    let text: string
    try {
      // Without blocking on a FIFO or reading a device without end (see readBytes).
      text = readBytes(file, maxCacheBytes).toString('utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // No file yet (ENOTDIR: a parent is a file; saving will say so).
      if (code === 'ENOENT' || code === 'ENOTDIR') return empty(true)
      // Not a regular file: never replaced by a cache.
      if (error instanceof NotRegularFile) return empty(false, `${file} is not a regular file, linting every file and leaving it unchanged`)
      return empty(true, `cannot read the cache ${file} (${code ?? (error instanceof Error ? error.message : String(error))}), linting every file`)
    }
    if (text.trim() === '') return empty(true)
    if (!text.startsWith(signature)) {
      return empty(false, `${file} is not a citelint cache, linting every file and leaving it unchanged`)
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return empty(true, `the cache ${file} is damaged, linting every file`)
    }
    if (!isCacheData(data)) return empty(true, `the cache ${file} is damaged, linting every file`)
    if (data.citelintCache !== cacheFormat || data.version !== version) return empty(true)
    return {cache: new LintCache(file, version, new Map(Object.entries(data.files)), true, false)}
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
    const entry = this.#files.get(key)
    if (entry && entry.content === content && entry.config === config && !(fixing && entry.messages.some((m) => m.x !== undefined))) {
      this.stats.hits++
      return rebuild(filePath, input.text, entry, context.cwd, fixing)
    }
    this.stats.misses++
    this.#pending.set(key, {content, config})
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
    const fixes: Fix[] = []
    const fixIndex = new Map<Fix, number>()
    const messages = result.messages.map((message): StoredMessage => {
      let fix: number | undefined
      if (message.fix) {
        fix = fixIndex.get(message.fix)
        if (fix === undefined) {
          fix = fixes.push(message.fix) - 1
          fixIndex.set(message.fix, fix)
        }
      }
      const cause = causeOf(message)
      const place = message.place ? storePlace(message.place) : undefined
      const ownUrl = message.url !== undefined && !(message.ruleId !== undefined && message.url === docsUrl(message.ruleId))
      return {
        r: message.reason,
        ...(message.ruleId === undefined ? {} : {id: message.ruleId}),
        m: message.messageId,
        f: message.fatal === true ? 1 : 0,
        ...(place ? {p: place} : {}),
        ...(ownUrl ? {u: message.url} : {}),
        ...(fix === undefined ? {} : {x: fix}),
        ...(cause ? {c: cause} : {}),
        ...(message.related ? {rl: message.related.map((place) => ({r: place.reason, m: place.messageId, p: storePlace(place.place)}))} : {})
      }
    })
    this.#files.set(key, {format: formatOf(filePath), content, config: pending.config, messages, ...(fixes.length > 0 ? {fixes} : {})})
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
    const unseen = [...this.#files.keys()].filter((key) => !this.#seen.has(key))
    const gone = await Promise.all(unseen.map((key) => fs.access(key).then(() => false, (error: NodeJS.ErrnoException) => error.code === 'ENOENT')))
    unseen.forEach((key, i) => {
      if (gone[i]) {
        this.#files.delete(key)
        this.#changed = true
      }
    })
    if (!this.#changed) return undefined
    const data: CacheData = {citelintCache: cacheFormat, version: this.#version, files: Object.fromEntries(this.#files)}
    const reason = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
    try {
      await makeFolder(path.dirname(this.file))
    } catch (error) {
      return `cannot write the cache ${this.file}: cannot create its folder (${reason(error)})`
    }
    try {
      // writeFileAtomic replaces an existing file; create an empty one first
      // (an empty cache file reads as an empty cache).
      await fs.writeFile(this.file, '', {flag: 'a'})
      await writeFileAtomic(this.file, JSON.stringify(data))
      this.#changed = false
      return undefined
    } catch (error) {
      return `cannot write the cache ${this.file} (${reason(error)})`
    }
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

/** Rebuild a result the way the engine builds it (`file.message` with the same options). */
function rebuild(filePath: string, text: string, entry: Entry, cwd: string, fixing: boolean): CachedResult {
  const bom = text.charCodeAt(0) === 0xfeff
  const file = new VFile({value: bom ? text.slice(1) : text, path: filePath})
  file.cwd = cwd
  const fixes = entry.fixes ?? []
  // A VFileMessage is an Error: skip capturing a stack trace that vfile-message
  // replaces anyway (it sets `stack` to '' or to its cause's stack).
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    const messages = entry.messages.map((stored) => {
      let cause: CitelintMessage | undefined
      if (stored.c) {
        cause = new VFileMessage(stored.c.r, {place: readPlace(stored.c.p)}) as CitelintMessage
        cause.file = file.path
        cause.messageId = stored.c.m
      }
      const message = file.message(stored.r, {
        place: readPlace(stored.p),
        ...(stored.id === undefined ? {} : {ruleId: stored.id}),
        ...(cause ? {cause} : {})
      }) as CitelintMessage
      message.fatal = stored.f === 1
      const url = stored.u ?? (stored.id === undefined ? undefined : docsUrl(stored.id))
      if (url !== undefined) message.url = url
      message.messageId = stored.m
      const fix = stored.x === undefined ? undefined : fixes[stored.x]
      if (fix) message.fix = fix
      if (stored.rl) {
        message.related = stored.rl.map((place) => ({reason: place.r, messageId: place.m, place: readPlace(place.p) as Span}))
      }
      return message
    })
    return {file, messages, ...models(entry.format), bom, fromCache: true, ...(fixing ? {source: text} : {})}
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

/** Empty models, as documented on `CachedResult`. */
function models(format: Format) {
  const index = {format, references: [], notes: [], notesSection: undefined, numberingStyle: 'none', numberRange: undefined} as const
  const prose = {paragraphs: [], sentences: [], quotations: [], markerGroups: [], reportDate: undefined}
  return {index, noteFields: [], prose}
}

const docsUrls = new Map<string, string>()

/** `ruleDocsUrl`, memoised (a cached run rebuilds thousands of messages). */
function docsUrl(ruleId: string): string {
  let url = docsUrls.get(ruleId)
  if (url === undefined) {
    url = ruleDocsUrl(ruleId)
    docsUrls.set(ruleId, url)
  }
  return url
}

type Place = Point | Position

/** A vfile place in the stored form (see `StoredPlace`). */
function storePlace(place: Place): StoredPlace {
  if ('start' in place) {
    return [place.start.line, place.start.column, place.start.offset ?? null, place.end.line, place.end.column, place.end.offset ?? null]
  }
  return [place.line, place.column, place.offset ?? null]
}

/** A stored place back as a vfile place (a point or a position, with offsets where stored). */
function readPlace(stored: StoredPlace | undefined): Place | undefined {
  if (!stored) return undefined
  const point = (at: number): Point => {
    const offset = stored[at + 2]
    return {line: stored[at] ?? 1, column: stored[at + 1] ?? 1, ...(typeof offset === 'number' ? {offset} : {})}
  }
  return stored.length === 6 ? {start: point(0), end: point(3)} : point(0)
}

/** A message's cause as stored, when it is a message (the engine's `related` place). */
function causeOf(message: CitelintMessage): StoredMessage['c'] {
  const cause = message.cause
  if (!(cause instanceof VFileMessage)) return undefined
  const messageId = (cause as CitelintMessage).messageId
  return {r: cause.reason, m: messageId, ...(cause.place ? {p: storePlace(cause.place)} : {})}
}

/** Whether `value` has the shape of `CacheData`, down to each message (a damaged cache must never crash a run). */
function isCacheData(value: unknown): value is CacheData {
  if (!isRecord(value) || typeof value['citelintCache'] !== 'number' || typeof value['version'] !== 'string') return false
  const files = value['files']
  if (!isRecord(files)) return false
  return Object.values(files).every((entry: unknown) => {
    if (!isRecord(entry)) return false
    const {format, content, config, messages, fixes} = entry
    if ((format !== 'markdown' && format !== 'text') || typeof content !== 'string' || typeof config !== 'string') return false
    if (!Array.isArray(messages) || (fixes !== undefined && !(Array.isArray(fixes) && fixes.every(isFix)))) return false
    const fixCount = Array.isArray(fixes) ? fixes.length : 0
    return messages.every((message: unknown) => {
      if (!isRecord(message) || typeof message['r'] !== 'string' || typeof message['m'] !== 'string') return false
      const {id, f, p, u, x, c} = message
      if ((id !== undefined && typeof id !== 'string') || (f !== 0 && f !== 1) || !isPlace(p) || (u !== undefined && typeof u !== 'string')) return false
      if (x !== undefined && !(Number.isInteger(x) && (x as number) >= 0 && (x as number) < fixCount)) return false
      return c === undefined || (isRecord(c) && typeof c['r'] === 'string' && typeof c['m'] === 'string' && isPlace(c['p']))
    })
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A stored place (or none): 3 or 6 entries, lines and columns positive integers, offsets integers or null. */
function isPlace(value: unknown): boolean {
  if (value === undefined) return true
  if (!Array.isArray(value) || (value.length !== 3 && value.length !== 6)) return false
  return value.every((n: unknown, i) => (i % 3 === 2 ? n === null || Number.isInteger(n) : Number.isInteger(n) && (n as number) >= 1))
}

function isFix(value: unknown): boolean {
  return (
    isRecord(value) &&
    Array.isArray(value['edits']) &&
    value['edits'].every((edit: unknown) => isRecord(edit) && Number.isInteger(edit['start']) && Number.isInteger(edit['end']) && typeof edit['text'] === 'string')
  )
}
