/**
 * `npm run vsix`: package the VS Code extension (editors/vscode/) as
 * `dist/citelint-vscode.vsix`, offline, from what the root `npm ci` installed.
 *
 * The extension folder holds sources only: its manifest (without `version`,
 * which is the root package's), README, LICENSE and the client in
 * TypeScript. This script lays the extension out in a temporary folder:
 *
 * - `package.json`: the manifest, with the root package's version;
 * - `dist/extension.js`: the client (editors/vscode/src/extension.mts)
 *   bundled by esbuild with vscode-languageclient, as CommonJS (VS Code
 *   loads extensions with `require`), `vscode` left to VS Code; beside it
 *   `THIRD_PARTY_LICENSES.txt`;
 * - `server/`: the language server as the package ships it:
 *   `bin/citelint-lsp.js`, the files of `dist/bundle/` that its entry and the
 *   lint worker load (from the metafile scripts/bundle.mjs wrote; source
 *   maps left out), the bundle's THIRD_PARTY_LICENSES.txt, `rules/` (the
 *   rule documentation the diagnostics link to) and a package.json
 *   (`"type": "module"`, name and version, which the bundle reads);
 *
 * then packs it with @vscode/vsce (`createVSIX`, as `vsce package
 * --no-dependencies --allow-missing-repository`: everything the extension
 * runs is bundled, and the package has no repository URL yet).
 *
 * Needs `npm run build` first (dist/bundle/); `npm run vsix` runs it.
 *
 * Usage: node scripts/vsix.mjs [OUT.vsix]
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import * as esbuild from 'esbuild'
import {bundledPackages, licenceText} from './licences.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const extensionDir = path.join(root, 'editors/vscode')

/** Where `npm run vsix` writes the extension. */
export const defaultOutFile = path.join(root, 'dist/citelint-vscode.vsix')

/**
 * Lay out and pack the extension into `outFile` (its folder is made if
 * missing); resolves to `outFile`.
 *
 * @throws Error with a one-line message when the server bundle is missing
 *   (run `npm run build`), or what vsce or esbuild threw.
 */
export async function packageVsix(outFile = defaultOutFile) {
  const bundleDir = path.join(root, 'dist/bundle')
  const metaFile = path.join(root, 'dist/bundle-meta.json')
  if (!existsSync(path.join(bundleDir, 'lsp.js')) || !existsSync(metaFile)) {
    throw new Error('dist/bundle/lsp.js or dist/bundle-meta.json is missing: run `npm run build` first')
  }
  const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  const stage = mkdtempSync(path.join(tmpdir(), 'citelint-vsix-'))
  try {
    const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'))
    writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify({...manifest, version: rootPackage.version}, null, 2)}\n`)
    for (const file of ['README.md', 'LICENSE']) copyFileSync(path.join(extensionDir, file), path.join(stage, file))

    const client = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [path.join(extensionDir, 'src/extension.mts')],
      outfile: path.join(stage, manifest.main),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['vscode'],
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning'
    })
    const clientDir = path.dirname(path.join(stage, manifest.main))
    writeFileSync(
      path.join(clientDir, 'THIRD_PARTY_LICENSES.txt'),
      licenceText(bundledPackages(client.metafile, root), `The citelint extension bundles the following packages into ${path.basename(manifest.main)}.`)
    )

    const server = path.join(stage, 'server')
    mkdirSync(path.join(server, 'bin'), {recursive: true})
    mkdirSync(path.join(server, 'dist/bundle'), {recursive: true})
    mkdirSync(path.join(server, 'rules'), {recursive: true})
    writeFileSync(
      path.join(server, 'package.json'),
      `${JSON.stringify({name: rootPackage.name, version: rootPackage.version, private: true, type: 'module', license: rootPackage.license}, null, 2)}\n`
    )
    copyFileSync(path.join(root, 'bin/citelint-lsp.js'), path.join(server, 'bin/citelint-lsp.js'))
    const outputs = JSON.parse(readFileSync(metaFile, 'utf8')).outputs
    for (const file of [...serverFiles(outputs), 'dist/bundle/THIRD_PARTY_LICENSES.txt']) {
      copyFileSync(path.join(root, file), path.join(server, file))
    }
    for (const file of readdirSync(path.join(root, 'rules')).filter((name) => name.endsWith('.ts'))) {
      copyFileSync(path.join(root, 'rules', file), path.join(server, 'rules', file))
    }

    mkdirSync(path.dirname(outFile), {recursive: true})
    // Loaded only here: vsce is large (its own dependencies load with it).
    const {createVSIX} = await import('@vscode/vsce')
    await createVSIX({cwd: stage, packagePath: outFile, dependencies: false, allowMissingRepository: true})
    return outFile
  } finally {
    rmSync(stage, {recursive: true, force: true})
  }
}

/**
 * The bundle files the language server loads (repository-relative paths):
 * `dist/bundle/lsp.js`, the lint worker the pool starts by URL, and every
 * chunk they import, statically or dynamically (esbuild's metafile
 * `outputs`, whose keys are those paths).
 */
export function serverFiles(outputs) {
  const files = new Set()
  const visit = (file) => {
    if (files.has(file)) return
    if (!outputs[file]) throw new Error(`${file} is not in dist/bundle-meta.json (rebuild with npm run build)`)
    files.add(file)
    for (const imported of outputs[file].imports) if (!imported.external) visit(imported.path)
  }
  visit('dist/bundle/lsp.js')
  if (outputs['dist/bundle/lint-worker.js']) visit('dist/bundle/lint-worker.js')
  return [...files].sort()
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const outFile = await packageVsix(process.argv[2] ? path.resolve(process.argv[2]) : defaultOutFile)
    process.stdout.write(`citelint: wrote ${path.relative(process.cwd(), outFile) || outFile}\n`)
  } catch (error) {
    process.stderr.write(`vsix: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
