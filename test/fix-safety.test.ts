/**
 * Fix safety: a fix whose edits overlap or lie outside the text is dropped
 * (the finding stays), a fix pass that loses, adds or redirects a reference
 * is not applied, nested notes are relabelled in place, references inside
 * link text are renumbered, and `--stdin --fix` gives the input back when
 * citelint fails on it (breaker report 3, items 3, 4, 6 and 7).
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {ResolvedRule} from '../src/engine/config.js'
import {editsFit} from '../src/engine/edits.js'
import {lintText} from '../src/engine/engine.js'
import type {CitelintMessage} from '../src/engine/engine.js'
import {applyFixes, fixText} from '../src/engine/fix.js'
import type {Fix, Rule} from '../src/engine/rule.js'
import noteOrder from '../rules/note-order.js'
import {runCli} from './helpers.js'

const gfmOrder = {rules: {'note-order': ['warn', {gfm: true}] as ['warn', {gfm: boolean}]}}

/** `line:column ruleId reason` and whether the message carries a fix. */
function shown(messages: readonly CitelintMessage[]): string[] {
  return messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fix ? 'fix' : 'no fix'}`)
}

/** A rule reporting the first reference with the fix `make` builds from the text and that reference's span. */
function ruleOffering(make: (text: string, start: number, end: number) => Fix): ResolvedRule {
  const rule: Rule = {
    meta: {id: 'test-fix', description: 'Test rule', severity: 'warn', fix: 'safe', messages: {bad: 'Bad `{marker}`'}, defaults: {}},
    check(context) {
      const reference = context.index.references[0]
      if (!reference) return
      const text = String(context.file.value)
      context.report({
        messageId: 'bad',
        data: {marker: reference.marker},
        span: reference.span,
        fix: make(text, reference.span.start.offset, reference.span.end.offset)
      })
    }
  }
  return {rule, severity: 1, options: {}}
}

const twoNotes = 'A claim.[^1] Another.[^2]\n\n[^1]: Alpha News, May 1, 2026.\n[^2]: Beta Times, May 2, 2026.\n'

test('editsFit: overlapping, reversed, fractional or out-of-text edits do not fit; touching edits and insertions do', () => {
  assert.ok(editsFit([{start: 0, end: 2, text: 'x'}, {start: 2, end: 4, text: 'y'}, {start: 4, end: 4, text: 'z'}, {start: 4, end: 4, text: 'w'}], 6))
  assert.not.ok(editsFit([{start: 0, end: 3, text: ''}, {start: 2, end: 4, text: ''}], 6))
  assert.not.ok(editsFit([{start: 3, end: 2, text: ''}], 6))
  assert.not.ok(editsFit([{start: 5, end: 7, text: ''}], 6))
  assert.not.ok(editsFit([{start: -1, end: 0, text: ''}], 6))
  assert.not.ok(editsFit([{start: 1.5, end: 2, text: ''}], 6))
  // Offsets counted from a base, as note-order uses it on a note's text.
  assert.ok(editsFit([{start: 10, end: 16, text: ''}], 6, 10))
  assert.not.ok(editsFit([{start: 9, end: 10, text: ''}], 6, 10))
})

test('applyFixes skips a fix whose own edits overlap or lie outside the text, instead of throwing', () => {
  const overlapping: Fix = {edits: [{start: 0, end: 3, text: 'X'}, {start: 2, end: 4, text: 'Y'}]}
  const outside: Fix = {edits: [{start: 5, end: 9, text: 'Z'}]}
  const good: Fix = {edits: [{start: 5, end: 6, text: 'F'}]}
  assert.equal(applyFixes('abcdef', [overlapping, outside, good]), {text: 'abcdeF', applied: 1})
})

test('a rule fix with overlapping edits is dropped: the finding stays, fixing changes nothing and does not throw', () => {
  const rules = [ruleOffering((_, start, end) => ({edits: [{start, end, text: '[^2]'}, {start: start + 1, end: end + 3, text: ''}]}))]
  const {messages} = lintText(twoNotes, {filePath: 'r.md', rules})
  assert.equal(shown(messages), ['1:9 test-fix no fix'])
  assert.is(messages[0]!.reason, 'Bad `[^1]`')
  const fixed = fixText(twoNotes, {filePath: 'r.md', rules})
  assert.equal([fixed.output, fixed.changed, shown(fixed.result.messages)], [twoNotes, false, ['1:9 test-fix no fix']])
})

test('a rule fix with an edit outside the text is dropped, the finding stays', () => {
  const rules = [ruleOffering((text) => ({edits: [{start: text.length - 1, end: text.length + 4, text: ''}]}))]
  assert.equal(shown(lintText(twoNotes, {filePath: 'r.md', rules}).messages), ['1:9 test-fix no fix'])
})

test('a fix pass that escapes a reference away is not applied', () => {
  // A backslash before `[^1]` makes it literal text: the reference is gone.
  const rules = [ruleOffering((_, start) => ({edits: [{start, end: start, text: '\\'}]}))]
  const fixed = fixText(twoNotes, {filePath: 'r.md', rules})
  assert.equal([fixed.output, fixed.changed], [twoNotes, false])
})

test('a fix pass that points a reference at another note is not applied', () => {
  const rules = [ruleOffering((_, start, end) => ({edits: [{start, end, text: '[^2]'}]}))]
  assert.equal(fixText(twoNotes, {filePath: 'r.md', rules}).output, twoNotes)
})

test('a fix pass that adds a reference is not applied', () => {
  const rules = [ruleOffering((_, __, end) => ({edits: [{start: end, end, text: '[^2]'}]}))]
  assert.equal(fixText(twoNotes, {filePath: 'r.md', rules}).output, twoNotes)
})

test('a fix pass that changes a note’s text is not applied; one that only relabels and moves notes is', () => {
  const rules = [ruleOffering((text) => ({edits: [{start: text.indexOf('Alpha'), end: text.indexOf('Alpha') + 5, text: 'Gamma'}]}))]
  assert.equal(fixText(twoNotes, {filePath: 'r.md', rules}).output, twoNotes)
  const swapped = 'A claim.[^2] Another.[^1]\n\n[^1]: Alpha News, May 1, 2026.\n[^2]: Beta Times, May 2, 2026.\n'
  assert.is(
    fixText(swapped, {filePath: 'r.md', config: gfmOrder}).output,
    'A claim.[^1] Another.[^2]\n\n[^1]: Beta Times, May 2, 2026.\n[^2]: Alpha News, May 1, 2026.\n'
  )
})

const nested = 'A.[^2]\n\n[^2]: [^1]: Alpha, May 1, 2026.\n'
const nestedFixed = 'A.[^1]\n\n[^1]: [^2]: Alpha, May 1, 2026.\n'

test('note-order: a definition nested in a definition is relabelled in place, not moved (no overlapping edits)', () => {
  const {messages} = lintText(nested, {filePath: 'm.md', config: gfmOrder})
  assert.equal(shown(messages), ['3:7 note-order fix', '3:7 unused-note no fix'])
  assert.equal(messages[0]!.fix!.edits, [
    {start: 4, end: 5, text: '1'},
    {start: 10, end: 11, text: '1'},
    {start: 16, end: 17, text: '2'}
  ])
  const fixed = fixText(nested, {filePath: 'm.md', config: gfmOrder})
  assert.is(fixed.output, nestedFixed)
  assert.equal(shown(fixed.result.messages), ['3:7 unused-note no fix'])
})

test('note-order: a reference inside a nested definition is relabelled with it', () => {
  const text = 'A.[^2] B.[^3]\n\n[^3]: [^1]: Alpha, May 1, 2026. See [^2].\n\n[^2]: Beta, May 2, 2026.\n'
  assert.is(
    fixText(text, {filePath: 'm.md', config: gfmOrder}).output,
    'A.[^1] B.[^2]\n\n[^2]: [^3]: Alpha, May 1, 2026. See [^1].\n\n[^1]: Beta, May 2, 2026.\n'
  )
})

test('CLI: --fix and --fix-dry-run on a nested definition fix it; --stdin --fix prints the fixed text', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-nested-'))
  writeFileSync(path.join(dir, '.citelintrc.json'), JSON.stringify(gfmOrder))
  writeFileSync(path.join(dir, 'm.md'), nested)
  const dry = await runCli(['m.md', '--fix-dry-run'], dir)
  // The nested note is relabelled in place, not moved: its out-of-order warning is left.
  assert.equal([dry.code, dry.err], [0, 'citelint: 1 warning left after the fixes (run without --fix-dry-run to see them)\n'])
  assert.ok(dry.out.includes('\n-[^2]: [^1]: Alpha, May 1, 2026.\n+[^1]: [^2]: Alpha, May 1, 2026.\n'), dry.out)
  const stdin = await runCli(['--stdin', '--stdin-filename', 'm.md', '--fix'], dir, nested)
  assert.equal([stdin.code, stdin.out, stdin.err], [0, nestedFixed, ''])
})

test('marker-placement: no fix puts a marker right after an escaping backslash (Markdown)', () => {
  // The fixed style: these texts hold too few references for `consistent` to learn one.
  const config = {rules: {'marker-placement': ['warn', {style: 'after-punctuation'}] as ['warn', {style: string}]}}
  const text = 'Files live under C:\\ [^1] on the server.\n\n[^1]: Alpha, May 1, 2026.\n'
  assert.equal(shown(lintText(text, {filePath: 'bs.md', config}).messages), ['1:22 marker-placement no fix'])
  assert.equal(fixText(text, {filePath: 'bs.md', config}).output, text)
  const before = {rules: {'marker-placement': ['warn', {style: 'before-punctuation'}] as ['warn', {style: string}]}}
  const period = 'Files live under C:\\.[^1] on the server.\n\n[^1]: Alpha, May 1, 2026.\n'
  assert.equal(shown(lintText(period, {filePath: 'bs.md', config: before}).messages), ['1:22 marker-placement no fix'])
  // Two backslashes escape each other: the marker stays a reference, so the fix is offered.
  const double = 'Files live under C:\\\\ [^1] on the server.\n\n[^1]: Alpha, May 1, 2026.\n'
  assert.is(fixText(double, {filePath: 'bs.md', config}).output, double.replace('\\\\ [^1]', '\\\\[^1]'))
  // Plain text has no escapes.
  const plain = 'Files live under C:\\ [1] on the server.\n\n[1] Alpha, May 1, 2026.\n'
  assert.is(fixText(plain, {filePath: 'bs.txt', config}).output, plain.replace('\\ [1]', '\\[1]'))
})

test('a GFM call inside link text is a reference: cited, renumbered, no unused note', () => {
  const text = 'Only in link: [the report[^1]](https://e.com/r).\n\n[^1]: Alpha News, March 1, 2026.\n'
  const {messages, index} = lintText(text, {filePath: 'l.md'})
  assert.equal(shown(messages), [])
  assert.equal(index.references.map((r) => [r.marker, r.span.start.line, r.span.start.column, r.note]), [['[^1]', 1, 26, 0]])
  const swapped = 'Claim one.[^2] Claim two.[^1] See [the report[^1]](https://e.com/r).\n\n[^1]: Alpha News, March 1, 2026.\n[^2]: Beta Times, March 2, 2026.\n'
  assert.is(
    fixText(swapped, {filePath: 'l.md', config: gfmOrder}).output,
    'Claim one.[^1] Claim two.[^2] See [the report[^2]](https://e.com/r).\n\n[^1]: Beta Times, March 2, 2026.\n[^2]: Alpha News, March 1, 2026.\n'
  )
})

test('--stdin --fix: on an internal error the input goes back unchanged and the error names the file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-stdin-fail-'))
  writeFileSync(path.join(dir, '.citelintrc.json'), JSON.stringify(gfmOrder))
  const check = noteOrder.check
  // A failing rule, as a citelint bug would make it (rule objects are plain, unfrozen objects).
  ;(noteOrder as {check: typeof check}).check = () => {
    throw new Error('injected failure')
  }
  try {
    const fix = await runCli(['--stdin', '--stdin-filename', 'm.md', '--fix'], dir, nested)
    assert.equal(fix, {code: 2, out: nested, err: 'citelint: m.md: internal error: Rule `note-order` failed: injected failure\n'})
    const lint = await runCli(['--stdin', '--stdin-filename', 'm.md'], dir, nested)
    assert.equal(lint, {code: 2, out: '', err: 'citelint: m.md: internal error: Rule `note-order` failed: injected failure\n'})
    const debug = await runCli(['--stdin', '--stdin-filename', 'm.md', '--fix', '--debug'], dir, nested)
    assert.is(debug.out, nested)
    assert.match(debug.err, /^citelint: m\.md: internal error: Rule `note-order` failed: injected failure\nInternalError: Rule `note-order` failed: injected failure\n\s+at /)
  } finally {
    ;(noteOrder as {check: typeof check}).check = check
  }
})

test.run()
