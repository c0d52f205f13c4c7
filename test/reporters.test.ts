/**
 * The SARIF and GitHub Actions reporters.
 *
 * SARIF output is validated against the official SARIF 2.1.0 JSON schema in
 * `test/fixtures/sarif-schema-2.1.0.json` (see `test/fixtures/README.md` for
 * where it comes from). That schema is written in JSON Schema draft-04;
 * ajv 8 speaks draft-07. The schema uses no keyword whose meaning changed
 * between the two (no `exclusiveMinimum`/`exclusiveMaximum`, no boolean
 * schemas; `id` only names the root), so it is validated as draft-07 after
 * dropping its `$schema` and `id`. `format` is not checked (ajv-formats is
 * not installed); every other keyword is.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Ajv} from 'ajv'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {CitelintMessage, LintResult} from '../src/engine/engine.js'
import {lintText} from '../src/engine/engine.js'
import {lintFiles} from '../src/run/lint-files.js'
import {rules} from '../src/engine/registry.js'
import {ruleDocsUrl} from '../src/engine/rule-docs.js'
import {escapeData, escapeProperty, formatGithub} from '../src/report/github.js'
import {formatSarif, toSarifLog} from '../src/report/sarif.js'
import {formatStylish} from '../src/report/stylish.js'
import {available, root, shared} from './helpers.js'

const schemaFile = path.join(root, 'test/fixtures/sarif-schema-2.1.0.json')
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>
delete schema['$schema']
delete schema['id']
const validate = new Ajv({strict: false, validateFormats: false, allErrors: true}).compile(schema)

function assertValidSarif(text: string, what: string): void {
  const valid = validate(JSON.parse(text))
  assert.ok(valid, `${what}: ${JSON.stringify(validate.errors, null, 2)}`)
}

const examples = readdirSync(path.join(root, 'examples'))
  .filter((name) => /\.(md|markdown|txt)$/.test(name))
  .sort()
const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')

/** A result for `filePath` whose only message is `reason` at `place`, for shapes no rule produces. */
function handMade(
  filePath: string,
  reason: string,
  place: {start: {line: number; column: number}; end: {line: number; column: number}},
  ruleId: string,
  fatal: boolean
): LintResult {
  const result = lintText('', {filePath})
  result.file.cwd = root
  const message = result.file.message(reason, {place, ruleId}) as CitelintMessage
  message.fatal = fatal
  message.messageId = 'test'
  return {...result, messages: [message]}
}

test('the schema rejects what it should (validation is not vacuous)', () => {
  const log = JSON.parse(formatSarif(lintExample('note-order.txt'), {cwd: root})) as {
    runs: Array<{results: Array<Record<string, unknown>>}>
  }
  assert.ok(validate(log))
  const result = log.runs[0]!.results[0]!
  result['level'] = 'fatal'
  assert.not.ok(validate(log))
  result['level'] = 'warning'
  ;(result['locations'] as Array<{physicalLocation: {region: {startLine: number}}}>)[0]!.physicalLocation.region.startLine = 0
  assert.not.ok(validate(log))
})

function lintExample(name: string): LintResult[] {
  const result = lintText(readFileSync(path.join(root, 'examples', name), 'utf8'), {filePath: `examples/${name}`})
  result.file.cwd = root
  return [result]
}

for (const name of examples) {
  test(`examples/${name}: SARIF validates against the SARIF 2.1.0 schema`, () => {
    const results = lintExample(name)
    const text = formatSarif(results, {cwd: root})
    assertValidSarif(text, name)
    const log = toSarifLog(results, {cwd: root})
    const run = log.runs[0]
    assert.is(run.results.length, results[0]!.messages.length)
    for (const result of run.results) {
      assert.is(run.tool.driver.rules[result.ruleIndex!]!.id, result.ruleId)
      assert.equal(result.locations[0]!.physicalLocation.artifactLocation, {uri: `examples/${name}`, uriBaseId: 'SRCROOT'})
    }
  })
}

