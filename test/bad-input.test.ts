/**
 * Bad input: every path that cannot be linted gets one line on stderr naming
 * it and the reason, the other files are still linted, and the exit code is
 * 2 at the end. No stack trace without `--debug`.
 *
 * Permissions: tests usually run as root (CI too), and root reads files and
 * folders whatever their mode. Then the CLI is run as the `nobody` user with
 * setpriv, when setpriv works here; otherwise that case prints SKIP. The code
 * path is exercised either way by injecting file system calls that fail with
 * EACCES, as the kernel would.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, readFileSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, unlinkSync, writeFileSync} from 'node:fs'
import type {opendir} from 'node:fs/promises'
import type {openSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {FileOps} from '../src/run/files.js'
import {decodeText, defaultMaxFileSize, formatSize, nodeFileOps, parseSize} from '../src/run/files.js'
import {lintFiles} from '../src/run/lint-files.js'
import type {CliRun} from './helpers.js'
import {root, runCli} from './helpers.js'

const good = 'A claim.[1]\n\n[1] Al-Akhbar (Lebanon), October 12, 2015.\n'
const undefinedRef = 'A claim.[2]\n\n[1] Al-Akhbar (Lebanon), October 12, 2015.\n'

/** A fresh folder (readable by every user, for the runs as `nobody`) holding `files`. */
function scaffold(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'citelint-bad-'))
  chmodSync(folder, 0o755)
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, content)
  }
  return folder
}

const isRoot = process.getuid?.() === 0
const nobody = 65534
/**
 * Whether this process can run the CLI as `nobody`: root with a working
 * setpriv, and a clone that `nobody` can reach. A clone inside a private
 * folder (mode 700, as `mktemp -d` and many home folders make) is out of
 * `nobody`'s reach; the injected-EACCES tests then cover the code path.
 */
const canDropPrivileges =
  isRoot &&
  spawnSync('setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath, path.join(root, 'bin/citelint.js'), '--version'], {
    stdio: 'ignore',
    cwd: tmpdir()
  }).status === 0

/**
 * Run the CLI where a mode of 000 denies reading: in-process when not root,
 * else as `nobody` through setpriv. `undefined` (after printing SKIP) when
 * neither is possible.
 */
function runUnprivileged(args: string[], cwd: string, what: string): Promise<CliRun> | CliRun | undefined {
  if (!isRoot) return runCli(args, cwd)
  if (!canDropPrivileges) {
    console.log(`SKIP ${what} as another user: running as root, and setpriv does not work or the clone is out of nobody's reach (the injected EACCES test covers the code path)`)
    return undefined
  }
  const bin = path.join(root, 'bin/citelint.js')
  const child = spawnSync('setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin'}
  })
  return {code: child.status ?? -1, out: child.stdout, err: child.stderr}
}

/** File system calls where `call` fails with `code` for paths ending in `suffix`. */
function failing(call: 'opendir' | 'openSync', suffix: string, code: string): FileOps {
  const error = (target: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`${code}: simulated, ${call} '${target}'`), {code, syscall: call, path: target})
  return {
    opendir: (async (target: string, options?: unknown) => {
      if (call === 'opendir' && String(target).endsWith(suffix)) throw error(String(target))
      return nodeFileOps.opendir(target, options as Parameters<typeof opendir>[1])
    }) as typeof opendir,
    openSync: ((target: string, flags?: string) => {
      if (call === 'openSync' && String(target).endsWith(suffix)) throw error(String(target))
      return nodeFileOps.openSync(target, flags ?? 'r')
    }) as typeof openSync
  }
}

const noStack = (err: string): void => assert.not.ok(/\n\s+at /.test(err), `no stack trace in ${JSON.stringify(err)}`)

test('a path that does not exist: one line, exit 2, the other files linted', async () => {
  const folder = scaffold({'a.txt': undefinedRef})
  const {code, out, err} = await runCli(['missing.md', 'a.txt', '--format', 'json'], folder)
  assert.is(code, 2)
  assert.is(err, 'citelint: missing.md: no such file or directory\n')
  assert.is((JSON.parse(out) as Array<{errorCount: number}>)[0]!.errorCount, 1)
})

