/**
 * Inputs that are not what citelint expects (breaker report 3): a report
 * file that is one of the linted files, paths that are not regular files,
 * fixes through symbolic links and under long names, files changed while
 * citelint runs, UTF-16 text, empty paths, standard input over the size
 * limit or unreadable, option values out of range and odd config files.
 * Each gets one line naming it and the reason, and exit 2; nothing is lost.
 */
import {spawnSync} from 'node:child_process'
import {closeSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import * as fs from 'node:fs/promises'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {writeFileAtomic} from '../src/run/atomic-write.js'
import {describeError} from '../src/run/files.js'
import {lintFiles, writeFixes} from '../src/run/lint-files.js'
import {root, runCli} from './helpers.js'

const bin = path.join(root, 'bin/citelint.js')
/** Notes out of order: one note-order warning, fixable. */
const unordered = 'First.[2] Second.[1]\n\n[1] Alpha News, March 1, 2026.\n[2] Beta Times, March 2, 2026.\n'
const ordered = 'First.[1] Second.[2]\n\n[1] Beta Times, March 2, 2026.\n[2] Alpha News, March 1, 2026.\n'
const good = 'A claim.[1]\n\n[1] Al-Akhbar (Lebanon), October 12, 2015.\n'

function scaffold(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'citelint-inputs-'))
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, content)
  }
  return folder
}

/** Run bin/citelint.js in a child process that is killed after 60 s (a hang then fails the test instead of stalling it). */
function spawnCli(args: string[], cwd: string, stdin?: number | string) {
  const child = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    ...(typeof stdin === 'number' ? {stdio: [stdin, 'pipe', 'pipe']} : {input: stdin ?? ''})
  })
  assert.is(child.signal, null, `citelint ${args.join(' ')} did not end by itself`)
  return {code: child.status, out: child.stdout, err: child.stderr}
}

test('-o naming a linted file is a usage error before anything is written (also through a link, a folder, summary, --stdin-filename)', async () => {
  const folder = scaffold({'o.txt': unordered, 'tree/r.md': unordered})
  symlinkSync('o.txt', path.join(folder, 'link.txt'))
  const fixed = await runCli(['o.txt', '--fix', '-o', 'o.txt'], folder)
  assert.equal([fixed.code, fixed.out, fixed.err], [2, '', 'citelint: --output-file `o.txt` is one of the files to lint; write the report elsewhere\n'])
  assert.is(readFileSync(path.join(folder, 'o.txt'), 'utf8'), unordered, 'neither fixed nor overwritten')
  const linked = await runCli(['o.txt', '--output-file', 'link.txt'], folder)
  assert.equal([linked.code, linked.err], [2, 'citelint: --output-file `link.txt` is one of the files to lint (as o.txt); write the report elsewhere\n'])
  const walked = await runCli(['tree', '-o', './tree/r.md'], folder)
  assert.equal([walked.code, walked.err], [2, `citelint: --output-file \`./tree/r.md\` is one of the files to lint (as ${path.join('tree', 'r.md')}); write the report elsewhere\n`])
  assert.is(readFileSync(path.join(folder, 'tree/r.md'), 'utf8'), unordered)
  const summary = await runCli(['summary', 'o.txt', '-o', path.join(folder, 'o.txt')], folder)
  assert.equal([summary.code, summary.err], [2, `citelint summary: --output-file \`${path.join(folder, 'o.txt')}\` is one of the files to lint (as o.txt); write the report elsewhere\n`])
  const stdin = await runCli(['--stdin', '--stdin-filename', 'o.txt', '-o', 'o.txt'], folder, unordered)
  assert.equal(
    [stdin.code, stdin.err],
    [2, 'citelint: --output-file `o.txt` is the file standard input stands for (--stdin-filename); write the report elsewhere\nRun `citelint --help` for usage.\n']
  )
  assert.is(readFileSync(path.join(folder, 'o.txt'), 'utf8'), unordered)
  // A report file that does not exist yet, or is not linted, is fine.
  const elsewhere = await runCli(['o.txt', '-o', 'new/report.txt'], folder)
  assert.equal([elsewhere.code, elsewhere.err], [0, ''])
  assert.match(readFileSync(path.join(folder, 'new/report.txt'), 'utf8'), /^o\.txt\n1:18-1:21 warning Out-of-order reference/)
})

