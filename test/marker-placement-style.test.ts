/**
 * marker-placement's default style, `consistent`: the document's dominant
 * placement is learned and only deviations are reported; a gloss before
 * `!`, `,` or `;` is not misplaced; colons and semicolons without a
 * majority of their own; references placed nowhere (a list's item, markup
 * debris, after `§`); no dominant placement, no finding. Each exemption
 * beside the look-alike that is still reported.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'

const notes = (count: number): string =>
  Array.from({length: count}, (_, i) => `[${i + 1}] Outlet ${i + 1}, May ${i + 1}, 2026.`).join('\n')
const lint = (body: string, style = 'consistent'): string[] => {
  const count = (body.match(/\[\d+\]/g) ?? []).length
  return lintText(`${body}\n\n${notes(count)}\n`, {config: {rules: {'marker-placement': ['warn', {style}], 'uncited-quote': 'off'}}})
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
  ['colons follow their own majority (AMA)', 'Alpha.[1] Bravo.[2] Charlie.[3] Delta[4]: Echo[5]; Foxtrot[6]: Golf.[7]', []],
  ['colons against their own majority are reported', 'Alpha.[1] Bravo.[2] Charlie.[3] Delta:[4] Echo:[5] Foxtrot:[6] Golf[7]: Hotel.', ['afterPunctuation `[7]`']],
  ['no colon majority after the other marks: before a colon is AMA', 'Alpha.[1] Bravo.[2] Charlie.[3] as follows[4]: Delta.', []],
  ['no colon majority before the other marks: after a colon is reported', 'Alpha[1]. Bravo[2]. Charlie[3]. as follows:[4] Delta.', ['beforePunctuation `[4]`']],
  ['a gloss before `;` inside its sentence', 'Alpha.[1] Bravo.[2] Charlie.[3] near Battle-bridge[4]; the second came.', []],
  ['look-alike of the gloss: before `.` is reported', 'Alpha.[1] Bravo.[2] Charlie.[3] near Battle-bridge[4]. The second came.', ['afterPunctuation `[4]`']],
  ['a reference after `, ` in place of an item closing a parenthesis', 'Alpha.[1] Bravo.[2] Charlie.[3] as held (California v. Prysock, [4]). Delta.', []],
  ['a reference after `, ` in place of an item closing the paragraph', 'Alpha.[1] Bravo.[2] Charlie.[3] published by Bantam Books, 1987, [4]', []],
  ['look-alike of the item: `word, [4] and` in a glued document is reported', 'Alpha.[1] Bravo.[2] Charlie.[3] Delta, [4] and Echo.', ['space `[4]`']],
  ['a group before `]]` is markup debris', 'Alpha.[1] Bravo.[2] Charlie.[3]\n\n, Golan Heights 1972-2007 [4][5]]]', []],
  ['a reference after `§ ` stands for its number', 'Alpha.[1] Bravo.[2] Charlie.[3] adapt and integrate § [4] as they occur.', []],
  ['look-alike of the sign: `claim [4].` in a glued document is reported', 'Alpha.[1] Bravo.[2] Charlie.[3] a claim [4]. Delta.', ['afterPunctuation `[4]`']],
  ['look-alike of the sign: a stray space mid-sentence in a glued document is reported', 'Alpha.[1] Bravo.[2] Charlie.[3] a claim [4] and more.', ['space `[4]`']],
  ['notes on a word before a comma are no evidence of a side: a sentence-end note after the period is not reported', 'Alpha[1], Bravo[2], Charlie[3], and Delta.[4] Echo.[5]', []],
  ['look-alike: before-punctuation shown at periods still reports one after a period', 'Alpha[1], Bravo[2]. Charlie[3]. Delta[4]. Echo.[5]', ['beforePunctuation `[5]`']]
]

for (const [name, body, expected] of cases) {
  test(name, () => {
    assert.equal(lint(body), expected)
  })
}

test('the fixed after-punctuation style still moves a reference before `;` and `:`', () => {
  assert.equal(lint('Alpha.[1] near Battle-bridge[2]; the second came, as follows[3]: Delta.', 'after-punctuation'), [
    'afterPunctuation `[2]`',
    'afterPunctuation `[3]`'
  ])
})

test('a reference placed nowhere is reported by no style', () => {
  for (const style of ['after-punctuation', 'before-punctuation']) {
    assert.equal(lint('Alpha.[1] as held (California v. Prysock, [2]). Bantam Books, 1987, [3]\n\nHeights [4]]]', style), style === 'after-punctuation' ? [] : ['beforePunctuation `[1]`'])
  }
})

test.run()
