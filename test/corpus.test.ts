/**
 * Robustness on real documents: every file of ../shared/corpus/real and of
 * the project's examples lints without an internal error, and every message
 * (and its cause) lies inside its file: lines and columns in range, the end
 * not before the start, offsets agreeing with lines and columns. SKIP when
 * the corpus is absent; under CI=true that fails instead.
 */
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {location} from 'vfile-location'
import type {FileResult} from '../src/run/lint-files.js'
import {lintFiles} from '../src/run/lint-files.js'
import {available, root, shared} from './helpers.js'

const corpus = path.join(shared, 'corpus/real')

interface Point {
  readonly line: number
  readonly column: number
  readonly offset?: number | undefined
}

/** Every message position of `result` lies inside its file. */
function assertInside(result: FileResult): number {
  const value = String(result.file.value)
  const lines = value.split(/\r\n|\r|\n/)
  const place = location(value)
  const name = result.file.path
  let checked = 0
  const spans: Array<{start: Point; end: Point}> = []
  for (const message of result.messages) {
    const found = message.place
    assert.ok(found && 'start' in found, `${name}: message without a span`)
    spans.push(found)
    const cause = message.cause as {place?: {start: Point; end: Point}} | undefined
    if (cause?.place) spans.push(cause.place)
  }
  for (const {start, end} of spans) {
    for (const point of [start, end]) {
      const at = `${name}:${point.line}:${point.column}`
      assert.ok(point.line >= 1 && point.line <= lines.length, `${at}: line inside the file (${lines.length} lines)`)
      assert.ok(point.column >= 1 && point.column <= lines[point.line - 1]!.length + 1, `${at}: column inside the line`)
      if (point.offset !== undefined) assert.equal(place.toPoint(point.offset), {...point, offset: point.offset}, `${at}: offset agrees`)
    }
    assert.ok(end.line > start.line || (end.line === start.line && end.column >= start.column), `${name}: end not before start`)
    checked++
  }
  return checked
}

test('the real corpus lints without an internal error, every position inside its file', async () => {
  if (!available(corpus, 'real corpus')) return
  const {results, failures} = await lintFiles(['.'], {cwd: corpus})
  assert.equal(failures.filter((f) => f.reason.startsWith('internal error')), [])
  assert.ok(results.length > 150, `linted ${results.length} files`)
  for (const result of results) assertInside(result)
})

test('the examples lint without a failure, every position inside its file', async () => {
  const {results, failures} = await lintFiles(['examples'], {cwd: root})
  assert.equal(failures, [])
  assert.ok(results.length >= 20, `linted ${results.length} files`)
  const checked = results.reduce((sum, result) => sum + assertInside(result), 0)
  assert.ok(checked >= 20, `checked ${checked} spans`)
})

test.run()
