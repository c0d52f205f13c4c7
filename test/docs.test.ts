/**
 * Every relative link of the documentation resolves: README.md,
 * ARCHITECTURE.md and docs/*.md. A link's path (relative to the Markdown file
 * holding it) must name an existing file or folder, and its `#fragment`, when
 * it points into a Markdown file (the same one, or another), must be the
 * anchor of one of that file's headings as GitHub makes it (github-slugger,
 * the slugger GitHub's renderer is modelled on: lower case, punctuation
 * dropped, spaces to `-`, a repeated heading getting `-1`, `-2`, ...). Links
 * with a scheme (`https:`, `mailto:`) are not followed; text in code is not a
 * link (remark-parse, CommonMark). The README's "What it finds" shows what
 * the CLI prints today on the seed report (SKIP without `../shared`).
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import type {Nodes, Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {available, root, runCli, shared} from './helpers.js'

/** The Markdown files whose links are checked, relative to the repository root. */
const documents = ['README.md', 'ARCHITECTURE.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]

/** The mdast tree of a Markdown file. */
function tree(file: string): Root {
  return unified().use(remarkParse).parse(readFileSync(file, 'utf8'))
}

/** The text content of a node, as GitHub slugs a heading from it. */
function text(node: Nodes): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value
  return 'children' in node ? node.children.map((child) => text(child)).join('') : ''
}

/** Every node of a tree, depth first. */
function* nodes(node: Nodes): Generator<Nodes> {
  yield node
  if ('children' in node) for (const child of node.children) yield* nodes(child)
}

const anchorCache = new Map<string, Set<string>>()

/** The anchors of a Markdown file: its headings' slugs, and `id`/`name` attributes of raw HTML. */
function anchors(file: string): Set<string> {
  let found = anchorCache.get(file)
  if (found) return found
  found = new Set()
  const slugger = new GithubSlugger()
  for (const node of nodes(tree(file))) {
    if (node.type === 'heading') found.add(slugger.slug(text(node)))
    if (node.type === 'html') for (const match of node.value.matchAll(/\b(?:id|name)="([^"]+)"/g)) found.add(match[1]!)
  }
  anchorCache.set(file, found)
  return found
}

for (const document of documents) {
  test(`${document}: every relative link and anchor resolves`, () => {
    const file = path.join(root, document)
    const broken: string[] = []
    for (const node of nodes(tree(file))) {
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') continue
      const url = node.url
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue
      const hash = url.indexOf('#')
      const target = decodeURIComponent(hash < 0 ? url : url.slice(0, hash))
      const fragment = hash < 0 ? undefined : decodeURIComponent(url.slice(hash + 1))
      const targetFile = target === '' ? file : path.resolve(path.dirname(file), target)
      const line = node.position?.start.line ?? 0
      if (!existsSync(targetFile)) {
        broken.push(`${document}:${line}: ${url}: no such file`)
        continue
      }
      if (fragment === undefined || !statSync(targetFile).isFile() || !targetFile.endsWith('.md')) continue
      if (!anchors(targetFile).has(fragment)) broken.push(`${document}:${line}: ${url}: no heading with this anchor in ${path.relative(root, targetFile)}`)
    }
    assert.equal(broken, [])
  })
}

test('the README keeps the set-up commands at the top and links each moved part', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  assert.ok(readme.includes('npm ci && npx citelint examples/'))
  assert.ok(readme.includes('npm test'))
  for (const document of documents.filter((name) => name.startsWith('docs/'))) {
    assert.ok(readme.includes(`](${document}`), `the README links ${document}`)
  }
})

test('the README shows the seed report\'s output as the CLI prints it', async () => {
  const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')
  if (!available(seed, 'seed report')) return
  const folder = mkdtempSync(path.join(tmpdir(), 'citelint-readme-'))
  try {
    mkdirSync(path.join(folder, 'reports'))
    copyFileSync(seed, path.join(folder, 'reports/q3.txt'))
    const {code, out} = await runCli(['reports/q3.txt'], folder)
    assert.is(code, 1)
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    assert.ok(readme.includes('```text\n$ npx citelint reports/q3.txt\n' + out.trimEnd() + '\n```\n'), 'the README block equals the output:\n' + out)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test.run()