test('a folder without read permission, named or met while walking', async () => {
  const folder = scaffold({'a.txt': undefinedRef, 'tree/ok.md': good.replace('[1]', '[^1]').replace('\n[1]', '\n[^1]:'), 'tree/locked/x.txt': good, 'closed/y.txt': good})
  chmodSync(path.join(folder, 'tree/locked'), 0o000)
  chmodSync(path.join(folder, 'closed'), 0o000)
  const run = await runUnprivileged(['closed', 'tree', 'a.txt', '--format', 'json'], folder, 'unreadable folders')
  if (!run) return
  assert.is(run.code, 2)
  assert.is(run.err, 'citelint: closed: permission denied\ncitelint: tree/locked: permission denied\n')
  const linted = (JSON.parse(run.out) as Array<{filePath: string}>).map((r) => path.relative(folder, r.filePath))
  assert.equal(linted, ['tree/ok.md', 'a.txt'])
})

test('an unreadable folder met while walking (EACCES injected): reported, the rest walked', async () => {
  const folder = scaffold({'tree/a.txt': good, 'tree/locked/x.txt': good, 'tree/z/b.md': '# B\n'})
  const {results, failures} = await lintFiles(['tree'], {cwd: folder, fileOps: failing('opendir', `${path.sep}locked`, 'EACCES')})
  assert.equal(failures, [{filePath: path.join('tree', 'locked'), reason: 'permission denied'}])
  assert.equal(results.map((r) => r.file.path), [path.join('tree', 'a.txt'), path.join('tree', 'z', 'b.md')])
})

test('a glob walking into an unreadable folder reports it; folders the glob cannot reach are not opened', async () => {
  const folder = scaffold({'tree/a.txt': good, 'tree/locked/x.txt': good, 'tree/z/b.md': '# B\n', 'other/locked/y.txt': good})
  const ops = failing('opendir', `${path.sep}locked`, 'EACCES')
  const deep = await lintFiles(['tree/**/*.{txt,md}'], {cwd: folder, fileOps: ops})
  assert.equal(deep.failures, [{filePath: path.join('tree', 'locked'), reason: 'permission denied'}])
  assert.equal(deep.results.map((r) => r.file.path), [path.join('tree', 'a.txt'), path.join('tree', 'z', 'b.md')])
  // `tree/*.txt` cannot match inside tree/locked, so it is neither opened nor reported.
  const shallow = await lintFiles(['tree/*.txt', '*/z/*.md'], {cwd: folder, fileOps: ops})
  assert.equal(shallow.failures, [])
  assert.equal(shallow.results.map((r) => r.file.path), [path.join('tree', 'a.txt'), path.join('tree', 'z', 'b.md')])
})

test('globs: absolute patterns stay absolute, hidden folders and node_modules are skipped, no match is a failure', async () => {
  const folder = scaffold({'r/a.md': '# A\n', 'r/.hidden/b.md': '# B\n', 'r/node_modules/c.md': '# C\n', 'r/d/e.markdown': '# E\n'})
  const absolute = await lintFiles([path.join(folder, 'r', '**', '*')], {cwd: '/'})
  assert.equal(absolute.results.map((r) => r.file.path), [path.join(folder, 'r', 'a.md'), path.join(folder, 'r', 'd', 'e.markdown')])
  const none = await lintFiles(['r/*.txt', 'gone/**/*.md'], {cwd: folder})
  assert.equal(none.failures, [
    {filePath: 'r/*.txt', reason: 'no .md, .markdown, .Rmd, .qmd, .txt, .docx, .docm, .html, .htm or .xhtml files match this pattern'},
    {filePath: 'gone/**/*.md', reason: 'no .md, .markdown, .Rmd, .qmd, .txt, .docx, .docm, .html, .htm or .xhtml files match this pattern'}
  ])
})

test('globs: an escaped bracket in the folder part is a literal folder name', async () => {
  const folder = scaffold({'[draft]/a.txt': good, '[draft]/b.md': good, 'd/c.txt': good})
  const {results, failures} = await lintFiles(['\\[draft\\]/*.txt'], {cwd: folder})
  assert.equal(failures, [])
  assert.equal(results.map((r) => r.file.path), [path.join('[draft]', 'a.txt')])
})

