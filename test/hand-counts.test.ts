/**
 * Hand counts of the real corpus: for each file listed in
 * `test/fixtures/hand-counts/*.tsv` (`path`, `references`, `notes`,
 * `convention`, `how counted`; path relative to ../shared/corpus/real), the
 * summary's `references.total` and `notes.total` must agree with the count a
 * person made within 5 %. SKIP when the corpus is absent (fails under CI=true).
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {available, root, runCli, shared} from './helpers.js'

const corpus = path.join(shared, 'corpus/real')
const folder = path.join(root, 'test/fixtures/hand-counts')

interface Count {
  readonly file: string
  readonly references: number
  readonly notes: number
}

function counts(): Count[] {
  const rows: Count[] = []
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.tsv')).sort()) {
    const lines = readFileSync(path.join(folder, name), 'utf8').split('\n').slice(1).filter(Boolean)
    for (const line of lines) {
      const [file, references, notes] = line.split('\t')
      rows.push({file: file!, references: Number(references), notes: Number(notes)})
    }
  }
  return rows
}

/** Whether `actual` is within 5 % of `expected` (exact for small counts). */
function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.floor(expected * 0.05)
}

test('the summary agrees with the hand counts within 5 %', async () => {
  if (!available(corpus, 'real corpus')) return
  const rows = counts()
  assert.ok(rows.length > 0)
  const {out} = await runCli(['summary', ...rows.map((row) => row.file), '--format', 'json'], corpus)
  const files = (JSON.parse(out) as {files: Array<{path?: string; filePath?: string; file?: string; references: {total: number}; notes: {total: number}}>}).files
  assert.is(files.length, rows.length)
  for (const [i, row] of rows.entries()) {
    const found = files[i]!
    assert.ok(close(found.references.total, row.references), `${row.file}: ${found.references.total} references, counted ${row.references}`)
    assert.ok(close(found.notes.total, row.notes), `${row.file}: ${found.notes.total} notes, counted ${row.notes}`)
  }
})

test.run()
