/**
 * The lint cache (src/run/cache.ts, `--cache`): what hits, what invalidates an
 * entry, identical output cold and warm, and a cache file that cannot be
 * used or written.
 */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {LintCache, cacheFilePath, citelintVersion, defaultCacheFile} from '../src/run/cache.js'
import type {LintFilesOptions} from '../src/run/lint-files.js'
import {lintFiles} from '../src/run/lint-files.js'
import {formatJson} from '../src/report/json.js'
import {root, runCli} from './helpers.js'

const report = [
  'Currency Slides Against The Dollar',
  '',
  'The currency lost a tenth of its value in a week.[2] The central bank',
  'raised rates.[1] Importers hoarded dollars.[4]',
  '',
  '[2] Financial Courier, July 1, 2026.',
  '',
  '[1] Central Bank Statement, June 30, 2026.',
  '',
  '[4] Market Watch (Capital), July 2, 2026.',
  ''
].join('\n')

/** A folder with three reports: `a.txt` (three note-order warnings), `b.md` (an undefined reference), `c.txt` (clean). */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-cache-'))
  writeFileSync(path.join(dir, 'a.txt'), report)
  writeFileSync(path.join(dir, 'b.md'), 'A claim.[^1] Another.[^2]\n\n[^1]: Financial Courier, July 1, 2026.\n')
  writeFileSync(path.join(dir, 'c.txt'), 'A claim.[1]\n\n[1] Financial Courier, July 1, 2026.\n')
  return dir
}

/** Lint `paths` in `dir` with the cache at `dir/.citelintcache`, save it, and give the counts and the JSON report. */
async function cachedRun(dir: string, options: LintFilesOptions & {fix?: boolean} = {}, version?: string) {
  const {cache, warning} = await LintCache.load(path.join(dir, defaultCacheFile), version)
  const {results, failures} = await lintFiles(['.'], {cwd: dir, ...options, cache})
  const saved = await cache.save()
  return {
    stats: {...cache.stats},
    fromCache: results.map((r) => 'fromCache' in r),
    json: formatJson(results),
    results,
    failures,
    warning,
    saved
  }
}

test('a second run takes every unchanged file from the cache, with the same messages', async () => {
  const dir = project()
  const cold = await cachedRun(dir)
  assert.equal(cold.stats, {hits: 0, misses: 3})
  assert.equal(cold.fromCache, [false, false, false])
  const warm = await cachedRun(dir)
  assert.equal(warm.stats, {hits: 3, misses: 0})
  assert.equal(warm.fromCache, [true, true, true])
  assert.is(warm.json, cold.json)
  const messages = JSON.parse(warm.json) as Array<{messages: Array<{ruleId: string; line: number; column: number}>}>
  assert.equal(
    messages.map((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)),
    [['4:14 note-order', '8:1 note-order', '10:1 note-order'], ['1:22 undefined-reference'], []]
  )
})

test('the messages of a hit are read from the cache file, not linted again', async () => {
  const dir = project()
  await cachedRun(dir)
  const file = path.join(dir, defaultCacheFile)
  const data = JSON.parse(readFileSync(file, 'utf8')) as {files: Record<string, {messages: Array<{r: string}>}>}
  data.files[path.join(dir, 'b.md')]!.messages[0]!.r = 'Planted reason'
  writeFileSync(file, JSON.stringify(data))
  const {code, out} = await runCli(['b.md', '--cache'], dir)
  assert.is(code, 1)
  assert.is(out, 'b.md\n1:22-1:26 error Planted reason undefined-reference\n\n✖ 1 error\n')
})

test('a changed text invalidates only its own entry', async () => {
  const dir = project()
  await cachedRun(dir)
  writeFileSync(path.join(dir, 'c.txt'), 'A claim.[2]\n\n[1] Financial Courier, July 1, 2026.\n')
  const warm = await cachedRun(dir)
  assert.equal(warm.stats, {hits: 2, misses: 1})
  assert.equal(warm.fromCache, [true, true, false])
  const third = await cachedRun(dir)
  assert.equal(third.stats, {hits: 3, misses: 0})
  assert.ok(third.json.includes('Undefined reference `[2]`'))
})

