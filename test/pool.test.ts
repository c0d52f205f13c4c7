/**
 * The worker pool (`--concurrency`): output byte for byte equal to the
 * serial run in every format, input order kept, config (overrides, rule
 * options) reaching the workers, fixes written through the pool, and a
 * file that fails in a worker (or crashes it) becoming that file's
 * one-line failure while the other files are still linted.
 */
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {ConfigError} from '../src/engine/config.js'
import type {JsonResult} from '../src/report/json.js'
import {Linter, autoMinFiles, isolateChars, lintFileStream, lintFiles, workerCount} from '../src/run/lint-files.js'
import {lintText} from '../src/engine/engine.js'
import {summarizeFiles} from '../src/report/summarize.js'
import {formatSummaryJson} from '../src/report/summary-text.js'
import {root, runCli} from './helpers.js'

const examples = path.join(root, 'examples')
const linted = (name: string): boolean => /\.(md|txt)$/.test(name)

/** A folder of many reports: the examples twice over in nested folders, plus BOM, CRLF, invalid UTF-8 and empty files. */
const made: string[] = []
function generatedSet(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-pool-'))
  made.push(dir)
  const names = readdirSync(examples).filter(linted).sort()
  for (const folder of ['a', 'b/deep']) {
    mkdirSync(path.join(dir, folder), {recursive: true})
    for (const name of names) copyFileSync(path.join(examples, name), path.join(dir, folder, name))
  }
  const text = readFileSync(path.join(examples, 'note-order.txt'), 'utf8')
  writeFileSync(path.join(dir, 'bom.txt'), `\ufeff${text}`)
  writeFileSync(path.join(dir, 'crlf.txt'), text.replace(/\n/g, '\r\n'))
  writeFileSync(path.join(dir, 'empty.md'), '')
  writeFileSync(path.join(dir, 'invalid.txt'), Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(40))]))
  return dir
}

const formats = [['--format', 'stylish'], ['--format', 'json'], ['--format', 'json', '--include-notes'], ['--format', 'sarif'], ['--format', 'github']]

test('workerCount: auto needs two cores and enough files; a number is capped by the files', () => {
  assert.is(workerCount('off', 1000, 8), 0)
  assert.is(workerCount('auto', 1000, 1), 0)
  assert.is(workerCount('auto', autoMinFiles - 1, 8), 0)
  assert.is(workerCount('auto', autoMinFiles, 2), 2)
  assert.is(workerCount('auto', 1000, 8), 8)
  assert.is(workerCount(3, 1000, 1), 3)
  assert.is(workerCount(3, 2, 8), 2)
  assert.is(workerCount(1000, 1000, 2), 8)
  assert.throws(() => workerCount(0, 10, 2), (error: unknown) => error instanceof ConfigError && /--concurrency: invalid value `0`/.test(error.message))
})

test('--concurrency rejects values other than a number of threads, auto and off', async () => {
  for (const value of ['0', 'two', '-1', '1.5']) {
    const run = await runCli(['examples', '--concurrency', value])
    assert.is(run.code, 2, value)
    assert.is(run.err.split('\n')[0], `citelint: --concurrency: invalid value \`${value}\`, expected a number of threads (1 or more), auto or off`)
  }
})

test('the pool prints the examples exactly as the main thread does, in every format', async () => {
  for (const format of formats) {
    const serial = await runCli(['examples', ...format, '--concurrency', 'off'])
    const pool = await runCli(['examples', ...format, '--concurrency', '2'])
    assert.ok(serial.out.includes('undefined-reference'), format.join(' '))
    assert.is(pool.out, serial.out, format.join(' '))
    assert.is(pool.err, serial.err, format.join(' '))
    assert.is(pool.code, serial.code, format.join(' '))
  }
})

test('the pool prints a generated set of files exactly as the main thread does, in every format', async () => {
  const dir = generatedSet()
  for (const format of formats) {
    const serial = await runCli(['.', ...format, '--concurrency', 'off'], dir)
    for (const concurrency of ['3', 'auto']) {
      const pool = await runCli(['.', ...format, '--concurrency', concurrency], dir)
      assert.is(pool.out, serial.out, `${format.join(' ')} --concurrency ${concurrency}`)
      assert.is(pool.code, serial.code)
    }
  }
  // The special files reached the reports: the BOM is gone from columns, the invalid bytes are reported.
  const json = JSON.parse((await runCli(['.', '--format', 'json', '--concurrency', '2'], dir)).out) as JsonResult[]
  const invalid = json.find((file) => file.filePath.endsWith('invalid.txt'))
  assert.ok(invalid?.messages.some((message) => message.messageId === 'invalidUtf8'))
  assert.is(json.length, 2 * readdirSync(examples).filter(linted).length + 4)
})

