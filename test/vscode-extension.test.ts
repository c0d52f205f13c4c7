/**
 * The VS Code extension (editors/vscode/): `npm run vsix`'s function packs
 * it once, and the tests read that package as VS Code would: the manifest,
 * the client bundle, and the language server inside it, started the way
 * the client starts it (forked, over IPC) from the unpacked extension
 * alone, with no node_modules beside it.
 */
import {fork, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {unzipSync} from 'fflate'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  createProtocolConnection
} from 'vscode-languageserver/node.js'
import type {PublishDiagnosticsParams} from 'vscode-languageserver/node.js'
import {bundledServer, documentSelector, initializationOptionsOf, serverOptionsOf, settingsOf} from '../editors/vscode/src/server-options.mjs'
import {ruleDocsUrl} from '../src/engine/rule-docs.js'
import {root} from './helpers.js'

/** scripts/vsix.mjs, the script behind `npm run vsix`. */
interface VsixScript {
  readonly defaultOutFile: string
  packageVsix(outFile?: string): Promise<string>
}

const folder = mkdtempSync(path.join(tmpdir(), 'citelint-vsix-test-'))
/** The unpacked extension: the vsix's `extension/` folder, where VS Code installs it. */
const extensionPath = path.join(folder, 'unpacked/extension')
let entries: Record<string, Uint8Array> = {}
const text = (name: string): string => Buffer.from(entries[name] ?? []).toString('utf8')

test.before(async () => {
  const script = (await import(pathToFileURL(path.join(root, 'scripts/vsix.mjs')).href)) as VsixScript
  assert.is(script.defaultOutFile, path.join(root, 'dist/citelint-vscode.vsix'))
  // vsce lists the packed files on the console: kept out of the test output.
  const {log, warn} = console
  console.log = () => undefined
  console.warn = () => undefined
  let outFile: string
  try {
    outFile = await script.packageVsix(path.join(folder, 'citelint-vscode.vsix'))
  } finally {
    Object.assign(console, {log, warn})
  }
  entries = unzipSync(readFileSync(outFile))
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue
    const file = path.join(folder, 'unpacked', name)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, data)
  }
})

test.after(() => {
  rmSync(folder, {recursive: true, force: true})
})

test('the vsix holds the manifest, the client bundle, the server and its licences, and no node_modules', () => {
  const names = Object.keys(entries)
  const manifest = JSON.parse(text('extension/package.json')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
  assert.is(manifest['version'], rootPackage.version)
  assert.is(manifest['main'], './dist/extension.js')
  assert.ok(names.includes('extension/dist/extension.js'))
  assert.is(manifest['engines'].vscode, '^1.90.0', 'VS Code 1.90 is the first whose Node.js (20) runs the server bundle')
  assert.equal(manifest['activationEvents'], ['markdown', 'plaintext', 'html', 'rmd', 'quarto'].map((id) => `onLanguage:${id}`))
  const properties = manifest['contributes'].configuration.properties as Record<string, {type: string; default: unknown}>
  assert.equal(Object.keys(properties).sort(), ['citelint.configPath', 'citelint.serverPath', 'citelint.trace.server'])
  assert.is(properties['citelint.serverPath']!.default, '')
  assert.is(properties['citelint.configPath']!.default, '')
  assert.equal(manifest['capabilities'].untrustedWorkspaces.restrictedConfigurations, ['citelint.serverPath', 'citelint.configPath'])

  for (const name of [
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    'extension/readme.md',
    'extension/dist/THIRD_PARTY_LICENSES.txt',
    `extension/${bundledServer}`,
    'extension/server/package.json',
    'extension/server/dist/bundle/lsp.js',
    'extension/server/dist/bundle/lint-worker.js',
    'extension/server/dist/bundle/THIRD_PARTY_LICENSES.txt',
    'extension/server/rules/undefined-reference.ts'
  ]) {
    assert.ok(names.includes(name), `${name} is in the vsix`)
  }
  assert.equal(names.filter((name) => name.includes('node_modules/') || name.endsWith('.map')), [])
  assert.match(text('extension/LICENSE.txt'), /^MIT License/)
  assert.match(text('extension/dist/THIRD_PARTY_LICENSES.txt'), /\nvscode-languageclient@9\.\d+\.\d+ \(MIT\)\n/)
  assert.equal(JSON.parse(text('extension/server/package.json')), {name: 'citelint', version: rootPackage.version, private: true, type: 'module', license: 'MIT'})
  // vsce cannot rewrite relative links without a repository URL: the README has none.
  const links = [...text('extension/readme.md').matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1])
  assert.equal(links.filter((link) => !/^https?:/.test(link ?? '')), [])
})

