/**
 * The package as a project gets it: `npm pack` (of the build `npm test`
 * just made), then the tarball installed into an empty temporary project
 * with `npm install --offline`, from the npm cache that the root `npm ci`
 * filled (a lock copied from the root's, see project-lock.ts; remark-cli,
 * a root devDependency, is installed beside it). In that project: the CLI
 * on the seed, `import('citelint')` (the bundled library, with the patched
 * parser and no module loaded from outside the package), `citelint-lsp`
 * answering `initialize`, `remark --use citelint/remark`, the package's
 * types under `tsc --strict`, the action's shell steps, and the pre-commit
 * hook through `pre-commit try-repo` (SKIP without pre-commit; it fails
 * under CI=true).
 */
import {spawn, spawnSync} from 'node:child_process'
import type {SpawnSyncReturns} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {available, root, shared} from './helpers.js'
import {projectFiles} from './project-lock.js'
import type {Lockfile, Tarball} from './project-lock.js'

const folder = mkdtempSync(path.join(os.tmpdir(), 'citelint-pack-'))
const project = path.join(folder, 'project')
const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')
const seedFindings = ['18:1189-18:1192 error broken-marker', '26:1-26:22 error empty-source', '30:1-30:22 error empty-source']
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Tarball['manifest'] & {
  readonly devDependencies: Record<string, string>
  readonly overrides?: object
  readonly scripts?: Record<string, string>
}

/**
 * The environment of every child: the test's own, without what `npm test`
 * sets for its script (`npm_*`, `INIT_CWD`), which would point a nested npm
 * back at this repository; the npm cache stays the one `npm ci` filled.
 */
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}).filter(
    ([key]) => (!/^npm_/i.test(key) || key.toLowerCase() === 'npm_config_cache') && key !== 'INIT_CWD'
  )
)

/** Run `command` in the project (or `cwd`); a hang fails after 5 minutes instead of blocking the suite. */
function run(command: string, args: readonly string[], {cwd = project, input}: {cwd?: string; input?: string} = {}): SpawnSyncReturns<string> {
  const child = spawnSync(command, args, {cwd, env, input, encoding: 'utf8', timeout: 300_000})
  if (child.error) throw child.error
  return child
}

