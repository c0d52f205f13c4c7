/**
 * Near-miss GFM definitions: `[1^]: note` (the caret after the label), which
 * GFM reads as a paragraph. The GFM convention proposes it as a malformed
 * note, the resolver keeps it only when a call `[^1]` it would define
 * exists, `broken-marker` reports it once with a fix, and neither
 * `undefined-reference` nor `unused-note` reports the same fault.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'
import {fixText} from '../src/engine/fix.js'

/** `rule line:column` of every message on `text`, linted as Markdown. */
function findings(text: string): string[] {
  return lintText(text, {filePath: 'r.md'}).messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)
}

const nearMiss = 'Costs rise.[^1] Images are signed.[^2]\n\n[1^]: Capers Jones, Applied Software Measurement, 1996.\n\n[2^] Sigstore, Cosign documentation, 2023.\n'

test('a near-miss definition is a malformed GFM note, with its meant label; no call resolves to it', () => {
  const {index} = lintText(nearMiss, {filePath: 'r.md'})
  assert.equal(index.notes.map((n) => [n.marker, n.label, n.style, n.syntax, n.meant, n.content]), [
    ['[1^]', '1^', 'malformed', 'gfm', '1', 'Capers Jones, Applied Software Measurement, 1996.'],
    ['[2^]', '2^', 'malformed', 'gfm', '2', 'Sigstore, Cosign documentation, 2023.']
  ])
  assert.equal(index.references.map((r) => [r.note, r.meantNote]), [[undefined, 0], [undefined, 1]])
})

test('broken-marker reports the definition, once; the calls and the note are not reported again', () => {
  const {messages} = lintText(nearMiss, {filePath: 'r.md'})
  assert.equal(messages.map((m) => [m.ruleId, m.line, m.column, m.message]), [
    ['broken-marker', 3, 1, 'Broken marker `[1^]`: a GFM footnote definition is written `[^label]:`, expected `[^1]:`'],
    ['broken-marker', 5, 1, 'Broken marker `[2^]`: a GFM footnote definition is written `[^label]:`, expected `[^2]:`']
  ])
  assert.ok(messages.every((m) => m.fix !== undefined))
})

test('the fix rewrites the label (adding a lost colon); the calls then resolve and nothing remains', () => {
  const {output, result} = fixText(nearMiss, {filePath: 'r.md'})
  assert.is(output, nearMiss.replace('[1^]:', '[^1]:').replace('[2^] ', '[^2]: '))
  assert.equal(result.messages, [])
  assert.equal(result.index.references.map((r) => r.note), [0, 1])
  assert.equal(result.index.notes.map((n) => n.style), ['caret', 'caret'])
})

test('other rules read the malformed note’s content as a note’s', () => {
  // (`[1^]: <https://...>` would be a link reference definition: no prose.)
  const text = 'A claim.[^1] Another.[^2]\n\n[1^] <https://example.org/report>\n\n[2^]: Reuters, 2015.\n'
  assert.equal(findings(text), ['broken-marker 3:1', 'url-only-source 3:1', 'broken-marker 5:1'])
})

test('definitions on consecutive lines of one paragraph are each a note', () => {
  const text = 'A.[^1] B.[^2]\n\n[1^]: Reuters, 2015.\n[2^]: AP, 2016.\n'
  const {index} = lintText(text, {filePath: 'r.md'})
  assert.equal(index.notes.map((n) => n.content), ['Reuters, 2015.', 'AP, 2016.'])
  assert.is(fixText(text, {filePath: 'r.md'}).output, 'A.[^1] B.[^2]\n\n[^1]: Reuters, 2015.\n[^2]: AP, 2016.\n')
})

test('only on evidence: without a call it would define, `[1^]:` and math `[x^2]:` are text', () => {
  assert.equal(findings('Let\n\n[x^2]: y be a square.\n\n[1^]: no call cites this.\n'), [])
  assert.equal(findings('A claim.[^2]\n\n[1^]: Reuters, 2015.\n'), ['undefined-reference 1:9'])
  // `[^1]` has its own definition: the near-miss fixes no call.
  assert.equal(findings('A claim.[^1]\n\n[^1]: AP, 2016.\n\n[1^]: Reuters, 2015.\n'), [])
})

test('never in code, in a sentence, or in a valid definition; in a block quote, as GFM reads definitions there', () => {
  assert.equal(findings('A claim.[^1]\n\n```\n[1^]: Reuters, 2015.\n```\n'), ['undefined-reference 1:9'])
  assert.equal(findings('A claim.[^1]\n\n    [1^]: Reuters, 2015.\n'), ['undefined-reference 1:9'])
  assert.equal(findings('A claim.[^1] See [1^]: Reuters, 2015.\n'), ['undefined-reference 1:9'])
  assert.equal(findings('A claim.[^1]\n\n> [1^]: Reuters, 2015.\n'), ['broken-marker 3:3'])
  assert.equal(findings('A claim.[^1]\n\n[^1]: Reuters, 2015.\n'), [])
})

test.run()
