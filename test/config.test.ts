/**
 * Config discovery and precedence, severity forms, invalid configs,
 * overrides, suppression comments, ignore files, and the output and exit
 * flags, through the CLI as a user runs it, in temporary folders.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {runCli} from './helpers.js'

/** A report with one error (undefined reference, 3:10) and one warning (unused note, 7:1). */
const report = 'Title\n\nA claim.[1] Another.[3]\n\n[1] Source One, May 1, 2026.\n\n[2] Source Two, May 2, 2026.\n'

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-config-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

async function cli(cwd: string, args: string[]): Promise<{code: number; out: string; err: string; found: string[]}> {
  const {code, out, err} = await runCli([...args, '--format', 'json'], cwd)
  const found = out
    ? (JSON.parse(out) as Array<{filePath: string; messages: Array<{ruleId?: string; severity: number; line: number}>}>).flatMap((file) =>
        file.messages.map((m) => `${path.relative(cwd, file.filePath)} ${m.line} ${m.ruleId ?? '-'} ${m.severity}`)
      )
    : []
  return {code, out, err, found}
}

test('defaults without a config file', async () => {
  const dir = folder({'r.txt': report})
  const {code, found} = await cli(dir, ['r.txt'])
  assert.is(code, 1)
  assert.equal(found, ['r.txt 3 undefined-reference 2', 'r.txt 7 unused-note 1'])
})

test('discovery: the nearest config file above the linted file wins', async () => {
  const dir = folder({
    '.citelintrc.json': JSON.stringify({rules: {'unused-note': 'off'}}),
    'sub/.citelintrc.yaml': 'rules:\n  undefined-reference: warn\n',
    'sub/r.txt': report,
    'r.txt': report
  })
  const {found} = await cli(dir, ['r.txt', 'sub/r.txt'])
  assert.equal(found, ['r.txt 3 undefined-reference 2', 'sub/r.txt 3 undefined-reference 1', 'sub/r.txt 7 unused-note 1'])
})

test('discovery: .citelintrc.yml and the citelint key of package.json', async () => {
  const yml = folder({'.citelintrc.yml': 'rules:\n  unused-note: error\n', 'r.txt': report})
  assert.equal((await cli(yml, ['r.txt'])).found, ['r.txt 3 undefined-reference 2', 'r.txt 7 unused-note 2'])
  const pkg = folder({'package.json': JSON.stringify({name: 'x', citelint: {rules: {'undefined-reference': 0}}}), 'r.txt': report})
  assert.equal((await cli(pkg, ['r.txt'])).found, ['r.txt 7 unused-note 1'])
  const plain = folder({'package.json': JSON.stringify({name: 'x'}), 'r.txt': report})
  assert.equal((await cli(plain, ['r.txt'])).found.length, 2)
})

test('a package.json that is not JSON: passed over unless it mentions citelint; the config above it still applies', async () => {
  const dir = folder({
    '.citelintrc.json': JSON.stringify({rules: {'unused-note': 'off'}}),
    'p1/r.txt': report,
    'p2/package.json': '{"name":',
    'p2/r.txt': report,
    'p3/package.json': '{"name": "x", "citelint": {"rules": ',
    'p3/r.txt': report
  })
  const passed = await cli(dir, ['p1', 'p2'])
  assert.equal([passed.code, passed.err, passed.found], [1, '', ['p1/r.txt 3 undefined-reference 2', 'p2/r.txt 3 undefined-reference 2']])
  // A dependency on citelint is not a config.
  const dependency = folder({'p/package.json': '{"name": "x", "devDependencies": {"citelint": "^0.1.0"},}', 'p/r.txt': report})
  assert.equal((await cli(dependency, ['p'])).code, 1)
  const broken = await cli(dir, ['p3'])
  assert.is(broken.code, 2)
  assert.match(broken.err, /^citelint: .*p3\/package\.json: invalid JSON: /)
})

test('precedence: --rule over --config over discovery; --no-config ignores files', async () => {
  const dir = folder({
    '.citelintrc.json': JSON.stringify({rules: {'unused-note': 'off'}}),
    'other.json': JSON.stringify({rules: {'undefined-reference': 'off'}}),
    'r.txt': report
  })
  assert.equal((await cli(dir, ['r.txt'])).found, ['r.txt 3 undefined-reference 2'])
  assert.equal((await cli(dir, ['r.txt', '--config', 'other.json'])).found, ['r.txt 7 unused-note 1'])
  assert.equal((await cli(dir, ['r.txt', '--no-config'])).found.length, 2)
  assert.equal((await cli(dir, ['r.txt', '--rule', 'unused-note:error'])).found, ['r.txt 3 undefined-reference 2', 'r.txt 7 unused-note 2'])
})

