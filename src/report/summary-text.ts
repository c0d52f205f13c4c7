/**
 * The text formats of the coverage summary: `table` (aligned columns for a
 * terminal), `json` (the stable documented shape) and `markdown` (for a
 * pull-request comment or `$GITHUB_STEP_SUMMARY`). The HTML report is in
 * `./summary-html.ts`. Every format shows paths relative to the working
 * folder (`shownPath`); the table, Markdown and HTML list the most cited
 * sources up to `FormatOptions.sources`, JSON every one.
 */
import path from 'node:path'
import type {CoverageCounts, FileCoverage} from './coverage.js'
import {coveragePercent} from './coverage.js'

/**
 * One file in the JSON shape. `filePath` is the path as the other formats
 * show it: relative to the working folder, with `/` separators (see
 * `shownPath`).
 */
export interface JsonFileSummary extends JsonCounts {
  readonly filePath: string
}

/** The counts in the JSON shape: `CoverageCounts` as plain data (see `counts`). */
export type JsonCounts = CoverageCounts

/** The JSON document: `{files, totals}`. */
export interface JsonSummary {
  readonly files: readonly JsonFileSummary[]
  readonly totals: JsonCounts
}

/** Options of the formatters. */
export interface FormatOptions {
  /** Folder that paths are shown relative to. */
  readonly cwd: string
  /**
   * How many sources the table, Markdown and HTML formats list per file and
   * in total, most cited first; `undefined` lists every one. JSON always
   * holds every source.
   */
  readonly sources?: number
}

function counts(c: CoverageCounts): JsonCounts {
  return {
    paragraphs: {prose: c.paragraphs.prose, cited: c.paragraphs.cited},
    quotations: {total: c.quotations.total, cited: c.quotations.cited},
    references: {total: c.references.total, resolved: c.references.resolved},
    notes: {total: c.notes.total, cited: c.notes.cited},
    problems: {...c.problems},
    sources: c.sources.map(({name, count}) => ({name, count})),
    dates: {from: c.dates.from, to: c.dates.to}
  }
}

/** The summary as the documented JSON object. */
export function toJsonSummary(files: readonly FileCoverage[], totals: CoverageCounts, options: FormatOptions): JsonSummary {
  return {
    files: files.map((file) => ({filePath: shownPath(file.filePath, options.cwd), ...counts(file)})),
    totals: counts(totals)
  }
}

/** `--format json`: the JSON object, indented by two spaces. */
export function formatSummaryJson(files: readonly FileCoverage[], totals: CoverageCounts, options: FormatOptions): string {
  return `${JSON.stringify(toJsonSummary(files, totals, options), null, 2)}\n`
}

/**
 * A file's path as shown: relative to `cwd` with `/` separators, outside it
 * too (`../shared/report.txt`, as the linter shows a path given so); absolute
 * only when no relative path leads there (another drive on Windows), and
 * `.` for `cwd` itself.
 */
export function shownPath(filePath: string, cwd: string): string {
  const absolute = path.resolve(cwd, filePath)
  const relative = path.relative(cwd, absolute)
  const shown = relative === '' ? '.' : path.isAbsolute(relative) ? absolute : relative
  return shown.split(path.sep).join('/')
}

/**
 * The sources to list: the first `limit` (they are sorted most cited
 * first), and how many are left out; every one when `limit` is undefined.
 */
export function listedSources(c: CoverageCounts, limit: number | undefined): {listed: CoverageCounts['sources']; omitted: number} {
  const listed = limit === undefined ? c.sources : c.sources.slice(0, limit)
  return {listed, omitted: c.sources.length - listed.length}
}

/** The most characters of a source's name that the table, Markdown and HTML formats show. */
const nameLength = 60

/**
 * A source's name as listed: whole up to 60 characters, else cut at a word
 * boundary with `…` (a discursive note can read as a long "name"; JSON
 * keeps it whole).
 */
