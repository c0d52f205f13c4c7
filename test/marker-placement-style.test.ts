/**
 * marker-placement's default style, `consistent`: the document's dominant
 * placement is learned and only deviations are reported; a gloss before
 * `!` is not misplaced; no dominant placement, no finding.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'

const notes = (count: number): string =>
  Array.from({length: count}, (_, i) => `[${i + 1}] Outlet ${i + 1}, May ${i + 1}, 2026.`).join('\n')
const lint = (body: string): string[] => {
  const count = (body.match(/\[\d+\]/g) ?? []).length
  return lintText(`${body}\n\n${notes(count)}\n`, {config: {rules: {'marker-placement': 'warn', 'uncited-quote': 'off'}}})
    .messages.filter((m) => m.ruleId === 'marker-placement')
    .map((m) => `${m.messageId} ${m.reason.match(/`[^`]+`/)?.[0]}`)
}

const cases: Array<[string, string, string[]]> = [
  ['before punctuation dominant: the one after is reported', 'Alpha[1]. Bravo[2]. Charlie[3]. Delta.[4]', ['beforePunctuation `[4]`']],
  ['after punctuation dominant: the one before is reported', 'Alpha.[1] Bravo.[2] Charlie.[3] Delta[4].', ['afterPunctuation `[4]`']],
  ['spaced dominant: the spaced ones pass, a glued one is no problem', 'Alpha. [1] Bravo. [2] Charlie. [3] Delta.[4]', []],
  ['glued dominant: a spaced one is reported', 'Alpha.[1] Bravo.[2] Charlie.[3] Delta. [4]', ['space `[4]`']],
  ['no dominant side: 2 against 1', 'Alpha[1]. Bravo.[2] Charlie.[3]', []],
  ['a gloss before `!` is not misplaced', 'Alpha.[1] Bravo.[2] Charlie.[3] cries of "Slava[4]! Slava!"', []],
  ['colons follow their own majority (AMA)', 'Alpha.[1] Bravo.[2] Charlie.[3] Delta[4]: Echo[5]; Foxtrot[6]: Golf.[7]', []]
]

for (const [name, body, expected] of cases) {
  test(name, () => {
    assert.equal(lint(body), expected)
  })
}

test.run()
