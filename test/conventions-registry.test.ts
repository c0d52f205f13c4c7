/**
 * The convention registry equals the `conventions/` folder; every convention
 * file opens with its documentation (what it reads, an example, a look-alike
 * it must not read); the convention list in docs/conventions.md is current.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {conventions} from '../src/citation-index/conventions.js'
import {conventionsDoc, openingDoc, withConventionList} from '../src/docs/readme.js'
import {root} from './helpers.js'

const folder = path.join(root, 'conventions')
const sources = new Map(readdirSync(folder).filter((name) => name.endsWith('.ts')).map((name) => [name.slice(0, -3), readFileSync(path.join(folder, name), 'utf8')]))

test('the registry lists exactly the files of conventions/, each id equal to its file name', () => {
  assert.equal(conventions.map((convention) => convention.meta.id).sort(), [...sources.keys()].sort())
})

for (const [id, source] of sources) {
  test(`conventions/${id}.ts opens with its documentation: an example it reads and a look-alike it must not`, () => {
    assert.ok(source.startsWith('/**\n'), 'the documentation comment on the first line')
    const doc = openingDoc(source)
    assert.ok(/^- (Reads|Excludes):/m.test(doc), 'an example')
    assert.ok(/^- Must not (read|exclude):/m.test(doc), 'a look-alike')
  })
}

for (const {meta} of conventions) {
  test(`${meta.id}: meta is complete`, () => {
    assert.ok(meta.description.length > 0 && !meta.description.endsWith('.'))
    assert.ok(meta.formats.length > 0 && meta.formats.every((format) => format === 'markdown' || format === 'text' || format === 'docx' || format === 'html'))
  })
}

test('docs/conventions.md convention list is generated from the conventions (run `npm run docs`)', () => {
  const doc = readFileSync(path.join(root, conventionsDoc), 'utf8')
  assert.is(doc, withConventionList(doc, sources))
})

test.run()
