/**
 * `summarizeFiles`: the coverage of files, directories and globs, selected,
 * configured and ignored exactly as `lintFiles` does (the same `expandPaths`,
 * `.citelintignore` and `Linter` for config files and `--rule`), one file at
 * a time so that a caller can show progress.
 */
import type {ProseOptions} from '../prose.js'
import {lintText} from '../engine.js'
import type {FileFailure} from '../files.js'
import {expandPaths, readText} from '../files.js'
import {loadIgnore} from '../ignore-file.js'
import type {LintFilesOptions} from '../lint-files.js'
import {Linter} from '../lint-files.js'
import {ConfigError} from '../config.js'
import type {CoverageCounts, FileCoverage} from './coverage.js'
import {fileCoverage, totalCoverage} from './coverage.js'

/** Options of `summarizeFiles`: those of `lintFiles`, the prose thresholds, and what to keep. */
export interface SummaryOptions extends LintFilesOptions {
  /** Thresholds of the definitions (words in a prose paragraph, in a quotation). */
  readonly prose?: ProseOptions
  /** Keep each file's lint result (text and models) on its coverage; the HTML report needs it. */
  readonly keepResults?: boolean
  /** Called before each file is read (`done` files of `total` are finished). */
  readonly onProgress?: (done: number, total: number, filePath: string) => void
}

/** The coverage of every file, the totals, and what could not be summarised. */
export interface Summary {
  readonly files: FileCoverage[]
  readonly totals: CoverageCounts
  /** Paths that could not be read, or on which citelint failed. */
  readonly failures: FileFailure[]
  /** Files named on the command line but ignored by the ignore file: not summarised. */
  readonly ignored: string[]
}

/**
 * Summarise files, directories and globs (see `expandPaths`).
 *
 * @throws ConfigError for an invalid config file, `--rule` setting or ignore file.
 */
export async function summarizeFiles(paths: readonly string[], options: SummaryOptions = {}): Promise<Summary> {
  const cwd = options.cwd ?? process.cwd()
  const linter = new Linter(options)
  const ignoreTest = options.ignore === false ? undefined : await loadIgnore(cwd, options.ignorePath)
  const {files: found, failures, ignoredExplicitly} = await expandPaths(paths, cwd, ignoreTest)
  const files: FileCoverage[] = []
  for (const [done, filePath] of found.entries()) {
    options.onProgress?.(done, found.length, filePath)
    const text = await readText(filePath, cwd)
    if (typeof text !== 'string') {
      failures.push(text)
      continue
    }
    try {
      const rules = await linter.rulesFor(filePath)
      const result = lintText(text, {
        filePath,
        rules,
        prose: options.prose,
        reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? false
      })
      result.file.cwd = cwd
      files.push(fileCoverage(result, options.keepResults ?? false))
    } catch (error) {
      if (error instanceof ConfigError) throw error
      const reason = error instanceof Error ? error.message : String(error)
      failures.push({filePath, reason: `internal error: ${reason}`, error})
    }
  }
  options.onProgress?.(found.length, found.length, '')
  return {files, totals: totalCoverage(files), failures, ignored: ignoredExplicitly}
}
