/**
 * `summarizeFiles`: the coverage of files, directories and globs, selected,
 * configured, read and ignored exactly as by `lintFiles` (it uses the same
 * stream, `lintFileStream`).
 */
import type {FileFailure} from '../run/files.js'
import type {LintFilesOptions} from '../run/lint-files.js'
import {lintFileStream, resultOf} from '../run/lint-files.js'
import type {CoverageCounts, FileCoverage} from './coverage.js'
import {fileCoverage, totalCoverage} from './coverage.js'

/** Options of `summarizeFiles`: those of `lintFiles` (prose thresholds and progress included), and what to keep. */
export interface SummaryOptions extends LintFilesOptions {
  /** Keep each file's lint result (text and models) on its coverage; the HTML report needs it. */
  readonly keepResults?: boolean
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
 * Summarise files, directories and globs: `lintFileStream` selects,
 * configures, reads and lints them (so the same ignore files, size limit and
 * encoding rules apply), and each result is turned into its coverage as it
 * comes; its models are dropped then, unless `keepResults` is set.
 *
 * @throws ConfigError for an invalid config file, `--rule` setting or ignore file.
 */
export async function summarizeFiles(paths: readonly string[], options: SummaryOptions = {}): Promise<Summary> {
  const files: FileCoverage[] = []
  const failures: FileFailure[] = []
  const ignored: string[] = []
  for await (const outcome of lintFileStream(paths, {...options, models: true})) {
    if (outcome.kind === 'failure') failures.push(outcome.failure)
    else if (outcome.ignored) ignored.push(outcome.result.file.path)
    else files.push(fileCoverage(resultOf(outcome.result), options.keepResults ?? false))
  }
  return {files, totals: totalCoverage(files), failures, ignored}
}
