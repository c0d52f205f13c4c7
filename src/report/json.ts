/**
 * JSON output in the shape of ESLint's `json` formatter: an array with one
 * entry per file, `{filePath, messages, errorCount, warningCount}`, each
 * message `{ruleId, messageId, severity, message, line, column, endLine,
 * endColumn}` with severity 1 (warning) or 2 (error), 1-based lines and
 * columns counted in UTF-16 code units, end exclusive. With `includeNotes`,
 * each file also gets `notes`: the note model, one entry per note.
 */
import path from 'node:path'
import type {LintResult} from '../engine/engine.js'
import type {NoteKind} from '../models/note-model.js'

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

/** One file in ESLint's JSON shape; `filePath` is absolute. */
export interface JsonResult {
  readonly filePath: string
  readonly messages: readonly JsonMessage[]
  readonly errorCount: number
  readonly warningCount: number
  /** Only with `includeNotes`. */
  readonly notes?: readonly JsonNote[]
}

/** Options of `toJsonResult` and `formatJson`. */
export interface JsonOptions {
  /** Add the note model of each file as `notes` (the CLI's `--include-notes`). */
  readonly includeNotes?: boolean
}

/** What `toJsonResult` reads: the file and its messages, and with `includeNotes` the index and note fields. */
export type JsonInput = Pick<LintResult, 'file' | 'messages'> & Partial<Pick<LintResult, 'index' | 'noteFields'>>

/**
 * Convert one lint result to ESLint's JSON shape, with the note model when `includeNotes` is set.
 *
 * @throws TypeError with `includeNotes` when `result` has no index or note fields.
 */
export function toJsonResult(result: JsonInput, options: JsonOptions = {}): JsonResult {
  const messages = result.messages.map((message): JsonMessage => {
    const place = message.place
    const start = place && 'start' in place ? place.start : place
    const end = place && 'end' in place ? place.end : start
    return {
      ruleId: message.ruleId ?? null,
      messageId: message.messageId,
      severity: message.fatal ? 2 : 1,
      message: message.reason,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      endLine: end?.line ?? start?.line ?? 1,
      endColumn: end?.column ?? start?.column ?? 1
    }
  })
  const json: JsonResult = {
    filePath: path.resolve(result.file.cwd, result.file.path || '<stdin>'),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length
  }
  if (!options.includeNotes) return json
  const {index, noteFields} = result
  if (!index || !noteFields) throw new TypeError('includeNotes needs each result’s index and note fields')
  return {...json, notes: toJsonNotes({index, noteFields})}
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
