/**
 * ESLint compatibility of the output: the JSON `LintResult` fields,
 * suppressed messages, `--format` with ESLint formatter packages and files
 * (eslint-formatter-junit and eslint-formatter-checkstyle are dev
 * dependencies), and `--quiet` with `--max-warnings`.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import sax from 'sax'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {formatterPackageName} from '../src/report/eslint-formatter.js'
import type {JsonResult} from '../src/report/json.js'
import {mergeFix} from '../src/report/json.js'
import {root, runCli} from './helpers.js'

const seed = path.join(root, '../shared/seeds/000_d04142befcb724c4.txt')
const seedText = 'Moscow agreed.[1] Tehran denied it.[2]\n\n[1] Reuters, "Moscow agrees", 2015.\n\n[2] AP, "Tehran denies", 2015.\n'

/** A fresh folder holding `files`. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-eslint-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

/**
 * Parse `xml` strictly with sax (well-formed XML 1.0: one root, tags
 * closed and nested, attributes quoted, entities known).
 *
 * @returns the element names in document order.
 * @throws Error from sax when the text is not well-formed.
 */
function parseXml(xml: string): string[] {
  const parser = sax.parser(true)
  const names: string[] = []
  let error: Error | undefined
  parser.onopentag = (node) => names.push(node.name)
  parser.onerror = (e) => {
    error ??= e
    parser.resume()
  }
  parser.write(xml).close()
  if (error) throw error
  return names
}

/** The name `--format` loads, as ESLint names formatter packages. */
test('formatter package names follow ESLint’s naming', () => {
  assert.is(formatterPackageName('junit'), 'eslint-formatter-junit')
  assert.is(formatterPackageName('eslint-formatter-junit'), 'eslint-formatter-junit')
  assert.is(formatterPackageName('@acme/report'), '@acme/eslint-formatter-report')
  assert.is(formatterPackageName('@acme/eslint-formatter-report'), '@acme/eslint-formatter-report')
  assert.is(formatterPackageName('@acme'), '@acme/eslint-formatter')
  assert.is(formatterPackageName('@acme/eslint-formatter'), '@acme/eslint-formatter')
})

test('--format junit (eslint-formatter-junit): well-formed XML, one test case per finding, exit code as usual', async () => {
  const {code, out, err} = await runCli([seed, '--format', 'junit'])
  assert.is(err, '')
  assert.is(code, 1)
  const names = parseXml(out)
  assert.is(names[0], 'testsuites')
  assert.is(names.filter((name) => name === 'testcase').length, 3)
  assert.ok(out.includes('name="org.eslint.broken-marker"'))
})

test('the bundled CLI (bin/citelint.js) loads a formatter package too', () => {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/citelint.js'), seed, '--format', 'junit'], {cwd: root, encoding: 'utf8'})
  assert.equal([run.status, run.stderr], [1, ''])
  assert.is(parseXml(run.stdout).filter((name) => name === 'testcase').length, 3)
})

test('--format checkstyle (eslint-formatter-checkstyle): well-formed XML, one error per finding', async () => {
  const {code, out} = await runCli([seed, '--format', 'checkstyle', '--no-config'])
  assert.is(code, 1)
  const names = parseXml(out)
  assert.is(names[0], 'checkstyle')
  assert.is(names.filter((name) => name === 'error').length, 3)
  assert.ok(out.includes('line="18" column="1189" severity="error"'))
})

test('a formatter file gets ESLint’s results (source included) and context: cwd, rulesMeta, maxWarningsExceeded', async () => {
  const dir = folder({
    'report.txt': 'Moscow agreed.[2] Tehran denied it.[1]\n\n[2] Reuters, 2015.\n\n[1] AP, 2015.\n',
    'fmt.mjs': 'export default (results, context) => JSON.stringify({results, context})\n'
  })
  const {code, out} = await runCli(['report.txt', '--format', './fmt.mjs', '--max-warnings', '0'], dir)
  assert.is(code, 1)
  const {results, context} = JSON.parse(out) as {results: JsonResult[]; context: Record<string, unknown>}
  assert.is(results[0]!.filePath, path.join(dir, 'report.txt'))
  assert.is(results[0]!.source, 'Moscow agreed.[2] Tehran denied it.[1]\n\n[2] Reuters, 2015.\n\n[1] AP, 2015.\n')
  assert.is(results[0]!.fixableWarningCount, results[0]!.warningCount)
  assert.is(context['cwd'], dir)
  assert.equal(context['maxWarningsExceeded'], {maxWarnings: 0, foundWarnings: results[0]!.warningCount})
  const meta = (context['rulesMeta'] as Record<string, {type: string; docs: {description: string; url: string}; fixable?: string}>)['note-order']!
  assert.is(meta.type, 'suggestion')
  assert.is(meta.fixable, 'code')
  assert.ok(meta.docs.description.length > 0 && meta.docs.url.length > 0)
})

test('a formatter that cannot be found or throws: one line, exit code 2', async () => {
  const dir = folder({'report.txt': seedText, 'bad.cjs': 'module.exports = () => { throw new Error("boom\\nsecond line") }\n', 'none.cjs': 'module.exports = 42\n'})
  const missing = await runCli(['report.txt', '--format', 'nosuch'], dir)
  assert.equal([missing.code, missing.out], [2, ''])
  assert.is(missing.err.split('\n')[0], `citelint: --format nosuch: no built-in format of that name (stylish, json, sarif, github) and no package eslint-formatter-nosuch installed in ${dir} or above (npm install --save-dev eslint-formatter-nosuch)`)
  const noFile = await runCli(['report.txt', '--format', './gone.js'], dir)
  assert.equal([noFile.code, noFile.err], [2, `citelint: --format ./gone.js: cannot load ${path.join(dir, 'gone.js')}: no such file\n`])
  const throwing = await runCli(['report.txt', '--format', './bad.cjs'], dir)
  assert.equal([throwing.code, throwing.out, throwing.err], [2, '', 'citelint: --format ./bad.cjs: the formatter failed: boom\n'])
  const notFunction = await runCli(['report.txt', '--format', './none.cjs'], dir)
  assert.equal([notFunction.code, notFunction.err], [2, `citelint: --format ./none.cjs: ${path.join(dir, 'none.cjs')} is not an ESLint formatter (its default export is not a function)\n`])
})

