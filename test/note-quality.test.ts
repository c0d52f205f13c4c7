/**
 * The note-quality rules beyond the examples: marker-placement's fixes
 * (applied here with a small local helper: applying fixes belongs to the
 * CLI), rule options, and the note model in the JSON output.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Config} from '../src/engine/config.js'
import {ConfigError} from '../src/engine/config.js'
import type {CitelintMessage} from '../src/engine/engine.js'
import {lintText} from '../src/engine/engine.js'
import {rules} from '../src/engine/registry.js'
import {toJsonResult} from '../src/report/json.js'
import type {TextEdit} from '../src/engine/rule.js'
import {root} from './helpers.js'

const notes = (count: number): string =>
  Array.from({length: count}, (_, i) => `[${i + 1}] Source ${i + 1} (Iran), October ${i + 1}, 2015.`).join('\n')

function only(rule: string, options?: Record<string, unknown>): Config {
  return {rules: {[rule]: options ? ['warn', options] : 'warn', ...offExcept(rule)}}
}

function offExcept(rule: string): Record<string, 'off'> {
  return Object.fromEntries(rules.filter((r) => r.meta.id !== rule).map((r) => [r.meta.id, 'off'] as const))
}

/** Apply every fix of `messages` to `text`; edits must not overlap. */
function applyFixes(text: string, messages: readonly CitelintMessage[]): string {
  const edits: TextEdit[] = messages.flatMap((m) => m.fix?.edits ?? []).sort((a, b) => a.start - b.start)
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.end <= edits[i]!.start, 'edits do not overlap')
  let out = text
  for (const edit of [...edits].reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return out
}

const placements: Array<[string, 'after-punctuation' | 'before-punctuation', string, string]> = [
  ['marker before a period', 'after-punctuation', 'In Syria[1]. Then.[2]', 'In Syria.[1] Then.[2]'],
  ['marker group before a comma', 'after-punctuation', 'In Syria[1][2], then.[3]', 'In Syria,[1][2] then.[3]'],
  ['space before the marker', 'after-punctuation', 'In Syria. [1] Then.[2]', 'In Syria.[1] Then.[2]'],
  ['space and wrong side at once', 'after-punctuation', 'In Syria [1]. Then.[2]', 'In Syria.[1] Then.[2]'],
  ['marker after a closing quotation mark, before the period', 'after-punctuation', 'He said "no"[1]. Then.[2]', 'He said "no".[1] Then.[2]'],
  ['marker inside a quotation, before its period', 'after-punctuation', 'He said "no[1]." Then.[2]', 'He said "no."[1] Then.[2]'],
  ['space in mid-sentence', 'after-punctuation', 'Argentina [1] and Chile.[2]', 'Argentina[1] and Chile.[2]'],
  ['several on one line', 'after-punctuation', 'A[1]. B [2]. C. [3]', 'A.[1] B.[2] C.[3]'],
  ['before style: marker after a period', 'before-punctuation', 'In Syria.[1] Then[2].', 'In Syria[1]. Then[2].'],
  ['before style: space after a period', 'before-punctuation', 'In Syria. [1] Then[2].', 'In Syria[1]. Then[2].'],
  ['before style: abbreviation stays', 'before-punctuation', 'The U.S.[1] said so[2].', 'The U.S.[1] said so[2].'],
  ['before style: inside a closing quotation stays', 'before-punctuation', 'He said "no."[1] Then[2].', 'He said "no."[1] Then[2].']
]

for (const [name, style, body, fixed] of placements) {
  test(`marker-placement fix: ${name}`, () => {
    const count = (body.match(/\[\d\]/g) ?? []).length
    const text = `${body}\n\n${notes(count)}\n`
    const config = only('marker-placement', {style})
    const first = lintText(text, {config})
    const once = applyFixes(text, first.messages)
    assert.is(once, `${fixed}\n\n${notes(count)}\n`)
    const again = lintText(once, {config})
    assert.equal(again.messages.map((m) => m.reason), [], 'the fixed text gives no finding')
    assert.is(applyFixes(once, again.messages), once, 'fixing twice changes nothing')
  })
}

