/** The registry equals the `rules/` folder; every rule file documents itself; the README table is current. */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {withRuleTable} from '../src/docs/readme.js'
import {rules} from '../src/engine/registry.js'
import {root} from './helpers.js'

test('registry lists exactly the files of rules/, each id equal to its file name', () => {
  const files = readdirSync(path.join(root, 'rules'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.slice(0, -3))
    .sort()
  assert.equal(rules.map((rule) => rule.meta.id), files)
})

for (const rule of rules) {
  test(`rules/${rule.meta.id}.ts starts with its documentation`, () => {
    const source = readFileSync(path.join(root, 'rules', `${rule.meta.id}.ts`), 'utf8')
    assert.ok(source.startsWith(`/**\n * # ${rule.meta.id}\n`), 'doc comment with the rule id as heading')
    const doc = source.slice(0, source.indexOf('*/'))
    for (const part of ['Why', 'Fails', 'Passes', 'Options', 'Fixable']) assert.ok(doc.includes(part), `doc mentions ${part}`)
  })

  test(`${rule.meta.id}: meta is complete and messages follow the style`, () => {
    const {meta} = rule
    assert.ok(meta.description.length > 0 && !meta.description.endsWith('.'))
    assert.ok(['error', 'warn'].includes(meta.severity))
    assert.ok(['none', 'safe', 'unsafe'].includes(meta.fix))
    for (const [id, template] of Object.entries(meta.messages)) {
      assert.ok(/^[A-Z]/.test(template), `${id}: sentence case`)
      assert.not.ok(template.endsWith('.'), `${id}: no final period`)
      assert.not.ok(/\b(you|please)\b/i.test(template), `${id}: no "you" or "please"`)
    }
  })
}

test('README rule table is generated from meta (run `npm run docs`)', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  assert.is(readme, withRuleTable(readme))
})

test.run()
