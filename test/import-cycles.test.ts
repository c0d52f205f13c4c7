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

/** The dependency tree of the files matched by `globs` (repository-relative paths). */
function dependencies(globs: string[]): ReturnType<typeof parseDependencyTree> {
  return parseDependencyTree(globs, {
    cwd: root,
    context: root,
    transform: false,
    skipDynamicImports: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    onProgress: () => {}
  })
}

/** The cycles among the files matched by `globs`, as repository-relative paths. */
async function cycles(globs: string[]): Promise<string[][]> {
  return parseCircular(await dependencies(globs))
}

/**
 * The stage folders and the folders each may import from (ARCHITECTURE.md,
 * "Code map"); `src` holds the library entries, src/index.ts and src/remark.ts.
 */
const mayImport: Record<string, readonly string[]> = {
  'src/readers': [],
  'src/citation-index': ['src/readers', 'conventions'],
  conventions: ['src/citation-index'],
  'src/models': ['src/citation-index', 'src/readers'],
  rules: ['src/citation-index', 'src/models', 'src/engine'],
  'src/engine': ['src/readers', 'src/citation-index', 'src/models', 'rules'],
  'src/run': ['src/readers', 'src/citation-index', 'src/models', 'src/engine'],
  'src/report': ['src/readers', 'src/citation-index', 'src/models', 'src/engine', 'src/run'],
  'src/lsp': ['src/readers', 'src/citation-index', 'src/models', 'src/engine', 'src/run', 'src/report'],
  'src/cli': ['src/readers', 'src/citation-index', 'src/models', 'src/engine', 'src/run', 'src/report', 'src/lsp'],
  'src/docs': ['src/citation-index', 'src/engine'],
  src: ['src/readers', 'src/citation-index', 'src/models', 'src/engine', 'src/run', 'src/report']
}

test('dpdm finds a cycle of type-only imports (so the check below can fail)', async () => {
  const found = await cycles(['test/fixtures/import-cycle/*.ts'])
  assert.equal(found.map((cycle) => [...cycle].sort()), [['test/fixtures/import-cycle/a.ts', 'test/fixtures/import-cycle/b.ts']])
})

test('src/, rules/ and conventions/ have no import cycle, type-only imports counted', async () => {
  const found = await cycles(['src/**/*.ts', 'rules/*.ts', 'conventions/*.ts'])
  assert.equal(found.map((cycle) => cycle.join(' -> ')), [])
})

test('each stage folder imports only from the stages below it', async () => {
  const tree = await dependencies(['src/**/*.ts', 'rules/*.ts', 'conventions/*.ts'])
  const wrong: string[] = []
  for (const [file, deps] of Object.entries(tree)) {
    if (!/^(src|rules|conventions)\//.test(file)) continue
    const from = path.posix.dirname(file)
    const allowed = mayImport[from]
    if (!allowed) {
      wrong.push(`${file}: not in a stage folder`)
      continue
    }
    for (const dep of deps ?? []) {
      if (!dep.id || !/^(src|rules|conventions)\//.test(dep.id)) continue
      const to = path.posix.dirname(dep.id)
      if (to !== from && !allowed.includes(to)) wrong.push(`${file} -> ${dep.id}`)
    }
  }
  assert.equal(wrong, [])
})

/** The stages that do no I/O: from reading a text to messages (the engine and everything it runs). */
const pure = ['src/readers', 'src/citation-index', 'conventions', 'src/models', 'rules', 'src/engine']

test('the engine and the stages it runs do no I/O: no file system, process or network module', async () => {
  const tree = await dependencies(['src/**/*.ts', 'rules/*.ts', 'conventions/*.ts'])
  const io = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)$/
  const wrong = Object.entries(tree).flatMap(([file, deps]) =>
    pure.includes(path.posix.dirname(file)) ? (deps ?? []).filter((dep) => io.test(dep.request)).map((dep) => `${file} -> ${dep.request}`) : []
  )
  assert.equal(wrong, [])
})

test('src/ keeps at most three .ts files at its top level', async () => {
  const {readdirSync} = await import('node:fs')
  const top = readdirSync(path.join(root, 'src')).filter((name) => name.endsWith('.ts'))
  assert.ok(top.length <= 3, `src/ top level: ${top.join(', ')}`)
})

test.run()