test('all examples in one log (lintFiles) validate; levels follow the reported severity', async () => {
  const {results, failures} = await lintFiles(['examples/'], {cwd: root, config: {rules: {'note-order': 'error'}}})
  assert.equal(failures, [])
  const text = formatSarif(results, {cwd: root})
  assertValidSarif(text, 'examples/')
  const run = toSarifLog(results, {cwd: root}).runs[0]
  const order = run.results.filter((result) => result.ruleId === 'note-order')
  assert.ok(order.length > 0)
  for (const result of order) assert.is(result.level, 'error')
  assert.is(run.tool.driver.rules.find((rule) => rule.id === 'note-order')!.defaultConfiguration.level, 'warning')
  assert.ok(run.results.some((result) => result.level === 'warning'))
})

test('driver: name, version, every registered rule with its description, default level and docs link', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
  const driver = toSarifLog([], {cwd: root}).runs[0].tool.driver
  assert.is(driver.name, 'citelint')
  assert.is(driver.version, pkg.version)
  assert.equal(
    driver.rules.map((rule) => [rule.id, rule.shortDescription.text, rule.defaultConfiguration.level, rule.helpUri]),
    [
      ...rules.map(({meta}) => [
        meta.id,
        meta.description,
        meta.severity === 'error' ? 'error' : 'warning',
        `https://unpkg.com/citelint@${pkg.version}/rules/${meta.id}.ts`
      ]),
      // citelint's own messages, which no rule reports.
      ...[
        ['citelint/invalid-utf8', 'warning'],
        ['citelint/ignored-file', 'warning'],
        ['citelint/unknown-rule', 'error'],
        ['citelint/unused-directive', 'error']
      ].map(([id, level]) => [id, driver.rules.find((rule) => rule.id === id)?.shortDescription.text, level, `https://www.npmjs.com/package/citelint/v/${pkg.version}`])
    ]
  )
  assert.ok(driver.rules.every((rule) => rule.shortDescription.text.length > 10))
  assert.is(driver.informationUri, `https://www.npmjs.com/package/citelint/v/${pkg.version}`)
})

test('citelint’s own messages: a listed SARIF rule each, ruleId null in JSON', async () => {
  const result = lintText('A claim.[1]\n\n<!-- citelint-disable no-such-rule -->\n\n[1] Source, 2015.\n', {filePath: 'own.md'})
  const run = toSarifLog([result], {cwd: root}).runs[0]
  const own = run.results.filter((r) => r.ruleId.startsWith('citelint/'))
  assert.equal(own.map((r) => [r.ruleId, r.level, run.tool.driver.rules[r.ruleIndex!]!.id]), [['citelint/unknown-rule', 'error', 'citelint/unknown-rule']])
  const {toJsonResult} = await import('../src/report/json.js')
  assert.equal(toJsonResult(result).messages.filter((m) => m.ruleId === null).map((m) => m.messageId), ['unknownRule'])
})

test('a repository URL gives the tool’s link; a rule’s stays its version-pinned documentation', () => {
  const driver = toSarifLog([], {cwd: root, repositoryUrl: 'git+https://github.com/example/citelint.git', version: '9.9.9'})
    .runs[0].tool.driver
  assert.is(driver.version, '9.9.9')
  assert.is(driver.informationUri, 'https://github.com/example/citelint')
  assert.is(driver.rules[0]!.helpUri, ruleDocsUrl(rules[0]!.meta.id))
  assert.is(driver.rules.find((rule) => rule.id === 'citelint/invalid-utf8')!.helpUri, 'https://github.com/example/citelint#readme')
})

test('empty input: a valid log with no results, 2-space indentation, deterministic', () => {
  const text = formatSarif([], {cwd: root})
  assertValidSarif(text, 'empty')
  assert.ok(text.startsWith('{\n  "$schema": '))
  assert.not.ok(text.endsWith('\n'))
  assert.is(formatSarif([], {cwd: root}), text)
  const run = toSarifLog([], {cwd: root}).runs[0]
  assert.equal(run.results, [])
  assert.is(run.columnKind, 'utf16CodeUnits')
  assert.equal(run.originalUriBaseIds, {SRCROOT: {uri: `${pathToFileURL(root).href}/`}})
})