test('JSON: suppressed messages with their justification; fixable counts; source only with --include-source', async () => {
  const dir = folder({
    'report.md': [
      'Moscow agreed.[^1] Tehran denied it.[^9]',
      '',
      '<!-- citelint-disable-next-line unused-note -- kept for the appendix -->',
      '[^2]: AP, 2015.',
      '',
      '[^1]: Reuters, 2015.',
      ''
    ].join('\n')
  })
  const plain = await runCli(['report.md', '--format', 'json'], dir)
  const [result] = JSON.parse(plain.out) as JsonResult[]
  assert.equal(
    result!.messages.map((m) => m.ruleId),
    ['undefined-reference']
  )
  assert.equal(
    result!.suppressedMessages.map((m) => [m.ruleId, m.line, m.suppressions]),
    [['unused-note', 4, [{kind: 'directive', justification: 'kept for the appendix'}]]]
  )
  assert.equal([result!.errorCount, result!.fatalErrorCount, result!.warningCount, result!.usedDeprecatedRules], [1, 0, 0, []])
  assert.is(result!.source, undefined)
  const withSource = JSON.parse((await runCli(['report.md', '--format', 'json', '--include-source'], dir)).out) as JsonResult[]
  assert.is(withSource[0]!.source?.startsWith('Moscow agreed.'), true)
  // --quiet keeps suppressed errors only, as ESLint's getErrorResults.
  const quiet = JSON.parse((await runCli(['report.md', '--format', 'json', '--quiet'], dir)).out) as JsonResult[]
  assert.equal(quiet[0]!.suppressedMessages, [])
  // --include-source is for JSON only.
  const misuse = await runCli(['report.md', '--include-source'], dir)
  assert.is(misuse.code, 2)
})

test('JSON: a fix of one edit as ESLint’s {range, text}; several edits merge as ESLint merges them', async () => {
  const text = 'Iran agreed in Syria [1]. Moscow agreed.[2] Ankara objected.[3] Paris too.[4]\n\n[1] A, 2015.\n\n[2] B, 2015.\n\n[3] C, 2015.\n\n[4] D, 2015.\n'
  const dir = folder({'report.txt': text})
  const [result] = JSON.parse((await runCli(['report.txt', '--format', 'json'], dir)).out) as JsonResult[]
  const [message] = result!.messages
  assert.equal(message!.fix, {range: [20, 25], text: '.[1]'})
  assert.is(text.slice(0, 20) + message!.fix!.text + text.slice(25), text.replace('Syria [1].', 'Syria.[1]'))
  assert.equal([result!.fixableWarningCount, result!.warningCount], [1, 1])
  assert.equal(mergeFix({edits: [{start: 6, end: 7, text: 'Y'}, {start: 1, end: 2, text: 'X'}]}, 'abcdefgh'), {range: [1, 7], text: 'XcdefY'})
  assert.is(mergeFix({edits: [{start: 6, end: 12, text: ''}]}, 'abcdefgh'), undefined)
})

test('JSON with --cache: suppressed messages come back from the cache the same', async () => {
  const dir = folder({
    'report.md': 'Moscow agreed.[^1]\n\n<!-- citelint-disable-next-line unused-note -->\n[^2]: AP, 2015.\n\n[^1]: Reuters, 2015.\n'
  })
  const first = await runCli(['report.md', '--format', 'json', '--cache'], dir)
  const second = await runCli(['report.md', '--format', 'json', '--cache'], dir)
  assert.is(second.out, first.out)
  const [result] = JSON.parse(second.out) as JsonResult[]
  assert.equal(result!.suppressedMessages.map((m) => [m.ruleId, m.suppressions]), [['unused-note', [{kind: 'directive', justification: ''}]]])
})

test('JSON with --fix: the fixed text as `output`, no `source`', async () => {
  const dir = folder({'report.txt': 'Moscow agreed.[2] Tehran denied it.[1]\n\n[2] Reuters, 2015.\n\n[1] AP, 2015.\n'})
  const {out} = await runCli(['report.txt', '--format', 'json', '--fix', '--include-source'], dir)
  const [result] = JSON.parse(out) as JsonResult[]
  assert.is(result!.output, 'Moscow agreed.[1] Tehran denied it.[2]\n\n[1] Reuters, 2015.\n\n[2] AP, 2015.\n')
  assert.is(result!.source, undefined)
})

test('--quiet with --max-warnings: warnings are not reported but still count, as in ESLint 9', async () => {
  const dir = folder({'report.txt': 'Moscow agreed.[1]\n\n[1] Reuters, 2015.\n\n[2] AP, 2015.\n'})
  const quiet = await runCli(['report.txt', '--quiet', '--max-warnings', '0'], dir)
  assert.equal([quiet.code, quiet.out, quiet.err], [1, '', 'citelint: too many warnings (1, maximum 0)\n'])
  const within = await runCli(['report.txt', '--quiet', '--max-warnings', '1'], dir)
  assert.equal([within.code, within.out, within.err], [0, '', ''])
})

test.run()
