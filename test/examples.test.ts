/**
 * The examples harness: every report in `examples/` is linted and its
 * findings compared with `<file>.expected` beside it (one per line,
 * `line:col-endLine:endCol rule-id message`, in vfile-sort order). Stems
 * starting `valid` must give nothing. An example that needs rule options
 * gets them from an override in `examples/.citelintrc.json`, the config
 * `citelint examples/` reads too.
 * `UPDATE_EXAMPLES=1 npm test` rewrites the expectation files. DOCX examples
 * are linted as their virtual text (src/readers/docx.ts); they are written
 * from test/docx-examples.ts (`UPDATE_EXAMPLES=1` rewrites them too).
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {noteName} from '../src/citation-index/names.js'
import type {Config, RuleSetting} from '../src/engine/config.js'
import {settingsFor, validateConfig} from '../src/engine/config.js'
import {lintText} from '../src/engine/engine.js'
import {fixText} from '../src/engine/fix.js'
import type {CitelintMessage, LintResult} from '../src/engine/engine.js'
import {rules} from '../src/engine/registry.js'
import {root} from './helpers.js'
import {docxToText} from '../src/readers/docx.js'
import {makeDocx} from './docx-generator.js'
import {docxExamples} from './docx-examples.js'

const folder = path.join(root, 'examples')
const update = process.env['UPDATE_EXAMPLES'] === '1'
if (update) for (const [name, spec] of Object.entries(docxExamples)) writeFileSync(path.join(folder, name), makeDocx(spec))
// `<stem>.fixed.<ext>` files hold the expected output of `--fix`, not reports.
const reports = readdirSync(folder)
  .filter((name) => /\.(md|markdown|Rmd|qmd|txt|docx|html)$/.test(name) && !/\.fixed\.\w+$/.test(name))
  .sort()
const fixedName = (name: string): string => name.replace(/\.(\w+)$/, '.fixed.$1')

/** The text linted for an example: the file's, or a DOCX's virtual text. */
function textOf(name: string): string {
  return name.endsWith('.docx') ? docxToText(readFileSync(path.join(folder, name))) : readFileSync(path.join(folder, name), 'utf8')
}

function lines(messages: readonly CitelintMessage[]): string[] {
  return messages.map((message) => {
    const place = message.place
    const start = place && 'start' in place ? place.start : place
    const end = place && 'end' in place ? place.end : place
    return `${start?.line}:${start?.column}-${end?.line}:${end?.column} ${message.ruleId} ${message.reason}`
  })
}

const examplesConfig = validateConfig(JSON.parse(readFileSync(path.join(folder, '.citelintrc.json'), 'utf8')), 'examples/.citelintrc.json')

/** Rule settings of an example: those `examples/.citelintrc.json` gives it. */
function settingsOf(name: string): Record<string, RuleSetting> {
  return settingsFor(examplesConfig, name, folder)
}

function lint(name: string, only?: string): LintResult {
  const text = textOf(name)
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
    const text = textOf(name)
    const result = lint(name)
    for (const message of result.messages) {
      // A Word note is named `footnote 2` and shown at its reference mark `2`.
      if (name.endsWith('.docx')) continue
      const place = message.place
      assert.ok(place && 'start' in place, 'message has a span')
      // An HTML finding spans the element that is the reference or note (`<a href=...>`), not its text.
      // (A page without footnote markup is read as plain text: its spans start with the marker.)
      if (name.endsWith('.html') && text.charAt(place.start.offset ?? -1) === '<') continue
      const slice = text.slice(place.start.offset, place.end.offset)
      // A note whose marker shows no number (`^ Source`) or that is raw HTML is named otherwise
      // (`names.ts`: note 4, note `#fn3`): the message names it so, and an HTML note's span holds its id.
      const note = result.index.notes.find((n) => n.span.start.offset === place.start.offset)
      const named = note ? noteName(note, result.index) : undefined
      if (note && named !== `note \`${note.marker}\``) {
        assert.ok(message.reason.includes(named!), `message names ${named}: ${message.reason}`)
        const id = /`#([^`]+)`/.exec(named!)?.[1]
        if (id) assert.ok(slice.includes(id), `span \`${slice}\` holds the id ${id}`)
        continue
      }
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

for (const name of reports) {
  test(`examples/${name}: fixing gives <stem>.fixed, keeps every note, and fixing twice changes nothing`, () => {
    const text = textOf(name)
    const fixable = lint(name).messages.some((message) => message.fix)
    const expectedFile = path.join(folder, fixedName(name))
    const {output, result} = fixText(text, {filePath: `examples/${name}`, config: {rules: settingsOf(name)}})
    if (!fixable) {
      assert.is(output, text, 'nothing to fix')
      assert.not.ok(existsSync(expectedFile), `${fixedName(name)} is not needed`)
      return
    }
    if (update) writeFileSync(expectedFile, output)
    assert.ok(existsSync(expectedFile), `missing ${fixedName(name)} (run UPDATE_EXAMPLES=1 npm test)`)
    assert.is(output, readFileSync(expectedFile, 'utf8'))
    assert.not.ok(result.messages.some((message) => message.fix), 'no fixable problem remains')
    assert.is(fixText(output, {filePath: `examples/${name}`, config: {rules: settingsOf(name)}}).output, output, 'idempotent')
    assert.equal(noteTexts(output, name), noteTexts(text, name), 'the multiset of note texts is unchanged')
  })
}

/** Each note's text from its content (a fixed GFM definition gains its colon), with markers inside it blanked, sorted. */
function noteTexts(text: string, name: string): string[] {
  const {index} = lintText(text, {filePath: `examples/${name}`})
  return index.notes
    .map((note) => text.slice(note.contentSpan.start.offset, note.span.end.offset).replace(/\[[^\]]*\]/g, '[#]'))
    .sort()
}

test('each DOCX example reads as its spec in test/docx-examples.ts', () => {
  const names = reports.filter((name) => name.endsWith('.docx'))
  assert.equal(names, Object.keys(docxExamples).sort())
  for (const name of names) assert.is(textOf(name), docxToText(makeDocx(docxExamples[name]!)), name)
})

test('every message id of every rule is exercised by an example', () => {
  const all = rules.flatMap((rule) => Object.keys(rule.meta.messages).map((id) => `${rule.meta.id}/${id}`))
  assert.equal(all.filter((id) => !exercised.has(id)), [])
})

test.run()
