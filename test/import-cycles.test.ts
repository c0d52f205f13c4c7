/**
 * No import cycles in src/, rules/ and conventions/: the pipeline flows one
 * way (see ARCHITECTURE.md). dpdm walks the TypeScript sources; type-only
 * imports count (no `transform`), because they tie the files' meaning
 * together as much as value imports do. Dynamic imports count too.
 */
import path from 'node:path'
import {parseCircular, parseDependencyTree} from 'dpdm'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {root} from './helpers.js'

/** The cycles among the files matched by `globs`, as repository-relative paths. */
async function cycles(globs: string[]): Promise<string[][]> {
  const tree = await parseDependencyTree(globs, {
    cwd: root,
    context: root,
    transform: false,
    skipDynamicImports: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    onProgress: () => {}
  })
  return parseCircular(tree)
}

test('dpdm finds a cycle of type-only imports (so the check below can fail)', async () => {
  const found = await cycles(['test/fixtures/import-cycle/*.ts'])
  assert.equal(found.map((cycle) => [...cycle].sort()), [['test/fixtures/import-cycle/a.ts', 'test/fixtures/import-cycle/b.ts']])
})

test('src/, rules/ and conventions/ have no import cycle, type-only imports counted', async () => {
  const found = await cycles(['src/**/*.ts', 'rules/*.ts', 'conventions/*.ts'])
  assert.equal(found.map((cycle) => cycle.join(' -> ')), [])
})

test('src/ keeps at most three .ts files at its top level', async () => {
  const {readdirSync} = await import('node:fs')
  const top = readdirSync(path.join(root, 'src')).filter((name) => name.endsWith('.ts'))
  assert.ok(top.length <= 3, `src/ top level: ${top.join(', ')}`)
})

test.run()
