/**
 * The label-lookup wrapper (src/readers/markdown-label-lookup.ts): LabelList behaves as
 * the array it replaces, the wrapper is in effect in parseMarkdown, and
 * parsing with it gives the same tree as the unwrapped extension on
 * generated documents with many notes, duplicates, undefined calls, link
 * definitions and case-folded labels.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {parse as micromarkParse, postprocess, preprocess} from 'micromark'
import {LabelList, useLabelLists, withLabelLookup} from '../src/readers/markdown-label-lookup.js'
import {parseMarkdown} from '../src/readers/markdown.js'
import {lintText} from '../src/index.js'

test('LabelList: includes and push agree with an array, duplicates included', () => {
  const list = LabelList.fromLabels(['a', 'b'])
  const plain = ['a', 'b']
  for (const label of ['c', 'a', 'C', '', 'c']) {
    assert.is(list.includes(label), plain.includes(label), `includes(${JSON.stringify(label)}) before push`)
    assert.is(list.push(label), plain.push(label))
    assert.is(list.includes(label), true)
  }
  assert.equal([...list], ['a', 'b', 'c', 'a', 'C', '', 'c'])
  assert.is(list.includes('d'), false)
  assert.ok(Array.isArray(list))
})

test('LabelList: after a mutation other than push, includes searches the array', () => {
  const list = LabelList.fromLabels(['a', 'b', 'c'])
  list.splice(1, 1)
  assert.is(list.includes('b'), false)
  assert.is(list.includes('c'), true)
  list.length = 0
  assert.is(list.includes('a'), false)
  assert.is(LabelList.fromLabels(['a']).includes('a', 1), false, 'fromIndex is honoured')
  assert.not.ok(list.map((x) => x) instanceof LabelList, 'derived arrays are plain arrays')
})

test('useLabelLists: keeps labels already defined, in order, and is idempotent', () => {
  const parser: {defined?: string[]; gfmFootnotes?: string[]} = {defined: ['x', 'y']}
  useLabelLists(parser)
  assert.ok(parser.defined instanceof LabelList)
  assert.ok(parser.gfmFootnotes instanceof LabelList)
  assert.equal([...parser.defined!], ['x', 'y'])
  assert.equal([...parser.gfmFootnotes!], [])
  const before = parser.defined
  useLabelLists(parser)
  assert.is(parser.defined, before)
})

test('withLabelLookup: micromark parser ends with LabelLists holding the defined labels', () => {
  const parser = micromarkParse({extensions: [withLabelLookup(gfmFootnote())]}) as unknown as {
    defined: string[]
    gfmFootnotes: string[]
    document: () => {write: (chunks: unknown) => Parameters<typeof postprocess>[0]}
  }
  postprocess(parser.document().write(preprocess()('A[^One] b[two].\n\n[^one]: N.\n\n[Two]: https://example.org\n[^3]: M.\n', undefined, true)))
  assert.ok(parser.gfmFootnotes instanceof LabelList)
  assert.ok(parser.defined instanceof LabelList)
  // micromark's normalizeIdentifier folds case to upper case.
  assert.equal([...parser.gfmFootnotes], ['ONE', '3'])
  assert.equal([...parser.defined], ['TWO'])
})

test('withLabelLookup: in effect in parseMarkdown (LabelList.includes is asked)', () => {
  const original = LabelList.prototype.includes
  let calls = 0
  LabelList.prototype.includes = function (this: LabelList, label: string, fromIndex?: number) {
    calls++
    return original.call(this, label, fromIndex)
  }
  try {
    parseMarkdown('A claim.[^1]\n\n[^1]: Source, 2015.\n')
  } finally {
    LabelList.prototype.includes = original
  }
  assert.ok(calls >= 2, `expected the footnote call and definition to ask the LabelList, got ${calls} calls`)
})

/** The parser of src/readers/markdown.ts without the wrapper. */
function unwrapped(): Processor<Root> {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(function (this: Processor) {
      const data = this.data()
      ;(data.micromarkExtensions ??= []).push(gfmFootnote())
      ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown())
    })
    .freeze() as unknown as Processor<Root>
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A report with `n` notes: calls to defined, undefined and duplicate labels,
 * labels differing only in case or inner white space, link definitions and
 * references, notes in block quotes and lists.
 */
function generated(n: number, seed: number): string {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const labels = Array.from({length: n}, (_, i) => pick([`${i}`, `n${i}`, `Note${i}`, `ÄÖ${i}`, `ß${i}`]))
  const variant = (label: string): string => pick([label, label.toUpperCase(), label.toLowerCase(), label.replace(/^(.)/, '$1 '), label])
  const body: string[] = []
  for (let i = 0; i < n * 2; i++) {
    const label = pick(labels)
    body.push(
      pick([
        `Claim ${i}.[^${variant(label)}]`,
        `Undefined ${i}.[^u${i}]`,
        `Link ${i} [${variant(label)}] and [text][${label}].`,
        `Broken [^ ${label}] and [${label}].`,
        `Nested [[^${label}]] and ![^${label}].`
      ])
    )
    if (next() < 0.2) body.push('\n\n')
  }
  const notes: string[] = []
  for (const label of labels) {
    notes.push(
      pick([
        `[^${label}]: Source ${label}, 2015.`,
        `[^${variant(label)}]: Duplicate of ${label}.`,
        `> [^${label}]: Quoted source.`,
        `- [^${label}]: Listed source.`,
        `[${label}]: https://example.org/${encodeURIComponent(label)}`,
        `[${variant(label)}]: https://example.org/dup`
      ])
    )
  }
  return `${body.join(' ')}\n\n${notes.join('\n')}\n`
}

test('withLabelLookup: the same tree as the unwrapped extension on generated reports', () => {
  const reference = unwrapped()
  for (const [n, seed] of [
    [10, 1],
    [200, 2],
    [1000, 3],
    [2000, 4]
  ] as const) {
    const text = generated(n, seed)
    const expected = reference.parse(text)
    const actual = parseMarkdown(text)
    assert.equal(actual, expected, `n=${n} seed=${seed}`)
    let calls = 0
    let definitions = 0
    const walk = (node: {type: string; children?: unknown[]}): void => {
      if (node.type === 'footnoteReference') calls++
      if (node.type === 'footnoteDefinition') definitions++
      for (const child of (node.children ?? []) as Array<{type: string; children?: unknown[]}>) walk(child)
    }
    walk(actual)
    // The generator must reach both paths: defined calls and definitions.
    assert.ok(calls > n / 4 && definitions > n / 4, `n=${n}: ${calls} calls, ${definitions} definitions`)
  }
})

test('withLabelLookup: lint findings on a generated report are those of the tree (spot check)', () => {
  const text = '[^A]: One.\n[^a]: Two.\n\nX.[^a] Y.[^B] Z.[^ a]\n'
  const found = lintText(text, {filePath: 'x.md'}).messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)
  assert.equal(found, ['2:1 duplicate-note', '4:10 undefined-reference', '4:17 broken-marker'])
})

test.run()