test('-o naming a hard link of a linted file, citelint’s own input files, or nothing is a usage error', async () => {
  const folder = scaffold({'o.txt': unordered, 'c.json': '{}', 'ignore': 'x.md\n'})
  linkSync(path.join(folder, 'o.txt'), path.join(folder, 'hard.txt'))
  const hard = await runCli(['o.txt', '-o', 'hard.txt'], folder)
  assert.equal([hard.code, hard.err], [2, 'citelint: --output-file `hard.txt` is one of the files to lint (as o.txt); write the report elsewhere\n'])
  const summary = await runCli(['summary', 'o.txt', '-o', 'hard.txt'], folder)
  assert.is(summary.code, 2)
  for (const [args, option] of [
    [['--config', 'c.json', '-o', 'c.json'], '--config'],
    [['--ignore-path', 'ignore', '-o', './ignore'], '--ignore-path'],
    [['--cache', '--cache-location', 'c.json', '-o', 'c.json'], '--cache-location']
  ] as const) {
    const run = await runCli(['o.txt', ...args], folder)
    assert.equal([run.code, run.err.split('\n')[0]], [2, `citelint: --output-file \`${args.at(-1)}\` is the ${option} file; write the report elsewhere`])
  }
  const empty = await runCli(['o.txt', '-o', ''], folder)
  assert.equal([empty.code, empty.err.split('\n')[0]], [2, 'citelint: --output-file: empty path, expected a file to write the report to'])
  assert.equal([readFileSync(path.join(folder, 'o.txt'), 'utf8'), readFileSync(path.join(folder, 'c.json'), 'utf8')], [unordered, '{}'])
})

test('a FIFO or a device as a config, ignore or cache file: one line, without blocking or reading without end', () => {
  const folder = scaffold({'a.txt': good, 'sub/a.txt': good, 'dev/a.txt': good})
  for (const fifo of ['pipe.json', 'sub/.citelintrc.json']) assert.is(spawnSync('mkfifo', [path.join(folder, fifo)]).status, 0)
  symlinkSync('/dev/zero', path.join(folder, 'dev/.citelintrc.json'))
  const config = spawnCli(['a.txt', '--config', 'pipe.json'], folder)
  assert.equal([config.code, config.err], [2, 'citelint: pipe.json: not a regular file, cannot be read as a config file\n'])
  const ignore = spawnCli(['a.txt', '--ignore-path', 'pipe.json'], folder)
  assert.equal([ignore.code, ignore.err], [2, 'citelint: pipe.json: cannot read ignore file: not a regular file\n'])
  for (const dir of ['sub', 'dev']) {
    const found = spawnCli([`${dir}/a.txt`], folder)
    assert.equal([found.code, found.err], [2, `citelint: ${path.join(folder, dir, '.citelintrc.json')}: not a regular file, cannot be read as a config file\n`])
  }
  // The cache: a warning, every file linted, the FIFO left as it is.
  const cache = spawnCli(['a.txt', '--cache', '--cache-location', 'pipe.json'], folder)
  assert.equal([cache.code, cache.err], [0, `citelint: warning: ${path.join(folder, 'pipe.json')} is not a regular file, linting every file and leaving it unchanged\n`])
  assert.ok(lstatSync(path.join(folder, 'pipe.json')).isFIFO())
})

test('a FIFO, a socket or a device named on the command line: not a regular file, skipped, without blocking', async () => {
  if (spawnSync('mkfifo', ['--help'], {stdio: 'ignore'}).error) {
    // A missing tool prints SKIP on a user's machine and fails under CI=true.
    if (process.env['CI'] === 'true') throw new Error('mkfifo is missing (required under CI=true)')
    return void console.log('SKIP FIFO: no mkfifo')
  }
  const folder = scaffold({'a.txt': good, 'tree/b.txt': good})
  assert.is(spawnSync('mkfifo', [path.join(folder, 'fifo.md'), path.join(folder, 'tree/walked.md')]).status, 0)
  symlinkSync('fifo.md', path.join(folder, 'to-fifo.md'))
  // A listening Unix socket: open() gives ENXIO.
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(path.join(folder, 'socket.md'), resolve))
  try {
    // (The FIFO itself is named in the summary below: named beside its link, it would be linted once.)
    const named = spawnCli(['to-fifo.md', 'socket.md', 'a.txt'], folder)
    assert.equal([named.code, named.err], [2, 'citelint: to-fifo.md: not a regular file, skipped\ncitelint: socket.md: not a regular file, skipped\n'])
    const summary = spawnCli(['summary', 'fifo.md', 'a.txt'], folder)
    assert.equal([summary.code, summary.err], [2, 'citelint summary: fifo.md: not a regular file, skipped\n'])
  } finally {
    server.close()
  }
  // Walking a folder passes a FIFO by, as before.
  const walked = spawnCli(['tree'], folder)
  assert.equal([walked.code, walked.err], [0, ''])
  if (existsSync('/dev/zero')) {
    const device = spawnCli(['/dev/zero', 'a.txt'], folder)
    assert.equal([device.code, device.err], [2, 'citelint: /dev/zero: not a regular file, skipped\n'])
  }
})