test('a named folder that cannot be opened (EACCES injected)', async () => {
  const folder = scaffold({'tree/a.txt': good, 'b.txt': good})
  const {results, failures} = await lintFiles(['tree', 'b.txt'], {cwd: folder, fileOps: failing('opendir', `${path.sep}tree`, 'EACCES')})
  assert.equal(failures, [{filePath: 'tree', reason: 'permission denied'}])
  assert.equal(results.map((r) => r.file.path), ['b.txt'])
})

test('symbolic link loops while walking: reported, not followed, the walk ends', async () => {
  const folder = scaffold({'tree/a.txt': good, 'tree/sub/b.txt': good, 'elsewhere/c.txt': good})
  const tree = path.join(folder, 'tree')
  symlinkSync('..', path.join(tree, 'sub/up'))  // to its parent folder
  symlinkSync('.', path.join(tree, 'sub/self')) // to its own folder
  symlinkSync('../..', path.join(tree, 'sub/above')) // above the walked folder, which it contains
  symlinkSync('y.txt', path.join(tree, 'x.txt')) // x.txt -> y.txt -> x.txt
  symlinkSync('x.txt', path.join(tree, 'y.txt'))
  symlinkSync('nowhere.md', path.join(tree, 'dangling.md'))
  symlinkSync('../elsewhere', path.join(tree, 'one')) // the same folder twice: walked once
  symlinkSync('../elsewhere', path.join(tree, 'two'))
  const {code, out, err} = await runCli(['tree', '--format', 'json'], folder)
  assert.is(code, 2)
  assert.equal(err.split('\n').filter(Boolean).sort(), [
    'citelint: tree/dangling.md: broken symbolic link',
    'citelint: tree/sub/above: symbolic link loop (points to ., a folder that contains it), not followed',
    'citelint: tree/sub/self: symbolic link loop (points to tree/sub, a folder that contains it), not followed',
    'citelint: tree/sub/up: symbolic link loop (points to tree, a folder that contains it), not followed',
    'citelint: tree/x.txt: too many symbolic links (loop)',
    'citelint: tree/y.txt: too many symbolic links (loop)'
  ])
  const linted = (JSON.parse(out) as Array<{filePath: string}>).map((r) => path.relative(folder, r.filePath))
  assert.equal(linted, ['tree/a.txt', 'tree/one/c.txt', 'tree/sub/b.txt'])
  noStack(err)
})

test('a symbolic link loop named on the command line', async () => {
  const folder = scaffold({'a.txt': good})
  symlinkSync('loop2.md', path.join(folder, 'loop1.md'))
  symlinkSync('loop1.md', path.join(folder, 'loop2.md'))
  const {code, err} = await runCli(['loop1.md', 'a.txt'], folder)
  assert.is(code, 2)
  assert.is(err, 'citelint: loop1.md: too many symbolic links (loop)\n')
})

test('a dangling symbolic link named on the command line is described as when walked', async () => {
  const folder = scaffold({'a.txt': good})
  symlinkSync('nowhere.md', path.join(folder, 'dangling.md'))
  const {code, err} = await runCli(['dangling.md', 'missing.md', 'a.txt'], folder)
  assert.is(code, 2)
  assert.is(err, 'citelint: dangling.md: broken symbolic link\ncitelint: missing.md: no such file or directory\n')
})

