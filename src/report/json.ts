/**
 * JSON output in the shape of ESLint's `json` formatter: an array with one
 * `LintResult` per file, as ESLint's Node.js API documents it ("LintResult
 * type", "LintMessage type", "SuppressedLintMessage type", "EditInfo type";
 * eslint.org/docs/latest/integrate/nodejs-api):
 *
 * - `filePath` (absolute), `messages`, `suppressedMessages` (what
 *   suppression comments turned off, each with `suppressions: [{kind:
 *   'directive', justification}]`), `errorCount`, `fatalErrorCount`,
 *   `warningCount`, `fixableErrorCount`, `fixableWarningCount`,
 *   `usedDeprecatedRules` (always empty: citelint has no deprecated rules);
 * - `output`, the fixed text, only when `--fix` changed the file;
 * - `source`, the text linted, only with `includeSource` (the CLI's
 *   `--include-source`; formatter packages always get it), and then as
 *   ESLint gives it: when the file has messages and no `output`. Left out by
 *   default because it repeats every report in the output.
 *
 * Each message is `{ruleId, severity, message, line, column, endLine,
 * endColumn, messageId}` and, when the finding's fix is one edit, `fix:
 * {range, text}`: severity 1 (warning) or 2 (error); lines and columns
 * 1-based, columns in UTF-16 code units, end exclusive; `range` in UTF-16
 * offsets into the text (after a byte order mark, as ESLint's). A fix of
 * several edits (note-order's renumbering, from the first cited reference
 * to the last note) is left out: as one ESLint range it would repeat most
 * of the document in every message sharing it (on the real corpus, 87 % of
 * the JSON). The fixable counts count every finding `--fix` can fix, as
 * ESLint's do. `fatal` and `fatalErrorCount` are ESLint's parse errors: citelint
 * reports a file it cannot read or parse on standard error instead (exit
 * code 2), so no message is fatal and `fatalErrorCount` is 0. With
 * `includeNotes`, each file also gets `notes`: the note model, one entry
 * per note (a citelint field).
 */
import path from 'node:path'
import type {LintResult, SuppressedMessage} from '../engine/engine.js'
import type {CitelintMessage, Fix} from '../engine/rule.js'
import type {NoteKind} from '../models/note-model.js'

/** A fix in ESLint's shape (`EditInfo`): replace `range` (UTF-16 offsets, end exclusive) with `text`. */
export interface JsonFix {
  readonly range: readonly [number, number]
  readonly text: string
}

/** One message in ESLint's JSON shape. */
export interface JsonMessage {
  /** `null` for citelint's own messages (`invalidUtf8`, `ignoredFile`, `unknownRule`, `unusedDirective`), as ESLint gives for messages of no rule. */
  readonly ruleId: string | null
  readonly messageId: string
  readonly severity: 1 | 2
  readonly message: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  /** The finding's fix, when it has one of one edit (see the module's documentation). */
  readonly fix?: JsonFix
}

/** A suppressed message in ESLint's shape (`SuppressedLintMessage`). */
export interface JsonSuppressedMessage extends JsonMessage {
  readonly suppressions: readonly {readonly kind: 'directive'; readonly justification: string}[]
}

/** One note of the note model, as `--include-notes` prints it; `null` where a field is absent. */
export interface JsonNote {
  /** The label as written (`2`, `^note`'s `note`, `*`). */
  readonly label: string
  /** Position of the note's marker. */
  readonly line: number
  readonly column: number
  readonly kind: NoteKind
  readonly source: string | null
  readonly place: string | null
  /** The note's date: as written, ISO 8601 as precise as written (`null` when it does not exist or is numeric), and whether it exists. */
  readonly date: {readonly text: string; readonly iso: string | null; readonly valid: boolean} | null
  readonly url: string | null
}

/** One file in ESLint's JSON shape (`LintResult`); `filePath` is absolute. */
export interface JsonResult {
  readonly filePath: string
  readonly messages: readonly JsonMessage[]
  readonly suppressedMessages: readonly JsonSuppressedMessage[]
  readonly errorCount: number
  /** Always 0 (see the module's documentation). */
  readonly fatalErrorCount: number
  readonly warningCount: number
  readonly fixableErrorCount: number
  readonly fixableWarningCount: number
  /** Always empty: citelint has no deprecated rules. */
  readonly usedDeprecatedRules: readonly {readonly ruleId: string; readonly replacedBy: readonly string[]}[]
  /** The fixed text, only when a fix changed the file. */
  readonly output?: string
  /** The text linted, only with `includeSource`, when there are messages and no `output`. */
  readonly source?: string
  /** Only with `includeNotes`. */
  readonly notes?: readonly JsonNote[]
}