test('every severity form', async () => {
  const forms: Array<[unknown, string[]]> = [
    ['off', []],
    [0, []],
    ['warn', ['r.txt 3 undefined-reference 1']],
    [1, ['r.txt 3 undefined-reference 1']],
    ['error', ['r.txt 3 undefined-reference 2']],
    [2, ['r.txt 3 undefined-reference 2']],
    [['warn'], ['r.txt 3 undefined-reference 1']],
    [['error', {}], ['r.txt 3 undefined-reference 2']]
  ]
  for (const [setting, expected] of forms) {
    const dir = folder({'.citelintrc.json': JSON.stringify({rules: {'undefined-reference': setting, 'unused-note': 'off'}}), 'r.txt': report})
    assert.equal((await cli(dir, ['r.txt'])).found, expected, JSON.stringify(setting))
  }
  const options = folder({'.citelintrc.json': JSON.stringify({rules: {'note-order': ['warn', {gfm: true}]}}), 'a.md': 'B.[^2] A.[^1]\n\n[^1]: S.\n\n[^2]: T.\n'})
  assert.equal((await cli(options, ['a.md'])).found, ['a.md 1 note-order 1'])
})

test('invalid configs are usage errors naming the file, the key and the allowed values', async () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{'.citelintrc.json': '{"rules": {"nope": "warn"}}'}, 'unknown rule `nope`, expected one of: broken-marker, duplicate-note'],
    [{'.citelintrc.json': '{"rules": {"unused-note": "loud"}}'}, 'invalid severity "loud" for rule `unused-note`, expected "off", "warn", "error", 0, 1 or 2'],
    [{'.citelintrc.json': '{"rules": {"note-order": ["warn", {"gfm": "yes"}]}}'}, 'invalid options for rule `note-order`: `gfm` must be true or false'],
    [{'.citelintrc.json': '{"rules": {"unused-note": ["warn", {"x": 1}]}}'}, 'unknown option `x` for rule `unused-note`, expected no options'],
    [{'.citelintrc.json': '{"rule": {}}'}, 'unknown key `rule`, expected "rules", "overrides" or "formats"'],
    [{'.citelintrc.json': '{"rules": '}, 'invalid JSON'],
    [{'.citelintrc.yaml': 'rules: [a'}, 'invalid YAML'],
    [{'.citelintrc.yaml': 'rules: {}\n---\nrules: {}\n'}, 'invalid YAML: more than one YAML document (a config file holds one) at line 2, column 1\n'],
    // An unknown tag: no YAMLWarning on stderr before the error.
    [{'.citelintrc.yaml': 'rules: !!js/function "f"\n'}, '.citelintrc.yaml: "rules" must be an object of rule settings\n'],
    [{'.citelintrc.json': '{"overrides": [{"files": [], "rules": {}}]}'}, 'overrides[0].files must be a glob or a non-empty array of globs']
  ]
  for (const [files, expected] of cases) {
    const dir = folder({...files, 'r.txt': report})
    const {code, err, out} = await cli(dir, ['r.txt'])
    assert.is(code, 2, expected)
    assert.is(out, '')
    const name = Object.keys(files)[0]!
    assert.ok(err.startsWith(`citelint: ${path.join(dir, name)}: `), err)
    assert.ok(err.includes(expected), `${err} should include ${expected}`)
    assert.not.ok(err.includes('    at '), 'no stack trace')
    assert.is(err.split('\n').length, 2, `one line: ${err}`)
  }
  const missing = await cli(folder({'r.txt': report}), ['r.txt', '--config', 'nope.json'])
  assert.equal([missing.code, missing.err], [2, 'citelint: nope.json: cannot load config: no such file\n'])
})

test('a JavaScript config runs only when named with --config', async () => {
  const script = "require('fs').writeFileSync(__dirname + '/ran', 'yes'); module.exports = {rules: {'unused-note': 'off'}}\n"
  const dir = folder({'.citelintrc.cjs': script, 'r.txt': report})
  assert.equal((await cli(dir, ['r.txt'])).found.length, 2)
  assert.not.ok(existsSync(path.join(dir, 'ran')), 'not executed by discovery')
  assert.equal((await cli(dir, ['r.txt', '--config', '.citelintrc.cjs'])).found, ['r.txt 3 undefined-reference 2'])
  assert.ok(existsSync(path.join(dir, 'ran')))
})

test('overrides turn rules off for matching files (plain text has no comments)', async () => {
  const dir = folder({
    '.citelintrc.json': JSON.stringify({overrides: [{files: 'legacy/**/*.txt', rules: {'undefined-reference': 'off'}}]}),
    'legacy/old/r.txt': report,
    'r.txt': report
  })
  assert.equal((await cli(dir, ['.'])).found, [
    'legacy/old/r.txt 7 unused-note 1',
    'r.txt 3 undefined-reference 2',
    'r.txt 7 unused-note 1'
  ])
})