test('a large file that exhausts the heap is that file’s one-line failure (on a worker of its own), not a crash', () => {
  const folder = scaffold({'small.txt': undefinedRef})
  // Dense notes: about 120 MB of parser events for these 560,000 characters, over a 64 MB heap.
  // Under 1,000,000 characters, so it goes to a worker because the threshold follows the heap limit.
  const body: string[] = []
  const notes: string[] = []
  for (let i = 1; i <= 9_000; i++) {
    body.push(`Claim ${i} about the war.[^${i}]`)
    notes.push(`[^${i}]: Source ${i}, 2015.`)
  }
  writeFileSync(path.join(folder, 'big.md'), `${body.join('\n\n')}\n\n${notes.join('\n')}\n`)
  const bin = path.join(root, 'bin/citelint.js')
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--max-old-space-size=64', bin, ...args], {cwd: folder, encoding: 'utf8', timeout: 120_000, input, maxBuffer: 1 << 26})
  const files = run(['big.md', 'small.txt', '--format', 'json'])
  assert.is(files.status, 2)
  assert.match(files.stderr, /^citelint: big\.md: out of memory \(heap limit \d+ MB\); not linted, raise the limit with NODE_OPTIONS=--max-old-space-size=<MB>\n$/)
  assert.equal((JSON.parse(files.stdout) as Array<{filePath: string}>).map((r) => path.basename(r.filePath)), ['small.txt'])
  // Standard input the same; with --fix the input comes back unchanged.
  const big = readFileSync(path.join(folder, 'big.md'), 'utf8')
  const stdin = run(['--stdin', '--stdin-filename', 'big.md', '--fix'], big)
  assert.is(stdin.status, 2)
  assert.match(stdin.stderr, /^citelint: big\.md: out of memory \(heap limit \d+ MB\); not linted/)
  assert.ok(stdin.stdout === big, 'the input is written back unchanged')
})

test('a file without read permission', async () => {
  const folder = scaffold({'secret.txt': good, 'a.txt': undefinedRef})
  chmodSync(path.join(folder, 'secret.txt'), 0o000)
  const run = await runUnprivileged(['secret.txt', 'a.txt', '--format', 'json'], folder, 'an unreadable file')
  if (!run) return
  assert.equal([run.code, run.err], [2, 'citelint: secret.txt: permission denied\n'])
  assert.is((JSON.parse(run.out) as unknown[]).length, 1)
})

test('a file without read permission (EACCES injected), walked or named', async () => {
  const folder = scaffold({'tree/secret.md': good, 'tree/a.txt': good, 'b.txt': good})
  const {results, failures} = await lintFiles(['tree', 'b.txt'], {cwd: folder, fileOps: failing('openSync', 'secret.md', 'EACCES')})
  assert.equal(failures, [{filePath: path.join('tree', 'secret.md'), reason: 'permission denied'}])
  assert.equal(results.map((r) => r.file.path), [path.join('tree', 'a.txt'), 'b.txt'])
})

test('a file that vanishes between walking and reading', async () => {
  const folder = scaffold({'tree/a.txt': good, 'tree/gone.txt': good, 'tree/z.txt': good})
  const vanishing: FileOps = {
    ...nodeFileOps,
    openSync: ((target: string, flags?: string) => {
      if (target.endsWith('gone.txt') && existsSync(target)) unlinkSync(target)
      return nodeFileOps.openSync(target, flags ?? 'r')
    }) as typeof openSync
  }
  const {results, failures} = await lintFiles(['tree'], {cwd: folder, fileOps: vanishing})
  assert.equal(failures, [{filePath: path.join('tree', 'gone.txt'), reason: 'no such file or directory'}])
  assert.is(results.length, 2)
})