test('marker-placement: every fix is offered with meta.fix safe', () => {
  const {messages} = lintText(`In Syria[1]. Then. [2]\n\n${notes(2)}\n`, {config: only('marker-placement', {style: 'after-punctuation'})})
  assert.is(messages.length, 2)
  assert.ok(messages.every((m) => m.fix && m.fix.edits.length === 1))
})

test('marker-placement: a bad style is a configuration error', () => {
  assert.throws(() => lintText('x', {config: only('marker-placement', {style: 'inside'})}), (error: unknown) => error instanceof ConfigError)
})

test('invalid-date and future-source read numeric dates only with dateOrder', () => {
  const text = 'October 13, 2015 Dispatch\n\nIn Syria.[1] In Iraq.[2]\n\n[1] Fars (Iran), 7/10/2015.\n[2] Fars (Iran), 31/10/2015.\n'
  const run = (rule: string, dateOrder?: string): string[] =>
    lintText(text, {config: only(rule, dateOrder ? {dateOrder} : undefined)}).messages.map((m) => m.reason)
  assert.equal(run('invalid-date'), [])
  assert.equal(run('future-source'), [])
  assert.equal(run('invalid-date', 'day-month'), [])
  assert.equal(run('invalid-date', 'month-day'), [
    'Invalid date `31/10/2015` in note `[2]`: there is no month 31, expected a month from 1 to 12'
  ])
  assert.equal(run('future-source', 'day-month'), [
    'Future date `31/10/2015` in note `[2]`: the report is dated October 13, 2015, expected a source published by then'
  ])
  assert.equal(run('future-source', 'month-day'), [])
  assert.throws(() => run('invalid-date', 'year-first'), (error: unknown) => error instanceof ConfigError)
})

test('future-source: a bare year is not a note date', () => {
  const text = 'October 13, 2015 Dispatch\n\nIn Syria.[1]\n\n[1] Smith, Iran Yearbook, at 2019.\n'
  assert.equal(lintText(text, {config: only('future-source')}).messages, [])
})

test('future-source is silent without a report date', () => {
  const {messages} = lintText('Report\n\nIn Syria.[1]\n\n[1] Fars (Iran), October 7, 2099.\n', {config: only('future-source')})
  assert.equal(messages, [])
})

test('ibid-without-antecedent: an author note before the first note is no antecedent', () => {
  const text = 'By A. Roe*\n\nIn Syria.[1] In Iraq.[2]\n\n* A. Roe is a fellow.\n\n[1] Ibid.\n[2] Ibid.\n'
  const {messages} = lintText(text, {config: only('ibid-without-antecedent')})
  assert.equal(
    messages.map((m) => m.reason),
    ['Ibid without antecedent in note `[1]`: it is the first note, expected the source it repeats']
  )
})

test('duplicate-source: different pages after the date are different sources', () => {
  const text = 'A.[1] B.[2] C.[3]\n\n[1] Ozoglu, Kurdish Notables. February 2004. Pg 95.\n[2] Ozoglu, Kurdish Notables. February 2004. Pg 75.\n[3] Ozoglu, Kurdish Notables. February 2004. Pg 75.\n'
  const {messages} = lintText(text, {config: only('duplicate-source')})
  assert.equal(
    messages.map((m) => [m.reason, (m.cause as CitelintMessage | undefined)?.reason]),
    [['Duplicate source in note `[3]`: note `[2]` names the same source and date, expected one note cited twice', 'First note `[2]` with this source is here']]
  )
})

test('duplicate-source: a repeated author-date short form is not a duplicate; repeated full citations still are', () => {
  const short = 'A.[1] B.[2] C.[3] D.[4]\n\n[1] Forshaw & Smith 2009\n[2] Rothman 2006, pp. 112f.\n[3] Forshaw & Smith 2009\n[4] Rothman 2006, pp. 112f.\n'
  assert.equal(lintText(short, {config: only('duplicate-source')}).messages, [])
  const full = 'A.[1] B.[2]\n\n[1] Forshaw, Jeffrey; Smith, Gavin (2009). Dynamics and Relativity. Wiley. https://example.org/dynamics\n[2] Forshaw, Jeffrey; Smith, Gavin (2009). Dynamics and Relativity. Wiley. https://example.org/dynamics\n'
  assert.equal(
    lintText(full, {config: only('duplicate-source')}).messages.map((m) => m.reason),
    ['Duplicate source in note `[2]`: note `[1]` names the same source and date, expected one note cited twice']
  )
})

