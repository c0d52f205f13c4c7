/**
 * GitHub Actions output: one workflow command per message, which the runner
 * turns into an annotation on the file and line (GitHub Docs, "Workflow
 * commands for GitHub Actions": `error` and `warning` commands):
 *
 *     ::error file=<path>,line=L,col=C,endLine=EL,endColumn=EC,title=<rule-id>::<message>
 *
 * - `error` for errors (`fatal: true`), `warning` for warnings.
 * - `file` is the path relative to `cwd` with `/` separators (run citelint
 *   from the repository root, as GitHub resolves it against the workspace).
 * - Lines and columns are 1-based and count UTF-16 code units; `endColumn`
 *   is the column just after the last character (vfile's exclusive end).
 *   `col` and `endColumn` are left out when the span covers several lines:
 *   the Actions toolkit (`AnnotationProperties` in `@actions/core`) says
 *   they cannot be sent when `startLine` and `endLine` differ.
 * - Values are escaped as `@actions/core` escapes them (see `escapeData`
 *   and `escapeProperty`), so `%`, CR, LF, `:` and `,` cannot end or break a
 *   command.
 */
import path from 'node:path'
import type {LintResult} from '../engine/engine.js'

/** Options of `formatGithub`. */
export interface GithubOptions {
  /** Folder that `file` paths are relative to: the repository root (`GITHUB_WORKSPACE`). */
  readonly cwd: string
}

/**
 * Escape a command's message (the text after the second `::`).
 *
 * The convention is that of the Actions toolkit, `escapeData` in
 * `packages/core/src/command.ts` of github.com/actions/toolkit, which the
 * runner reverses: `%` -> `%25` (first, so the others stay unambiguous),
 * CR -> `%0D`, LF -> `%0A`.
 */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/**
 * Escape a command property value (`file=...`, `title=...`): everything
 * `escapeData` does, plus `:` -> `%3A` and `,` -> `%2C`, which would
 * otherwise end the value (toolkit `escapeProperty`, same file).
 */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * Format results as GitHub Actions workflow commands, one line per message,
 * in file order then vfile-sort order; lines joined by LF, no trailing
 * newline; `''` when there are no messages.
 */
export function formatGithub(results: readonly Pick<LintResult, 'file' | 'messages'>[], options: GithubOptions): string {
  const lines: string[] = []
  for (const result of results) {
    const file = result.file.path
      ? path.relative(options.cwd, path.resolve(result.file.cwd, result.file.path)).split(path.sep).join('/')
      : undefined
    for (const message of result.messages) {
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'end' in place ? place.end : place
      const properties: Array<[string, string | number]> = []
      if (file !== undefined) properties.push(['file', file])
      if (start && end) {
        properties.push(['line', start.line])
        if (start.line === end.line) properties.push(['col', start.column])
        properties.push(['endLine', end.line])
        if (start.line === end.line) properties.push(['endColumn', end.column])
      }
      if (message.ruleId) properties.push(['title', message.ruleId])
      const head = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      lines.push(`::${message.fatal ? 'error' : 'warning'}${head ? ` ${head}` : ''}::${escapeData(message.reason)}`)
    }
  }
  return lines.join('\n')
}
