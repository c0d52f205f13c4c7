/**
 * Dates as analysts write them: one regular expression finds the day, month
 * and year, and the day is checked against the calendar (date-fns's
 * `getDaysInMonth`: `February 30, 2015` is no date). Month names come from
 * date-fns's English locale, not from a table of our own.
 *
 * Forms read:
 * - `month-day-year`: `October 7, 2015`, `Oct. 7, 2015`, `Sept. 7, 2015`, `October 7th, 2015`
 * - `day-month-year`: `7 October 2015`, `7 Oct. 2015`
 * - `month-year`: `October 2015`
 * - `iso`: `2015-10-07`
 * - `numeric`: `7/10/2015`, `7.10.2015`; ambiguous, so read only with a
 *   configured order (`withOrder`)
 * - `year`: a bare year from 1500 to 2099
 *
 * A capitalised word shaped like a month that is no month but is close to
 * one (`Ocotber 7, 2015`) is a date whose month is misspelled: it is found,
 * and has a `problem`, so that no date parses from it silently.
 */
import {getDaysInMonth} from 'date-fns/getDaysInMonth'
import {enUS} from 'date-fns/locale/en-US'

/** How a date is written. */
export type DateForm = 'month-day-year' | 'day-month-year' | 'month-year' | 'iso' | 'numeric' | 'year'

/** The order of day and month in numeric dates such as `7/10/2015`. */
export type DateOrder = 'day-month' | 'month-day'

/** Why a date does not exist. */
export type DateProblem =
  /** The day is not in the month: `February 30, 2015` (`days` is how many the month has). */
  | {readonly kind: 'day'; readonly day: number; readonly month: string; readonly year: number; readonly days: number}
  /** A word in a month's place that is no month, closest to `expected`: `Ocotber`. */
  | {readonly kind: 'month-name'; readonly word: string; readonly expected: string}
  /** A month number above 12: `2015-13-01`, or `7/13/2015` read month first. */
  | {readonly kind: 'month-number'; readonly month: number}

/** A date found in a text. Offsets are UTF-16 indices into that text, end exclusive. */
export interface DateFound {
  readonly start: number
  readonly end: number
  /** As written. */
  readonly text: string
  readonly form: DateForm
  /**
   * The date in ISO 8601, as precise as written: `2015-10-07`, `2015-10`
   * (month-year) or `2015` (year). `undefined` when the date does not
   * exist, or for a numeric date read without an order.
   */
  readonly iso: string | undefined
  /** Set when the date does not exist. */
  readonly problem: DateProblem | undefined
  /** Whether an access word precedes it (`accessed`, `retrieved`, `archived ... on`): the date a page was read, not published. */
  readonly access: boolean
  /** Numeric form only: the two numbers before the year, as written. */
  readonly numbers?: readonly [number, number, number]
}

const monthWord = '\\p{Lu}\\p{L}{2,9}'
const ordinal = '(?:st|nd|rd|th)?'
/**
 * Date-shaped text; each alternative is checked afterwards. Every quantifier
 * is bounded, and alternatives start on different characters, so matching
 * is linear.
 */
const datePattern = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      `(?<mdy>(?<m1>${monthWord})\\.?\\s{1,3}(?<d1>\\d{1,2})${ordinal},?\\s{1,3}(?<y1>\\d{4}))`,
      `(?<dmy>(?<d2>\\d{1,2})${ordinal}\\s{1,3}(?<m2>${monthWord})\\.?,?\\s{1,3}(?<y2>\\d{4}))`,
      `(?<my>(?<m3>${monthWord})\\.?,?\\s{1,3}(?<y3>\\d{4}))`,
      '(?<iso>(?<y4>\\d{4})-(?<mo4>\\d{1,2})-(?<d4>\\d{1,2}))',
      '(?<num>(?<a5>\\d{1,2})(?<sep>[/.])(?<b5>\\d{1,2})\\k<sep>(?<y5>\\d{4}))',
      '(?<year>(?:1[5-9]|20)\\d{2})'
    ].join('|') +
    ')(?!\\p{N})',
  'gu'
)
const accessWord = /\b(?:accessed|access-?date|retrieved|archived|archive-?date|viewed|visited|consulted)\b/gi

