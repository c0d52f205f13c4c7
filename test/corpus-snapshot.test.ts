/**
 * The corpus snapshot: citelint's output on every file of
 * ../shared/corpus/real, pinned so that a refactoring provably changes
 * nothing and a change of behaviour is one reviewable diff.
 *
 * `test/fixtures/corpus-snapshot.txt` holds, per linted file (keyed by its
 * path relative to the corpus folder, sorted, SOURCES.md left out), a line
 * `# path sha256` where the hash covers the file's whole JSON entry with
 * `--include-notes` (messages with their text, and the note model) minus the
 * absolute `filePath`, then one line per finding, `line:col-endLine:endCol
 * ruleId messageId`. Failures (files that could not be linted) are listed as
 * `! path reason`.
 *
 * `UPDATE_CORPUS_SNAPSHOT=1 npm test` rewrites it. SKIP when the corpus is
 * absent; under CI=true that fails instead.
 */
import {createHash} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintFiles} from '../src/run/lint-files.js'
import {toJsonResult} from '../src/report/json.js'
import {available, root, shared} from './helpers.js'

const corpus = path.join(shared, 'corpus/real')
const snapshotFile = path.join(root, 'test/fixtures/corpus-snapshot.txt')
/** Metadata of the corpus, not documents. */
const skipped = new Set(['SOURCES.md', 'stats.tsv'])

/** The snapshot text of the corpus as citelint lints it now. */
async function snapshot(): Promise<string> {
  const {results, failures} = await lintFiles(['.'], {cwd: corpus})
  const entries: Array<[string, string]> = []
  for (const result of results) {
    const relative = path.relative(corpus, path.resolve(corpus, result.file.path)).split(path.sep).join('/')
    if (skipped.has(relative)) continue
    // The fields pinned since the first snapshot (ESLint's later fields are derived from these or from the text).
    const {messages, errorCount, warningCount, notes} = toJsonResult(result, {includeNotes: true})
    const json = {messages: messages.map(({fix: _fix, ...message}) => message), errorCount, warningCount, notes}
    const hash = createHash('sha256').update(JSON.stringify(json)).digest('hex').slice(0, 16)
    const lines = [`# ${relative} ${hash}`]
    for (const m of json.messages) lines.push(`${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId ?? 'citelint'} ${m.messageId}`)
    entries.push([relative, lines.join('\n')])
  }
  for (const failure of failures) {
    const relative = path.relative(corpus, failure.filePath).split(path.sep).join('/')
    if (!skipped.has(relative)) entries.push([relative, `! ${relative} ${failure.reason}`])
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return entries.map(([, text]) => text).join('\n') + '\n'
}

test('the real corpus gives exactly the snapshot output', async () => {
  if (!available(corpus, 'real corpus')) return
  const actual = await snapshot()
  if (process.env['UPDATE_CORPUS_SNAPSHOT'] === '1') writeFileSync(snapshotFile, actual)
  const expected = readFileSync(snapshotFile, 'utf8')
  if (actual === expected) return
  // Name the first file that differs rather than printing a huge diff.
  const a = actual.split('\n# ')
  const e = expected.split('\n# ')
  const i = a.findIndex((chunk, k) => chunk !== e[k])
  assert.unreachable(`corpus output differs from test/fixtures/corpus-snapshot.txt, first at:\n${(a[i] ?? '').slice(0, 400)}\nexpected:\n${(e[i] ?? '').slice(0, 400)}\n(UPDATE_CORPUS_SNAPSHOT=1 rewrites it)`)
})

test.run()
