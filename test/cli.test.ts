/** The CLI: exit codes, output formats, errors, exactly as a user sees them. */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {root, runCli} from './helpers.js'

const cli = (args: string[], cwd = root) => runCli(args, cwd)

test('stylish output of one example, exit 1 on errors', async () => {
  const {code, out, err} = await cli(['examples/undefined-reference.txt'])
  assert.is(code, 1)
  assert.is(err, '')
  assert.is(
    out,
    [
      'examples/undefined-reference.txt',
      '5:8-5:11 error Undefined reference `[7]`, expected a note `[7]` in the notes list undefined-reference',
      '',
      '✖ 1 error',
      ''
    ].join('\n')
  )
})

test('warnings only: exit 0', async () => {
  const {code, out} = await cli(['examples/unused-note.txt'])
  assert.is(code, 0)
  assert.ok(out.includes('7:1-7:4 warning Unused note `[2]`'))
})

test('clean files print nothing and exit 0', async () => {
  const {code, out, err} = await cli(['examples/valid-report.txt', 'examples/valid-report.md'])
  assert.equal([code, out, err], [0, '', ''])
})

test('json output has ESLint’s shape', async () => {
  const {code, out} = await cli(['examples/note-order.txt', '--format', 'json'])
  assert.is(code, 0)
  const parsed = JSON.parse(out) as unknown[]
  // The renumbering is fixable (counted) but, being several edits, has no `fix` in the JSON.
  assert.equal(parsed, [
    {
      filePath: path.join(root, 'examples/note-order.txt'),
      messages: [
        {ruleId: 'note-order', messageId: 'reference', severity: 1, message: 'Out-of-order reference `[1]`: note 1 is first cited after note 2, expected ascending order', line: 4, column: 14, endLine: 4, endColumn: 17},
        {ruleId: 'note-order', messageId: 'list', severity: 1, message: 'Out-of-order note `[1]` in the notes list: it comes after note 2, expected ascending order', line: 8, column: 1, endLine: 8, endColumn: 4},
        {ruleId: 'note-order', messageId: 'skip', severity: 1, message: 'Skipped number before note `[4]`: no note numbered 3, expected consecutive numbers from 1', line: 10, column: 1, endLine: 10, endColumn: 4}
      ],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 3,
      fixableErrorCount: 0,
      fixableWarningCount: 3,
      usedDeprecatedRules: []
    }
  ])
})

test('--format github and --format sarif through the CLI', async () => {
  const github = await cli(['examples/undefined-reference.txt', '--format', 'github'])
  assert.equal(
    [github.code, github.out],
    [1, '::error file=examples/undefined-reference.txt,line=5,col=8,endLine=5,endColumn=11,title=undefined-reference::Undefined reference `[7]`, expected a note `[7]` in the notes list\n']
  )
  const sarif = await cli(['examples/undefined-reference.txt', '--format', 'sarif'])
  assert.is(sarif.code, 1)
  const log = JSON.parse(sarif.out) as {runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: unknown}}>}>}>}
  const [result] = log.runs[0]!.results
  assert.is(result!.ruleId, 'undefined-reference')
  assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'examples/undefined-reference.txt')
  assert.equal(result!.locations[0]!.physicalLocation.region, {startLine: 5, startColumn: 8, endLine: 5, endColumn: 11})
})

test('--include-notes adds the note model to the JSON output', async () => {
  const {out} = await cli(['examples/empty-source.txt', '--format', 'json', '--include-notes'])
  const [file] = JSON.parse(out) as Array<{notes: unknown[]}>
  assert.equal(file!.notes, [
    {label: '1', line: 6, column: 1, kind: 'citation', source: 'Valley Courier', place: null, date: {text: 'June 12, 2026', iso: '2026-06-12', valid: true}, url: null},
    {label: '2', line: 8, column: 1, kind: 'empty', source: null, place: null, date: {text: 'June 14, 2026', iso: '2026-06-14', valid: true}, url: null},
    {label: '3', line: 10, column: 1, kind: 'empty', source: null, place: null, date: null, url: null}
  ])
})

test('--shard splits the files deterministically, each file in exactly one shard', async () => {
  const all = JSON.parse((await cli(['examples', '--format', 'json'])).out) as Array<{filePath: string}>
  const shards = []
  for (const part of ['1/3', '2/3', '3/3']) {
    shards.push((JSON.parse((await cli(['examples', '--format', 'json', '--shard', part])).out) as Array<{filePath: string}>).map((f) => f.filePath))
  }
  assert.equal(shards.flat().sort(), all.map((f) => f.filePath).sort())
  assert.ok(shards.every((files) => files.length >= Math.floor(all.length / 3)))
  assert.equal(shards[0], (JSON.parse((await cli(['examples', '--format', 'json', '--shard', '1/3'])).out) as Array<{filePath: string}>).map((f) => f.filePath))
  for (const bad of ['0/3', '4/3', 'x', '1/0']) assert.is((await cli(['examples', '--shard', bad])).code, 2, bad)
})

