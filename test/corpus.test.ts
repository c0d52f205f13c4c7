/**
 * Robustness on real documents: every file of ../shared/corpus/real lints
 * without an internal error. SKIP when the corpus is absent; under CI=true
 * that fails instead.
 */
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintFiles} from '../src/lint-files.js'
import {available, shared} from './helpers.js'

const corpus = path.join(shared, 'corpus/real')

test('the real corpus lints without an internal error', async () => {
  if (!available(corpus, 'real corpus')) return
  const {results, failures} = await lintFiles(['.'], {cwd: corpus})
  assert.equal(failures.filter((f) => f.reason.startsWith('internal error')), [])
  assert.ok(results.length > 150, `linted ${results.length} files`)
  for (const result of results) {
    const lines = String(result.file.value).split(/\r\n|\r|\n/).length
    for (const message of result.messages) {
      const place = message.place
      assert.ok(place && 'start' in place)
      assert.ok(place.start.line >= 1 && place.end.line <= lines, `${result.file.path}: position inside the file`)
    }
  }
})

test.run()
