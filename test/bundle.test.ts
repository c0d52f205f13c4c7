/**
 * The bundle (scripts/bundle.mjs, dist/bundle/): bin/ runs it, a plain
 * single-file run loads only the chunks it imports statically and the engine (the lazy
 * ones stay unloaded), files shipped with the package are found from it,
 * `--debug` traces map back to the TypeScript sources, and the third-party
 * licence file names every bundled package. Module loads are recorded with
 * a Node loader hook (`module.register`), not timed.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {root} from './helpers.js'

/** The part of esbuild's metafile read here (dist/bundle-meta.json). */
interface Metafile {
  readonly inputs: Record<string, unknown>
  readonly outputs: Record<
    string,
    {
      readonly entryPoint?: string
      readonly imports: ReadonlyArray<{readonly path: string; readonly kind: string; readonly external?: boolean}>
    }
  >
}

const meta = JSON.parse(readFileSync(path.join(root, 'dist/bundle-meta.json'), 'utf8')) as Metafile
const bin = path.join(root, 'bin/citelint.js')

/** Output files (paths relative to the root, as in the metafile) that `start` imports statically, itself included. */
function staticClosure(start: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const edge of meta.outputs[file]?.imports ?? []) if (!edge.external && edge.kind === 'import-statement') visit(edge.path)
  }
  visit(start)
  return seen
}

/** The output file whose entry point (a dynamic import's target) is `source`. */
function chunkOf(source: string): string {
  const found = Object.entries(meta.outputs).find(([file, output]) => output.entryPoint === source && file.endsWith('.js'))
  if (!found) throw new Error(`no chunk has the entry point ${source}`)
  return found[0]
}

/**
 * Run bin/citelint.js with `args` and a loader hook; return its exit code,
 * output, and every `file:` module it loaded, relative to the root.
 */
function traced(
  args: readonly string[],
  {cwd = root, preload, input = ''}: {cwd?: string; preload?: string; input?: string} = {}
): {code: number | null; out: string; err: string; loaded: string[]} {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'citelint-bundle-'))
  try {
    const log = path.join(folder, 'loaded.txt')
    writeFileSync(log, '')
    const hooks = path.join(folder, 'hooks.mjs')
    writeFileSync(
      hooks,
      `import {appendFileSync} from 'node:fs'\n` +
        `export async function load(url, context, next) {\n` +
        `  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n')\n` +
        `  return next(url, context)\n` +
        `}\n`
    )
    const register = path.join(folder, 'register.mjs')
    writeFileSync(register, `import {register} from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
    const imports = ['--import', pathToFileURL(register).href, ...(preload ? ['--import', preload] : [])]
    const child = spawnSync(process.execPath, [...imports, bin, ...args], {cwd, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    const rootUrl = pathToFileURL(root).href + '/'
    const loaded = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith(rootUrl))
      .map((url) => url.slice(rootUrl.length))
    return {code: child.status, out: child.stdout, err: child.stderr, loaded}
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

const lazySources = [
  'src/lsp/server.ts',
  'src/cli/summary.ts',
  'src/report/sarif.ts',
  'src/report/github.ts',
  'node_modules/yaml/dist/index.js',
  'node_modules/diff/libesm/index.js',
  'node_modules/ignore/index.js'
]

test('the lazy imports stay chunks of their own, outside what the CLI entry imports statically', () => {
  const eager = staticClosure('dist/bundle/cli.js')
  for (const source of lazySources) {
    const chunk = chunkOf(source)
    assert.not.ok(eager.has(chunk), `${source} (${chunk}) is imported statically by the CLI`)
  }
})

/**
 * What a plain lint run loads: bin/, the CLI entry's static imports, and the
 * lint step with the engine (imported when a file is linted, not when a
 * cache hit answers), with their static imports.
 */
function plainRunModules(): string[] {
  return [...new Set(['bin/citelint.js', ...staticClosure('dist/bundle/cli.js'), ...staticClosure(chunkOf('src/run/lint-task.ts'))])].sort()
}

test('a plain single-file run: bin/ runs the bundle and loads exactly the statically imported chunks and the engine', () => {
  const run = traced(['examples/undefined-reference.md'])
  assert.is(run.code, 1)
  assert.is(run.err, '')
  assert.match(run.out, /^examples\/undefined-reference\.md\n\s*4:17-4:26\s+error\s+Undefined reference `\[\^outage\]`/)
  assert.equal([...new Set(run.loaded)].sort(), plainRunModules())
})

test('the same on standard input', () => {
  const run = traced(['--stdin', '--stdin-filename', 'in.md'], {input: 'Text.[^1] and[^2]\n\n[^1]: Reuters, "A title", March 3, 2020.\n'})
  assert.is(run.code, 1)
  assert.is(run.err, '')
  assert.match(run.out, /^in\.md\n\s*1:14-1:18\s+error\s+Undefined reference `\[\^2\]`/)
  assert.equal([...new Set(run.loaded)].sort(), plainRunModules())
})

test('a lazy chunk loads when its feature is used (--format sarif)', () => {
  const sarif = traced(['examples/undefined-reference.md', '--format', 'sarif'])
  assert.is(sarif.code, 1)
  assert.ok(sarif.loaded.includes(chunkOf('src/report/sarif.ts')))
  assert.not.ok(sarif.loaded.includes(chunkOf('src/report/github.ts')))
  const driver = (JSON.parse(sarif.out) as {runs: Array<{tool: {driver: {version: string; informationUri: string}}}>}).runs[0]?.tool.driver
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
  // package.json is found from the bundle (src/engine/package-root.ts).
  assert.equal(driver, {...driver, version: pkg.version, informationUri: `https://www.npmjs.com/package/citelint/v/${pkg.version}`})
})