/** `path:line:col-line:col severity rule` of each finding in stylish output (the CLI's default). */
function stylishFindings(out: string): string[] {
  return [...out.matchAll(/^(\d+:\d+-\d+:\d+)\s+(error|warning)\s.*\s(\S+)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)
}

const bin = (name: string): string => path.join(project, 'node_modules/.bin', name)
let files: string[] = []

test.before(() => {
  mkdirSync(project)
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], {cwd: root})
  assert.is(packed.status, 0, packed.stderr)
  const [info] = JSON.parse(packed.stdout) as Array<{filename: string; integrity: string; files: Array<{path: string}>}>
  files = info!.files.map((file) => file.path)
  const rootLock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lockfile
  const remarkCli = rootPackage.devDependencies['remark-cli']!
  const {packageJson, lock} = projectFiles(
    rootLock,
    {file: info!.filename, integrity: info!.integrity, manifest: rootPackage},
    {'remark-cli': remarkCli},
    rootPackage.overrides
  )
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`)
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund'])
  assert.is(install.status, 0, `npm install --offline failed:\n${install.stderr}`)
  writeFileSync(path.join(project, 'report.md'), 'A claim.[^1] Another claim.[^outage]\n\n[^1]: Reuters, "A title", March 3, 2020.\n')
  writeFileSync(path.join(project, 'clean.md'), 'A claim.[^1]\n\n[^1]: Reuters, "A title", March 3, 2020.\n')
})

test.after(() => {
  rmSync(folder, {recursive: true, force: true})
})

test('the tarball: bundle, types, rule documentation, licences; no tests, sources or unbundled code', () => {
  for (const file of [
    'package.json',
    'README.md',
    'docs/word-documents.md',
    'docs/html-pages.md',
    'LICENSE',
    'bin/citelint.js',
    'bin/citelint-lsp.js',
    'dist/bundle/index.js',
    'dist/bundle/remark.js',
    'dist/bundle/cli.js',
    'dist/bundle/lsp.js',
    'dist/bundle/lint-worker.js',
    'dist/bundle/THIRD_PARTY_LICENSES.txt',
    'dist/src/index.d.ts',
    'dist/src/remark.d.ts',
    'rules/undefined-reference.ts'
  ]) {
    assert.ok(files.includes(file), `${file} is not in the tarball`)
  }
  const stray = files.filter((file) => /^(src|test|patches|scripts|bench|examples)\/|^dist\/(test|scripts)\/|^dist\/(src|rules|conventions)\/.*\.js$/.test(file))
  assert.equal(stray, [])
})

test('installed: no install script runs; the dependencies are the packages whose types the declarations name', () => {
  const installed = JSON.parse(readFileSync(path.join(project, 'node_modules/citelint/package.json'), 'utf8')) as typeof rootPackage & {
    dependencies?: Record<string, string>
  }
  const scripts = Object.keys(installed.scripts ?? {}).filter((name) => /^(pre|post)?install$/.test(name))
  assert.equal(scripts, [])
  // The code needs none of them (the next tests load nothing from outside the package).
  assert.equal(Object.keys(installed.dependencies ?? {}).sort(), ['@types/mdast', '@types/unist', 'vfile', 'vfile-message'])
})

test('npx citelint on the seed: its 3 errors, exit 1; --version', () => {
  if (!available(seed, 'the seed report')) return
  const lint = run('npx', ['--no', 'citelint', seed])
  assert.is(lint.status, 1, lint.stderr)
  assert.equal(stylishFindings(lint.stdout), seedFindings)
  assert.match(lint.stdout, /✖ 3 errors/)
  assert.is(run('npx', ['--no', '--', 'citelint', '--version']).stdout, `${rootPackage.version}\n`)
})

test('import("citelint"): lintText on the seed, run by the bundled patched parser, loading nothing from outside the package', () => {
  if (!available(seed, 'the seed report')) return
  const log = path.join(folder, 'loaded.txt')
  writeFileSync(log, '')
  const hooks = path.join(folder, 'hooks.mjs')
  writeFileSync(
    hooks,
    `import {appendFileSync} from 'node:fs'\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n')\n  return next(url, context)\n}\n`
  )
  const register = `data:text/javascript,${encodeURIComponent(`import {register} from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)})`)}`
  const script = [
    `import {readFileSync} from 'node:fs'`,
    `import {createRequire} from 'node:module'`,
    `import {lintText} from 'citelint'`,
    `const {messages} = lintText(readFileSync(${JSON.stringify(seed)}, 'utf8'), {filePath: 'seed.txt'})`,
    `const required = Object.keys(createRequire(import.meta.url).cache)`,
    `console.log(JSON.stringify({messages: messages.map((m) => [m.place.start.line, m.place.start.column, m.ruleId, m.fatal, m.url]), required}))`
  ].join('\n')
  const child = run(process.execPath, ['--import', register, '--input-type=module', '-e', script])
  assert.is(child.status, 0, child.stderr)
  const out = JSON.parse(child.stdout) as {messages: Array<[number, number, string, boolean, string]>; required: string[]}
  assert.equal(
    out.messages.map(([line, column, ruleId]) => `${line}:${column} ${ruleId}`),
    ['18:1189 broken-marker', '26:1 empty-source', '30:1 empty-source']
  )
  assert.ok(out.messages.every(([, , , fatal]) => fatal))
  assert.is(out.messages[0]![4], `https://unpkg.com/citelint@${rootPackage.version}/rules/broken-marker.ts`)
  assert.equal(out.required, [])
  const packageUrl = pathToFileURL(path.join(project, 'node_modules/citelint')).href + '/'
  const loaded = [...new Set(readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:')))]
  assert.equal(
    loaded.filter((url) => !url.startsWith(packageUrl)),
    [],
    'modules loaded from outside the package'
  )
  // micromark's text initializer, as patches/ leaves it: one pass, no splice per run.
  const withParser = loaded.filter((url) => readFileSync(new URL(url), 'utf8').includes('resolveAllLineSuffixes'))
  assert.is(withParser.length, 1, 'one loaded file holds micromark’s text initializer')
  const source = readFileSync(new URL(withParser[0]!), 'utf8')
  const start = source.indexOf('function resolveAllText(')
  assert.ok(start >= 0, 'micromark’s resolveAllText is in the bundle')
  const resolver = source.slice(start, source.indexOf('function ', start + 1))
  assert.ok(resolver.includes('events.length=write'), 'the bundled resolveAllText is the patched one')
  assert.not.ok(resolver.includes('.splice('), 'the bundled resolveAllText splices per run (unpatched)')
})

