/**
 * A fault repeated across a file is one problem: the threshold of
 * `src/engine/repeated.ts`, the grouped message with every note as a
 * related place (SARIF `relatedLocations`), and `repeated: "list"`.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'
import {isRepeatedFault} from '../src/engine/repeated.js'
import {formatSarif} from '../src/report/sarif.js'

test('threshold: 10 notes always, 5 when they are half of the notes or more', () => {
  const cases: Array<[number, number, boolean]> = [
    [10, 400, true],
    [9, 400, false],
    [5, 10, true],
    [5, 11, false],
    [4, 4, false],
    [8, 10, true],
    [6, 113, false]
  ]
  assert.equal(
    cases.map(([count, total]) => isRepeatedFault(count, total)),
    cases.map(([, , expected]) => expected)
  )
})

const body = 'Turnout rose.[1] The party won.[2] Seats changed.[3] Few complaints.[4] Counting ended.[5] It meets in May.[6]'
const text = `${body}\n\nNotes\n\n[1] Provincial Gazette, April 12, 2026.\n${[2, 3, 4, 5, 6].map((n) => `[${n}], April ${n}, 2026.`).join('\n')}\n`
const only = (options?: Record<string, unknown>) => ({rules: {'empty-source': options ? (['error', options] as ['error', Record<string, unknown>]) : ('error' as const)}})

test('grouped: one message at the first note, the count in it, every note related', () => {
  const result = lintText(text, {filePath: 'r.txt', config: only()})
  const own = result.messages.filter((m) => m.ruleId === 'empty-source')
  assert.is(own.length, 1)
  assert.is(own[0]!.reason, 'Empty source in 5 of 6 notes (first `[2]`), expected an outlet, author or title in each')
  assert.equal(own[0]!.related?.map((r) => r.place.start.line), [6, 7, 8, 9, 10])
  const sarif = JSON.parse(formatSarif([{file: result.file, messages: own}], {cwd: process.cwd()})) as {
    runs: Array<{results: Array<{relatedLocations?: unknown[]}>}>
  }
  assert.is(sarif.runs[0]!.results[0]!.relatedLocations?.length, 5)
})

test('`repeated: "list"` reports each note', () => {
  const {messages} = lintText(text, {filePath: 'r.txt', config: only({repeated: 'list'})})
  assert.is(messages.filter((m) => m.ruleId === 'empty-source').length, 5)
})

test.run()
