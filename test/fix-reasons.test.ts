/**
 * Why a fixable finding got no fix: the rule withholds it (note-order while
 * a numbered reference resolves nowhere, marker-placement before an
 * escaping backslash), the engine drops a fix that does not fit, or a fix
 * pass is dropped because the re-parsed text changed its references. `--fix`
 * says it in the message, `--fix-dry-run` on standard error (the language
 * server: test/lsp.test.ts). And the marker-placement message names the
 * space its fix removes.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'
import {fixText} from '../src/engine/fix.js'
import type {ResolvedRule} from '../src/engine/config.js'
import type {Rule} from '../src/engine/rule.js'
import {runCli} from './helpers.js'

const unresolved = 'Moscow agreed.[2] Tehran denied it.[1] See [7].\n\n[2] Reuters, 2015.\n\n[1] AP, 2015.\n'
const withheld = 'renumbering is withheld while reference `[7]` resolves to no note, as it could end up pointing to another note'

test('note-order says why it withholds renumbering', () => {
  const {messages} = lintText(unresolved, {filePath: 'r.txt'})
  const order = messages.filter((m) => m.ruleId === 'note-order')
  assert.is(order.length, 2)
  for (const message of order) assert.equal([message.fix, message.fixWithheld], [undefined, withheld])
  const twice = lintText('A.[2] B.[1]\n\n[2] X, 2015.\n\n[1] Y, 2015.\n\n[1] Z, 2016.\n', {filePath: 'r.txt'}).messages
  assert.ok(twice.filter((m) => m.ruleId === 'note-order').every((m) => m.fixWithheld === 'renumbering is withheld while note `[1]` is defined twice, as references could end up pointing elsewhere'))
})

test('marker-placement says why it gives no fix before an escaping backslash, and names the space it removes', () => {
  const escaped = lintText('A path C:\\ [^1] here. One.[^2] Two.[^3] Three.[^4]\n\n[^1]: A, 2015.\n[^2]: B, 2015.\n[^3]: C, 2015.\n[^4]: D, 2015.\n', {filePath: 'r.md'})
  const space = escaped.messages.find((m) => m.ruleId === 'marker-placement')!
  assert.equal([space.reason, space.fix, space.fixWithheld], [
    'Detached reference `[^1]`: a space separates it from the text it cites, expected no space before it',
    undefined,
    'removing the space would put `[^1]` right after a backslash, which escapes it in Markdown'
  ])
  const moved = lintText('Iran agreed in Syria [1]. Moscow agreed.[2] Ankara objected.[3] Paris too.[4]\n\n[1] A, 2015.\n\n[2] B, 2015.\n\n[3] C, 2015.\n\n[4] D, 2015.\n', {filePath: 'r.txt'})
  assert.equal(
    moved.messages.map((m) => m.reason),
    ['Misplaced reference `[1]`: it comes after a space and before `.`, expected `.[1]`']
  )
  const wide = lintText('Syria.  [1] Moscow agreed.[2] Ankara objected.[3] Paris too.[4]\n\n[1] A, 2015.\n\n[2] B, 2015.\n\n[3] C, 2015.\n\n[4] D, 2015.\n', {filePath: 'r.txt'})
  assert.equal(wide.messages.map((m) => m.reason), ['Detached reference `[1]`: 2 spaces separate it from the text it cites, expected no space before it'])
})

test('the engine says why it dropped a fix that does not fit', () => {
  const rule: Rule = {
    meta: {id: 'test-fix', description: 'Test rule', severity: 'warn', fix: 'safe', messages: {bad: 'Bad'}, defaults: {}},
    check(context) {
      const reference = context.index.references[0]
      if (reference) context.report({messageId: 'bad', span: reference.span, fix: {edits: [{start: 0, end: 3, text: ''}, {start: 1, end: 2, text: ''}]}})
    }
  }
  const rules: ResolvedRule[] = [{rule, severity: 1, options: {}}]
  const [message] = lintText('A.[^1]\n\n[^1]: X, 2015.\n', {filePath: 'r.md', rules}).messages
  assert.is(message!.fixWithheld, 'the rule’s fix has overlapping edits or edits outside the text, a citelint bug')
})

test('a dropped fix pass says why on the messages whose fixes it held', () => {
  // A fix that escapes the reference away: the pass re-parses to fewer references.
  const rule: Rule = {
    meta: {id: 'test-fix', description: 'Test rule', severity: 'warn', fix: 'safe', messages: {bad: 'Bad'}, defaults: {}},
    check(context) {
      const reference = context.index.references[0]
      if (reference) context.report({messageId: 'bad', span: reference.span, fix: {edits: [{start: reference.span.start.offset, end: reference.span.start.offset, text: '\\'}]}})
    }
  }
  const text = 'A claim.[^1]\n\n[^1]: Alpha News, May 1, 2026.\n'
  const fixed = fixText(text, {filePath: 'r.md', rules: [{rule, severity: 1, options: {}}]})
  assert.is(fixed.changed, false)
  assert.is(fixed.result.messages[0]!.fixWithheld, 'the fix pass it was in was dropped, because the fixed text re-parsed to different references or notes')
})

test('--fix says why in the message; --fix-dry-run on standard error', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-reasons-'))
  const file = path.join(dir, 'report.txt')
  writeFileSync(file, unresolved)
  const dry = await runCli(['report.txt', '--fix-dry-run'], dir)
  assert.is(dry.out, '')
  assert.equal(dry.err.split('\n').filter((line) => line.includes('not fixed')), [
    `citelint: report.txt:1:36: note-order not fixed: ${withheld}`,
    `citelint: report.txt:5:1: note-order not fixed: ${withheld}`
  ])
  const fix = await runCli(['report.txt', '--fix', '--format', 'json'], dir)
  const [result] = JSON.parse(fix.out) as Array<{messages: Array<{ruleId: string; message: string}>}>
  assert.equal(
    result!.messages.filter((m) => m.ruleId === 'note-order').map((m) => m.message.endsWith(` (not fixed: ${withheld})`)),
    [true, true]
  )
  assert.is(readFileSync(file, 'utf8'), unresolved)
})

test.run()
