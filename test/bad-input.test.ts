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
import {chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import type {opendir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {FileOps} from '../src/files.js'
import {nodeFileOps} from '../src/files.js'
import {lintFiles} from '../src/lint-files.js'
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
/** Whether this process can run a command as `nobody` (root with a working setpriv). */
const canDropPrivileges =
  isRoot &&
  spawnSync('setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath, '-e', ''], {stdio: 'ignore'})
    .status === 0

/**
 * Run the CLI where a mode of 000 denies reading: in-process when not root,
 * else as `nobody` through setpriv. `undefined` (after printing SKIP) when
 * neither is possible.
 */
function runUnprivileged(args: string[], cwd: string, what: string): Promise<CliRun> | CliRun | undefined {
  if (!isRoot) return runCli(args, cwd)
  if (!canDropPrivileges) {
    console.log(`SKIP ${what} as another user: running as root without a working setpriv (the injected EACCES test covers the code path)`)
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

/** File system calls that fail with `code` for paths ending in `suffix`. */
function failing(call: 'opendir', suffix: string, code: string): FileOps {
  const error = (target: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`${code}: simulated, ${call} '${target}'`), {code, syscall: call, path: target})
  const ops: FileOps = {
    ...nodeFileOps,
    opendir: (async (target: string, options?: unknown) => {
      if (String(target).endsWith(suffix)) throw error(String(target))
      return nodeFileOps.opendir(target, options as Parameters<typeof opendir>[1])
    }) as typeof opendir
  }
  return ops
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

test.run()