test('override globs are relative to the config file, whatever the working directory', async () => {
  const dir = folder({
    'reports/.citelintrc.json': JSON.stringify({overrides: [{files: 'old/*.txt', rules: {'undefined-reference': 'off'}}]}),
    'reports/old/r.txt': report,
    'reports/r.txt': report
  })
  assert.equal((await cli(dir, ['reports'])).found, [
    'reports/old/r.txt 7 unused-note 1',
    'reports/r.txt 3 undefined-reference 2',
    'reports/r.txt 7 unused-note 1'
  ])
})

const markdown = [
  'A.[^x] B.[^y]', // 1: two undefined references
  '',
  '<!-- citelint-disable-next-line undefined-reference -->',
  'C.[^z]', // 4: suppressed
  '',
  '<!-- citelint-disable -->',
  'D.[^w]', // 7: suppressed (all rules)
  '',
  '<!-- citelint-enable -->',
  'E.[^v]', // 10: reported
  '',
  '<!-- citelint-disable undefined-reference, unused-note -->',
  'F.[^u]', // 13: suppressed
  '',
  '<!-- citelint-enable undefined-reference -->',
  'G.[^t]', // 16: reported
  '',
  '<!-- citelint-disable-next-line -->',
  'H.[^s]', // 19: suppressed
  '',
  '<!-- citelint-disable-next-line broken-marker -->',
  'I.[^r]', // 22: reported (another rule is disabled)
  ''
].join('\n')

test('suppression comments: disable, enable, disable-next-line, with and without rule ids', async () => {
  const dir = folder({'a.md': markdown})
  const {found} = await cli(dir, ['a.md'])
  assert.equal(found, [
    'a.md 1 undefined-reference 2',
    'a.md 1 undefined-reference 2',
    'a.md 10 undefined-reference 2',
    'a.md 16 undefined-reference 2',
    'a.md 22 undefined-reference 2'
  ])
})

test('--report-unused-disable-directives reports directives that suppress nothing', async () => {
  const dir = folder({'a.md': markdown})
  const {found, out} = await cli(dir, ['a.md', '--report-unused-disable-directives'])
  assert.equal(found.filter((line) => line.includes(' - ')), ['a.md 12 - 2', 'a.md 21 - 2'])
  assert.ok(out.includes('Unused citelint-disable directive for `unused-note`: no problem was suppressed, expected it removed'))
  assert.ok(out.includes('Unused citelint-disable-next-line directive for `broken-marker`'))
})

test('an unknown rule id in a suppression comment is reported', async () => {
  const dir = folder({'a.md': '<!-- citelint-disable no-such-rule -->\nText.\n'})
  const {code, out} = await cli(dir, ['a.md'])
  assert.is(code, 1)
  assert.ok(out.includes('Unknown rule `no-such-rule` in a citelint-disable comment'))
})

test('ignore files: .citelintignore, explicit files warn, --no-ignore, --ignore-path', async () => {
  const dir = folder({'.citelintignore': 'drafts/\n', 'drafts/d.txt': report, 'r.txt': report, 'custom-ignore': 'r.txt\n'})
  assert.equal((await cli(dir, ['.'])).found, ['r.txt 3 undefined-reference 2', 'r.txt 7 unused-note 1'])
  const explicit = await cli(dir, ['drafts/d.txt'])
  assert.equal([explicit.code, explicit.found], [0, ['drafts/d.txt 1 - 1']])
  assert.ok(explicit.out.includes('File ignored because of a matching ignore pattern, use --no-ignore to lint it'))
  assert.equal((await cli(dir, ['.', '--no-ignore'])).found.length, 4)
  assert.equal((await cli(dir, ['.', '--ignore-path', 'custom-ignore'])).found.map((l) => l.split(' ')[0]), ['drafts/d.txt', 'drafts/d.txt'])
  const missing = await cli(dir, ['.', '--ignore-path', 'nope'])
  assert.is(missing.code, 2)
  assert.ok(missing.err.startsWith('citelint: nope: cannot read ignore file'))
})

test('--max-warnings, --quiet and --output-file', async () => {
  const dir = folder({'w.txt': 'A.[1]\n\n[1] S, 2026.\n\n[2] T, 2026.\n'})
  assert.is((await cli(dir, ['w.txt'])).code, 0)
  assert.is((await cli(dir, ['w.txt', '--max-warnings', '1'])).code, 0)
  const over = await cli(dir, ['w.txt', '--max-warnings', '0'])
  assert.equal([over.code, over.err], [1, 'citelint: too many warnings (1, maximum 0)\n'])
  const quiet = await cli(dir, ['w.txt', '--quiet'])
  assert.equal([quiet.code, quiet.found], [0, []])
  const written = await cli(dir, ['w.txt', '--output-file', 'out/report.json'])
  assert.equal([written.code, written.out], [0, ''])
  const saved = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')) as Array<{warningCount: number}>
  assert.is(saved[0]?.warningCount, 1)
})

test.run()
