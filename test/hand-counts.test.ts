/**
 * Hand counts: for every file of the corpus groups added on 3 December 2026,
 * a person counted the references and notes (test/fixtures/hand-counts.tsv;
 * method and uncertainty in hand-counts.md). `citelint summary --format
 * json` must agree within 5 % (`files[].references.total`,
 * `files[].notes.total`) on the rows marked `agree`. Rows marked `pending`
 * name what citelint does not read yet (a format without a reader, or a
 * convention not yet read); the test checks that they still disagree, so
 * that a row is marked `agree` as soon as it holds. SKIP when the corpus is
 * absent; under CI=true that fails instead. `UPDATE_HAND_COUNTS=1` rewrites
 * the `expect` column from what citelint gives now (review the diff).
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {readers} from '../src/readers/registry.js'
import {summarizeFiles} from '../src/report/summarize.js'
import {available, root, shared} from './helpers.js'

const corpus = path.join(shared, 'corpus/real')

interface Row {
  readonly path: string
  readonly references: number
  readonly notes: number
  readonly expect: string
}

const fixture = path.join(root, 'test/fixtures/hand-counts.tsv')
const rows: Row[] = readFileSync(fixture, 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [file = '', , references = '', notes = '', expect = ''] = line.split('\t')
    return {path: file, references: Number(references), notes: Number(notes), expect}
  })

/** Whether `actual` is within 5 % of the hand count `expected`. */
const agrees = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 0.05 * expected

test('summary counts agree with the hand counts within 5 % where marked agree, and still disagree where pending', async () => {
  if (!available(corpus, 'real corpus')) return
  const claimed = new Set(readers.flatMap((reader) => reader.extensions))
  const readable = rows.filter((row) => claimed.has(path.extname(row.path).slice(1).toLowerCase()))
  for (const row of rows) if (!readable.includes(row)) assert.is(row.expect, 'pending', `${row.path}: no reader takes it, so it cannot agree`)
  const {files, failures} = await summarizeFiles(readable.map((row) => row.path), {cwd: corpus})
  assert.equal(failures, [])
  const wrong: string[] = []
  const agreeing = new Set<string>()
  for (const row of readable) {
    const file = files.find((f) => path.resolve(corpus, f.filePath) === path.resolve(corpus, row.path))
    assert.ok(file, `${row.path}: summarised`)
    const ok = agrees(file.references.total, row.references) && agrees(file.notes.total, row.notes)
    if (ok) agreeing.add(row.path)
    const counts = `references ${file.references.total} (hand ${row.references}), notes ${file.notes.total} (hand ${row.notes})`
    if (row.expect === 'agree' && !ok) wrong.push(`${row.path}: ${counts}`)
    if (row.expect !== 'agree' && ok) wrong.push(`${row.path}: agrees now (${counts}): mark it agree`)
  }
  if (process.env['UPDATE_HAND_COUNTS'] === '1') {
    const [header, ...lines] = readFileSync(fixture, 'utf8').trimEnd().split('\n')
    const updated = lines.map((line) => {
      const fields = line.split('\t')
      fields[4] = agreeing.has(fields[0]!) ? 'agree' : 'pending'
      return fields.join('\t')
    })
    writeFileSync(fixture, [header, ...updated].join('\n') + '\n')
    return
  }
  assert.equal(wrong, [])
})

test.run()
