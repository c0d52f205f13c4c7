/**
 * Parse-only passes over Markdown files, one process, for the floors the
 * benchmark compares citelint with. Each mode reads every file, parses it
 * into mdast and walks the tree (counting nodes and footnotes), and prints
 * one JSON line: `{mode, files, bytes, nodes, footnoteReferences,
 * footnoteDefinitions, ms}`.
 *
 * Modes:
 * - `footnote` (the floor): mdast-util-from-markdown with
 *   micromark-extension-gfm-footnote and mdast-util-gfm-footnote, the
 *   packages citelint itself depends on (resolved from the root package, so
 *   micromark is its pinned 4.0.2).
 * - `remark-gfm`: unified + remark-parse (root) + remark-gfm (bench package):
 *   the whole of GFM, as remark-cli parses with remark-gfm.
 * - `citelint`: citelint's own parser (`dist/src/readers/markdown.js`:
 *   remark-parse + front matter + footnotes).
 * - `micromark-4.0.2-set`: as `micromark-4.0.2`, with the footnote
 *   extension's list of defined labels answered by a Set (see below).
 * - `micromark-4.0.2` / `micromark-4.0.3`: micromark's event stream only
 *   (preprocess, parse, postprocess with the footnote extension, no mdast),
 *   from the pinned micromark and from 4.0.3 (installed under an alias in
 *   the bench package), to show the regression the pin avoids.
 *
 * Usage: node bench/parse.mjs MODE PATH... (files, or directories whose
 * `.md` files are parsed)
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const rootDir = path.dirname(benchDir)
const fromRoot = createRequire(path.join(rootDir, 'package.json'))
const fromBench = createRequire(path.join(benchDir, 'package.json'))
const load = async (require, specifier) => import(pathToFileURL(require.resolve(specifier)).href)

/** A function from Markdown text to something `walk` can count. */
async function parser(mode) {
  if (mode === 'footnote') {
    const {fromMarkdown} = await load(fromRoot, 'mdast-util-from-markdown')
    const {gfmFootnote} = await load(fromRoot, 'micromark-extension-gfm-footnote')
    const {gfmFootnoteFromMarkdown} = await load(fromRoot, 'mdast-util-gfm-footnote')
    const extensions = [gfmFootnote()]
    const mdastExtensions = [gfmFootnoteFromMarkdown()]
    return (text) => fromMarkdown(text, {extensions, mdastExtensions})
  }
  if (mode === 'remark-gfm') {
    const {unified} = await load(fromRoot, 'unified')
    const {default: remarkParse} = await load(fromRoot, 'remark-parse')
    const {default: remarkGfm} = await load(fromBench, 'remark-gfm')
    const processor = unified().use(remarkParse).use(remarkGfm).freeze()
    return (text) => processor.parse(text)
  }
  if (mode === 'citelint') {
    const {parseMarkdown} = await import(pathToFileURL(path.join(rootDir, 'dist/src/readers/markdown.js')).href)
    return parseMarkdown
  }
  if (mode === 'micromark-4.0.2' || mode === 'micromark-4.0.3' || mode === 'micromark-4.0.2-set') {
    const base = mode !== 'micromark-4.0.3' ? path.dirname(fromRoot.resolve('micromark')) : path.dirname(fromBench.resolve('micromark-4.0.3'))
    const lib = (file) => import(pathToFileURL(path.join(base, 'lib', file)).href)
    const {parse} = await lib('parse.js')
    const {postprocess} = await lib('postprocess.js')
    const {preprocess} = await lib('preprocess.js')
    const {gfmFootnote} = await load(fromRoot, 'micromark-extension-gfm-footnote')
    const extensions = [gfmFootnote()]
    const withSet = mode === 'micromark-4.0.2-set'
    return (text) => {
      const parser = parse({extensions})
      // The option measured, not a patch: the footnote extension keeps the
      // labels defined so far in \`parser.gfmFootnotes\` (an array it creates
      // when missing) and looks them up with \`includes\`; seeding it with an
      // array whose \`includes\` asks a Set shows what a Set would save.
      if (withSet) parser.gfmFootnotes = new SetBackedArray()
      const events = postprocess(parser.document().write(preprocess()(text, undefined, true)))
      let footnoteReferences = 0
      let footnoteDefinitions = 0
      for (const [kind, token] of events) {
        if (kind !== 'enter') continue
        if (token.type === 'gfmFootnoteCall') footnoteReferences++
        else if (token.type === 'gfmFootnoteDefinition') footnoteDefinitions++
      }
      return {events: events.length, footnoteReferences, footnoteDefinitions}
    }
  }
  throw new Error(`unknown mode ${mode}`)
}

/** An array whose \`includes\` is a Set lookup (only \`push\` adds). */
class SetBackedArray extends Array {
  #set = new Set()
  push(...items) {
    for (const item of items) this.#set.add(item)
    return super.push(...items)
  }
  includes(item) {
    return this.#set.has(item)
  }
}

function files(paths) {
  const out = []
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name.endsWith('.md')) out.push(path.join(p, name))
    } else out.push(p)
  }
  return out
}

/** Count nodes and footnotes with an explicit stack. */
function walk(tree, totals) {
  if (!tree.type) {
    totals.nodes += tree.events
    totals.footnoteReferences += tree.footnoteReferences
    totals.footnoteDefinitions += tree.footnoteDefinitions
    return
  }
  const stack = [tree]
  while (stack.length > 0) {
    const node = stack.pop()
    totals.nodes++
    if (node.type === 'footnoteReference') totals.footnoteReferences++
    else if (node.type === 'footnoteDefinition') totals.footnoteDefinitions++
    if (node.children) for (const child of node.children) stack.push(child)
  }
}

const [mode, ...paths] = process.argv.slice(2)
if (!mode || paths.length === 0) {
  console.error('usage: node bench/parse.mjs footnote|remark-gfm|citelint|micromark-4.0.2|micromark-4.0.2-set|micromark-4.0.3 PATH...')
  process.exit(2)
}
const parse = await parser(mode)
const started = performance.now()
const totals = {mode, files: 0, bytes: 0, nodes: 0, footnoteReferences: 0, footnoteDefinitions: 0, ms: 0}
for (const file of files(paths)) {
  const text = readFileSync(file, 'utf8')
  walk(parse(text), totals)
  totals.files++
  totals.bytes += Buffer.byteLength(text)
}
totals.ms = Math.round(performance.now() - started)
console.log(JSON.stringify(totals))