export function sourceNameText(name: string): string {
  if (name.length <= nameLength) return name
  const cut = name.slice(0, nameLength)
  const space = cut.lastIndexOf(' ')
  return `${(space > nameLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** `and 3,392 more (--sources all lists them)`: the tail of a capped list of sources. */
export function moreSourcesText(omitted: number): string {
  return `and ${omitted.toLocaleString('en-US')} more (\`--sources all\` lists them)`
}

/** Paragraph coverage as shown: `50.0%`, or `-` without prose paragraphs. */
export function percentText(c: CoverageCounts): string {
  const percent = coveragePercent(c)
  return percent === undefined ? '-' : `${percent.toFixed(1)}%`
}

/** The date range as shown: `2015-10-01 to 2015-10-12`, one date when both are equal, `-` without. */
export function dateRangeText(c: CoverageCounts): string {
  const {from, to} = c.dates
  if (from === null || to === null) return '-'
  return from === to ? from : `${from} to ${to}`
}

function problemCount(c: CoverageCounts): number {
  return Object.values(c.problems).reduce((sum, n) => sum + n, 0)
}

/** `rule-id 2, other-rule 1`, or `none`. */
function problemsText(c: CoverageCounts, code = (s: string) => s): string {
  const entries = Object.entries(c.problems)
  return entries.length === 0 ? 'none' : entries.map(([id, n]) => `${code(id)} ${n}`).join(', ')
}

/**
 * `ISNA (Iran) 2, Al-Akhbar (Lebanon) 1`, capped at `limit` with how many
 * more there are (that tail is Markdown-safe as it is), or `none`.
 */
function sourcesText(c: CoverageCounts, limit: number | undefined, text = (s: string) => s): string {
  if (c.sources.length === 0) return 'none'
  const {listed, omitted} = listedSources(c, limit)
  const shown = listed.map(({name, count}) => `${text(sourceNameText(name))} ${count}`).join(', ')
  return omitted > 0 ? `${shown}, ${moreSourcesText(omitted)}` : shown
}

const tableColumns = ['File', 'Paragraphs', 'Coverage', 'Quotations', 'References', 'Notes', 'Problems', 'Dates'] as const

/** A row of the terminal table: pairs as `cited/total`. */
function tableRow(name: string, c: CoverageCounts): string[] {
  return [
    name,
    `${c.paragraphs.cited}/${c.paragraphs.prose}`,
    percentText(c),
    `${c.quotations.cited}/${c.quotations.total}`,
    `${c.references.resolved}/${c.references.total}`,
    `${c.notes.cited}/${c.notes.total}`,
    String(problemCount(c)),
    dateRangeText(c)
  ]
}

/** A row of the Markdown table: every count in its own column. */
function fullRow(name: string, c: CoverageCounts): string[] {
  return [
    name,
    String(c.paragraphs.prose),
    String(c.paragraphs.cited),
    percentText(c),
    String(c.quotations.total),
    String(c.quotations.cited),
    String(c.references.total),
    String(c.references.resolved),
    String(c.notes.total),
    String(c.notes.cited),
    String(problemCount(c)),
    dateRangeText(c)
  ]
}

function totalName(files: readonly unknown[]): string {
  return `Total (${files.length} ${files.length === 1 ? 'file' : 'files'})`
}

/**
 * `--format table`: one aligned row per file and a total row (counts
 * right-aligned, as `cited/total`), a key to the columns, then per file its
 * problems per rule and its sources.
 */
export function formatSummaryTable(files: readonly FileCoverage[], totals: CoverageCounts, options: FormatOptions): string {
  const rows = [[...tableColumns], ...files.map((file) => tableRow(shownPath(file.filePath, options.cwd), file)), tableRow(totalName(files), totals)]
  const widths = tableColumns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const last = tableColumns.length - 1
  const line = (r: string[]): string =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : i === last ? cell : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const out = [line(rows[0]!), rule, ...rows.slice(1, -1).map(line), rule, line(rows.at(-1)!), '']
  out.push('Paragraphs: prose paragraphs cited/all; Quotations: cited/all; References: resolved/all; Notes: cited/all', '')
  for (const file of files) {
    out.push(shownPath(file.filePath, options.cwd))
    out.push(`  Problems: ${problemsText(file)}`)
    out.push(`  Sources:  ${sourcesText(file, options.sources)}`)
  }
  if (files.length > 1) {
    out.push('Total')
    out.push(`  Problems: ${problemsText(totals)}`)
    out.push(`  Sources:  ${sourcesText(totals, options.sources)}`)
  }
  return `${out.join('\n')}\n`
}

/** Text made safe inside a Markdown line or table cell: inline Markdown punctuation and `|` escaped, `&` as an entity, no line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
}

/**
 * `--format markdown`: a heading, a GitHub table with a total row, then per
 * file its problems per rule and its sources.
 */
export function formatSummaryMarkdown(files: readonly FileCoverage[], totals: CoverageCounts, options: FormatOptions): string {
  const header = ['File', 'Prose paragraphs', 'Cited', 'Coverage', 'Quotations', 'Cited', 'References', 'Resolved', 'Notes', 'Cited', 'Problems', 'Dates']
  const align = header.map((_, i) => (i === 0 || i === header.length - 1 ? '---' : '---:'))
  const cells = (r: string[]): string => `| ${r.join(' | ')} |`
  const out = ['## Citation coverage', '', cells(header), cells(align)]
  for (const file of files) {
    const r = fullRow(shownPath(file.filePath, options.cwd), file)
    out.push(cells(r.map(escapeMarkdown)))
  }
  out.push(cells(fullRow(totalName(files), totals).map((cell) => `**${escapeMarkdown(cell)}**`)))
  out.push('')
  const code = (id: string): string => `\`${id}\``
  for (const file of files) {
    out.push(`**${escapeMarkdown(shownPath(file.filePath, options.cwd))}**`, '')
    out.push(`- Problems: ${problemsText(file, code)}`)
    out.push(`- Sources: ${sourcesText(file, options.sources, escapeMarkdown)}`)
    out.push('')
  }
  return `${out.join('\n').trimEnd()}\n`
}