test('a config change invalidates the entries it applies to: rule option, severity, override', async () => {
  const dir = project()
  const config = path.join(dir, '.citelintrc.json')
  await cachedRun(dir)
  // Rule option: marker-placement's style changes what it reports in every file.
  writeFileSync(config, JSON.stringify({rules: {'marker-placement': ['warn', {style: 'before-punctuation'}]}}))
  assert.equal((await cachedRun(dir)).stats, {hits: 0, misses: 3})
  assert.equal((await cachedRun(dir)).stats, {hits: 3, misses: 0})
  // Severity, through --rule.
  const severity = await cachedRun(dir, {ruleSettings: {'undefined-reference': 'warn'}})
  assert.equal(severity.stats, {hits: 0, misses: 3})
  assert.ok(severity.json.includes('"ruleId":"undefined-reference","messageId":"gfm","severity":1'))
  // Back to the config file alone: one entry per file, so these miss again.
  assert.equal((await cachedRun(dir)).stats, {hits: 0, misses: 3})
  // An override that matches only a.txt.
  writeFileSync(
    config,
    JSON.stringify({rules: {'marker-placement': ['warn', {style: 'before-punctuation'}]}, overrides: [{files: ['a.txt'], rules: {'note-order': 'off'}}]})
  )
  const override = await cachedRun(dir)
  assert.equal(override.stats, {hits: 2, misses: 1})
  assert.equal(override.fromCache, [false, true, true])
  assert.not.ok(override.json.includes('note-order'))
  // The same settings written in YAML: same effective config, so hits.
  rmSync(config)
  writeFileSync(
    path.join(dir, '.citelintrc.yaml'),
    'rules:\n  marker-placement: [warn, {style: before-punctuation}]\noverrides:\n  - files: [a.txt]\n    rules: {note-order: "off"}\n'
  )
  assert.equal((await cachedRun(dir)).stats, {hits: 3, misses: 0})
  // --report-unused-disable-directives changes messages too.
  assert.equal((await cachedRun(dir, {reportUnusedDisableDirectives: true})).stats, {hits: 0, misses: 3})
})

test('the format a config maps an extension to is part of the key, and a directory walk takes mapped files', async () => {
  const dir = project()
  writeFileSync(path.join(dir, 'd.mdx'), 'A claim.[^1]\n\n[^1]: Financial Courier, July 1, 2026.\n')
  // Without a mapping the walk leaves d.mdx out.
  assert.equal((await cachedRun(dir)).stats, {hits: 0, misses: 3})
  const config = path.join(dir, '.citelintrc.json')
  writeFileSync(config, JSON.stringify({formats: {mdx: 'markdown'}}))
  const mapped = await cachedRun(dir)
  assert.equal(mapped.stats, {hits: 3, misses: 1})
  assert.equal(mapped.results.map((r) => path.basename(r.file.path)), ['a.txt', 'b.md', 'c.txt', 'd.mdx'])
  assert.is(mapped.results[3]!.index.format, 'markdown')
  // The same rules with d.mdx read as text: its markdown entry does not serve.
  writeFileSync(config, JSON.stringify({formats: {mdx: 'text'}}))
  const asText = await cachedRun(dir)
  assert.equal(asText.stats, {hits: 3, misses: 1})
  assert.is(asText.results[3]!.index.format, 'text')
  assert.equal((await cachedRun(dir)).stats, {hits: 4, misses: 0})
})

test('another citelint version starts an empty cache', async () => {
  const dir = project()
  await cachedRun(dir, {}, citelintVersion())
  const other = await cachedRun(dir, {}, '999.0.0')
  assert.equal(other.stats, {hits: 0, misses: 3})
  assert.is(other.warning, undefined)
  assert.is((JSON.parse(readFileSync(path.join(dir, defaultCacheFile), 'utf8')) as {version: string}).version, '999.0.0')
})

