/**
 * The data of the lint cache file (see src/run/cache.ts): its shape, reading
 * and checking its text, and messages to and from their stored form.
 *
 * Places are stored flat and messages with short keys, to keep the file
 * small and quick to parse; a message's rule documentation url is rebuilt
 * rather than stored. A damaged file must never crash a run: its text is
 * checked down to each message before use.
 */
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'
import type {CitelintMessage, SuppressedMessage} from '../engine/engine.js'
import {ruleDocsUrl} from '../engine/rule-docs.js'
import type {Fix} from '../engine/rule.js'
import type {Format, Span} from '../citation-index/types.js'

/** Bumped when the stored shape changes; a cache of another format is discarded. */
export const cacheFormat = 4

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
export interface StoredMessage {
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
  /** `fixWithheld`: why a fixable finding has no fix. */
  readonly w?: string
  /** In `suppressed` only: the justification of the suppression comment (`suppressions`), empty when none. */
  readonly j?: string
}

/** One file's entry. */
export interface Entry {
  readonly format: Format
  readonly content: string
  readonly config: string
  readonly messages: readonly StoredMessage[]
  readonly fixes?: readonly Fix[]
  /** The messages suppression comments turned off (without fixes), when any. */
  readonly suppressed?: readonly StoredMessage[]
}

/** The cache file's content. */
export interface CacheData {
  readonly citelintCache: number
  readonly version: string
  readonly files: Record<string, Entry>
}

/** What a cache file's text gave. */
export interface LoadedCache {
  /** The entries, by absolute path; `undefined` when the cache starts empty. */
  readonly files?: Map<string, Entry>
  /** Whether the file may be written (false for someone else's file). */
  readonly writable: boolean
  /** A one-line warning when the text is not a valid citelint cache. */
  readonly warning?: string
}

/**
 * The entries in the text of the cache file `file`, when it is a citelint
 * cache of `version` and of this cache format. Empty text, or a cache of
 * another version or format, gives no entries and no warning.
 */
export function parseCacheText(text: string, file: string, version: string): LoadedCache {
  if (text.trim() === '') return {writable: true}
  if (!text.startsWith(signature)) {
    return {writable: false, warning: `${file} is not a citelint cache, linting every file and leaving it unchanged`}
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return {writable: true, warning: `the cache ${file} is damaged, linting every file`}
  }
  if (!isCacheData(data)) return {writable: true, warning: `the cache ${file} is damaged, linting every file`}
  if (data.citelintCache !== cacheFormat || data.version !== version) return {writable: true}
  return {files: new Map(Object.entries(data.files)), writable: true}
}

/** Messages in their stored form, and the fixes they point to (a fix shared by messages is stored once). */
export function storeMessages(messages: readonly CitelintMessage[]): {messages: StoredMessage[]; fixes: Fix[]} {
  const fixes: Fix[] = []
  const fixIndex = new Map<Fix, number>()
  const stored = messages.map((message): StoredMessage => {
    let fix: number | undefined
    if (message.fix) {
      fix = fixIndex.get(message.fix)
      if (fix === undefined) {
        fix = fixes.push(message.fix) - 1
        fixIndex.set(message.fix, fix)
      }
    }
    return storeMessage(message, fix)
  })
  return {messages: stored, fixes}
}

/** Suppressed messages in their stored form (they carry no fix). */
export function storeSuppressed(messages: readonly SuppressedMessage[]): StoredMessage[] {
  return messages.map((message) => ({...storeMessage(message, undefined), j: message.suppressions[0]?.justification ?? ''}))
}

/** One message in its stored form, with the index of its fix in the entry's `fixes`. */
function storeMessage(message: CitelintMessage, fix: number | undefined): StoredMessage {
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
    ...(message.related ? {rl: message.related.map((place) => ({r: place.reason, m: place.messageId, p: storePlace(place.place)}))} : {}),
    ...(message.fixWithheld === undefined ? {} : {w: message.fixWithheld})
  }
}

/**
 * The messages of `entry`, and its suppressed messages, rebuilt on `file`
 * the way the engine builds them (`file.message` with the same options);
 * `file.messages` holds the messages only.
 */
export function rebuildMessages(entry: Entry, file: VFile): {messages: CitelintMessage[]; suppressedMessages: SuppressedMessage[]} {
  const fixes = entry.fixes ?? []
  // A VFileMessage is an Error: skip capturing a stack trace that vfile-message
  // replaces anyway (it sets `stack` to '' or to its cause's stack).
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    const messages = entry.messages.map((stored) => rebuildMessage(stored, file, fixes))
    const suppressedMessages = (entry.suppressed ?? []).map((stored) => {
      const message = rebuildMessage(stored, file, []) as SuppressedMessage
      message.suppressions = [{kind: 'directive', justification: stored.j ?? ''}]
      return message
    })
    file.messages = [...messages]
    return {messages, suppressedMessages}
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

/** One stored message, rebuilt on `file`, with its fix from the entry's `fixes`. */
function rebuildMessage(stored: StoredMessage, file: VFile, fixes: readonly Fix[]): CitelintMessage {
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
  if (stored.rl) message.related = stored.rl.map((place) => ({reason: place.r, messageId: place.m, place: readPlace(place.p) as Span}))
  if (stored.w !== undefined) message.fixWithheld = stored.w
  return message
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
  return Object.values(files).every(isEntry)
}

/** Whether `value` has the shape of an `Entry`, down to each message. */
function isEntry(entry: unknown): boolean {
  if (!isRecord(entry)) return false
  const {format, content, config, messages, fixes, suppressed} = entry
  if ((format !== 'markdown' && format !== 'text' && format !== 'docx' && format !== 'html') || typeof content !== 'string' || typeof config !== 'string') return false
  if (!Array.isArray(messages) || (fixes !== undefined && !(Array.isArray(fixes) && fixes.every(isFix)))) return false
  if (suppressed !== undefined && !(Array.isArray(suppressed) && suppressed.every((message: unknown) => isStoredMessage(message, 0)))) return false
  const fixCount = Array.isArray(fixes) ? fixes.length : 0
  return messages.every((message: unknown) => isStoredMessage(message, fixCount))
}

/** Whether `value` has the shape of a `StoredMessage` whose fix index is below `fixCount`. */
function isStoredMessage(message: unknown, fixCount: number): boolean {
  if (!isRecord(message) || typeof message['r'] !== 'string' || typeof message['m'] !== 'string') return false
  const {id, f, p, u, x, c, w, j} = message
  if ((id !== undefined && typeof id !== 'string') || (f !== 0 && f !== 1) || !isPlace(p) || (u !== undefined && typeof u !== 'string')) return false
  if ((w !== undefined && typeof w !== 'string') || (j !== undefined && typeof j !== 'string')) return false
  if (x !== undefined && !(Number.isInteger(x) && (x as number) >= 0 && (x as number) < fixCount)) return false
  return c === undefined || (isRecord(c) && typeof c['r'] === 'string' && typeof c['m'] === 'string' && isPlace(c['p']))
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