test('the lazy chunks work through bin/: YAML config, ignore file, glob, --fix, --fix-dry-run, github, summary', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'citelint-bundle-lazy-'))
  try {
    const report = 'Text.[^1] and [^2]\n\n[^1]: AP, "A title", May 1, 2021.\n[^2]: Reuters, "B title", March 3, 2020.\n[^3]: NPR, "C title", June 1, 2021.\n'
    for (const name of ['a.md', 'b.md', 'ignored.md']) writeFileSync(path.join(folder, name), report)
    writeFileSync(path.join(folder, '.citelintignore'), 'ignored.md\n')
    const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], {cwd: folder, encoding: 'utf8'})
    const message = 'Detached reference `[^2]`: a space separates it from the text it cites, expected no space before it'
    const detached = `1:15-1:19 warning ${message} marker-placement`
    // Without a config, the unused note [^3] is an error too.
    assert.match(cli('a.md').stdout, /unused-note/)
    writeFileSync(path.join(folder, '.citelintrc.yaml'), 'rules:\n  unused-note: "off"\n  marker-placement: [warn, {style: after-punctuation}]\n')
    const globbed = cli('*.md')
    assert.is(globbed.stderr, '')
    assert.is(globbed.stdout, `a.md\n${detached}\n\nb.md\n${detached}\n\n⚠ 2 warnings\n`)
    assert.is(cli('b.md', '--format', 'github').stdout, `::warning file=b.md,line=1,col=15,endLine=1,endColumn=19,title=marker-placement::${message}\n`)
    const dryRun = cli('b.md', '--fix-dry-run')
    assert.match(dryRun.stdout, /^--- a\/b\.md\n\+\+\+ b\/b\.md\n@@ -1,5 \+1,5 @@\n-Text\.\[\^1\] and \[\^2\]\n\+Text\.\[\^1\] and\[\^2\]\n/)
    const fixed = cli('a.md', '--fix')
    assert.equal([fixed.status, fixed.stdout, fixed.stderr], [0, '', ''])
    assert.is(readFileSync(path.join(folder, 'a.md'), 'utf8'), report.replace(' [^2]', '[^2]'))
    const summary = cli('summary', '.')
    assert.is(summary.status, 0)
    assert.match(summary.stdout, /^File .*\n-+.*\na\.md .*\nb\.md .*\n-+/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('--version from another folder prints citelint’s version (yargs reads the package root, not the working folder)', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
  const child = spawnSync(process.execPath, [bin, '--version'], {cwd: os.tmpdir(), encoding: 'utf8'})
  assert.is(child.status, 0)
  assert.is(child.stdout, `${pkg.version}\n`)
})

test('--debug: the stack trace of an internal error points into the TypeScript sources', () => {
  // Standard output throws on write, as a closed pipe would.
  const preload = `data:text/javascript,${encodeURIComponent('process.stdout.write = () => { throw new Error("write EPIPE") }')}`
  const debug = traced(['examples/undefined-reference.md', '--debug'], {preload})
  assert.is(debug.code, 2)
  assert.match(debug.err, /^citelint: internal error: Error: write EPIPE\n/)
  assert.match(debug.err, /\(.*\/src\/cli\/main\.ts:\d+:\d+\)/)
  assert.not.match(debug.err, /dist\/bundle\/chunk-/)
  const plain = traced(['examples/undefined-reference.md'], {preload})
  assert.is(plain.err, 'citelint: internal error: write EPIPE (run with --debug for details)\n')
})

test('THIRD_PARTY_LICENSES.txt has the licence of every bundled package', () => {
  const text = readFileSync(path.join(root, 'dist/bundle/THIRD_PARTY_LICENSES.txt'), 'utf8')
  // Package folders (relative to the root; two versions of one package are two), from the files esbuild bundled.
  const packages = new Map<string, string>()
  for (const input of Object.keys(meta.inputs)) {
    const parts = input.split('/')
    const at = parts.lastIndexOf('node_modules')
    const length = parts[at + 1]?.startsWith('@') ? 2 : 1
    if (at >= 0) packages.set(parts.slice(0, at + 1 + length).join('/'), parts.slice(at + 1, at + 1 + length).join('/'))
  }
  assert.ok(packages.has('node_modules/micromark') && packages.has('node_modules/yargs'), 'the metafile lists the bundled packages')
  const separator = `\n${'-'.repeat(78)}\n`
  for (const [dir] of packages) {
    // The name from package.json: an npm alias (`overrides`) installs a package under another folder name.
    const {name, version} = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {name: string; version: string}
    const at = text.indexOf(`${separator}${name}@${version} (`)
    assert.ok(at >= 0, `${name}@${version} is missing`)
    const next = text.indexOf(separator, at + 1)
    assert.match(text.slice(at, next < 0 ? undefined : next), /copyright|permission/i, `${name} has no licence text`)
  }
  assert.match(text, new RegExp(`^citelint bundles the following packages into dist/bundle/\\. Their licences follow\\.\\n${packages.size} packages\\.\\n`))
})

test.run()