test('--fix through a symbolic link writes its target and keeps the link', async () => {
  const folder = scaffold({'real.txt': unordered})
  mkdirSync(path.join(folder, 'sub'))
  symlinkSync('../real.txt', path.join(folder, 'sub/link.txt'))
  const {code, err} = await runCli(['sub/link.txt', '--fix'], folder)
  assert.equal([code, err], [0, ''])
  assert.ok(lstatSync(path.join(folder, 'sub/link.txt')).isSymbolicLink(), 'still a link')
  assert.is(readFileSync(path.join(folder, 'real.txt'), 'utf8'), ordered)
  assert.equal(readdirSync(path.join(folder, 'sub')), ['link.txt'])
  assert.equal(readdirSync(folder).sort(), ['real.txt', 'sub'], 'no temporary file left')
})

test('a file with a name of 250 characters can be fixed (the temporary name is short); write errors read as one phrase', async () => {
  const name = `${'a'.repeat(246)}.txt`
  const folder = scaffold({[name]: unordered})
  const {code, err} = await runCli([name, '--fix'], folder)
  assert.equal([code, err], [0, ''])
  assert.is(readFileSync(path.join(folder, name), 'utf8'), ordered)
  assert.equal(readdirSync(folder), [name])
  const errno = (code: string, message: string) => Object.assign(new Error(message), {code, syscall: 'open'})
  assert.is(describeError(errno('ENAMETOOLONG', `ENAMETOOLONG: name too long, open '/tmp/${name}'`)), 'name too long')
  assert.is(describeError(errno('ENOSPC', "ENOSPC: no space left on device, write")), 'no space left on the device')
  // Codes without a phrase of their own: the system's description, without the code and the path.
  assert.is(describeError(Object.assign(errno('EXDEV', "EXDEV: cross-device link not permitted, rename '/a/x' -> '/b/x'"), {syscall: 'rename'})), 'cross-device link not permitted')
  assert.is(describeError(errno('EWHATEVER', 'something odd')), 'something odd')
})

test('a file that may not be written is not replaced by its fix; owner and group are kept', async () => {
  const folder = scaffold({'r.txt': unordered, 'w.txt': unordered})
  const {results} = await lintFiles(['r.txt', 'w.txt'], {cwd: folder, fix: true})
  // Read-only for this user (root may write anything, so the refusal is injected as access(2) gives it).
  const ops = {
    ...fs,
    access: (async (file: string, mode?: number) => {
      if (file.endsWith('r.txt')) throw Object.assign(new Error('EACCES: permission denied'), {code: 'EACCES'})
      return fs.access(file, mode)
    }) as typeof fs.access
  }
  assert.equal(await writeFixes(results, folder, ops), [{filePath: 'r.txt', reason: 'cannot write the fix: permission denied'}])
  assert.is(readFileSync(path.join(folder, 'r.txt'), 'utf8'), unordered)
  assert.is(readFileSync(path.join(folder, 'w.txt'), 'utf8'), ordered)
  // The new file is given the old one's owner and group.
  const chowned: Array<[number, number]> = []
  const before = await fs.stat(path.join(folder, 'w.txt'))
  writeFileSync(path.join(folder, 'w.txt'), unordered)
  const again = await lintFiles(['w.txt'], {cwd: folder, fix: true})
  const watching = {...fs, chown: (async (file: string, uid: number, gid: number) => (chowned.push([uid, gid]), fs.chown(file, uid, gid))) as typeof fs.chown}
  assert.equal(await writeFixes(again.results, folder, watching), [])
  assert.equal(chowned, [[before.uid, before.gid]])
})

