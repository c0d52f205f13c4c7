/**
 * The micromark pin: package.json `overrides` pins micromark to 4.0.2,
 * because 4.0.3 copies the whole event list each time a container
 * (footnote definition, list, block quote) closes (its `EditMap.consume` in
 * `lib/initialize/document.js`), which makes large reports parse in
 * superlinear time. This fails when the micromark that is installed, every
 * copy of it, differs from the pin: a lockfile update or an `npm install`
 * that lost the override. See bench/RESULTS.md for the measurement and for
 * what upstream would need before the pin can go. The patch in
 * patches/micromark+4.0.2.patch is made for this exact version
 * (test/parser-patches.test.ts checks that it is applied).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'

// dist/test/ -> the package root.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

/** Every installed copy of micromark: node_modules/micromark and any nested one. */
function installedCopies(): Array<{where: string; version: string}> {
  const found: Array<{where: string; version: string}> = []
  const stack = [path.join(root, 'node_modules')]
  while (stack.length > 0) {
    const dir = stack.pop()!
    if (!existsSync(dir)) continue
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (!entry.isDirectory() && !entry.isSymbolicLink()) continue
      const full = path.join(dir, entry.name)
      if (entry.name.startsWith('@')) {
        stack.push(full)
        continue
      }
      const manifest = path.join(full, 'package.json')
      if (entry.name === 'micromark' && existsSync(manifest)) {
        found.push({where: path.relative(root, full), version: String(readJson(manifest)['version'])})
      }
      const nested = path.join(full, 'node_modules')
      if (existsSync(nested)) stack.push(nested)
    }
  }
  return found
}

test('micromark: the installed version equals the pin in package.json overrides', () => {
  const overrides = readJson(path.join(root, 'package.json'))['overrides'] as Record<string, string> | undefined
  const pin = overrides?.['micromark']
  assert.ok(pin, 'package.json overrides must pin micromark')
  assert.match(pin, /^\d+\.\d+\.\d+$/, 'the pin must be an exact version')
  const copies = installedCopies()
  assert.ok(copies.length > 0, 'micromark is not installed')
  for (const copy of copies) {
    assert.is(copy.version, pin, `${copy.where} is micromark ${copy.version}, the pin is ${pin}`)
  }
})

test('micromark: the parser citelint loads resolves to the pinned copy', () => {
  const pin = (readJson(path.join(root, 'package.json'))['overrides'] as Record<string, string>)['micromark']
  // remark-parse -> mdast-util-from-markdown -> micromark, resolved as Node does.
  const fromRemark = createRequire(createRequire(path.join(root, 'package.json')).resolve('remark-parse'))
  const fromMarkdown = createRequire(fromRemark.resolve('mdast-util-from-markdown'))
  let dir = path.dirname(fromMarkdown.resolve('micromark'))
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
  assert.is(readJson(path.join(dir, 'package.json'))['version'], pin)
})

test.run()
