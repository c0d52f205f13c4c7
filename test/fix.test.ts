/**
 * Fixes: applying edits, fix passes, atomic writes, line endings and BOM,
 * and the CLI's --fix, --fix-dry-run and --stdin.
 */
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import * as fs from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {writeFileAtomic} from '../src/run/atomic-write.js'
import {applyEdits, applyFixes, fixText} from '../src/engine/fix.js'
import {root, runCli} from './helpers.js'

const example = readFileSync(path.join(root, 'examples/note-order.txt'), 'utf8')
const fixed = readFileSync(path.join(root, 'examples/note-order.fixed.txt'), 'utf8')

test('applyEdits applies non-overlapping edits and refuses overlapping ones', () => {
  assert.is(applyEdits('abcdef', [{start: 4, end: 5, text: 'E'}, {start: 0, end: 1, text: 'AA'}]), 'AAbcdEf')
  assert.throws(() => applyEdits('abcdef', [{start: 0, end: 3, text: ''}, {start: 2, end: 4, text: ''}]), /overlaps/)
})

test('applyFixes skips a fix that overlaps an earlier one', () => {
  const result = applyFixes('abcdef', [{edits: [{start: 0, end: 2, text: 'X'}]}, {edits: [{start: 1, end: 3, text: 'Y'}]}, {edits: [{start: 5, end: 6, text: 'Z'}]}])
  assert.equal(result, {text: 'XcdeZ', applied: 2})
})

test('CRLF line endings and a byte order mark are kept', () => {
  const crlf = `\ufeff${example.replace(/\n/g, '\r\n')}`
  const {output, changed} = fixText(crlf, {filePath: 'r.txt'})
  assert.ok(changed)
  assert.is(output, `\ufeff${fixed.replace(/\n/g, '\r\n')}`)
})

test('a text without a trailing newline keeps its end', () => {
  const {output} = fixText(example.trimEnd(), {filePath: 'r.txt'})
  assert.is(output, fixed.trimEnd())
})

test('no fix when a label is defined twice or a numbered reference resolves to nothing', () => {
  const duplicate = 'A.[2] B.[1]\n\n[1] One, 2026.\n\n[2] Two, 2026.\n\n[2] Again, 2026.\n'
  assert.not.ok(fixText(duplicate, {filePath: 'r.txt'}).changed)
  const undefinedReference = 'A.[2] B.[1] C.[3]\n\n[1] One, 2026.\n\n[2] Two, 2026.\n'
  assert.not.ok(fixText(undefinedReference, {filePath: 'r.txt'}).changed)
})

test('interleaved notes (not in a notes section) are relabelled in place, not moved', () => {
  const text = 'A.[2]\n\n[Footnote 2: Two, 2026.]\n\nB.[1]\n\n[Footnote 1: One, 2026.]\n'
  assert.is(fixText(text, {filePath: 'r.txt'}).output, 'A.[1]\n\n[Footnote 1: Two, 2026.]\n\nB.[2]\n\n[Footnote 2: One, 2026.]\n')
})

test('an atomic write that fails leaves the original intact and no temporary file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-write-'))
  const file = path.join(dir, 'r.txt')
  writeFileSync(file, 'original')
  const failing = {...fs, rename: async () => Promise.reject(Object.assign(new Error('disk full'), {code: 'ENOSPC'}))}
  await writeFileAtomic(file, 'new text', failing).then(
    () => assert.unreachable('should fail'),
    (error: Error) => assert.is(error.message, 'disk full')
  )
  assert.is(readFileSync(file, 'utf8'), 'original')
  assert.equal(readdirSync(dir), ['r.txt'])
  await writeFileAtomic(file, 'new text')
  assert.is(readFileSync(file, 'utf8'), 'new text')
  assert.equal(readdirSync(dir), ['r.txt'])
})

test('--fix writes the fixed file and reports what remains; --fix-dry-run writes nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-fix-'))
  writeFileSync(path.join(dir, 'r.txt'), example)
  const dry = await runCli(['r.txt', '--fix-dry-run'], dir)
  assert.is(dry.code, 0)
  assert.ok(dry.out.startsWith('--- a/r.txt\n+++ b/r.txt\n@@ -1,10 +1,10 @@\n'), dry.out)
  assert.ok(dry.out.includes('\n-The currency lost a tenth of its value in a week.[2] The central bank\n'))
  assert.ok(dry.out.includes('\n+The currency lost a tenth of its value in a week.[1] The central bank\n'))
  assert.is(readFileSync(path.join(dir, 'r.txt'), 'utf8'), example)
  assert.is(dry.err, '')
  // What the fixes leave is said on stderr, so that exit code 1 is explained.
  writeFileSync(path.join(dir, 'left.txt'), 'First.[2] Second.[1] Third.[3]\n\n[1] Alpha News, March 1, 2026.\n[2] Beta Times, March 2, 2026.\n')
  const left = await runCli(['left.txt', '--fix-dry-run'], dir)
  // With why the warning got no fix.
  assert.equal([left.code, left.out, left.err], [
    1,
    '',
    'citelint: left.txt:1:18: note-order not fixed: renumbering is withheld while reference `[3]` resolves to no note, as it could end up pointing to another note\n' +
      'citelint: 1 error and 1 warning left after the fixes (run without --fix-dry-run to see them)\n'
  ])
  const run = await runCli(['r.txt', '--fix'], dir)
  assert.equal([run.code, run.out, run.err], [0, '', ''])
  assert.is(readFileSync(path.join(dir, 'r.txt'), 'utf8'), fixed)
  assert.not.ok(existsSync(path.join(dir, 'r.txt.tmp')))
})

test('--stdin lints standard input as the named file; with --fix it prints the fixed text', async () => {
  const lint = await runCli(['--stdin', '--stdin-filename', 'drafts/r.txt', '--format', 'json'], root, example)
  const [file] = JSON.parse(lint.out) as Array<{filePath: string; warningCount: number}>
  assert.equal([lint.code, path.relative(root, file!.filePath), file!.warningCount], [0, 'drafts/r.txt', 3])
  const fix = await runCli(['--stdin', '--stdin-filename', 'r.txt', '--fix'], root, example)
  assert.equal([fix.code, fix.out], [0, fixed])
  const markdown = await runCli(['--stdin', '--stdin-filename', 'r.md', '--format', 'json'], root, 'A claim.[^x]\n')
  assert.is(markdown.code, 1)
  assert.ok(markdown.out.includes('"ruleId":"undefined-reference"'))
  const both = await runCli(['--stdin', 'r.txt'], root, '')
  assert.is(both.code, 2)
})

test.run()
