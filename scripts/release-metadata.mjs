/**
 * Release metadata from one setting. citelint has no public repository yet,
 * so package.json has no `repository`, `homepage` or `bugs`, and the CI
 * recipes name the action `OWNER/citelint`. At release time, one variable
 * fills them all:
 *
 *     CITELINT_REPOSITORY=https://github.com/acme/citelint npm run release-metadata
 *
 * - package.json: `repository` (`{type: "git", url: "git+<url>.git"}`, npm's
 *   form), `homepage` (`<url>#readme`) and, for GitHub and GitLab, `bugs`
 *   (`<url>/issues`); editors/vscode/package.json: the same `repository`;
 * - README.md and examples/ci/*.yml: `OWNER/citelint` becomes the
 *   repository's `owner/name` (GitHub only: the action reference is
 *   GitHub's `uses: owner/name@ref`).
 *
 * Nothing else depends on it: rule documentation links in messages, SARIF
 * and the language server are version-pinned URLs of the published package
 * (src/engine/rule-docs.ts).
 *
 * `--sync-version` instead copies package.json's `version` into
 * `packageVersion` in src/engine/rule-docs.ts (the engine does no I/O, so it
 * cannot read package.json); the `version` script runs it, so `npm version`
 * keeps the two in step. `--root DIR` works on another checkout (tests).
 *
 * Exit 0 when done; 2 with one line on standard error for a missing or
 * malformed setting.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const args = process.argv.slice(2)
const rootAt = args.indexOf('--root')
const root = rootAt >= 0 ? path.resolve(args[rootAt + 1] ?? '.') : path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const packagePath = path.join(root, 'package.json')
const pkg = JSON.parse(readFileSync(packagePath, 'utf8'))

/** Print `message` as one line and exit 2. */
function fail(message) {
  process.stderr.write(`release-metadata: ${message}\n`)
  process.exit(2)
}

if (args.includes('--sync-version')) {
  const file = path.join(root, 'src/engine/rule-docs.ts')
  const source = readFileSync(file, 'utf8')
  const pattern = /^export const packageVersion = '[^']*'$/m
  if (!pattern.test(source)) fail(`${file}: no \`export const packageVersion = '...'\` line`)
  writeFileSync(file, source.replace(pattern, `export const packageVersion = '${pkg.version}'`))
  console.log(`packageVersion is ${pkg.version} in ${path.relative(root, file)}`)
} else {
  const setting = process.env.CITELINT_REPOSITORY
  if (!setting) fail('set CITELINT_REPOSITORY to the repository URL, e.g. https://github.com/acme/citelint')
  let url
  try {
    url = new URL(setting.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, ''))
  } catch {
    fail(`CITELINT_REPOSITORY is not a URL: ${setting}`)
  }
  if (url.protocol !== 'https:') fail(`CITELINT_REPOSITORY must be an https: URL, got ${setting}`)
  const web = url.href.replace(/\/+$/, '')
  const host = url.hostname
  const updated = {...pkg, repository: {type: 'git', url: `git+${web}.git`}, homepage: `${web}#readme`}
  if (host === 'github.com' || host === 'gitlab.com') updated.bugs = {url: `${web}/issues`}
  else delete updated.bugs
  // Keep the usual order: the new keys after `license`.
  const ordered = {}
  for (const [key, value] of Object.entries(updated)) {
    if (key === 'repository' || key === 'homepage' || key === 'bugs') continue
    ordered[key] = value
    if (key === 'license') for (const added of ['repository', 'homepage', 'bugs']) if (updated[added]) ordered[added] = updated[added]
  }
  writeFileSync(packagePath, `${JSON.stringify(ordered, null, 2)}\n`)
  const changed = ['package.json']
  // The VS Code extension's manifest names the same repository (vsce rewrites its README's links from it).
  const extensionPath = path.join(root, 'editors/vscode/package.json')
  if (existsSync(extensionPath)) {
    const extension = JSON.parse(readFileSync(extensionPath, 'utf8'))
    writeFileSync(extensionPath, `${JSON.stringify({...extension, repository: updated.repository}, null, 2)}\n`)
    changed.push('editors/vscode/package.json')
  }
  const slug = host === 'github.com' ? url.pathname.replace(/^\/+/, '') : undefined
  if (slug) {
    const ciFolder = path.join(root, 'examples/ci')
    const files = ['README.md', ...readdirSync(ciFolder).filter((name) => name.endsWith('.yml')).map((name) => path.join('examples/ci', name))]
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8')
      if (!text.includes('OWNER/citelint')) continue
      writeFileSync(path.join(root, file), text.replaceAll('OWNER/citelint', slug))
      changed.push(file)
    }
  }
  console.log(`Repository ${web}: updated ${changed.join(', ')}`)
}