test('uncited-quote: a Markdown link in the paragraph cites the quotation', () => {
  const body = 'The sponsor argued that "global elites want to control what we eat" in a long post on the platform, and many readers shared it widely'
  // A second paragraph cited by a note gives the document its citation apparatus.
  const cited = '\n\nThe committee met on Monday and agreed to hear the minister within the week, as the speaker had asked in his letter to the cabinet.[^1]\n\n[^1]: Fars (Iran), March 2, 2026.\n'
  const linked = lintText(`${body} ([source](https://x.org/a)).${cited}`, {filePath: 'a.md', config: only('uncited-quote')})
  const bare = lintText(`${body}.${cited}`, {filePath: 'a.md', config: only('uncited-quote')})
  assert.equal([linked.messages.length, bare.messages.length], [0, 1])
})

/** The grouped quotations example: a paragraph of three uncited quotations, a list of three uncited items, one single uncited quotation. */
const grouped = readFileSync(path.join(root, 'examples/uncited-quote-grouped.md'), 'utf8')
const placeOf = (m: {place?: unknown}): string => {
  const place = m.place as {start: {line: number; column: number}}
  return `${place.start.line}:${place.start.column}`
}

test('uncited-quote: one finding per paragraph and per run of list items, the other quotations as related places', () => {
  const {messages} = lintText(grouped, {filePath: 'a.md', config: only('uncited-quote')})
  assert.equal(
    messages.map((m) => [placeOf(m), m.messageId, (m.related ?? []).map((r) => `${r.place.start.line}:${r.place.start.column}`)]),
    [
      ['7:51', 'uncitedParagraph', ['8:30', '9:12']],
      ['13:44', 'uncitedItems', ['16:43', '19:39']],
      ['23:38', 'uncited', []]
    ]
  )
  assert.match(messages[0]!.reason, /… \(10 words\) and 2 more in this paragraph: /)
  assert.is((messages[0]!.cause as CitelintMessage | undefined)?.reason, 'Uncited quotation `"the size of the net produce`… (9 words), in the same paragraph as the first')
})

test('uncited-quote: a cited item ends the run of list items', () => {
  const text = grouped.replace('of their equipment."', 'of their equipment."[^4]')
  const {messages} = lintText(text, {filePath: 'a.md', config: only('uncited-quote')})
  assert.equal(
    messages.map((m) => [placeOf(m), m.messageId]),
    [
      ['7:51', 'uncitedParagraph'],
      ['13:44', 'uncited'],
      ['19:39', 'uncited'],
      ['23:38', 'uncited']
    ]
  )
})

test('uncited-quote: `repeated: "list"` reports every quotation at its own place', () => {
  const {messages} = lintText(grouped, {filePath: 'a.md', config: only('uncited-quote', {repeated: 'list'})})
  assert.equal(
    messages.map((m) => [placeOf(m), m.messageId]),
    ['7:51', '8:30', '9:12', '13:44', '16:43', '19:39', '23:38'].map((place) => [place, 'uncited'])
  )
})

test('JSON output: notes only with includeNotes', () => {
  const text = 'In Syria.[1] Then.[2]\n\n[1] Al-Akhbar (Lebanon), October 12, 2015.\n[2] https://example.org/a\n'
  const result = lintText(text, {filePath: 'report.txt'})
  assert.is(toJsonResult(result).notes, undefined)
  assert.equal(toJsonResult(result, {includeNotes: true}).notes, [
    {
      label: '1',
      line: 3,
      column: 1,
      kind: 'citation',
      source: 'Al-Akhbar',
      place: 'Lebanon',
      date: {text: 'October 12, 2015', iso: '2015-10-12', valid: true},
      url: null
    },
    {label: '2', line: 4, column: 1, kind: 'url-only', source: null, place: null, date: null, url: 'https://example.org/a'}
  ])
})

test.run()