test('a binary file is skipped with its message, the others linted', async () => {
  const folder = scaffold({'tree/image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'tree/a.txt': undefinedRef})
  const {code, out, err} = await runCli(['tree', '--format', 'json'], folder)
  assert.equal([code, err], [2, 'citelint: tree/image.md: binary file (contains NUL bytes), skipped\n'])
  assert.is((JSON.parse(out) as unknown[]).length, 1)
})

test('an empty file: no error, nothing to report', async () => {
  const folder = scaffold({'empty.md': '', 'empty.txt': '', 'bom.txt': '\ufeff', 'blank.md': '\n\r\n  \n'})
  const {code, out, err} = await runCli(['empty.md', 'empty.txt', 'bom.txt', 'blank.md'], folder)
  assert.equal([code, out, err], [0, '', ''])
})

test('--max-file-size: sizes as 50MB, 200KB or bytes; a larger file is skipped with its size', async () => {
  assert.equal(
    ['4096', '200KB', '200kb', '200K', '200 KiB', '50MB', '1.5GB', '7B', '', 'lots', '-1', '5TB', '1e3'].map(parseSize),
    [4096, 204800, 204800, 204800, 204800, 52428800, 1610612736, 7, undefined, undefined, undefined, undefined, undefined]
  )
  assert.equal([formatSize(512), formatSize(204800), formatSize(66270658)], ['512 bytes', '200 KB', '63.2 MB'])
  assert.is(defaultMaxFileSize, 50 * 1024 * 1024)
  const folder = scaffold({'big.txt': `${good}${'x'.repeat(3000)}\n`, 'a.txt': undefinedRef})
  const over = await runCli(['big.txt', 'a.txt', '--max-file-size', '2KB', '--format', 'json'], folder)
  assert.equal([over.code, over.err], [2, 'citelint: big.txt: file too large (3 KB, limit 2 KB), skipped; raise it with --max-file-size\n'])
  assert.is((JSON.parse(over.out) as unknown[]).length, 1)
  const bytes = await runCli(['big.txt', '--max-file-size', '4096'], folder)
  assert.equal([bytes.code, bytes.err], [0, ''])
  const invalid = await runCli(['big.txt', '--max-file-size', '2 lots'], folder)
  assert.is(invalid.code, 2)
  assert.ok(invalid.err.startsWith('citelint: --max-file-size: invalid value `2 lots`, expected a size such as 200KB'), invalid.err)
})

test('--max-file-size defaults to 50 MB, checked before reading (a sparse file)', async () => {
  const folder = scaffold({'huge.txt': '', 'a.txt': good})
  truncateSync(path.join(folder, 'huge.txt'), defaultMaxFileSize + 1)
  const {code, err} = await runCli(['huge.txt', 'a.txt'], folder)
  assert.equal([code, err], [2, 'citelint: huge.txt: file too large (52428801 bytes, limit 52428800 bytes), skipped; raise it with --max-file-size\n'])
})

test('invalid UTF-8: linted with U+FFFD and a warning at the first invalid byte, never fixed', async () => {
  // BOM, a literal U+FFFD (valid UTF-8), then Latin-1 é (0xE9) on line 2; notes out of order (fixable).
  const latin1 = Buffer.concat([
    Buffer.from('\ufeffA literal \ufffd is fine.\nCaf'),
    Buffer.from([0xe9]),
    Buffer.from(' claim.[2] Another.[1]\n\n[2] Al-Akhbar (Lebanon), 2015.\n[1] As-Safir, 2016.\n')
  ])
  const valid = Buffer.from(latin1.toString('latin1').replace('\u00ef\u00bb\u00bf', '\ufeff').replace('\u00ef\u00bf\u00bd', '\ufffd'), 'utf8')
  const folder = scaffold({'latin1.txt': latin1, 'utf8.txt': valid})
  const {code, out, err} = await runCli(['latin1.txt', '--format', 'json'], folder)
  assert.equal([code, err], [0, ''])
  const [result] = JSON.parse(out) as Array<{messages: Array<Record<string, unknown>>}>
  // No rule reports it: ruleId null, as ESLint's JSON gives for such messages.
  assert.equal(result!.messages[0], {
    ruleId: null,
    messageId: 'invalidUtf8',
    severity: 1,
    message: 'Invalid UTF-8: bytes read as U+FFFD replacement characters (linted, not fixed), expected UTF-8 text',
    line: 2,
    column: 4,
    endLine: 2,
    endColumn: 5
  })
  assert.ok(result!.messages.some((m) => m['ruleId'] === 'note-order'), 'the rest of the file is linted')
  // --fix leaves the file's bytes alone; the valid twin is fixed.
  const fixed = await runCli(['latin1.txt', 'utf8.txt', '--fix'], folder)
  assert.is(fixed.err, '')
  assert.ok(readFileSync(path.join(folder, 'latin1.txt')).equals(latin1), 'not rewritten')
  assert.not.ok(readFileSync(path.join(folder, 'utf8.txt')).equals(valid), 'the UTF-8 twin is fixed')
})

test('invalid UTF-8 on standard input: the same warning; --stdin --fix gives the bytes back unchanged; NUL bytes refused', async () => {
  const latin1 = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' claim.[2] Another.[1]\n\n[2] Al-Akhbar (Lebanon), 2015.\n[1] As-Safir, 2016.\n')])
  const {code, out} = await runCli(['--stdin', '--stdin-filename', 'r.txt', '--format', 'json'], root, latin1)
  assert.is(code, 0)
  const [result] = JSON.parse(out) as Array<{messages: Array<Record<string, unknown>>}>
  assert.equal(result!.messages.map((m) => [m['ruleId'], m['messageId'], m['line'], m['column']]), [
    [null, 'invalidUtf8', 1, 4],
    ['note-order', 'reference', 1, 24],
    ['note-order', 'list', 4, 1]
  ])
  const fixed = await runCli(['--stdin', '--stdin-filename', 'r.txt', '--fix'], root, latin1)
  assert.is(fixed.out, latin1.toString('latin1'), 'byte for byte, not re-encoded and not fixed')
  const binary = await runCli(['--stdin', '--stdin-filename', 'x.md'], root, Buffer.from([0x23, 0x00, 0x0a]))
  assert.equal([binary.code, binary.err], [2, 'citelint: x.md: binary file (contains NUL bytes), skipped\n'])
})

