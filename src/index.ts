/**
 * citelint's public API.
 *
 * - `lintText(text, {filePath, config})`: lint one text, get its messages.
 * - `lintFiles(paths, {cwd, config})`: lint files, directories and globs;
 *   `lintFileStream` yields each file's outcome in input order as it is ready
 *   (`cache: (await LintCache.load(file)).cache` skips unchanged files).
 * - `buildCitationIndex`, `parse`, `describeNotes`, `buildProseModel`: the pipeline's stages.
 * - `summarizeFiles(paths, options)`: citation coverage (`citelint summary`).
 */
export {lintText, InternalError, ruleDocsUrl} from './engine/engine.js'
export type {LintTextOptions, LintResult, CitelintMessage, SuppressedMessage, Suppression} from './engine/engine.js'
export {lintFiles, lintFileStream} from './run/lint-files.js'
export type {Concurrency, FileReport, LintFilesOptions, LintFilesResult, LintModels, LintOutcome, LintStreamOptions} from './run/lint-files.js'
export {LintCache, cacheFilePath, defaultCacheFile} from './run/cache.js'
export type {CachedResult, CacheStats} from './run/cache.js'
export {ConfigError, resolveRules} from './engine/config.js'
export type {Config, RuleSetting, SeverityValue} from './engine/config.js'
export {buildCitationIndex} from './citation-index/build.js'
export {parse, formatOf} from './readers/registry.js'
export {describeNote, describeNotes, parseNoteText} from './models/note-model.js'
export type {NoteDate, NoteFields, NoteKind, NoteText} from './models/note-model.js'
export {buildProseModel} from './models/prose.js'
export type {ListItemPlace, MarkerGroup, ProseModel, ProseOptions, ProseParagraph, Quotation, ReportDate, Sentence} from './models/prose.js'
export {summarizeFiles} from './report/summarize.js'
export type {Summary, SummaryOptions} from './report/summarize.js'
export {coveragePercent, fileCoverage, sourcedNotes, totalCoverage} from './report/coverage.js'
export type {CoverageCounts, CoverageDetail, FileCoverage} from './report/coverage.js'
export {formatSummaryJson, formatSummaryMarkdown, formatSummaryTable, toJsonSummary} from './report/summary-text.js'
export type {JsonCounts, JsonFileSummary, JsonSummary} from './report/summary-text.js'
export {formatSummaryHtml} from './report/summary-html.js'
export {findDates} from './models/dates.js'
export type {DateFound, DateForm, DateOrder, DateProblem} from './models/dates.js'
export {rules} from './engine/registry.js'
export type {Rule, RuleMeta, RuleContext, Report} from './engine/rule.js'
export {toJsonResult, toJsonNotes, formatJson} from './report/json.js'
export type {JsonResult, JsonMessage, JsonSuppressedMessage, JsonFix, JsonNote, JsonOptions} from './report/json.js'
export {loadFormatter, runFormatter, rulesMeta, formatterPackageName, FormatterError} from './report/eslint-formatter.js'
export type {EslintFormatter, EslintRuleMeta, FormatterContext, LoadedFormatter} from './report/eslint-formatter.js'
export {formatStylish} from './report/stylish.js'
export {formatSarif, toSarifLog, sarifSchemaUri} from './report/sarif.js'
export type {SarifOptions, SarifLog, SarifResult, SarifRule, SarifLocation, SarifRegion} from './report/sarif.js'
export {formatGithub, escapeData, escapeProperty} from './report/github.js'
export type {GithubOptions} from './report/github.js'
export type * from './citation-index/types.js'
