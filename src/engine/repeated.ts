/**
 * One fault repeated across a file is one problem. A rule that judges notes
 * one by one (`empty-source`, `url-only-source`) hands its findings here;
 * when many notes of the file share the fault, they are reported once, at
 * the first of them (in the notes section), with the count in the message
 * and every note as a related place (`related`, SARIF `relatedLocations`).
 * The option `repeated: "list"` reports them one by one instead.
 * (`url-only-source` first leaves out, by default, documents whose notes
 * are mostly bare links by design; see its documentation.)
 *
 * The threshold (`isRepeatedFault`) was set on the real corpus
 * (../shared/corpus/real, 175 files): files whose notes lost their text on
 * copy (encyclopedia copies) have 8 to 375 empty notes, 24 % to 100 % of
 * their notes; files with faults of single notes have at most 6, at most
 * 5 % of their notes, or fewer than 5 notes in all (a mueller OCR page with
 * 4 of 8). Grouping at 10 notes, or at 5 notes that are half of the notes
 * or more, separates the two with room on each side.
 */
import type {Report, RuleContext} from './rule.js'
import type {Note} from '../citation-index/types.js'

/**
 * Options of a rule whose findings may be grouped: note findings here, and
 * `uncited-quote`'s quotations (one finding per paragraph and per run of
 * list items, grouped by the rule itself).
 */
export interface RepeatedOptions {
  /** `group` (default): many notes with one fault give one finding; `list`: one finding per note. */
  readonly repeated: 'group' | 'list'
}

/** Default of `RepeatedOptions`. */
export const repeatedDefaults: RepeatedOptions = {repeated: 'group'}

/** Validation of `RepeatedOptions`: an error sentence, or `undefined`. */
export function validateRepeated(options: RepeatedOptions): string | undefined {
  return options.repeated === 'group' || options.repeated === 'list' ? undefined : '`repeated` must be "group" or "list"'
}

/** Fewest notes sharing a fault that always make it one finding. */
export const repeatedAlways = 10
/** Fewest notes sharing a fault that make it one finding when they are at least half of the notes. */
export const repeatedMostly = 5

/** Whether `count` of a file's `total` notes sharing a fault are one repeated fault. */
export function isRepeatedFault(count: number, total: number): boolean {
  return count >= repeatedAlways || (count >= repeatedMostly && count * 2 >= total)
}

/** A note's finding, as the rule would report it alone. */
export interface NoteFinding {
  readonly note: Note
  readonly report: Report
}

/**
 * Report note findings of one fault: one by one, or, when the fault repeats
 * (`isRepeatedFault`) and the option allows, once with `grouped` (given the
 * first finding's note and the count), the single findings as related places.
 */
export function reportNoteFindings(
  context: RuleContext<RepeatedOptions>,
  findings: readonly NoteFinding[],
  grouped: (first: Note, count: number, total: number) => Omit<Report, 'related' | 'span'>
): void {
  const total = context.index.notes.length
  const first = findings[0]
  if (!first || context.options.repeated === 'list' || !isRepeatedFault(findings.length, total)) {
    for (const finding of findings) context.report(finding.report)
    return
  }
  context.report({
    ...grouped(first.note, findings.length, total),
    span: first.report.span,
    related: findings.map(({report}) => ({span: report.span, messageId: report.messageId, ...(report.data ? {data: report.data} : {})}))
  })
}