test('a directory is walked for .md, .markdown and .txt, sorted', async () => {
  const {out} = await cli(['examples', '--format', 'json'])
  const files = (JSON.parse(out) as Array<{filePath: string}>).map((f) => path.relative(root, f.filePath))
  assert.ok(files.includes('examples/valid-report.md') && files.includes('examples/note-order.txt'))
  assert.not.ok(files.some((f) => f.endsWith('.expected')))
  assert.equal(files, [...files].sort())
})

test('globs match only .md, .markdown and .txt files', async () => {
  const {out} = await cli(['examples/unused-note.*', '--format', 'json'])
  const files = (JSON.parse(out) as Array<{filePath: string}>).map((f) => path.basename(f.filePath))
  assert.equal(files, ['unused-note.md', 'unused-note.txt'])
})

test('a missing file: one line naming it, exit 2, other files still linted', async () => {
  const {code, out, err} = await cli(['no-such-report.txt', 'examples/undefined-reference.txt', '--format', 'json'])
  assert.is(code, 2)
  assert.is(err, 'citelint: no-such-report.txt: no such file or directory\n')
  assert.is((JSON.parse(out) as unknown[]).length, 1)
})

test('a binary file is skipped with a reason, exit 2', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'citelint-'))
  writeFileSync(path.join(folder, 'image.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]))
  const {code, err} = await cli(['image.txt'], folder)
  assert.is(code, 2)
  assert.is(err, 'citelint: image.txt: binary file (contains NUL bytes), skipped\n')
})

test('usage errors exit 2 with a clear message and no stack trace', async () => {
  for (const args of [[], ['--format', 'xml', 'x.md'], ['--no-such-flag', 'x.md'], ['--rule', 'nope:error', 'x.md'], ['--rule', 'note-order:loud', 'x.md']]) {
    const {code, err} = await cli(args)
    assert.is(code, 2, args.join(' '))
    assert.ok(err.startsWith('citelint: '), err)
    assert.not.ok(err.includes('    at '), 'no stack trace')
  }
  assert.ok((await cli(['--rule', 'nope:error', 'x.md'])).err.startsWith('citelint: --rule: unknown rule `nope`, expected one of: broken-marker, '))
  assert.is((await cli(['--rule', 'note-order:warn:extra', 'x.md'])).err, 'citelint: --rule: invalid value `note-order:warn:extra`, expected id:off, id:warn or id:error\n')
  const usage = 'Run `citelint --help` for usage.\n'
  const lines: Array<[string[], string]> = [
    [['--lsp', 'x.md'], '--lsp runs the language server, which lints what the editor sends: give no paths, --stdin, --fix or --output-file with it'],
    [['--stdio', 'x.md'], '--stdio is the transport of the language server: give it with --lsp'],
    [['-'], '`-` is not a path: lint standard input with --stdin (and --stdin-filename to name it)'],
    [['x.md', '--include-notes'], '--include-notes adds the notes to the JSON output: give it with --format json'],
    // An unknown option is named once, not also in camel case.
    [['--bogus-opt', 'x.md'], 'Unknown argument: bogus-opt'],
    [['-draft.md'], 'Unknown arguments: d, r, a, t; a path that starts with `-` goes after `--` (citelint -- -draft.md)']
  ]
  for (const [args, message] of lines) assert.equal([args, (await cli(args)).err], [args, `citelint: ${message}\n${usage}`])
})

test('--rule changes a severity', async () => {
  const {code, out} = await cli(['examples/undefined-reference.txt', '--rule', 'undefined-reference:warn'])
  assert.is(code, 0)
  assert.ok(out.includes(' warning Undefined reference `[7]`'))
})

test('--help and --version exit 0', async () => {
  const help = await cli(['--help'])
  assert.is(help.code, 0)
  assert.ok(help.out.includes('--format'))
  const version = await cli(['--version'])
  assert.is(version.code, 0)
  assert.match(version.out, /^\d+\.\d+\.\d+\n$/)
})

test('the bin sets the process exit code', () => {
  const bin = path.join(root, 'bin/citelint.js')
  const failing = spawnSync(process.execPath, [bin, 'examples/empty-source.txt'], {cwd: root, encoding: 'utf8'})
  assert.is(failing.status, 1)
  const clean = spawnSync(process.execPath, [bin, 'examples/valid-report.txt'], {cwd: root, encoding: 'utf8'})
  assert.is(clean.status, 0)
  const usage = spawnSync(process.execPath, [bin], {cwd: root, encoding: 'utf8'})
  assert.is(usage.status, 2)
})

test('`--` ends the options: a file whose name starts with `-` is linted, by the linter and the summary', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-dash-'))
  writeFileSync(path.join(dir, '-draft.txt'), 'A claim.[2]\n\n[1] Source, 2015.\n')
  const lint = await runCli(['--format', 'json', '--', '-draft.txt'], dir)
  assert.is(lint.code, 1)
  assert.equal((JSON.parse(lint.out) as Array<{filePath: string; errorCount: number}>).map((r) => [path.basename(r.filePath), r.errorCount]), [['-draft.txt', 1]])
  const summary = await runCli(['summary', '--format', 'json', '--', '-draft.txt'], dir)
  assert.is(summary.code, 0)
  assert.match(summary.out, /"filePath": "-draft\.txt"/)
  // Without `--`, the name is an unknown option.
  assert.is((await runCli(['-draft.txt'], dir)).code, 2)
})

test.run()
