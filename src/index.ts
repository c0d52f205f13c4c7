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
export {lintText, InternalError, ruleDocsUrl} from './engine.js'
export type {LintTextOptions, LintResult, CitelintMessage} from './engine.js'
export {lintFiles, lintFileStream} from './lint-files.js'
export type {Concurrency, FileReport, LintFilesOptions, LintFilesResult, LintModels, LintOutcome, LintStreamOptions} from './lint-files.js'
export {LintCache, cacheFilePath, defaultCacheFile} from './cache.js'
export type {CachedResult, CacheStats} from './cache.js'
export {ConfigError, resolveRules} from './config.js'
export type {Config, RuleSetting, SeverityValue} from './config.js'
export {buildCitationIndex} from './citation-index.js'
export {parse, formatOf} from './parse/index.js'
export {describeNote, describeNotes, parseNoteText} from './note-model.js'
export type {NoteDate, NoteFields, NoteKind, NoteText} from './note-model.js'
export {buildProseModel} from './prose.js'
export type {MarkerGroup, ProseModel, ProseOptions, ProseParagraph, Quotation, ReportDate, Sentence} from './prose.js'
export {summarizeFiles} from './summary/collect.js'
export type {Summary, SummaryOptions} from './summary/collect.js'
export {coveragePercent, fileCoverage, sourcedNotes, totalCoverage} from './summary/coverage.js'
export type {CoverageCounts, CoverageDetail, FileCoverage} from './summary/coverage.js'
export {formatSummaryJson, formatSummaryMarkdown, formatSummaryTable, toJsonSummary} from './summary/format.js'
export type {JsonCounts, JsonFileSummary, JsonSummary} from './summary/format.js'
export {formatSummaryHtml} from './summary/html.js'
export {findDates} from './dates.js'
export type {DateFound, DateForm, DateOrder, DateProblem} from './dates.js'
export {rules} from './registry.js'
export type {Rule, RuleMeta, RuleContext, Report} from './rule.js'
export {toJsonResult, toJsonNotes, formatJson} from './reporters/json.js'
export type {JsonResult, JsonMessage, JsonNote, JsonOptions} from './reporters/json.js'
export {formatStylish} from './reporters/stylish.js'
export {formatSarif, toSarifLog, sarifSchemaUri} from './reporters/sarif.js'
export type {SarifOptions, SarifLog, SarifResult, SarifRule, SarifLocation, SarifRegion} from './reporters/sarif.js'
export {formatGithub, escapeData, escapeProperty} from './reporters/github.js'
export type {GithubOptions} from './reporters/github.js'
export type * from './types.js'