test('a file changed while citelint ran is not fixed: one line, the change kept', async () => {
  // Changed between the lint and the write.
  const folder = scaffold({'r.txt': unordered, 'bom.txt': `\ufeff${unordered.replace(/\n/g, '\r\n')}`})
  const {results} = await lintFiles(['r.txt', 'bom.txt'], {cwd: folder, fix: true})
  assert.equal(results.map((r) => r.output !== undefined), [true, true])
  const edited = `${unordered}Added by hand.\n`
  writeFileSync(path.join(folder, 'r.txt'), edited)
  assert.equal(await writeFixes(results, folder), [{filePath: 'r.txt', reason: 'changed while citelint ran; not fixed'}])
  assert.is(readFileSync(path.join(folder, 'r.txt'), 'utf8'), edited)
  // The unchanged file (byte order mark and CRLF included) is written.
  assert.is(readFileSync(path.join(folder, 'bom.txt'), 'utf8'), `\ufeff${ordered.replace(/\n/g, '\r\n')}`)
  // Changed in the window after the temporary file is written, just before the rename (injected).
  writeFileSync(path.join(folder, 'r.txt'), unordered)
  const again = await lintFiles(['r.txt'], {cwd: folder, fix: true})
  const late = `${unordered.slice(0, -1)}!\n`
  const ops = {
    ...fs,
    writeFile: (async (file: string, data: string, options: {flag: string}) => {
      await fs.writeFile(file, data, options)
      await fs.writeFile(path.join(folder, 'r.txt'), late)
    }) as unknown as typeof fs.writeFile
  }
  assert.equal(await writeFixes(again.results, folder, ops), [{filePath: 'r.txt', reason: 'changed while citelint ran; not fixed'}])
  assert.is(readFileSync(path.join(folder, 'r.txt'), 'utf8'), late)
  assert.equal(readdirSync(folder).sort(), ['bom.txt', 'r.txt'], 'no temporary file left')
  // Removed meanwhile: not written back.
  const gone = path.join(folder, 'gone.txt')
  writeFileSync(gone, 'old')
  const removing = {...fs, chmod: (async (file: string, mode: number) => (await fs.chmod(file, mode), await fs.unlink(gone))) as typeof fs.chmod}
  const failed = await writeFileAtomic(gone, 'new', removing, {expected: Buffer.from('old')}).then(() => 'written', (error: Error) => error.message)
  assert.is(failed, 'changed while citelint ran; not fixed')
  assert.not.ok(existsSync(gone))
})

test('UTF-16 and UTF-32 text (by byte order mark): say so and ask for UTF-8, exit 2; standard input too', async () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')])
  const utf16be = Buffer.from(Buffer.from(`\ufeff日本語[1]\n`, 'utf16le').toJSON().data.flatMap((_, i, all) => (i % 2 === 0 ? [all[i + 1]!, all[i]!] : [])))
  const utf32le = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])
  const folder = scaffold({'le.txt': utf16le, 'be.md': utf16be, 'wide.txt': utf32le, 'a.txt': good})
  const {code, err} = await runCli(['le.txt', 'be.md', 'wide.txt', 'a.txt'], folder)
  assert.is(code, 2)
  assert.is(
    err,
    'citelint: le.txt: UTF-16 text, skipped; save it as UTF-8\n' +
      'citelint: be.md: UTF-16 text, skipped; save it as UTF-8\n' +
      'citelint: wide.txt: UTF-32 text, skipped; save it as UTF-8\n'
  )
  const stdin = await runCli(['--stdin', '--stdin-filename', 'r.txt', '--fix'], folder, utf16le)
  assert.equal([stdin.code, stdin.err], [2, 'citelint: r.txt: UTF-16 text, skipped; save it as UTF-8\n'])
  assert.is(stdin.out, utf16le.toString('latin1'), 'given back unchanged')
  // A Latin-1 file that happens to start with `ÿþ`: its line feeds are single bytes, so it is no UTF-16;
  // it is linted as UTF-8 with U+FFFD and the warning.
  writeFileSync(path.join(folder, 'latin1.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'latin1')]))
  const latin1 = await runCli(['latin1.txt', '--format', 'json'], folder)
  assert.equal([latin1.code, latin1.err], [0, ''])
  assert.equal((JSON.parse(latin1.out) as Array<{messages: Array<{messageId: string; line: number; column: number}>}>)[0]!.messages.map((m) => [m.messageId, m.line, m.column]), [['invalidUtf8', 1, 1]])
})

