/**
 * `citelint/remark` (src/remark.ts): citelint's findings as vfile messages
 * on a unified processor, with citelint's rule ids, options and suppression
 * comments, from the file's text rather than the user's tree; and through
 * remark-cli (a devDependency) as `--use citelint/remark`, which resolves
 * the package's own `exports` from this repository. The installed tarball
 * is tested in pack.test.ts.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import remarkCitelint from '../src/remark.js'
import type {RemarkCitelintOptions} from '../src/remark.js'
import {ruleDocsUrl} from '../src/engine/rule-docs.js'
import {root} from './helpers.js'

const report = 'A claim.[^1] Another claim.[^outage]\n\n[^1]: Reuters, "A title", March 3, 2020.\n'

/** Process `value` (as `filePath`) with remark-parse and the plugin; the file after the run. */
async function lint(value: string, options?: RemarkCitelintOptions, filePath: string | undefined = 'report.md', cwd = root): Promise<VFile> {
  const processor = unified().use(remarkParse).use(remarkCitelint, options)
  const file = new VFile({value, path: filePath, cwd})
  // Parse and run (remark-parse has no compiler; the messages are all the test needs).
  await processor.run(processor.parse(file), file)
  return file
}

test('a finding becomes a vfile message: rule id, source, fatal for an error, place, url', async () => {
  const file = await lint(report)
  assert.is(file.messages.length, 1)
  const [message] = file.messages
  assert.equal(
    {
      ruleId: message!.ruleId,
      source: message!.source,
      fatal: message!.fatal,
      line: message!.line,
      column: message!.column,
      place: message!.place,
      url: message!.url,
      reason: message!.reason
    },
    {
      ruleId: 'undefined-reference',
      source: 'citelint',
      fatal: true,
      line: 1,
      column: 28,
      place: {start: {line: 1, column: 28, offset: 27}, end: {line: 1, column: 37, offset: 36}},
      url: ruleDocsUrl('undefined-reference'),
      reason: 'Undefined reference `[^outage]`, expected a footnote definition `[^outage]:`'
    }
  )
})

test('it lints the text, not the tree: remark-parse alone reads no footnotes, citelint does', async () => {
  const tree = unified().use(remarkParse).parse(report)
  assert.not.match(JSON.stringify(tree), /footnote/i)
  assert.equal((await lint(report)).messages.map((m) => m.ruleId), ['undefined-reference'])
})

test('options have .citelintrc’s shape: a rule off, a rule at warn (fatal false), rule options', async () => {
  assert.equal((await lint(report, {rules: {'undefined-reference': 'off'}})).messages, [])
  const warned = await lint(report, {rules: {'undefined-reference': 'warn'}})
  assert.equal(warned.messages.map((m) => [m.ruleId, m.fatal]), [['undefined-reference', false]])
  const spaced = 'A claim [^1].\n\n[^1]: Reuters, "A title", March 3, 2020.\n'
  const placement = await lint(spaced, {rules: {'marker-placement': ['warn', {style: 'after-punctuation'}]}})
  assert.equal(placement.messages.map((m) => m.ruleId), ['marker-placement'])
})

test('overrides match the file’s path relative to the processor’s working folder', async () => {
  const options: RemarkCitelintOptions = {overrides: [{files: 'drafts/**', rules: {'undefined-reference': 'off'}}]}
  assert.equal((await lint(report, options, 'drafts/a.md')).messages, [])
  assert.equal((await lint(report, options, 'final/a.md')).messages.map((m) => m.ruleId), ['undefined-reference'])
})

test('suppression comments work as in the CLI', async () => {
  const suppressed = `<!-- citelint-disable-next-line undefined-reference -->\n${report}`
  assert.equal((await lint(suppressed)).messages, [])
  const unknown = `<!-- citelint-disable no-such-rule -->\n\n${report}`
  assert.match((await lint(unknown)).messages.map((m) => m.reason).join('\n'), /no-such-rule/)
})

test('a file is read as Markdown unless `formats` maps its extension; no path is Markdown too', async () => {
  const notesList = 'A claim.[1] Another.[3]\n\n[1] Reuters, March 3, 2020.\n[2] AP, May 1, 2021.\n'
  const asText = await lint(notesList, {formats: {txt: 'text'}}, 'notes.txt')
  assert.ok(asText.messages.some((m) => m.ruleId === 'undefined-reference'), 'plain text reads the notes list')
  const noPath = await lint(report, undefined, undefined)
  assert.equal(noPath.messages.map((m) => m.ruleId), ['undefined-reference'])
})

test('invalid options: a ConfigError naming the plugin and the key when the processor is frozen', () => {
  assert.throws(() => unified().use(remarkParse).use(remarkCitelint, {rules: {'no-such-rule': 'error'}}).freeze(), (error: Error) =>
    /^citelint\/remark options: unknown rule `no-such-rule`/.test(error.message)
  )
  assert.throws(() => unified().use(remarkCitelint, {colour: true} as never).freeze(), /unknown key `colour`/)
})

test('remark-cli: `remark FILE --use citelint/remark` reports the finding and exits 1; --frail fails on a warning', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'citelint-remark-'))
  try {
    const remark = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'node_modules/remark-cli/cli.js'), ...args, '--use', 'citelint/remark', '--no-color', '--no-stdout'], {
        cwd: root,
        encoding: 'utf8'
      })
    const errors = remark('examples/undefined-reference.md')
    assert.is(errors.status, 1, errors.stderr)
    assert.match(errors.stderr, /^examples\/undefined-reference\.md\n\s*4:17-4:26\s+error\s+Undefined reference `\[\^outage\]`.*undefined-reference\s+citelint$/m)
    const warning = path.join(folder, 'unused.md')
    writeFileSync(warning, 'A claim.[^1]\n\n[^1]: Reuters, "A title", March 3, 2020.\n[^2]: NPR, "B title", June 1, 2021.\n')
    const relaxed = remark(warning)
    assert.is(relaxed.status, 0, relaxed.stderr)
    assert.match(relaxed.stderr, /warning\s+Unused note `\[\^2\]`.*unused-note\s+citelint/)
    assert.is(remark(warning, '--frail').status, 1)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test.run()