test('cold and warm runs print the same bytes in every format, on the examples', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-cache-examples-'))
  cpSync(path.join(root, 'examples'), path.join(dir, 'examples'), {recursive: true})
  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    rmSync(path.join(dir, defaultCacheFile), {force: true})
    const fresh = await runCli(['examples', '--format', format], dir)
    const cold = await runCli(['examples', '--format', format, '--cache'], dir)
    const warm = await runCli(['examples', '--format', format, '--cache'], dir)
    assert.is(fresh.code, 1)
    assert.ok(fresh.out.length > 1000, format)
    assert.equal(cold, fresh, format)
    assert.equal(warm, fresh, format)
  }
  // The cache holds every example (and was used: its entries name them).
  const data = JSON.parse(readFileSync(path.join(dir, defaultCacheFile), 'utf8')) as {files: Record<string, unknown>}
  assert.ok(Object.keys(data.files).includes(path.join(dir, 'examples/note-order.txt')))
})

test('a file that is not UTF-8 gets its warning from the cache too', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-cache-utf8-'))
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 claim.[1]\n\n[1] Le Monde, July 1, 2026.\n', 'latin1'))
  const fresh = await runCli(['latin1.txt'], dir)
  const cold = await runCli(['latin1.txt', '--cache'], dir)
  const warm = await runCli(['latin1.txt', '--cache'], dir)
  assert.ok(fresh.out.includes('1:4-1:5 warning Not UTF-8: no UTF-8 sequence in the file, read as Windows-1252'))
  assert.equal(cold, fresh)
  assert.equal(warm, fresh)
})

test('a damaged cache file: one warning, every file linted, the cache rewritten', async () => {
  const dir = project()
  const file = path.join(dir, defaultCacheFile)
  const fresh = await runCli(['.'], dir)
  writeFileSync(file, '{"citelintCache":1,"version":"0.1.0","files":{"')
  const run = await runCli(['.', '--cache'], dir)
  assert.equal([run.code, run.out], [fresh.code, fresh.out])
  assert.is(run.err, `citelint: warning: the cache ${file} is damaged, linting every file\n`)
  assert.equal((await cachedRun(dir)).stats, {hits: 3, misses: 0})
  // Valid JSON, but a message whose place is not a place.
  const data = JSON.parse(readFileSync(file, 'utf8')) as {files: Record<string, {messages: Array<{p: unknown}>}>}
  data.files[path.join(dir, 'b.md')]!.messages[0]!.p = 'line 1'
  writeFileSync(file, JSON.stringify(data))
  const shaped = await runCli(['.', '--cache'], dir)
  assert.equal([shaped.code, shaped.out], [fresh.code, fresh.out])
  assert.is(shaped.err, `citelint: warning: the cache ${file} is damaged, linting every file\n`)
})

test('a file that is not a citelint cache: one warning, every file linted, the file left unchanged', async () => {
  const dir = project()
  const file = path.join(dir, 'notes.txt.bak')
  writeFileSync(file, 'my own notes\n')
  const fresh = await runCli(['.'], dir)
  const run = await runCli(['.', '--cache', '--cache-location', 'notes.txt.bak'], dir)
  assert.equal([run.code, run.out], [fresh.code, fresh.out])
  assert.is(run.err, `citelint: warning: ${file} is not a citelint cache, linting every file and leaving it unchanged\n`)
  assert.is(readFileSync(file, 'utf8'), 'my own notes\n')
})

