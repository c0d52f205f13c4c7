/**
 * Citation coverage of one linted file: a report over the citation index,
 * the note model and the prose model (never a rule: a warning per uncited
 * paragraph would be noise). Definitions, as the README's "Coverage
 * summary" section documents them:
 *
 * - A note **names a source** when the note model reads it as `citation`,
 *   `discursive` or `url-only` (a URL locates its source; `url-only-source`
 *   warns about it separately), or as `ibid` after a note that names a
 *   source (its antecedent, as `ibid-without-antecedent` finds it). `author`
 *   notes (a symbol note about the authors, such as the byline `*`) and
 *   `empty` notes name none.
 * - A **prose paragraph** (the prose model's: a body paragraph of at least
 *   20 words, not a heading, not a note) is **cited** when one of its
 *   references resolves to a note that names a source. A broken or
 *   undefined marker does not resolve; a Markdown link is not a reference.
 * - A **direct quotation** (the prose model's) is **cited** when a reference
 *   that resolves to a note naming a source follows its opening mark within
 *   the sentences it spans: after or inside it, never before it, and never
 *   in the next sentence.
 * - **References**: every reference of the index (body and notes), and how
 *   many resolve to a note. **Notes**: every note, and how many are cited
 *   by at least one reference.
 * - **Sources**: per note that names one, the note model's outlet with its
 *   place in parentheses where given (`Al-Akhbar (Lebanon)`), counted per
 *   note. **Dates**: the range of the notes' day-precise dates (`2015-10-07`,
 *   not `October 2015`), access dates left out.
 */
import type {LintResult} from '../engine/engine.js'
import type {NoteFields} from '../models/note-model.js'
import {readingOrder} from '../models/reading-order.js'
import {isBrokenBackLink} from '../citation-index/names.js'
import type {CitationIndex} from '../citation-index/types.js'

/** The counts of one file, or of all files added up. */
export interface CoverageCounts {
  readonly paragraphs: {readonly prose: number; readonly cited: number}
  readonly quotations: {readonly total: number; readonly cited: number}
  readonly references: {readonly total: number; readonly resolved: number}
  readonly notes: {readonly total: number; readonly cited: number}
  /** Problems per rule id, after configuration and suppression comments. */
  readonly problems: Readonly<Record<string, number>>
  /** Sources named by notes with how many notes name each, most first, then by name. */
  readonly sources: readonly {readonly name: string; readonly count: number}[]
  /** First and last day-precise note date, ISO `YYYY-MM-DD`; `null` without dated notes. */
  readonly dates: {readonly from: string | null; readonly to: string | null}
}

/** Which paragraphs, quotations and notes count, for the HTML report; indexes as in the models. */
export interface CoverageDetail {
  /** Per prose-model paragraph: `true` cited, `false` uncited prose, `undefined` not prose. */
  readonly paragraphs: readonly (boolean | undefined)[]
  /** Per quotation: cited or not. */
  readonly quotations: readonly boolean[]
  /** Per note: names a source or not. */
  readonly sourced: readonly boolean[]
}

/** The coverage of one file. */
export interface FileCoverage extends CoverageCounts {
  /** The path as linted (relative to the working folder when given so). */
  readonly filePath: string
  /** The lint result it was computed from, kept only when asked (the HTML report needs the text and models). */
  readonly result?: LintResult
  readonly detail: CoverageDetail
}

/** Kinds of note that name a source of their own. */
const naming = new Set(['citation', 'discursive', 'url-only'])

/** Paragraph coverage in percent, `undefined` for a file without prose paragraphs. */
export function coveragePercent(counts: CoverageCounts): number | undefined {
  const {prose, cited} = counts.paragraphs
  return prose === 0 ? undefined : (cited * 100) / prose
}

