/**
 * The install-time patches in patches/ (applied by patch-package in
 * `prepare`, see patches/README.md): each is for the exact version that
 * is installed and pinned, each is applied (the patched files carry the
 * citelint marker), and the patched micromark resolver merges `data` runs
 * exactly as the unpatched one did.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {root} from './helpers.js'

const marker = '(citelint patch, see patches/README.md.)'

/** The folder of `name` as remark-parse -> mdast-util-from-markdown resolves it. */
function micromarkDir(): string {
  const fromRemark = createRequire(createRequire(path.join(root, 'package.json')).resolve('remark-parse'))
  const fromMarkdown = createRequire(fromRemark.resolve('mdast-util-from-markdown'))
  let dir = path.dirname(fromMarkdown.resolve('micromark'))
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
  return dir
}

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

test('patches: exactly one patch, for the installed and pinned micromark', () => {
  const patches = readdirSync(path.join(root, 'patches')).filter((name) => name.endsWith('.patch'))
  const dir = micromarkDir()
  const version = String(readJson(path.join(dir, 'package.json'))['version'])
  const pin = (readJson(path.join(root, 'package.json'))['overrides'] as Record<string, string>)['micromark']
  assert.is(version, pin)
  assert.equal(patches, [`micromark+${version}.patch`])
})

test('patches: prepare applies them with patch-package before the build, failing on error', () => {
  const scripts = readJson(path.join(root, 'package.json'))['scripts'] as Record<string, string>
  assert.match(scripts['prepare'] ?? '', /^patch-package --error-on-fail && /)
  const dev = readJson(path.join(root, 'package.json'))['devDependencies'] as Record<string, string>
  assert.ok(dev['patch-package'], 'patch-package must be a devDependency')
})

test('patches: micromark resolveAllText is the patched one, in lib and dev/lib', () => {
  const dir = micromarkDir()
  for (const file of ['lib/initialize/text.js', 'dev/lib/initialize/text.js']) {
    const source = readFileSync(path.join(dir, file), 'utf8')
    assert.ok(source.includes(marker), `${file} is not patched: run npm ci (prepare runs patch-package)`)
    assert.not.ok(source.includes('events.splice(enter + 2'), `${file} still splices per run`)
  }
})

type Event = [string, {type: string; end: {offset: number}}, unknown]

/** micromark's own module (the same instance remark-parse uses): its `string` initializer. */
async function textInitializers(): Promise<{string: {resolveAll: (events: Event[], context: unknown) => Event[]}}> {
  const source = readFileSync(path.join(micromarkDir(), 'lib/initialize/text.js'), 'utf8')
  assert.match(source, /export const string = initializeFactory\('string'\)/)
  assert.match(source, /resolveAll: createResolver\(field === 'text' \? resolveAllLineSuffixes : undefined\)/)
  return (await import(pathToFileURL(path.join(micromarkDir(), 'lib/initialize/text.js')).href)) as never
}

/** The expected result, written from the resolver's contract: each run of `data` events becomes its first token, ending where the run ends. */
function merged(types: readonly string[]): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = []
  let i = 0
  while (i < types.length) {
    if (types[i] !== 'data') {
      out.push([types[i]!, i, i])
      i++
      continue
    }
    let j = i + 2
    while (j < types.length && types[j] === 'data') j++
    j = Math.min(j, types.length)
    out.push(['data', i, j - 1])
    if (i + 1 < types.length) out.push([types[i + 1]!, i, j - 1])
    i = j
  }
  return out
}

test('patches: the patched resolver merges data runs as the contract says (random event lists)', async () => {
  // `string` uses the same resolveAllText as `text`, without the
  // line-suffix pass (which needs a real tokenizer context).
  const module = await textInitializers()
  let seed = 7
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let round = 0; round < 300; round++) {
    // Tokens as enter/exit pairs, as micromark makes them; a run of data is a
    // run of such pairs.
    const types: string[] = []
    const tokens: Event[] = []
    const pairs = Math.floor(next() * 20)
    for (let p = 0; p < pairs; p++) {
      const type = next() < 0.6 ? 'data' : next() < 0.5 ? 'labelEnd' : 'characterEscape'
      const token = {type, end: {offset: p}}
      types.push(type, type)
      tokens.push(['enter', token, null], ['exit', token, null])
    }
    const expected = merged(types).map(([type, first, last]) => [type, tokens[first]![1], last >= first ? Math.floor(last / 2) : -1] as const)
    const result = module.string.resolveAll(tokens.slice(), null)
    assert.is(result.length, expected.length, `round ${round}: ${types.join(',')}`)
    result.forEach((event, k) => {
      const [type, token, lastPair] = expected[k]!
      assert.is(event[1].type, type)
      assert.is(event[1], token)
      if (type === 'data') assert.is(event[1].end.offset, lastPair, `round ${round}, event ${k}: end of the merged run`)
    })
  }
})

test('patches: a hand-made case, three runs', async () => {
  const module = await textInitializers()
  const make = (type: string, offset: number): Event[] => {
    const token = {type, end: {offset}}
    return [
      ['enter', token, null],
      ['exit', token, null]
    ]
  }
  const events = [...make('data', 1), ...make('data', 2), ...make('x', 3), ...make('data', 4), ...make('x', 5), ...make('data', 6), ...make('data', 7), ...make('data', 8)]
  const result = module.string.resolveAll(events, null)
  assert.equal(
    result.map((e) => `${e[0]} ${e[1].type} ${e[1].end.offset}`),
    ['enter data 2', 'exit data 2', 'enter x 3', 'exit x 3', 'enter data 4', 'exit data 4', 'enter x 5', 'exit x 5', 'enter data 8', 'exit data 8']
  )
})

test.run()