test('--output-file and --cache-location under /proc: one line and exit 2, no hang (Node\'s recursive mkdir spins there)', () => {
  if (!existsSync('/proc/self')) return void console.log('SKIP output under /proc: no /proc')
  const bin = path.join(root, 'bin/citelint.js')
  const run = (args: string[]) => spawnSync(process.execPath, [bin, 'examples/note-order.txt', ...args], {cwd: root, encoding: 'utf8', timeout: 60_000})
  const output = run(['--output-file', '/proc/citelint-nope/report.txt'])
  assert.equal([output.status, output.stderr], [2, 'citelint: /proc/citelint-nope/report.txt: cannot write the report (ENOENT)\n'])
  const cache = run(['--cache', '--cache-location', '/proc/citelint-nope/cache/'])
  assert.is(cache.status, 0, 'a cache that cannot be written does not change the exit code')
  assert.match(cache.stderr, /^citelint: warning: .*\/proc\/citelint-nope\/cache/)
})

test('an unexpected failure: one line without a stack trace, the stack only with --debug', async () => {
  const {run} = await import('../src/cli/main.js')
  const attempt = async (args: string[]): Promise<{code: number; err: string}> => {
    let err = ''
    const code = await run(args, {
      cwd: root,
      env: {},
      stdoutIsTTY: false,
      // Standard output closed under us (as when piped into a process that exited).
      writeOut: () => {
        throw new Error('write EPIPE')
      },
      writeErr: (text) => (err += text),
      readStdin: async () => ''
    })
    return {code, err}
  }
  const plain = await attempt(['examples/undefined-reference.txt'])
  assert.equal(plain, {code: 2, err: 'citelint: internal error: write EPIPE (run with --debug for details)\n'})
  const debug = await attempt(['examples/undefined-reference.txt', '--debug'])
  assert.is(debug.code, 2)
  assert.match(debug.err, /^citelint: internal error: Error: write EPIPE\n\s+at /)
})


test('a file with no UTF-8 sequence at all is read as Windows-1252; UTF-8 with a broken byte keeps U+FFFD', () => {
  // Latin-1 é (E9) and Windows-1252 curly quotes (93, 94): no valid UTF-8 sequence of two or more bytes.
  const legacy = decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x0a]), 'legacy.txt')
  assert.equal(legacy, {text: 'Caf\u00e9 \u201cq\u201d\n', invalidUtf8: 3, encoding: 'windows-1252'})
  // UTF-8 é (C3 A9) beside a lone E9: damaged UTF-8, decoded with U+FFFD at the broken byte.
  const damaged = decodeText(Uint8Array.from([0xc3, 0xa9, 0x20, 0xe9, 0x0a]), 'damaged.txt')
  assert.equal(damaged, {text: '\u00e9 \ufffd\n', invalidUtf8: 2})
  // An overlong form (C0 AF) and a surrogate (ED A0 80) are not UTF-8 either.
  assert.equal(decodeText(Uint8Array.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), 'odd.txt'), {text: '\u00c0\u00af\u00ed\u00a0\u20ac', invalidUtf8: 0, encoding: 'windows-1252'})
})

test.run()