test('citelint-lsp starts and answers initialize', async () => {
  const child = spawn(bin('citelint-lsp'), ['--stdio'], {cwd: project, env})
  try {
    const answer = await new Promise<Record<string, unknown>>((resolve, reject) => {
      let buffer = Buffer.alloc(0)
      const guard = setTimeout(() => reject(new Error('citelint-lsp did not answer initialize')), 60_000)
      child.on('error', reject)
      child.on('exit', (code) => reject(new Error(`citelint-lsp exited (${code}) before answering`)))
      child.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk])
        const headerEnd = buffer.indexOf('\r\n\r\n')
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, Math.max(headerEnd, 0)).toString())?.[1])
        if (headerEnd < 0 || buffer.length < headerEnd + 4 + length) return
        clearTimeout(guard)
        resolve(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Record<string, unknown>)
      })
      const body = JSON.stringify({jsonrpc: '2.0', id: 1, method: 'initialize', params: {processId: null, rootUri: null, capabilities: {}}})
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    })
    assert.is(answer['id'], 1)
    const result = answer['result'] as {capabilities: Record<string, unknown>; serverInfo?: {name: string}}
    assert.ok(result.capabilities['textDocumentSync'], 'capabilities name document sync')
    assert.is(result.serverInfo?.name, 'citelint')
  } finally {
    child.kill()
  }
})

test('remark --use citelint/remark: the undefined reference as a citelint message, exit 1; --frail fails on a warning', () => {
  const remark = (...args: string[]) => run(bin('remark'), [...args, '--use', 'citelint/remark', '--no-color', '--no-stdout'])
  const lint = remark('report.md')
  assert.is(lint.status, 1, lint.stderr)
  assert.match(lint.stderr, /1:28-1:37\s+error\s+Undefined reference `\[\^outage\]`.*\sundefined-reference\s+citelint/)
  writeFileSync(path.join(project, 'warning.md'), 'A claim.[^1]\n\n[^1]: Reuters, "A title", March 3, 2020.\n[^2]: NPR, "B title", June 1, 2021.\n')
  const relaxed = remark('warning.md')
  assert.is(relaxed.status, 0, relaxed.stderr)
  assert.match(relaxed.stderr, /4:1-4:5\s+warning\s+Unused note `\[\^2\]`.*\sunused-note\s+citelint/)
  assert.is(remark('warning.md', '--frail').status, 1)
  assert.is(remark('clean.md', '--frail').status, 0)
})

test('the package’s types: a consumer of citelint and citelint/remark type-checks under --strict, and no type is lost', () => {
  // With skipLibCheck (checking every declaration file under node_modules
  // costs five times as much), a declaration's unresolved import silently
  // becomes an error type that accepts anything: the last checks catch it.
  writeFileSync(
    path.join(project, 'consumer.ts'),
    [
      `import {lintText, type CitelintMessage, type Config, type LintResult} from 'citelint'`,
      `import remarkCitelint from 'citelint/remark'`,
      `import {remark} from 'remark'`,
      `const config: Config = {rules: {'note-order': 'off', 'marker-placement': ['warn', {style: 'after-punctuation'}]}}`,
      `const {messages} = lintText('A claim.[^1]\\n', {filePath: 'report.md', config})`,
      `const ids: Array<string | undefined> = messages.map((message: CitelintMessage) => message.ruleId)`,
      `const file = await remark().use(remarkCitelint, config).process('A claim.[^1]\\n')`,
      `export const found: string[] = [...ids.map(String), ...file.messages.map((message) => \`\${message.source}:\${message.ruleId}\`)]`,
      // A type lost to an unresolved import accepts anything: these must not.
      `// @ts-expect-error a number is no VFile`,
      `export const notFile: LintResult['file'] = 0`,
      `// @ts-expect-error a number is no unist position`,
      `export const notPlace: NonNullable<CitelintMessage['place']> = 0`,
      `// @ts-expect-error a number is no list of references`,
      `export const notReferences: LintResult['index']['references'] = 0`,
      `// @ts-expect-error a number is no mdast tree`,
      `export const notTree: Parameters<ReturnType<typeof remarkCitelint>>[0] = 0`,
      ``
    ].join('\n')
  )
  // Node's types (the project has none) from a folder holding only them: the
  // root's whole @types would also resolve the type packages citelint must bring.
  const typeRoots = path.join(folder, 'type-roots')
  mkdirSync(typeRoots)
  symlinkSync(path.join(root, 'node_modules/@types/node'), path.join(typeRoots, 'node'), 'dir')
  const tsc = run(process.execPath, [
    path.join(root, 'node_modules/typescript/bin/tsc'),
    '--noEmit',
    '--strict',
    '--skipLibCheck',
    '--target',
    'es2022',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--typeRoots',
    typeRoots,
    '--types',
    'node',
    'consumer.ts'
  ])
  assert.is(tsc.status, 0, tsc.stdout + tsc.stderr)
})

test('citelint/remark through the remark API in the project: messages with citelint’s rule ids', () => {
  const script = [
    `import {remark} from 'remark'`,
    `import remarkCitelint from 'citelint/remark'`,
    `const file = await remark().use(remarkCitelint).process({path: 'report.md', value: 'A claim.[^1] Another.[^2]\\n\\n[^1]: Reuters, "A title", March 3, 2020.\\n'})`,
    `console.log(JSON.stringify(file.messages.map((m) => [m.source, m.ruleId, m.fatal, m.line, m.column])))`
  ].join('\n')
  const child = run(process.execPath, ['--input-type=module', '-e', script])
  assert.is(child.status, 0, child.stderr)
  assert.equal(JSON.parse(child.stdout), [['citelint', 'undefined-reference', true, 1, 22]])
})

