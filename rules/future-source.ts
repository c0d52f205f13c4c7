/**
 * # future-source
 *
 * Checks that no note is dated after the report itself. The report's date
 * comes from the prose model: front matter `date:` in Markdown, or the
 * dateline that starts the first line of a plain-text report
 * (`October 13, 2015 Inquiry & Analysis Series No. 1191`). Without a report
 * date, or with one that does not exist, the rule is silent. Dates are
 * compared at the precision both have: a note dated `October 2015` is not
 * after a report dated October 13, 2015. Access dates (`retrieved ...`) are
 * not the note's date, and a bare year is not read as one (it is as often a
 * page or a series number: `at 2019`, `No. 2031`).
 *
 * Why: a report cannot cite what was published after it; such a date is
 * almost always a typo (a wrong year or month) that sends the reader to the
 * wrong article.
 *
 * Fails (report dated October 13, 2015):
 *
 *     [5] ISNA (Iran), November 7, 2015.
 *
 * Passes:
 *
 *     [5] ISNA (Iran), October 7, 2015.
 *
 * Options: `dateOrder` (default `none`): how to read numeric dates such as
 * `7/10/2015` (`day-month` or `month-day`); with `none` they are not read.
 *
 * Fixable: no (the intended date is a guess).
 */
import type {DateOrderOption} from '../src/models/dates.js'
import {isoAfter, validateDateOrder, withOrder} from '../src/models/dates.js'
import type {Rule} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'

/** Options of `future-source`. */
export interface FutureSourceOptions {
  readonly dateOrder: DateOrderOption
}

const rule: Rule<FutureSourceOptions> = {
  meta: {
    id: 'future-source',
    description: 'A note must not be dated after the report',
    severity: 'warn',
    fix: 'none',
    messages: {
      future: 'Future date `{date}` in {note}: the report is dated {reportDate}, expected a source published by then',
      reportDate: 'Report date `{date}` is here'
    },
    defaults: {dateOrder: 'none'},
    validate: (options) => validateDateOrder(options.dateOrder)
  },
  check(context) {
    const report = context.prose.reportDate
    if (!report) return
    const reportIso = withOrder(report.date, context.options.dateOrder).iso
    if (!reportIso) return
    for (const note of context.index.notes) {
      const date = context.noteFields[note.index]?.date
      if (!date || date.access || date.form === 'year') continue
      const iso = withOrder(date, context.options.dateOrder).iso
      if (!iso || !isoAfter(iso, reportIso)) continue
      context.report({
        messageId: 'future',
        data: {date: date.text, note: noteName(note, context.index), reportDate: report.date.text},
        span: date.span,
        related: {span: report.span, messageId: 'reportDate', data: {date: report.date.text}}
      })
    }
  }
}

export default rule