test('results come in input order, whatever finishes first', async () => {
  const dir = generatedSet()
  const serial: string[] = []
  for await (const outcome of lintFileStream(['.'], {cwd: dir, concurrency: 'off'})) {
    if (outcome.kind === 'result') serial.push(outcome.result.file.path)
  }
  assert.ok(serial.length > 40)
  for (let round = 0; round < 2; round++) {
    const pool: string[] = []
    for await (const outcome of lintFileStream(['.'], {cwd: dir, concurrency: 3})) {
      if (outcome.kind === 'result') pool.push(outcome.result.file.path)
    }
    assert.equal(pool, serial)
  }
})

test('config files, overrides and rule options reach the workers', async () => {
  const dir = generatedSet()
  writeFileSync(
    path.join(dir, '.citelintrc.json'),
    JSON.stringify({
      rules: {'marker-placement': ['error', {style: 'before-punctuation'}]},
      overrides: [{files: 'b/**', rules: {'undefined-reference': 'off'}}]
    })
  )
  const serial = await runCli(['.', '--format', 'json', '--concurrency', 'off'], dir)
  const pool = await runCli(['.', '--format', 'json', '--concurrency', '2'], dir)
  assert.is(pool.out, serial.out)
  const files = JSON.parse(pool.out) as JsonResult[]
  const ruleIds = (part: string): string[] =>
    files.filter((file) => file.filePath.includes(`${path.sep}${part}${path.sep}`)).flatMap((file) => file.messages.map((m) => `${m.ruleId}:${m.severity}`))
  assert.ok(ruleIds('a').includes('undefined-reference:2'))
  assert.not.ok(ruleIds('b').some((id) => id.startsWith('undefined-reference:')))
  assert.ok(ruleIds('a').includes('marker-placement:2'))
})

test('--fix through the pool writes the same files as the main thread', async () => {
  const serialDir = generatedSet()
  const poolDir = generatedSet()
  const serial = await runCli(['.', '--fix', '--concurrency', 'off'], serialDir)
  const pool = await runCli(['.', '--fix', '--concurrency', '2'], poolDir)
  assert.is(pool.out, serial.out.replaceAll(serialDir, poolDir))
  assert.is(pool.code, serial.code)
  for (const folder of ['a', 'b/deep', '.']) {
    for (const name of readdirSync(path.join(poolDir, folder)).filter(linted)) {
      assert.is(readFileSync(path.join(poolDir, folder, name), 'utf8'), readFileSync(path.join(serialDir, folder, name), 'utf8'), `${folder}/${name}`)
    }
  }
  const expected = readFileSync(path.join(examples, 'note-order.fixed.txt'), 'utf8')
  assert.is(readFileSync(path.join(poolDir, 'b/deep/note-order.txt'), 'utf8'), expected)
  assert.is(readFileSync(path.join(poolDir, 'bom.txt'), 'utf8'), `\ufeff${expected}`)
  // Not UTF-8: linted, never written.
  assert.ok(readFileSync(path.join(poolDir, 'invalid.txt')).includes(Buffer.from([0xff, 0xfe])))
  const dryRun = await runCli(['.', '--fix-dry-run', '--concurrency', 'off'], generatedSet())
  const dryPool = await runCli(['.', '--fix-dry-run', '--concurrency', '2'], generatedSet())
  assert.ok(dryRun.out.includes('+++ b/a/note-order.txt'))
  assert.is(dryPool.out, dryRun.out)
})

test('a file that fails or crashes in a worker is that file’s failure; the others are linted', async () => {
  const dir = generatedSet()
  for (const name of ['boom.txt', 'crash.txt']) copyFileSync(path.join(examples, 'note-order.txt'), path.join(dir, 'b', name))
  const workerUrl = new URL('./pool-fail-worker.js', import.meta.url)
  const pool = await lintFiles(['.'], {cwd: dir, concurrency: 2, workerUrl})
  const serial = await lintFiles(['.'], {cwd: dir, concurrency: 'off'})
  assert.equal(
    pool.failures.map(({filePath, reason}) => ({filePath, reason})),
    [
      {filePath: path.join('b', 'boom.txt'), reason: 'internal error: Rule `undefined-reference` failed: injected failure'},
      {filePath: path.join('b', 'crash.txt'), reason: 'internal error: lint worker stopped: exit code 3'}
    ]
  )
  // The worker's stack, for --debug.
  assert.match(String((pool.failures[0]?.error as Error).stack), /injected failure/)
  const shown = (results: typeof serial.results) => results.map((r) => `${r.file.path} ${r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).join(',')}`)
  assert.equal(shown(pool.results), shown(serial.results).filter((line) => !/^b\/(boom|crash)\.txt /.test(line)))
})