test('action.yml: its shell steps, run as the runner would, use the project’s citelint and annotate', () => {
  if (!available(seed, 'the seed report')) return
  const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, {default?: string}>
    runs: {using: string; steps: Array<{run?: string; shell?: string; env?: Record<string, string>; if?: string; id?: string}>}
  }
  assert.is(action.runs.using, 'composite')
  writeFileSync(path.join(project, 'seed.txt'), readFileSync(seed))
  const inputs: Record<string, string> = {...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), paths: 'seed.txt'}
  const runner = path.join(folder, 'runner')
  mkdirSync(runner, {recursive: true})
  const outputs: Record<string, Record<string, string>> = {}
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*(inputs|steps)\.([\w-]+)(?:\.outputs\.([\w-]+))?\s*\}\}/g, (_, kind: string, name: string, output?: string) =>
      kind === 'inputs' ? (inputs[name] ?? '') : (outputs[name]?.[output ?? ''] ?? '')
    )
  let last: SpawnSyncReturns<string> | undefined
  let log = ''
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.run === undefined) continue
    assert.is(step.shell, 'bash')
    const outputFile = path.join(runner, `output-${i}`)
    writeFileSync(outputFile, '')
    const stepEnv = {
      ...env,
      GITHUB_ACTION_PATH: root,
      GITHUB_WORKSPACE: project,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: runner,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value)]))
    }
    // GitHub runs a bash step as `bash --noprofile --norc -eo pipefail {0}`.
    const script = path.join(runner, `step-${i}.sh`)
    writeFileSync(script, expand(step.run))
    last = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {cwd: project, env: stepEnv, encoding: 'utf8', timeout: 300_000})
    log += last.stdout + last.stderr
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
      )
    }
    if (last.status !== 0) break
  }
  assert.ok(last, 'the action has shell steps')
  assert.is(last.status, 1, last.stderr)
  assert.equal(
    last.stdout.split('\n').filter((line) => line.startsWith('::')).map((line) => /^::(\w+) file=([^,]+),line=(\d+),col=(\d+).*title=([\w-]+)::/.exec(line)?.slice(1).join(' ')),
    ['error seed.txt 18 1189 broken-marker', 'error seed.txt 26 1 empty-source', 'error seed.txt 30 1 empty-source']
  )
  assert.match(log, new RegExp(`Using the project’s citelint ${rootPackage.version.replaceAll('.', '\\.')}\n`))
})

/** Whether the `pre-commit` tool runs; SKIP (or, under CI=true, fail) when it does not. */
function preCommitAvailable(): boolean {
  const probe = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'})
  if (!probe.error && probe.status === 0) return true
  if (process.env['CI'] === 'true') throw new Error('pre-commit is missing (required under CI=true; .ci/run installs the Debian package)')
  console.log('SKIP the pre-commit hook: pre-commit not found (Debian package `pre-commit`)')
  return false
}

test('.pre-commit-hooks.yaml: pre-commit try-repo runs the project’s citelint on the staged seed (3 errors, hook fails) and passes a clean report', () => {
  if (!available(seed, 'the seed report') || !preCommitAvailable() || !available(path.join(root, '.git'), 'this repository’s git folder')) return
  writeFileSync(path.join(project, 'seed.txt'), readFileSync(seed))
  writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n')
  assert.is(run('git', ['init', '-q', '.']).status, 0)
  assert.is(run('git', ['add', 'seed.txt', 'clean.md', '.gitignore']).status, 0)
  const preCommit = (...args: string[]) =>
    spawnSync('pre-commit', ['try-repo', root, 'citelint', ...args], {
      cwd: project,
      env: {...env, PRE_COMMIT_HOME: path.join(folder, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never'},
      encoding: 'utf8',
      timeout: 300_000
    })
  const failing = preCommit('--files', 'seed.txt')
  assert.is(failing.status, 1, failing.stdout + failing.stderr)
  assert.match(failing.stdout, /^citelint\.+Failed$/m)
  assert.equal(stylishFindings(failing.stdout), seedFindings)
  const passing = preCommit('--files', 'clean.md')
  assert.is(passing.status, 0, passing.stdout + passing.stderr)
  assert.match(passing.stdout, /^citelint\.+Passed$/m)
  assert.ok(existsSync(path.join(project, 'node_modules/.bin/citelint')))
})

test.run()
