/**
 * Acceptance: the real report in ../shared/seeds gives exactly its three
 * findings. SKIP when ../shared is absent; under CI=true that fails instead.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {available, runCli, shared} from './helpers.js'

const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')

test('seed report: broken-marker 18:1189, empty-source 26:1 and 30:1, exit 1', async () => {
  if (!available(seed, 'seed report')) return
  const {code, out, err} = await runCli([seed, '--format', 'json'])
  assert.equal([code, err], [1, ''])
  const [file] = JSON.parse(out) as Array<{messages: Array<Record<string, unknown>>}>
  assert.equal(
    file!.messages.map((m) => [m['ruleId'], m['line'], m['column'], m['endLine'], m['endColumn']]),
    [
      ['broken-marker', 18, 1189, 18, 1192],
      ['empty-source', 26, 1, 26, 22],
      ['empty-source', 30, 1, 30, 22]
    ]
  )
  const text = readFileSync(seed, 'utf8').split('\n')
  assert.is(text[17]!.slice(1188, 1191), '[v]')
  assert.is(file!.messages[0]!['message'], 'Broken marker `[v]`: the notes are numbered 1 to 5, expected a number such as `[5]`')
})

test.run()