/** The coverage of one lint result; keeps the result itself when `keepResult` is set. */
export function fileCoverage(result: LintResult, keepResult = false): FileCoverage {
  const {index, noteFields, prose} = result
  const sourced = sourcedNotes(index, noteFields)
  const citing = (reference: number): boolean => {
    const note = index.references[reference]?.note
    return note !== undefined && sourced[note] === true
  }

  const paragraphs = prose.paragraphs.map((paragraph) => (paragraph.prose ? paragraph.references.some(citing) : undefined))
  const quotations = prose.quotations.map((quotation) =>
    quotation.references.some(
      (i) => citing(i) && index.references[i]!.span.start.offset > quotation.span.start.offset
    )
  )

  const problems: Record<string, number> = {}
  for (const message of result.messages) {
    const id = message.ruleId ?? 'other'
    problems[id] = (problems[id] ?? 0) + 1
  }

  const sources = new Map<string, number>()
  const dates: string[] = []
  noteFields.forEach((fields) => {
    const name = sourceName(fields)
    if (name !== undefined) sources.set(name, (sources.get(name) ?? 0) + 1)
    const iso = fields.date && !fields.date.access ? fields.date.iso : undefined
    if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) dates.push(iso)
  })
  dates.sort()

  return {
    filePath: result.file.path || '<stdin>',
    paragraphs: {prose: paragraphs.filter((p) => p !== undefined).length, cited: paragraphs.filter((p) => p === true).length},
    quotations: {total: quotations.length, cited: quotations.filter(Boolean).length},
    // A broken back-link is reported (undefined-reference) but cites nothing: not counted as a reference.
    references: {total: index.references.filter((r) => !isBrokenBackLink(r, index)).length, resolved: index.references.filter((r) => r.note !== undefined).length},
    notes: {total: index.notes.length, cited: index.notes.filter((n) => n.references.length > 0).length},
    problems: sortedRecord(problems),
    sources: sortSources(sources),
    dates: {from: dates[0] ?? null, to: dates.at(-1) ?? null},
    ...(keepResult ? {result} : {}),
    detail: {paragraphs, quotations, sourced}
  }
}

/** All files added up: counts summed, sources merged, the widest date range. */
export function totalCoverage(files: readonly CoverageCounts[]): CoverageCounts {
  const sum = (pick: (f: CoverageCounts) => number): number => files.reduce((total, f) => total + pick(f), 0)
  const problems: Record<string, number> = {}
  const sources = new Map<string, number>()
  const from: string[] = []
  const to: string[] = []
  for (const file of files) {
    for (const [id, count] of Object.entries(file.problems)) problems[id] = (problems[id] ?? 0) + count
    for (const {name, count} of file.sources) sources.set(name, (sources.get(name) ?? 0) + count)
    if (file.dates.from !== null) from.push(file.dates.from)
    if (file.dates.to !== null) to.push(file.dates.to)
  }
  from.sort()
  to.sort()
  return {
    paragraphs: {prose: sum((f) => f.paragraphs.prose), cited: sum((f) => f.paragraphs.cited)},
    quotations: {total: sum((f) => f.quotations.total), cited: sum((f) => f.quotations.cited)},
    references: {total: sum((f) => f.references.total), resolved: sum((f) => f.references.resolved)},
    notes: {total: sum((f) => f.notes.total), cited: sum((f) => f.notes.cited)},
    problems: sortedRecord(problems),
    sources: sortSources(sources),
    dates: {from: from[0] ?? null, to: to.at(-1) ?? null}
  }
}

/** The source a note names, with its place: `Al-Akhbar (Lebanon)`; `undefined` when it names none. */
export function sourceName(fields: NoteFields): string | undefined {
  if (fields.source === undefined) return undefined
  return fields.place ? `${fields.source} (${fields.place})` : fields.source
}

/**
 * Per note, whether it names a source (see the module's documentation). An
 * `ibid` note takes its antecedent's answer: the note before it in reading
 * order (a notes list in document order per syntax; GFM footnotes in order
 * of first citation), skipping other `ibid` notes.
 */
export function sourcedNotes(index: CitationIndex, noteFields: readonly NoteFields[]): boolean[] {
  const sourced = index.notes.map((note) => naming.has(noteFields[note.index]?.kind ?? 'empty'))
  for (const notes of readingOrder(index)) {
    let antecedent = false
    for (const note of notes) {
      if (noteFields[note.index]?.kind === 'ibid') sourced[note.index] = antecedent
      else antecedent = sourced[note.index]!
    }
  }
  return sourced
}

function sortSources(sources: Map<string, number>): {name: string; count: number}[] {
  return [...sources]
    .map(([name, count]) => ({name, count}))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
