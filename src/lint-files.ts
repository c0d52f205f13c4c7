/**
 * `lintFiles`: expand paths, read each file, lint it. The CLI uses it; so can
 * scripts and editors that want files linted without a process.
 */
import type {Config} from './config.js'
import {resolveRules} from './config.js'
import type {LintResult} from './engine.js'
import {lintText} from './engine.js'
import type {FileFailure} from './files.js'
import {expandPaths, readText} from './files.js'

/** Options of `lintFiles`. */
export interface LintFilesOptions {
  /** Folder that relative paths are resolved against (default: `process.cwd()`). */
  readonly cwd?: string
  readonly config?: Config
}

/** Results of `lintFiles`: one per linted file, and the paths that could not be linted. */
export interface LintFilesResult {
  readonly results: LintResult[]
  readonly failures: FileFailure[]
}

/**
 * Lint files, directories and globs (see `expandPaths`). A path that cannot
 * be read, or a file citelint fails on (reason `internal error: ...`, with
 * the thrown value in `error`), becomes a failure; the other files are still
 * linted.
 *
 * @throws ConfigError when `config` is invalid (before any file is read).
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd()
  const rules = resolveRules(options.config)
  const {files, failures} = await expandPaths(paths, cwd)
  const results: LintResult[] = []
  for (const filePath of files) {
    const text = await readText(filePath, cwd)
    if (typeof text !== 'string') {
      failures.push(text)
      continue
    }
    try {
      const result = lintText(text, {filePath, rules})
      result.file.cwd = cwd
      results.push(result)
    } catch (error) {
      // Any failure on one file (a rule bug, a stack overflow) is that file's;
      // the other files are still linted.
      const reason = error instanceof Error ? error.message : String(error)
      failures.push({filePath, reason: `internal error: ${reason}`, error})
    }
  }
  return {results, failures}
}
