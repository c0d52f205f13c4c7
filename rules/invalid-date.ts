/**
 * # invalid-date
 *
 * Checks that every date in a note exists: no `February 30, 2015`, no
 * `2015-13-01`, and no month name misspelled so that no date parses
 * (`Ocotber 7, 2015`). Dates are read by the note model (`src/models/dates.ts`,
 * strict date-fns formats): `October 7, 2015`, `7 October 2015`,
 * `Oct. 7, 2015`, `2015-10-07`, and `7/10/2015` only when the option
 * `dateOrder` says which number is the day.
 *
 * Why: a date that does not exist is a typo that hides the real date; the
 * reader cannot find the article, and date checks such as `future-source`
 * cannot read it.
 *
 * Fails:
 *
 *     [2] Fars (Iran), February 30, 2015.
 *
 * Passes:
 *
 *     [2] Fars (Iran), February 28, 2015.
 *
 * Options: `dateOrder` (default `none`): `day-month` reads `7/10/2015` as
 * 7 October, `month-day` as July 10; with `none` numeric dates are not read.
 *
 * Fixable: no (the intended date is a guess).
 */
import type {DateOrderOption} from '../src/models/dates.js'
import {validateDateOrder, withOrder} from '../src/models/dates.js'
import type {Rule} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'

/** Options of `invalid-date`. */
export interface InvalidDateOptions {
  readonly dateOrder: DateOrderOption
}

const rule: Rule<InvalidDateOptions> = {
  meta: {
    id: 'invalid-date',
    description: 'A date in a note must exist',
    severity: 'error',
    fix: 'none',
    messages: {
      day: 'Invalid date `{date}` in {note}: {month} {year} has {days} days, expected a day from 1 to {days}',
      monthName: 'Invalid date `{date}` in {note}: `{word}` is not a month, expected a month name such as `{expected}`',
      monthNumber: 'Invalid date `{date}` in {note}: there is no month {month}, expected a month from 1 to 12'
    },
    defaults: {dateOrder: 'none'},
    validate: (options) => validateDateOrder(options.dateOrder)
  },
  check(context) {
    for (const note of context.index.notes) {
      for (const found of context.noteFields[note.index]?.dates ?? []) {
        const problem = withOrder(found, context.options.dateOrder).problem
        if (!problem) continue
        const base = {date: found.text, note: noteName(note, context.index)}
        if (problem.kind === 'day') {
          context.report({
            messageId: 'day',
            data: {...base, month: problem.month, year: problem.year, days: problem.days},
            span: found.span
          })
        } else if (problem.kind === 'month-name') {
          context.report({messageId: 'monthName', data: {...base, word: problem.word, expected: problem.expected}, span: found.span})
        } else {
          context.report({messageId: 'monthNumber', data: {...base, month: problem.month}, span: found.span})
        }
      }
    }
  }
}

export default rule