/**
 * Whether the date starting at `start` in `text` is an access date: an
 * access word (`accessed`, `retrieved`, ...) ends at most 40 characters
 * before it, with no `.` or `;` in between (`Retrieved on 3 May 2020`).
 */
function isAccessDate(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start)
  const clause = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')) + 1)
  let end = -1
  for (const match of clause.matchAll(accessWord)) end = match.index + match[0].length
  return end >= 0 && clause.length - end <= 40
}

/** English month names from date-fns's locale: `January` ... `December`. */
const monthNames: readonly string[] = Array.from({length: 12}, (_, i) => String(enUS.localize.month(i as 0, {width: 'wide'})))

/**
 * The month (0 to 11) a word names, by date-fns's English month matcher
 * (full or abbreviated name, any case), or `undefined`. `Sept` is the one
 * abbreviation analysts use that date-fns does not know.
 */
export function monthOf(word: string): number | undefined {
  const name = /^sept$/i.test(word) ? 'Sep' : word
  for (const width of ['wide', 'abbreviated'] as const) {
    const found = enUS.match.month(name, {width})
    if (found && found.rest === '') return found.value
  }
  return undefined
}

/**
 * The month a misspelled word was probably meant to be (`Ocotber` ->
 * `October`): same first letter, and at most one edit away (two for words of
 * six letters or more; a transposition is one edit). `undefined` otherwise.
 */
export function misspelledMonth(word: string): string | undefined {
  if (word.length < 4) return undefined
  const lower = word.toLowerCase()
  const limit = lower.length >= 6 ? 2 : 1
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const name of monthNames) {
    const target = name.toLowerCase()
    if (target[0] !== lower[0]) continue
    const distance = editDistance(lower, target)
    if (distance <= limit && distance < bestDistance) {
      best = name
      bestDistance = distance
    }
  }
  return best
}

/**
 * Every date in `text`, in order. Spans listed in `skip` (URLs) are not
 * searched. Never throws.
 */
export function findDates(text: string, skip: ReadonlyArray<{readonly start: number; readonly end: number}> = []): DateFound[] {
  const found: DateFound[] = []
  datePattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = datePattern.exec(text))) {
    const start = match.index
    const end = start + match[0].length
    if (skip.some((s) => start < s.end && end > s.start)) {
      datePattern.lastIndex = start + 1
      continue
    }
    const date = read(match, text)
    if (!date) {
      // Not a date (`Reuters 7, 2015`): look again one character on, where
      // a shorter form (a bare year) may start.
      datePattern.lastIndex = start + 1
      continue
    }
    found.push(date)
  }
  return found
}

/** The first date in `text` if `text` starts with it (leading whitespace allowed). */
export function dateAtStart(text: string): DateFound | undefined {
  const lead = text.length - text.trimStart().length
  const first = findDates(text.slice(0, lead + 40))[0]
  return first && first.start === lead ? first : undefined
}

/**
 * A numeric date read with `order`: its ISO value, or a `problem` when no
 * such date exists (`31/2/2015`, `7/13/2015` read month first). Other forms
 * are returned unchanged.
 */
export function withOrder(date: DateFound, order: DateOrder | 'none'): DateFound {
  if (date.form !== 'numeric' || !date.numbers || order === 'none') return date
  const [a, b, year] = date.numbers
  const [day, month] = order === 'day-month' ? [a, b] : [b, a]
  if (month < 1 || month > 12) return {...date, problem: {kind: 'month-number', month}}
  const iso = isoDate(year, month - 1, day)
  if (iso) return {...date, iso}
  return {...date, problem: dayProblem(day, month - 1, year)}
}

