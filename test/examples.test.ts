/**
 * The examples harness: every report in `examples/` is linted and its
 * findings compared with `<file>.expected` beside it (one per line,
 * `line:col-endLine:endCol rule-id message`, in vfile-sort order). Stems
 * starting `valid` must give nothing. An example may set rule options in
 * `<file>.config.json` (`{"rules": {"marker-placement": ["warn", {...}]}}`).
 * `UPDATE_EXAMPLES=1 npm test` rewrites the expectation files.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Config, RuleSetting} from '../src/config.js'
import {lintText} from '../src/engine.js'
import type {CitelintMessage, LintResult} from '../src/engine.js'
import {rules} from '../src/registry.js'
import {root} from './helpers.js'

const folder = path.join(root, 'examples')
const update = process.env['UPDATE_EXAMPLES'] === '1'
const reports = readdirSync(folder)
  .filter((name) => /\.(md|markdown|txt)$/.test(name))
  .sort()

function lines(messages: readonly CitelintMessage[]): string[] {
  return messages.map((message) => {
    const place = message.place
    const start = place && 'start' in place ? place.start : place
    const end = place && 'end' in place ? place.end : place
    return `${start?.line}:${start?.column}-${end?.line}:${end?.column} ${message.ruleId} ${message.reason}`
  })
}

/** Rule settings of an example: `<file>.config.json` beside it (`{"rules": {...}}`), if any. */
function settingsOf(name: string): Record<string, RuleSetting> {
  const file = path.join(folder, `${name}.config.json`)
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as Config).rules ?? {}) : {}
}

function lint(name: string, only?: string): LintResult {
  const text = readFileSync(path.join(folder, name), 'utf8')
  const settings = settingsOf(name)
  const config: Config = only
    ? {
        rules: Object.fromEntries(
          rules.map((rule): [string, RuleSetting] => {
            const id = rule.meta.id
            const setting = settings[id]
            if (id !== only) return [id, 'off']
            return [id, Array.isArray(setting) && setting[1] ? ['error', setting[1]] : 'error']
          })
        )
      }
    : {rules: settings}
  return lintText(text, {filePath: `examples/${name}`, config, freezeTree: true})
}

test('examples cover every rule, valid Markdown and valid plain text', () => {
  for (const rule of rules) {
    assert.ok(
      reports.some((name) => name.startsWith(rule.meta.id)),
      `no example for ${rule.meta.id}`
    )
  }
  assert.ok(reports.some((name) => name.startsWith('valid') && name.endsWith('.md')))
  assert.ok(reports.some((name) => name.startsWith('valid') && name.endsWith('.txt')))
})

const exercised = new Set<string>()

for (const name of reports) {
  test(`examples/${name}: findings equal the expectation file`, () => {
    const result = lint(name)
    const got = lines(result.messages)
    for (const message of result.messages) {
      exercised.add(`${message.ruleId}/${message.messageId}`)
      const cause = message.cause as CitelintMessage | undefined
      if (cause?.messageId) exercised.add(`${message.ruleId}/${cause.messageId}`)
    }
    const expectedFile = path.join(folder, `${name}.expected`)
    if (name.startsWith('valid')) {
      assert.equal(got, [], `${name} must give no findings`)
      assert.not.ok(existsSync(expectedFile), `${name} needs no expectation file`)
      return
    }
    assert.ok(got.length > 0, `${name} shows no problem`)
    if (update) writeFileSync(expectedFile, `${got.join('\n')}\n`)
    assert.ok(existsSync(expectedFile), `missing ${name}.expected (run UPDATE_EXAMPLES=1 npm test)`)
    assert.equal(got, readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean))
  })

  test(`examples/${name}: each rule alone gives its own findings (rules are independent)`, () => {
    const all = lines(lint(name).messages)
    for (const rule of rules) {
      const alone = lines(lint(name, rule.meta.id).messages)
      const mine = all.filter((line) => line.split(' ')[1] === rule.meta.id)
      assert.equal(alone, mine, `${rule.meta.id} alone on ${name}`)
    }
  })

  test(`examples/${name}: each span's source starts with the marker the message quotes`, () => {
    const text = readFileSync(path.join(folder, name), 'utf8')
    for (const message of lint(name).messages) {
      const place = message.place
      assert.ok(place && 'start' in place, 'message has a span')
      const slice = text.slice(place.start.offset, place.end.offset)
      const quoted = /`([^`]+)`/.exec(message.reason)?.[1]
      assert.ok(quoted, `message quotes a marker: ${message.reason}`)
      assert.ok(slice.startsWith(quoted), `span \`${slice}\` starts with \`${quoted}\``)
    }
  })

  test(`examples/${name}: the index is frozen and the tree unchanged`, () => {
    // `freezeTree` deep-freezes the tree: a rule writing to it throws.
    const result = lint(name)
    assert.ok(Object.isFrozen(result.index))
    assert.ok(Object.isFrozen(result.index.references) && Object.isFrozen(result.index.notes))
    for (const item of [...result.index.references, ...result.index.notes]) {
      assert.ok(Object.isFrozen(item) && Object.isFrozen(item.span) && Object.isFrozen(item.span.start))
    }
  })
}

test('every message id of every rule is exercised by an example', () => {
  const all = rules.flatMap((rule) => Object.keys(rule.meta.messages).map((id) => `${rule.meta.id}/${id}`))
  assert.equal(all.filter((id) => !exercised.has(id)), [])
})

test.run()
