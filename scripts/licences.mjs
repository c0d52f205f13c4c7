/**
 * The licence notices of the packages esbuild put into a bundle, for the
 * bundles that ship: the CLI and language server bundle
 * (scripts/bundle.mjs) and the VS Code extension's client (scripts/vsix.mjs).
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

/**
 * The packages whose files esbuild put into a bundle, from its metafile
 * (input paths relative to `root`, esbuild's `absWorkingDir`), sorted by
 * name: `{name, version, license, dir}` from each package.json.
 */
export function bundledPackages(metafile, root) {
  const dirs = new Set()
  for (const input of Object.keys(metafile.inputs)) {
    const parts = input.split('/')
    const at = parts.lastIndexOf('node_modules')
    if (at < 0) continue
    const length = parts[at + 1]?.startsWith('@') ? 2 : 1
    dirs.add(parts.slice(0, at + 1 + length).join('/'))
  }
  return [...dirs]
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'))
      // `licenses` (an array of {type}) is the old form of `license`.
      const license = pkg.license ?? pkg.licenses?.map((entry) => entry.type).join(' OR ') ?? 'UNKNOWN'
      return {name: pkg.name, version: pkg.version, license, dir: path.join(root, dir)}
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * One text with every package's licence, after the line `heading` (which
 * says what bundles them): its licence file (LICENSE, LICENCE, COPYING,
 * any case and extension), else the License section of its README (a few
 * packages, such as `format`, keep the notice only there).
 *
 * @throws Error when a package has neither: its notice cannot be kept.
 */
export function licenceText(packages, heading) {
  const sections = packages.map(({name, version, license, dir}) => {
    const entries = readdirSync(dir)
    const file = entries.find((entry) => /^(licen[cs]e|copying)(\b|[.-]|$)/i.test(entry))
    const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : readmeLicence(dir, entries)
    if (!text) throw new Error(`bundle: ${name}@${version} has no licence file or README licence section in ${dir}`)
    return `${'-'.repeat(78)}\n${name}@${version} (${license})\n\n${text}\n`
  })
  return `${heading} Their licences follow.\n${packages.length} packages.\n\n${sections.join('\n')}`
}

/** The README's License section (a Markdown heading, ATX or Setext, up to the next heading), or undefined. */
function readmeLicence(dir, entries) {
  const readme = entries.find((entry) => /^readme(\.|$)/i.test(entry))
  if (!readme) return undefined
  const lines = readFileSync(path.join(dir, readme), 'utf8').split(/\r?\n/)
  const isHeading = (at) => /^#{1,6}\s/.test(lines[at] ?? '') || /^(=+|-+)\s*$/.test(lines[at + 1] ?? '')
  const start = lines.findIndex((line, at) => /^#*\s*licen[cs]e\b/i.test(line) && isHeading(at))
  if (start < 0) return undefined
  let end = start + 1
  if (/^(=+|-+)\s*$/.test(lines[end] ?? '')) end++
  while (end < lines.length && !isHeading(end)) end++
  return `(from ${readme})\n${lines.slice(start, end).join('\n').trim()}`
}