test('without a pool, a file of isolateChars characters or more is linted on a worker of its own, with the same report', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-isolate-'))
  made.push(dir)
  const lines = Math.ceil(isolateChars / 29)
  const big = `A claim.[1]\n${'Plain prose line, no marker.\n'.repeat(lines)}\nThe last claim.[2]\n\n[1] Source, 2015.\n`
  const small = 'A claim.[2]\n\n[1] Source, 2015.\n'
  // `crash` in a name stops the test worker: only the large file goes to a worker.
  writeFileSync(path.join(dir, 'crash-big.txt'), big)
  writeFileSync(path.join(dir, 'crash-small.txt'), small)
  const workerUrl = new URL('./pool-fail-worker.js', import.meta.url)
  const failing = await lintFiles(['.'], {cwd: dir, concurrency: 'off', workerUrl})
  assert.equal(failing.failures.map(({filePath, reason}) => ({filePath, reason})), [{filePath: 'crash-big.txt', reason: 'internal error: lint worker stopped: exit code 3'}])
  assert.equal(failing.results.map((r) => r.file.path), ['crash-small.txt'])
  const stopped = await new Linter({cwd: dir, workerUrl}).lint('crash-big.txt', big).then(() => 'linted', (error: Error) => error.message)
  assert.is(stopped, 'lint worker stopped: exit code 3')
  // With the real worker, the report is the one the main thread gives.
  const isolated = await lintFiles(['crash-big.txt'], {cwd: dir, concurrency: 'off'})
  const here = lintText(big, {filePath: 'crash-big.txt'})
  const shown = (messages: typeof here.messages) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)
  assert.equal(shown(isolated.results[0]!.messages), shown(here.messages))
  assert.equal(shown(here.messages).map((line) => line.split(' ').slice(0, 2).join(' ')), [`${lines + 3}:16 undefined-reference`])
  const viaStdin = await new Linter({cwd: dir}).lint('crash-big.txt', big)
  assert.equal(shown(viaStdin.messages), shown(here.messages))
  assert.equal(viaStdin.index, here.index)
})

test('a worker that cannot start fails each file in one line, without hanging', async () => {
  const dir = generatedSet()
  const workerUrl = new URL('./no-such-worker.js', import.meta.url)
  const {results, failures} = await lintFiles(['a'], {cwd: dir, concurrency: 2, workerUrl})
  assert.is(results.length, 0)
  assert.is(failures.length, readdirSync(examples).filter(linted).length)
  for (const failure of failures) assert.match(failure.reason, /^internal error: lint worker failed to start: Cannot find module .*no-such-worker\.js/)
})

test('the models travel back from workers for --include-notes and the summary', async () => {
  const serial = await lintFiles(['examples'], {cwd: root, concurrency: 'off'})
  const pool = await lintFiles(['examples'], {cwd: root, concurrency: 2})
  assert.equal(
    pool.results.map((r) => [r.index, r.noteFields, r.prose, r.bom, String(r.file.value)]),
    serial.results.map((r) => [r.index, r.noteFields, r.prose, r.bom, String(r.file.value)])
  )
  // Every field of every message, cause included.
  const fields = (results: typeof serial.results) =>
    results.flatMap((r) => r.messages.map((m) => JSON.stringify({...m, stack: undefined, cause: m.cause ? {...(m.cause as object), stack: undefined} : undefined})))
  assert.equal(fields(pool.results), fields(serial.results))
  assert.ok(fields(pool.results).some((text) => text.includes('"cause":{')))
})

test('the coverage summary is the same through the pool', async () => {
  const dir = generatedSet()
  const serial = await summarizeFiles(['.'], {cwd: dir, concurrency: 'off'})
  const pool = await summarizeFiles(['.'], {cwd: dir, concurrency: 2, keepResults: true})
  assert.ok(serial.totals.paragraphs.prose > 0)
  assert.is(formatSummaryJson(pool.files, pool.totals, {cwd: dir}), formatSummaryJson(serial.files, serial.totals, {cwd: dir}))
  // The HTML report reads each file's text from the kept result.
  assert.is(String(pool.files.find((file) => file.filePath.endsWith('note-order.txt'))?.result?.file.value), readFileSync(path.join(examples, 'note-order.txt'), 'utf8'))
})

test.after(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

test.run()