test('the client bundle needs nothing but vscode and Node.js built-ins (the vsix has no node_modules)', () => {
  const client = text('extension/dist/extension.js')
  const required = new Set([...client.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!))
  assert.ok(required.has('vscode'))
  const others = [...required].filter((name) => name !== 'vscode' && !builtinModules.includes(name.replace(/^node:/, '')))
  assert.equal(others, [])
  // VS Code loads it with require: CommonJS, exporting activate and deactivate.
  assert.match(client, /module\.exports\s*=/)
  assert.not.match(client, /\bimport\.meta\b/)
})

test('server options: the bundled server by default; a module or an executable from citelint.serverPath', () => {
  const place = {extensionPath, workspaceFolder: '/work/report', platform: 'linux' as const}
  const settings = (serverPath: string, configPath = ''): ReturnType<typeof settingsOf> =>
    settingsOf((key) => (key === 'serverPath' ? serverPath : configPath))
  const bundled = {module: path.join(extensionPath, 'server/bin/citelint-lsp.js'), transport: 1}
  assert.equal(serverOptionsOf(settings(''), place), {run: bundled, debug: bundled})
  assert.equal(serverOptionsOf(settingsOf(() => 42), place), {run: bundled, debug: bundled})
  const project = {module: '/work/report/node_modules/citelint/bin/citelint-lsp.js', transport: 1}
  assert.equal(serverOptionsOf(settings(' node_modules/citelint/bin/citelint-lsp.js '), place), {run: project, debug: project})
  const onPath = {command: 'citelint-lsp', transport: 0}
  assert.equal(serverOptionsOf(settings('citelint-lsp'), place), {run: onPath, debug: onPath})
  const absolute = {command: '/opt/citelint/bin/citelint-lsp', transport: 0}
  assert.equal(serverOptionsOf(settings('/opt/citelint/bin/citelint-lsp'), place), {run: absolute, debug: absolute})
  const windows = {command: 'C:\\tools\\citelint-lsp.cmd', transport: 0, options: {shell: true}}
  assert.equal(serverOptionsOf(settings('C:\\tools\\citelint-lsp.cmd'), {...place, platform: 'win32'}), {run: windows, debug: windows})

  assert.equal(initializationOptionsOf(settings('')), {})
  assert.equal(initializationOptionsOf(settings('', ' config/citelint.json ')), {configPath: 'config/citelint.json'})
  const languages = new Set(documentSelector.map((filter) => (filter as {language: string}).language))
  assert.equal([...languages], ['markdown', 'plaintext', 'html', 'rmd', 'quarto'])
  assert.equal([...new Set(documentSelector.map((filter) => (filter as {scheme: string}).scheme))], ['file', 'untitled'])
})

test('the bundled server, started from the unpacked extension as the client starts it, answers initialize and lints', async () => {
  const options = serverOptionsOf(settingsOf(() => ''), {extensionPath, platform: process.platform})
  const run = (options as {run: {module: string; transport: number}}).run
  const workspace = path.join(folder, 'workspace')
  mkdirSync(workspace)
  writeFileSync(path.join(workspace, 'quiet.json'), '{"rules": {"unused-note": "off"}}')
  // vscode-languageclient forks the module with --node-ipc and its own process id (lib/node/main.js).
  const child = fork(run.module, ['--node-ipc', `--clientProcessId=${process.pid}`], {cwd: workspace, execArgv: [], silent: true})
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
  connection.listen()
  try {
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve))
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      capabilities: {},
      initializationOptions: initializationOptionsOf(settingsOf((key) => (key === 'configPath' ? 'quiet.json' : '')))
    })
    assert.is(init.serverInfo?.name, 'citelint')
    assert.ok(init.capabilities.codeActionProvider)
    await connection.sendNotification(InitializedNotification.type, {})
    const uri = pathToFileURL(path.join(workspace, 'report.md')).href
    // An undefined reference, and an unused note that quiet.json turns off.
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text: 'A claim.[^x]\n\n[^y]: Unused source, March 1, 2026.\n'}
    })
    const published = await diagnostics
    assert.equal(published.diagnostics.map((d) => d.code), ['undefined-reference'], stderr)
    // The rule's documentation link: its file in the published package of this version (src/engine/rule-docs.ts).
    assert.is(published.diagnostics[0]!.codeDescription!.href, ruleDocsUrl('undefined-reference'))
    await connection.sendRequest(ShutdownRequest.type)
    await connection.sendNotification(ExitNotification.type)
    assert.is(await exited, 0, stderr)
  } finally {
    connection.dispose()
    child.kill()
  }
})

test('npm pack ships neither editors/ nor the built extension', () => {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'})
  assert.is(pack.status, 0, pack.stderr)
  const files = (JSON.parse(pack.stdout) as Array<{files: Array<{path: string}>}>)[0]!.files.map((file) => file.path)
  assert.ok(files.includes('bin/citelint-lsp.js'))
  assert.equal(files.filter((file) => /^(dist\/)?editors\/|\.vsix$/.test(file)), [])
})

test.run()
