/**
 * JSON output in the shape of ESLint's `json` formatter: an array with one
 * entry per file, `{filePath, messages, errorCount, warningCount}`, each
 * message `{ruleId, messageId, severity, message, line, column, endLine,
 * endColumn}` with severity 1 (warning) or 2 (error), 1-based lines and
 * columns counted in UTF-16 code units, end exclusive.
 */
import path from 'node:path'
import type {LintResult} from '../engine.js'

/** One message in ESLint's JSON shape. */
export interface JsonMessage {
  readonly ruleId: string | undefined
  readonly messageId: string
  readonly severity: 1 | 2
  readonly message: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}

/** One file in ESLint's JSON shape; `filePath` is absolute. */
export interface JsonResult {
  readonly filePath: string
  readonly messages: readonly JsonMessage[]
  readonly errorCount: number
  readonly warningCount: number
}

/** Convert one lint result to ESLint's JSON shape. */
export function toJsonResult(result: LintResult): JsonResult {
  const messages = result.messages.map((message): JsonMessage => {
    const place = message.place
    const start = place && 'start' in place ? place.start : place
    const end = place && 'end' in place ? place.end : start
    return {
      ruleId: message.ruleId,
      messageId: message.messageId,
      severity: message.fatal ? 2 : 1,
      message: message.reason,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      endLine: end?.line ?? start?.line ?? 1,
      endColumn: end?.column ?? start?.column ?? 1
    }
  })
  return {
    filePath: path.resolve(result.file.cwd, result.file.path || '<stdin>'),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length
  }
}

/** Format results as JSON text (one line, as ESLint prints it). */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results.map(toJsonResult))
}