/**
 * Whether ISO date `a` is after `b`, compared at the precision both have:
 * `2015-11` is after `2015-10-13`, `2015-10` is not.
 */
export function isoAfter(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length)
  return a.slice(0, length) > b.slice(0, length)
}

function read(match: RegExpExecArray, text: string): DateFound | undefined {
  const g = match.groups ?? {}
  const start = match.index
  const end = start + match[0].length
  const access = isAccessDate(text, start)
  const base = {start, end, text: match[0], access}

  if (g['mdy'] !== undefined || g['dmy'] !== undefined || g['my'] !== undefined) {
    const form = g['mdy'] !== undefined ? 'month-day-year' : g['dmy'] !== undefined ? 'day-month-year' : 'month-year'
    const word = g['m1'] ?? g['m2'] ?? g['m3'] ?? ''
    const year = Number(g['y1'] ?? g['y2'] ?? g['y3'])
    const month = monthOf(word)
    if (month === undefined) {
      // Only a day and a year make a misspelled word a date: `Issue 2015` is not one.
      const expected = form === 'month-year' ? undefined : misspelledMonth(word)
      if (!expected) return undefined
      return {...base, form, iso: undefined, problem: {kind: 'month-name', word, expected}}
    }
    // The regular expression has found the day, the month (by its English
    // name, with date-fns's en-US locale) and the year, however they are
    // punctuated (`October 12, 2015`, `12 Oct. 2015`, `5 January. 2016`);
    // date-fns checks that such a day exists, strictly.
    const day = form === 'month-year' ? 1 : Number(g['d1'] ?? g['d2'])
    const iso = isoDate(year, month, day)
    if (iso) return {...base, form, iso: form === 'month-year' ? iso.slice(0, 7) : iso, problem: undefined}
    return {...base, form, iso: undefined, problem: dayProblem(day, month, year)}
  }

  if (g['iso'] !== undefined) {
    const month = Number(g['mo4'])
    if (month < 1 || month > 12) return {...base, form: 'iso', iso: undefined, problem: {kind: 'month-number', month}}
    const iso = isoDate(Number(g['y4']), month - 1, Number(g['d4']))
    if (iso) return {...base, form: 'iso', iso, problem: undefined}
    return {...base, form: 'iso', iso: undefined, problem: dayProblem(Number(g['d4']), month - 1, Number(g['y4']))}
  }

  if (g['num'] !== undefined) {
    const numbers = [Number(g['a5']), Number(g['b5']), Number(g['y5'])] as const
    return {...base, form: 'numeric', iso: undefined, problem: undefined, numbers}
  }

  return {...base, form: 'year', iso: match[0], problem: undefined}
}

/** Days in `month` (0-based) of `year` in the proleptic Gregorian calendar (years 0 to 99 included). */
function daysIn(year: number, month: number): number {
  const first = new Date(2000, 0, 1)
  first.setFullYear(year, month, 1)
  return getDaysInMonth(first)
}

/**
 * `YYYY-MM-DD` for day `day` of `month` (0-based) in `year`, or `undefined`
 * when there is no such day (`February 30`, month 12). Strict: no rollover.
 */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(month >= 0 && month <= 11 && day >= 1 && day <= daysIn(year, month))) return undefined
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function dayProblem(day: number, month: number, year: number): DateProblem {
  return {kind: 'day', day, month: monthNames[month] ?? String(month + 1), year, days: daysIn(year, month)}
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1)
      rows[i]![j] = value
    }
  }
  return rows[a.length]![b.length]!
}

/** The `dateOrder` option of the date rules: how to read `7/10/2015`; `none` leaves such dates unread. */
export type DateOrderOption = DateOrder | 'none'

/** Validate a `dateOrder` option value; an error sentence, or `undefined` when valid. */
export function validateDateOrder(value: unknown): string | undefined {
  return value === 'none' || value === 'day-month' || value === 'month-day'
    ? undefined
    : '`dateOrder` must be "none", "day-month" or "month-day"'
}