test('an empty path is a usage error, not the working folder', async () => {
  const folder = scaffold({'a.txt': unordered})
  const lint = await runCli(['', 'a.txt'], folder)
  assert.equal([lint.code, lint.out, lint.err], [2, '', 'citelint: empty path, expected a file, directory or glob\nRun `citelint --help` for usage.\n'])
  const summary = await runCli(['summary', ''], folder)
  assert.equal([summary.code, summary.out, summary.err], [2, '', 'citelint summary: empty path, expected a file, directory or glob\nRun `citelint summary --help` for usage.\n'])
  const {results, failures} = await lintFiles(['', 'a.txt'], {cwd: folder})
  assert.equal(failures, [{filePath: "''", reason: 'empty path, expected a file, directory or glob'}])
  assert.equal(results.map((r) => r.file.path), ['a.txt'])
})

test('--stdin: --max-file-size holds (with --fix the input comes back whole); a directory is one line; --stdin-filename needs --stdin', async () => {
  const big = `${good}${'x'.repeat(3000)}\n`
  const over = await runCli(['--stdin', '--stdin-filename', 'big.txt', '--max-file-size', '2KB'], root, big)
  assert.equal([over.code, over.out, over.err], [2, '', 'citelint: big.txt: file too large (over the limit of 2 KB), skipped; raise it with --max-file-size\n'])
  const fix = await runCli(['--stdin', '--max-file-size', '2KB', '--fix'], root, big)
  assert.equal([fix.code, fix.err], [2, 'citelint: <stdin>: file too large (3 KB, limit 2 KB), skipped; raise it with --max-file-size\n'])
  assert.ok(fix.out === big, 'the input is written back unchanged')
  const within = await runCli(['--stdin', '--max-file-size', '4KB'], root, big)
  assert.equal([within.code, within.err], [0, ''])
  // Through bin/: the reading stops past the limit; a directory as standard input.
  const folder = scaffold({'a.txt': good})
  const stopped = spawnCli(['--stdin', '--max-file-size', '1KB'], folder, 'y'.repeat(200_000))
  assert.equal([stopped.code, stopped.err], [2, 'citelint: <stdin>: file too large (over the limit of 1 KB), skipped; raise it with --max-file-size\n'])
  const directory = openSync(folder, 'r')
  try {
    const read = spawnCli(['--stdin', '--stdin-filename', 'r.md'], folder, directory)
    assert.equal([read.code, read.out, read.err], [2, '', 'citelint: r.md: cannot read standard input: is a directory\n'])
  } finally {
    closeSync(directory)
  }
  const alone = await runCli(['a.txt', '--stdin-filename', 'x.md'], folder)
  assert.equal([alone.code, alone.err], [2, 'citelint: --stdin-filename names standard input: give --stdin with it\nRun `citelint --help` for usage.\n'])
})

test('--max-warnings: a whole number, or -1 for no limit; anything else is a usage error', async () => {
  const folder = scaffold({'w.txt': unordered})
  for (const value of ['abc', '-5', '1.5', '', '1e3', ' 1']) {
    const {code, out, err} = await runCli(['w.txt', `--max-warnings=${value}`], folder)
    assert.equal(
      [code, out, err],
      [2, '', `citelint: --max-warnings: invalid value \`${value}\`, expected a whole number of warnings (0 or more), or -1 for no limit\nRun \`citelint --help\` for usage.\n`],
      value
    )
  }
  assert.is((await runCli(['w.txt', '--max-warnings', '-1'], folder)).code, 0)
  assert.is((await runCli(['w.txt', '--max-warnings', '1'], folder)).code, 0)
  const zero = await runCli(['w.txt', '--max-warnings', '0'], folder)
  assert.equal([zero.code, zero.err], [1, 'citelint: too many warnings (1, maximum 0)\n'])
})

