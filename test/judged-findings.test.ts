/**
 * Judged findings stay judged: every finding a person judged true on the
 * real corpus is still reported, at the same place and by the same rule, and
 * none judged false or noise is. A finding judged wrong but not fixed yet is
 * `known-false`: it must still be reported (so that the row is changed when
 * it is fixed), and it counts against the rule's precision. A finding that
 * became a related place of another (`related`: one fault reported once
 * for many places) must be a related place of a reported finding of its
 * rule, and not reported on its own. The judgements are in
 * test/fixtures/judged-findings/<rule-id>.tsv (see its README). SKIP when
 * the corpus is absent; under CI=true that fails instead.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintFiles} from '../src/run/lint-files.js'
import {available, root, shared} from './helpers.js'

const corpus = path.join(shared, 'corpus/real')
const folder = path.join(root, 'test/fixtures/judged-findings')

interface Judged {
  readonly path: string
  readonly line: number
  readonly column: number
  readonly rule: string
  readonly verdict: 'true' | 'false' | 'noise' | 'known-false' | 'related'
  readonly reason: string
}

/** Every judged finding of every rule's file. */
function judged(): Judged[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.tsv'))
    .flatMap((name) => {
      const rule = name.slice(0, -4)
      const [header, ...rows] = readFileSync(path.join(folder, name), 'utf8').split('\n').filter((line) => line.trim() !== '')
      assert.is(header, 'path\tline\tcolumn\tverdict\treason', `${name}: header`)
      return rows.map((row): Judged => {
        const [file = '', line = '', column = '', verdict = '', reason = ''] = row.split('\t')
        assert.ok(['true', 'false', 'noise', 'known-false', 'related'].includes(verdict), `${name}: verdict of ${row}`)
        return {path: file, line: Number(line), column: Number(column), rule, verdict: verdict as Judged['verdict'], reason}
      })
    })
}

test('judged findings: the true ones are reported, the false and noise ones are not', async () => {
  if (!available(corpus, 'real corpus')) return
  const all = judged()
  if (all.length === 0) return
  const files = [...new Set(all.map((item) => item.path))]
  const {results, failures} = await lintFiles(files, {cwd: corpus})
  assert.equal(failures.map((f) => f.filePath), [])
  const reported = new Set<string>()
  const related = new Set<string>()
  for (const result of results) {
    const file = path.relative(corpus, path.resolve(corpus, result.file.path)).split(path.sep).join('/')
    for (const message of result.messages) {
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      reported.add(`${file}:${start?.line}:${start?.column} ${message.ruleId}`)
      for (const other of message.related ?? []) related.add(`${file}:${other.place.start.line}:${other.place.start.column} ${message.ruleId}`)
    }
  }
  // A known-false finding is judged wrong but not fixed yet: it must still be reported, so that its row is changed to false once it is fixed.
  const expected = (item: Judged): boolean => item.verdict === 'true' || item.verdict === 'known-false'
  const key = (item: Judged): string => `${item.path}:${item.line}:${item.column} ${item.rule}`
  const wrong = all.filter((item) => reported.has(key(item)) !== expected(item) || (item.verdict === 'related' && !related.has(key(item))))
  const what = (item: Judged): string =>
    item.verdict === 'known-false'
      ? 'fixed (mark it false)'
      : item.verdict === 'true'
        ? 'missing'
        : item.verdict === 'related' && !reported.has(key(item))
          ? 'not a related place'
          : 'reported'
  assert.equal(
    wrong.map((item) => `${what(item)} ${item.path}:${item.line}:${item.column} ${item.rule} (${item.reason})`),
    []
  )
})

test.run()