test('a cache that cannot be written: one warning, the exit code unchanged', async () => {
  const dir = project()
  writeFileSync(path.join(dir, 'plain-file'), '')
  const fresh = await runCli(['.'], dir)
  const run = await runCli(['.', '--cache', '--cache-location', 'plain-file/cache'], dir)
  assert.equal([run.code, run.out], [fresh.code, fresh.out])
  assert.is(run.err, `citelint: warning: cannot write the cache ${path.join(dir, 'plain-file/cache')}: cannot create its folder (EEXIST)\n`)
  // A folder in place of the cache file.
  mkdirSync(path.join(dir, 'folder/.citelintcache'), {recursive: true})
  const clean = await runCli(['c.txt', '--cache', '--cache-location', 'folder'], dir)
  assert.equal([clean.code, clean.out], [0, ''])
  assert.is(
    clean.err,
    [
      `citelint: warning: cannot read the cache ${path.join(dir, 'folder/.citelintcache')} (EISDIR), linting every file`,
      `citelint: warning: cannot write the cache ${path.join(dir, 'folder/.citelintcache')} (EISDIR)`,
      ''
    ].join('\n')
  )
})

test('--cache-location: a file, an existing folder, a path ending in a separator', async () => {
  const dir = project()
  mkdirSync(path.join(dir, 'tmp'))
  assert.is(await cacheFilePath(undefined, dir), path.join(dir, '.citelintcache'))
  assert.is(await cacheFilePath('tmp', dir), path.join(dir, 'tmp/.citelintcache'))
  assert.is(await cacheFilePath('new/', dir), path.join(dir, 'new/.citelintcache'))
  assert.is(await cacheFilePath('lint.cache', dir), path.join(dir, 'lint.cache'))
  await runCli(['.', '--cache', '--cache-location', 'new/'], dir)
  assert.ok(existsSync(path.join(dir, 'new/.citelintcache')))
  assert.not.ok(existsSync(path.join(dir, '.citelintcache')))
})

test('--fix lints again a cached file with fixable messages, then the fixed file hits', async () => {
  const dir = project()
  await cachedRun(dir)
  const fixing = await cachedRun(dir, {fix: true})
  // a.txt has fixable note-order messages; b.md and c.txt have none.
  assert.equal(fixing.stats, {hits: 2, misses: 1})
  assert.equal(fixing.fromCache, [false, true, true])
  const fixed = fixing.results[0]!.output
  assert.is(fixed, readFileSync(path.join(root, 'examples/note-order.fixed.txt'), 'utf8'))
  writeFileSync(path.join(dir, 'a.txt'), fixed!)
  const after = await cachedRun(dir)
  assert.equal(after.stats, {hits: 3, misses: 0})
  // Through the CLI: --fix writes the file, and the next run matches a fresh one.
  const second = project()
  await runCli(['.', '--cache'], second)
  await runCli(['.', '--cache', '--fix'], second)
  assert.is(readFileSync(path.join(second, 'a.txt'), 'utf8'), fixed)
  const warm = await runCli(['.', '--cache', '--format', 'json'], second)
  const fresh = await runCli(['.', '--format', 'json'], second)
  assert.equal(warm, fresh)
  assert.not.ok(warm.out.includes('note-order'))
})

test('entries of deleted files are dropped on save; files not linted in a run are kept', async () => {
  const dir = project()
  await cachedRun(dir)
  rmSync(path.join(dir, 'b.md'))
  await runCli(['a.txt', '--cache'], dir)
  const data = JSON.parse(readFileSync(path.join(dir, defaultCacheFile), 'utf8')) as {files: Record<string, unknown>}
  assert.equal(Object.keys(data.files).sort(), [path.join(dir, 'a.txt'), path.join(dir, 'c.txt')])
})

test('--stdin and --include-notes do not use the cache', async () => {
  const dir = project()
  const stdin = await runCli(['--stdin', '--stdin-filename', 'a.txt', '--cache'], dir, report)
  assert.is(stdin.code, 0)
  assert.not.ok(existsSync(path.join(dir, defaultCacheFile)))
  await runCli(['.', '--cache'], dir)
  const notes = await runCli(['a.txt', '--cache', '--format', 'json', '--include-notes'], dir)
  const parsed = JSON.parse(notes.out) as Array<{notes: Array<{label: string; source: string}>}>
  assert.equal(
    parsed[0]!.notes.map((n) => `${n.label} ${n.source}`),
    ['2 Financial Courier', '1 Central Bank Statement', '4 Market Watch']
  )
})

test.run()