test('duplicate-note: the first note is a related location with its own message', () => {
  const results = lintExample('duplicate-note.md')
  assertValidSarif(formatSarif(results, {cwd: root}), 'duplicate-note.md')
  const [result] = toSarifLog(results, {cwd: root}).runs[0].results
  assert.equal(result!.locations[0]!.physicalLocation.region, {startLine: 7, startColumn: 1, endLine: 7, endColumn: 14})
  assert.equal(result!.relatedLocations, [
    {
      id: 1,
      physicalLocation: {
        artifactLocation: {uri: 'examples/duplicate-note.md', uriBaseId: 'SRCROOT'},
        region: {startLine: 5, startColumn: 1, endLine: 5, endColumn: 14}
      },
      message: {text: 'First note `[^commission]` is here'}
    }
  ])
})

test('seed report: SARIF has exactly its three results, valid against the schema', async () => {
  if (!available(seed, 'seed report')) return
  const {results, failures} = await lintFiles(['seeds/000_d04142befcb724c4.txt'], {cwd: shared})
  assert.equal(failures, [])
  const text = formatSarif(results, {cwd: shared})
  assertValidSarif(text, 'seed')
  const run = toSarifLog(results, {cwd: shared}).runs[0]
  assert.equal(run.originalUriBaseIds.SRCROOT.uri, `${pathToFileURL(shared).href}/`)
  assert.equal(
    run.results.map((result) => {
      const {artifactLocation, region} = result.locations[0]!.physicalLocation
      return [result.ruleId, result.level, artifactLocation.uri, artifactLocation.uriBaseId, region]
    }),
    [
      ['broken-marker', 'error', 'seeds/000_d04142befcb724c4.txt', 'SRCROOT', {startLine: 18, startColumn: 1189, endLine: 18, endColumn: 1192}],
      ['empty-source', 'error', 'seeds/000_d04142befcb724c4.txt', 'SRCROOT', {startLine: 26, startColumn: 1, endLine: 26, endColumn: 22}],
      ['empty-source', 'error', 'seeds/000_d04142befcb724c4.txt', 'SRCROOT', {startLine: 30, startColumn: 1, endLine: 30, endColumn: 22}]
    ]
  )
})

test('seed report: GitHub workflow commands, exactly', async () => {
  if (!available(seed, 'seed report')) return
  const {results} = await lintFiles(['seeds/000_d04142befcb724c4.txt'], {cwd: shared})
  assert.is(
    formatGithub(results, {cwd: shared}),
    [
      '::error file=seeds/000_d04142befcb724c4.txt,line=18,col=1189,endLine=18,endColumn=1192,title=broken-marker::Broken marker `[v]`: the notes are numbered 1 to 5, expected a number such as `[5]`',
      '::error file=seeds/000_d04142befcb724c4.txt,line=26,col=1,endLine=26,endColumn=22,title=empty-source::Empty source in note `[2]` (only `, October 7, 2015.`), expected an outlet, author or title',
      '::error file=seeds/000_d04142befcb724c4.txt,line=30,col=1,endLine=30,endColumn=22,title=empty-source::Empty source in note `[4]` (only `, October 7, 2015.`), expected an outlet, author or title'
    ].join('\n')
  )
})

test('examples/note-order.txt: GitHub workflow commands (warnings), exactly', async () => {
  const {results} = await lintFiles(['examples/note-order.txt'], {cwd: root})
  assert.is(
    formatGithub(results, {cwd: root}),
    [
      '::warning file=examples/note-order.txt,line=4,col=14,endLine=4,endColumn=17,title=note-order::Out-of-order reference `[1]`: note 1 is first cited after note 2, expected ascending order',
      '::warning file=examples/note-order.txt,line=8,col=1,endLine=8,endColumn=4,title=note-order::Out-of-order note `[1]` in the notes list: it comes after note 2, expected ascending order',
      '::warning file=examples/note-order.txt,line=10,col=1,endLine=10,endColumn=4,title=note-order::Skipped number before note `[4]`: no note numbered 3, expected consecutive numbers from 1'
    ].join('\n')
  )
})