test('--fix-dry-run prints a diff: not with --fix, a report --format or --output-file', async () => {
  const folder = scaffold({'r.txt': unordered})
  const cases: Array<[string[], string]> = [
    [['--fix', '--fix-dry-run'], '--fix writes the fixes and --fix-dry-run prints them: give one of the two'],
    [['--fix-dry-run', '--format', 'json'], '--fix-dry-run prints a unified diff: it cannot be given with --format json'],
    [['--fix-dry-run', '--format', 'sarif'], '--fix-dry-run prints a unified diff: it cannot be given with --format sarif'],
    [['--fix-dry-run', '--format', 'github'], '--fix-dry-run prints a unified diff: it cannot be given with --format github'],
    [['--fix-dry-run', '-o', 'diff.txt'], '--fix-dry-run prints a unified diff to standard output: it cannot be given with --output-file']
  ]
  for (const [args, message] of cases) {
    const {code, out, err} = await runCli(['r.txt', ...args], folder)
    assert.equal([code, out, err], [2, '', `citelint: ${message}\nRun \`citelint --help\` for usage.\n`], args.join(' '))
  }
  assert.is(readFileSync(path.join(folder, 'r.txt'), 'utf8'), unordered)
  const dry = await runCli(['r.txt', '--fix-dry-run', '--format', 'stylish'], folder)
  assert.equal([dry.code, dry.err], [0, ''])
  assert.match(dry.out, /^--- a\/r\.txt\n\+\+\+ b\/r\.txt\n/)
})

test('summary: number options quote the value as given', async () => {
  const cases: Array<[string[], string]> = [
    [['--min-coverage', 'abc'], '--min-coverage: invalid value `abc`, expected a percentage from 0 to 100'],
    [['--min-coverage='], '--min-coverage: invalid value ``, expected a percentage from 0 to 100'],
    [['--min-coverage', '-5'], '--min-coverage: invalid value `-5`, expected a percentage from 0 to 100'],
    [['--prose-words', '1.5'], '--prose-words: invalid value `1.5`, expected a whole number of at least 1'],
    [['--quotation-words', 'five'], '--quotation-words: invalid value `five`, expected a whole number of at least 1']
  ]
  for (const [args, message] of cases) {
    const {code, out, err} = await runCli(['summary', 'examples/note-order.txt', ...args])
    assert.equal([code, out, err], [2, '', `citelint summary: ${message}\nRun \`citelint summary --help\` for usage.\n`], args.join(' '))
  }
  assert.is((await runCli(['summary', 'examples/note-order.txt', '--min-coverage', '0.5', '--prose-words', '3'])).code, 0)
})

test('config files: a UTF-8 byte order mark is read; null, empty, or a rule setting of the wrong length is a one-line error', async () => {
  const bom = scaffold({'.citelintrc.json': '\ufeff{"rules": {"note-order": "off"}}', 'r.txt': unordered})
  const read = await runCli(['r.txt'], bom)
  assert.equal([read.code, read.out, read.err], [0, '', ''])
  const yaml = scaffold({'.citelintrc.yaml': '\ufeffrules:\n  note-order: "off"\n', 'r.txt': unordered})
  assert.equal(Object.values(await runCli(['r.txt'], yaml)), [0, '', ''])
  const cases: Array<[string, string, string]> = [
    ['.citelintrc.json', 'null', 'the configuration must be an object, got null'],
    ['.citelintrc.json', '', 'empty config file, expected an object such as {"rules": {}}'],
    ['.citelintrc.json', ' \n', 'empty config file, expected an object such as {"rules": {}}'],
    ['.citelintrc.yaml', '', 'empty config file, expected an object such as {"rules": {}}'],
    ['.citelintrc.yaml', '~\n', 'the configuration must be an object, got null'],
    ['.citelintrc.json', '{"rules": {"note-order": ["warn", {"gfm": true}, 5]}}', 'invalid setting for rule `note-order`: an array of 3 elements, expected [severity] or [severity, options]'],
    ['.citelintrc.json', '{"rules": {"note-order": []}}', 'invalid setting for rule `note-order`: an array of 0 elements, expected [severity] or [severity, options]']
  ]
  for (const [name, content, message] of cases) {
    // A valid config further up must not be used instead.
    const folder = scaffold({'.citelintrc.json': '{}', [`sub/${name}`]: content, 'sub/r.txt': unordered})
    const {code, out, err} = await runCli(['sub/r.txt'], folder)
    assert.equal([code, out, err], [2, '', `citelint: ${path.join(folder, 'sub', name)}: ${message}\n`], `${name}: ${JSON.stringify(content)}`)
    const named = await runCli(['sub/r.txt', '--config', `sub/${name}`], folder)
    assert.equal([named.code, named.err], [2, `citelint: ${path.join(folder, 'sub', name)}: ${message}\n`], `--config ${name}: ${JSON.stringify(content)}`)
  }
})

test.run()
