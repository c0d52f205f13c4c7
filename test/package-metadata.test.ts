/**
 * package.json as published: what it says is true today (formats in the
 * description, entry points that the build makes, engines, types), the
 * bundle needs no dependency at run time, the rule documentation links are
 * pinned to this version, and scripts/release-metadata.mjs fills the
 * repository URLs from its one setting. The packed tarball itself is tested
 * in pack.test.ts.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {isBuiltin} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {packagePageUrl, packageVersion, ruleDocsUrl} from '../src/engine/rule-docs.js'
import {rules} from '../src/engine/registry.js'
import {root} from './helpers.js'

interface Manifest {
  version: string
  description: string
  keywords: string[]
  engines: {node: string}
  main: string
  types: string
  bin: Record<string, string>
  exports: Record<string, string | {types: string; default: string}>
  files: string[]
  scripts: Record<string, string>
  dependencies: Record<string, string>
  repository?: unknown
  homepage?: string
  bugs?: unknown
}

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest

test('description and keywords name the formats; engines say Node 20', () => {
  for (const format of [/Markdown/, /plain-text/, /Word \(DOCX\)/]) assert.match(pkg.description, format)
  for (const keyword of ['markdown', 'docx', 'footnotes', 'remark-plugin']) assert.ok(pkg.keywords.includes(keyword), keyword)
  assert.is(pkg.engines.node, '>=20')
})

test('entry points: the library and citelint/remark are bundles with tsc declarations; the files exist after the build', () => {
  assert.equal(pkg.exports['.'], {types: './dist/src/index.d.ts', default: './dist/bundle/index.js'})
  assert.equal(pkg.exports['./remark'], {types: './dist/src/remark.d.ts', default: './dist/bundle/remark.js'})
  assert.is(pkg.main, 'dist/bundle/index.js')
  assert.is(pkg.types, 'dist/src/index.d.ts')
  const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))]
  for (const target of targets) assert.ok(existsSync(path.join(root, target)), `${target} is missing`)
  assert.ok(existsSync(path.join(root, 'LICENSE')) && pkg.files.includes('LICENSE'))
})

test('no install-time script reaches users: the parser patch is applied by `prepare`, which runs only in this repository', () => {
  assert.equal(Object.keys(pkg.scripts).filter((name) => /^(pre|post)?install$/.test(name)), [])
  assert.match(pkg.scripts['prepare'] ?? '', /^patch-package --error-on-fail && npm run build$/)
})

test('the bundle imports nothing but its own chunks and Node built-ins: no runtime dependency', () => {
  const meta = JSON.parse(readFileSync(path.join(root, 'dist/bundle-meta.json'), 'utf8')) as {
    outputs: Record<string, {imports: Array<{path: string; external?: boolean}>}>
  }
  const external = Object.values(meta.outputs).flatMap((output) => output.imports.filter((edge) => edge.external && !isBuiltin(edge.path)).map((edge) => edge.path))
  assert.equal(external, [])
  // What `dependencies` keeps is named by the declarations only.
  assert.equal(Object.keys(pkg.dependencies).sort(), ['@types/mdast', '@types/unist', 'vfile', 'vfile-message'])
})

test('rule documentation: the rule’s file in the published package of this version', () => {
  assert.is(packageVersion, pkg.version, 'src/engine/rule-docs.ts packageVersion: run `node scripts/release-metadata.mjs --sync-version`')
  assert.is(ruleDocsUrl('undefined-reference'), `https://unpkg.com/citelint@${pkg.version}/rules/undefined-reference.ts`)
  assert.is(packagePageUrl, `https://www.npmjs.com/package/citelint/v/${pkg.version}`)
  for (const {meta} of rules) assert.ok(pkg.files.includes('rules/*.ts') && existsSync(path.join(root, 'rules', `${meta.id}.ts`)))
  // No URL is invented: the repository's come from release-metadata.
  assert.equal([pkg.repository, pkg.homepage, pkg.bugs], [undefined, undefined, undefined])
})

/** A copy of the files release-metadata.mjs edits, in a temporary folder. */
function checkout(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'citelint-release-'))
  for (const file of ['package.json', 'README.md', 'examples/ci', 'src/engine/rule-docs.ts', 'editors/vscode/package.json']) {
    if (!existsSync(path.join(root, file))) continue
    mkdirSync(path.dirname(path.join(folder, file)), {recursive: true})
    cpSync(path.join(root, file), path.join(folder, file), {recursive: true})
  }
  return folder
}

const release = (folder: string, args: string[], repository?: string) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/release-metadata.mjs'), '--root', folder, ...args], {
    encoding: 'utf8',
    env: {...process.env, CITELINT_REPOSITORY: repository ?? ''}
  })

test('release-metadata: one setting fills repository, homepage, bugs and the OWNER placeholders', () => {
  const folder = checkout()
  try {
    const done = release(folder, [], 'https://github.com/acme/citelint')
    assert.is(done.status, 0, done.stderr)
    const filled = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest
    assert.equal(filled.repository, {type: 'git', url: 'git+https://github.com/acme/citelint.git'})
    assert.is(filled.homepage, 'https://github.com/acme/citelint#readme')
    assert.equal(filled.bugs, {url: 'https://github.com/acme/citelint/issues'})
    if (existsSync(path.join(folder, 'editors/vscode/package.json'))) {
      const extension = JSON.parse(readFileSync(path.join(folder, 'editors/vscode/package.json'), 'utf8')) as {repository?: unknown}
      assert.equal(extension.repository, filled.repository)
    }
    for (const file of ['README.md', 'examples/ci/citelint.yml']) {
      const text = readFileSync(path.join(folder, file), 'utf8')
      assert.not.ok(text.includes('OWNER/'), `${file} still names OWNER`)
    }
    assert.match(readFileSync(path.join(folder, 'README.md'), 'utf8'), /acme\/citelint/)
    const missing = release(folder, [])
    assert.equal([missing.status, missing.stderr.split('\n').length], [2, 2])
    assert.match(missing.stderr, /^release-metadata: set CITELINT_REPOSITORY/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('release-metadata --sync-version: package.json’s version into rule-docs.ts (what `npm version` runs)', () => {
  const folder = checkout()
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({...manifest, version: '7.8.9'}))
    assert.is(release(folder, ['--sync-version']).status, 0)
    assert.match(readFileSync(path.join(folder, 'src/engine/rule-docs.ts'), 'utf8'), /^export const packageVersion = '7\.8\.9'$/m)
    assert.match(pkg.scripts['version'] ?? '', /release-metadata\.mjs --sync-version/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test.run()