test('GitHub: no messages, no output', () => {
  assert.is(formatGithub(lintExample('valid-report.md'), {cwd: root}), '')
  assert.is(formatGithub([], {cwd: root}), '')
})

test('GitHub escaping: %, CR and LF in the message; , and : in the path and title', () => {
  assert.is(escapeData('100% \r\n: ,'), '100%25 %0D%0A: ,')
  assert.is(escapeProperty('100% \r\n: ,'), '100%25 %0D%0A%3A %2C')
  assert.is(escapeData('%0A'), '%250A')
  const result = handMade('dir,x/a:b.md', '50% done\r\nnext: line, here', {start: {line: 3, column: 2}, end: {line: 3, column: 9}}, 'rule:x,y', true)
  assert.is(
    formatGithub([result], {cwd: root}),
    '::error file=dir%2Cx/a%3Ab.md,line=3,col=2,endLine=3,endColumn=9,title=rule%3Ax%2Cy::50%25 done%0D%0Anext: line, here'
  )
})

test('GitHub: a span over several lines gives lines only (columns cannot be sent then)', () => {
  const result = handMade('notes.md', 'Empty note', {start: {line: 3, column: 1}, end: {line: 5, column: 4}}, 'empty-source', false)
  assert.is(formatGithub([result], {cwd: root}), '::warning file=notes.md,line=3,endLine=5,title=empty-source::Empty note')
})

test('SARIF: URIs are percent-encoded per segment; files outside cwd get an absolute file URI', () => {
  const inside = handMade('dir,x/a:b c%.md', 'Problem', {start: {line: 1, column: 1}, end: {line: 1, column: 2}}, 'broken-marker', true)
  const outside = handMade('../elsewhere/report.txt', 'Problem', {start: {line: 1, column: 1}, end: {line: 1, column: 2}}, 'x', false)
  const text = formatSarif([inside, outside], {cwd: root})
  assertValidSarif(text, 'odd paths')
  const [first, second] = toSarifLog([inside, outside], {cwd: root}).runs[0].results
  assert.equal(first!.locations[0]!.physicalLocation.artifactLocation, {uri: 'dir%2Cx/a%3Ab%20c%25.md', uriBaseId: 'SRCROOT'})
  assert.equal(second!.locations[0]!.physicalLocation.artifactLocation, {
    uri: pathToFileURL(path.resolve(root, '../elsewhere/report.txt')).href
  })
  assert.is(second!.ruleIndex, undefined, 'an unknown rule has no index')
})


test('every format lists files in input order, whatever the locale would sort first', () => {
  // localeCompare puts these as _u, -dash, [brack], a, ä, B; input order is kept instead.
  const names = ['B.txt', '[brack].txt', '-dash.txt', 'ä.txt', 'a.txt', '_u.txt']
  const results = names.map((name) => lintText('A claim.[2]\n\n[2] Source, 2015.\n\nMore.[3]\n', {filePath: name}))
  const headers = formatStylish(results, false).split('\n').filter((line) => line.endsWith('.txt'))
  assert.equal(headers, names)
  const github = [...new Set(formatGithub(results, {cwd: root}).split('\n').filter(Boolean).map((line) => /file=([^,]+),/.exec(line)![1]))]
  assert.equal(github, names)
  // One file: its header and rows as before.
  assert.is(
    formatStylish([results[0]!], false),
    'B.txt\n' +
      '3:1-3:4 warning Skipped number before note `[2]`: no note numbered 1, expected consecutive numbers from 1 note-order\n' +
      '5:6-5:9 error   Undefined reference `[3]`, expected a note `[3]` in the notes list                        undefined-reference\n' +
      '\n2 messages (✖ 1 error, ⚠ 1 warning)'
  )
})
test.run()