/** Options of `toJsonResult` and `formatJson`. */
export interface JsonOptions {
  /** Add the note model of each file as `notes` (the CLI's `--include-notes`). */
  readonly includeNotes?: boolean
  /** Add `source` as ESLint does: when the file has messages and no `output` (the CLI's `--include-source`). */
  readonly includeSource?: boolean
}

/**
 * What `toJsonResult` reads: the file (its `value` the text the messages
 * point into, for fixes and `source`) and its messages; its suppressed
 * messages and fixed text when there are any; with `includeNotes` the index
 * and note fields.
 */
export type JsonInput = Pick<LintResult, 'file' | 'messages'> &
  Partial<Pick<LintResult, 'index' | 'noteFields' | 'suppressedMessages'>> & {readonly output?: string | undefined}

/**
 * Convert one lint result to ESLint's JSON shape, with the note model when `includeNotes` is set.
 *
 * @throws TypeError with `includeNotes` when `result` has no index or note fields.
 */
export function toJsonResult(result: JsonInput, options: JsonOptions = {}): JsonResult {
  const text = result.file.value === undefined ? undefined : String(result.file.value)
  const merged = new Map<Fix, JsonFix | undefined>()
  const messages = result.messages.map((message) => toJsonMessage(message, text, merged))
  const suppressedMessages = (result.suppressedMessages ?? []).map(
    (message: SuppressedMessage): JsonSuppressedMessage => ({
      ...toJsonMessage(message, text, merged),
      suppressions: message.suppressions.map(({kind, justification}) => ({kind, justification}))
    })
  )
  const count = (severity: 1 | 2, fixable: boolean): number =>
    result.messages.filter((m) => (m.fatal ? 2 : 1) === severity && (!fixable || m.fix !== undefined)).length
  const json: JsonResult = {
    filePath: path.resolve(result.file.cwd, result.file.path || '<stdin>'),
    messages,
    suppressedMessages,
    errorCount: count(2, false),
    fatalErrorCount: 0,
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    usedDeprecatedRules: [],
    ...(result.output === undefined ? {} : {output: result.output}),
    ...(options.includeSource && result.output === undefined && messages.length > 0 && text !== undefined ? {source: text} : {})
  }
  if (!options.includeNotes) return json
  const {index, noteFields} = result
  if (!index || !noteFields) throw new TypeError('includeNotes needs each result’s index and note fields')
  return {...json, notes: toJsonNotes({index, noteFields})}
}

/**
 * One message in ESLint's shape. `text` is the text its offsets point into
 * (without it, or when the fix does not fit it, no `fix`); `merged` memoises
 * fixes shared by messages.
 */
function toJsonMessage(message: CitelintMessage, text: string | undefined, merged: Map<Fix, JsonFix | undefined>): JsonMessage {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  let fix: JsonFix | undefined
  if (message.fix?.edits.length === 1 && text !== undefined) {
    if (!merged.has(message.fix)) merged.set(message.fix, mergeFix(message.fix, text))
    fix = merged.get(message.fix)
  }
  return {
    ruleId: message.ruleId ?? null,
    messageId: message.messageId,
    severity: message.fatal ? 2 : 1,
    message: message.reason,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    ...(fix ? {fix} : {})
  }
}

/**
 * A fix of one or more edits as one ESLint `EditInfo`, merged as ESLint
 * merges the fixes of one report: the range from the first edit's start to
 * the last edit's end, its text the edits applied to that stretch of
 * `text`; `undefined` when the edits do not fit `text`.
 */
export function mergeFix(fix: Fix, text: string): JsonFix | undefined {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const first = edits[0]
  if (!first) return undefined
  let at = first.start
  let out = ''
  for (const edit of edits) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) return undefined
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return {range: [first.start, at], text: out}
}

/** The note model of one result, one entry per note of its citation index. */
export function toJsonNotes(result: Pick<LintResult, 'index' | 'noteFields'>): JsonNote[] {
  return result.index.notes.map((note, i): JsonNote => {
    const fields = result.noteFields[i]
    const date = fields?.date
    return {
      label: note.label,
      line: note.markerSpan.start.line,
      column: note.markerSpan.start.column,
      kind: fields?.kind ?? 'empty',
      source: fields?.source ?? null,
      place: fields?.place ?? null,
      date: date ? {text: date.text, iso: date.iso ?? null, valid: date.problem === undefined && date.iso !== undefined} : null,
      url: fields?.url ?? null
    }
  })
}

/** Format results as JSON text (one line, as ESLint prints it). */
export function formatJson(results: readonly JsonInput[], options: JsonOptions = {}): string {
  return JSON.stringify(results.map((result) => toJsonResult(result, options)))
}
