/**
 * The nesting guard (src/readers/markdown-nesting.ts): the depth estimate is an upper
 * bound that ignores thematic breaks and plain indentation, Markdown at the
 * limit is parsed, deeper Markdown is refused with NestingTooDeep, a block
 * longer than the block limit with BlockTooLong, and the CLI reports either
 * as one line and exit 2.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Node} from 'unist'
import {assertBlockLength, BlockTooLong, estimateNesting, maxNesting, NestingTooDeep} from '../src/readers/markdown-nesting.js'
import {parseMarkdown} from '../src/readers/markdown.js'
import {lintText} from '../src/index.js'
import {runCli} from './helpers.js'

const cases: Array<[string, string, {depth: number; line: number}]> = [
  ['empty', '', {depth: 0, line: 1}],
  ['paragraph', 'A claim.[^1]\n', {depth: 0, line: 1}],
  ['block quotes', 'a\n> b\n> > > c\n', {depth: 3, line: 3}],
  ['block quotes without spaces', '>>>>> c', {depth: 5, line: 1}],
  ['list staircase', '- a\n  - b\n    - c\n', {depth: 3, line: 3}],
  ['ordered list', '1. a\n   2) b\n', {depth: 3, line: 2}],
  ['items on one line', '- - - x\n', {depth: 3, line: 1}],
  ['footnote definitions', '[^a]: [^b]: note\n', {depth: 2, line: 1}],
  ['definition in a list in a quote', '> - [^1]: > note\n', {depth: 4, line: 1}],
  ['thematic breaks', '* * * * * * * *\n- - - - - -\n> ___\n', {depth: 1, line: 3}],
  ['indentation alone opens nothing', `${' '.repeat(400)}code\n\t\t\tx\n`, {depth: 0, line: 1}],
  ['tab before a marker', '\t- x\n', {depth: 3, line: 1}],
  ['CRLF and CR lines', 'a\r\n> b\r> > c\r\n', {depth: 2, line: 3}],
  ['tab after a marker', '>\t\t- x\n', {depth: 5, line: 1}],
  ['not markers', '-x\n*emphasis*\n2015. A year\n[^a] call\n[^a]text\n', {depth: 1, line: 3}]
]

for (const [name, text, expected] of cases) {
  test(`estimateNesting: ${name}`, () => {
    assert.equal(estimateNesting(text), expected)
  })
}

/** Depth of nested blockquote nodes in `node`. */
function quoteDepth(node: Node): number {
  const children = 'children' in node ? (node.children as Node[]) : []
  return (node.type === 'blockquote' ? 1 : 0) + Math.max(0, ...children.map(quoteDepth))
}

test('parseMarkdown: nesting at the limit is parsed', () => {
  const tree = parseMarkdown(`${'>'.repeat(maxNesting)} A claim.[^1]\n\n[^1]: Source, 2015.\n`)
  assert.is(quoteDepth(tree), maxNesting)
})

test('parseMarkdown: nesting past the limit throws NestingTooDeep naming the line', () => {
  const text = `Intro.\n\n${'>'.repeat(maxNesting + 1)} A claim.\n`
  try {
    parseMarkdown(text)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, NestingTooDeep)
    const deep = error as NestingTooDeep
    assert.is(deep.line, 3)
    assert.is(deep.depth, 101)
    assert.is(
      deep.message,
      'Markdown nested too deep: line 3 opens up to 101 block quotes, list items or footnote definitions, at most 100 are parsed'
    )
  }
})

test('block length: a run of non-blank lines over the limit is refused from its first line; blank lines (CRLF too) end a block', () => {
  const refusal = (text: string, limit: number): number | undefined => {
    try {
      assertBlockLength(text, limit)
      return undefined
    } catch (error) {
      assert.instance(error, BlockTooLong)
      return (error as BlockTooLong).line
    }
  }
  assert.is(refusal('abcd\nefgh\n', 9), undefined, 'exactly at the limit: 4 + 1 + 4 characters')
  assert.is(refusal('abcd\nefghi\n', 9), 1)
  assert.is(refusal('abcd\n\nefgh\n', 5), undefined)
  assert.is(refusal('abcd\r\n \t\r\nefgh\r\nijkl\r\n', 9), 3)
  assert.is(refusal('ab\r\rcdefghijk', 8), 3)
  assert.is(refusal('x'.repeat(20), 19), 1)
  // Each list item and footnote definition is a paragraph of its own: a long notes list is fine.
  assert.is(refusal('[^1]: abcd\n[^2]: efgh\n- ijkl\n> 2. mnop\n', 12), undefined)
  assert.is(refusal('[^1]: abcd\n[^2]: efgh\nijklm\n', 12), 2)
  assert.is(refusal('[^1]: abcd\n[^]: efgh\n', 12), 1, 'an empty label opens nothing')
  const long = `Intro.\n\n${'A claim.[^1] '.repeat(80_000)}\n`
  try {
    parseMarkdown(long)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.is((error as Error).message, 'Markdown block too long: the lines from line 3 run over 1000000 characters without a blank line, more than is parsed')
  }
})

test('lintText: plain text is never refused for nesting', () => {
  const result = lintText(`${'>'.repeat(1000)} A claim.[1]\n\n[1] Source, 2015.\n`, {filePath: 'deep.txt'})
  assert.equal(result.messages.map((m) => m.ruleId), [])
})

test('CLI: a too deeply nested Markdown file is one line on stderr and exit 2; other files are linted', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'citelint-deep-'))
  writeFileSync(path.join(folder, 'deep.md'), `${'> '.repeat(200)}x\n`)
  writeFileSync(path.join(folder, 'ok.md'), 'A claim.[^2]\n\n[^1]: Source, 2015.\n')
  // The same through a worker thread.
  const pooled = await runCli(['deep.md', 'ok.md', '--format', 'json', '--concurrency', '1'], folder)
  const run = await runCli(['deep.md', 'ok.md', '--format', 'json'], folder)
  assert.equal(pooled, run)
  assert.is(run.code, 2)
  const lines = run.err.trimEnd().split('\n')
  assert.is(lines.length, 1)
  assert.is(lines[0], 'citelint: deep.md: Markdown nested too deep: line 1 opens up to 200 block quotes, list items or footnote definitions, at most 100 are parsed; not linted')
  assert.not.match(run.err, /\n\s+at /)
  const results = JSON.parse(run.out) as Array<{filePath: string; messages: Array<{ruleId: string}>}>
  assert.equal(
    results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]),
    [['ok.md', ['undefined-reference', 'unused-note']]]
  )
})

test('standard input refused: one line naming --stdin-filename, exit 2; with --fix the input comes back unchanged', async () => {
  const deep = `${'> '.repeat(150)}x\n`
  const reason = 'Markdown nested too deep: line 1 opens up to 150 block quotes, list items or footnote definitions, at most 100 are parsed; not linted'
  const lint = await runCli(['--stdin', '--stdin-filename', 'y.md'], undefined, deep)
  assert.equal([lint.code, lint.out, lint.err], [2, '', `citelint: y.md: ${reason}\n`])
  const fix = await runCli(['--stdin', '--stdin-filename', 'y.md', '--fix'], undefined, deep)
  assert.equal([fix.code, fix.out, fix.err], [2, deep, `citelint: y.md: ${reason}\n`])
  const binary = await runCli(['--stdin', '--stdin-filename', 'z.md', '--fix'], undefined, Buffer.from('a\u0000b'))
  assert.equal([binary.code, binary.out], [2, 'a\u0000b'])
})

test.run()
