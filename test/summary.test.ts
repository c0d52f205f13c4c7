/**
 * `citelint summary`: the seed's numbers (acceptance), each definition's
 * edge cases on the reports of test/fixtures/summary, the formats, the
 * coverage floor, file selection, thresholds and progress. The HTML in a
 * real browser is tested in summary-browser.test.ts.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'
import {fileCoverage, totalCoverage} from '../src/report/coverage.js'
import {escapeMarkdown, formatSummaryJson, formatSummaryTable, shownPath, sourceNameText} from '../src/report/summary-text.js'
import {commonFolder, escapeHtml, formatSummaryHtml, messageHtml, render} from '../src/report/summary-html.js'
import {Progress} from '../src/cli/progress.js'
import {available, root, runCli, shared} from './helpers.js'

const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')
const fixtures = path.join(root, 'test/fixtures/summary')

interface JsonCounts {
  paragraphs: {prose: number; cited: number}
  quotations: {total: number; cited: number}
  references: {total: number; resolved: number}
  notes: {total: number; cited: number}
  problems: Record<string, number>
  sources: {name: string; count: number}[]
  dates: {from: string | null; to: string | null}
}
interface JsonSummary {
  files: (JsonCounts & {filePath: string})[]
  totals: JsonCounts
}

async function summaryJson(args: readonly string[], cwd = root): Promise<{code: number; err: string; json: JsonSummary}> {
  const {code, out, err} = await runCli(['summary', ...args, '--format', 'json'], cwd)
  return {code, err, json: JSON.parse(out) as JsonSummary}
}

/** The coverage of a fixture, computed in-process. */
function coverageOf(name: string, options: Parameters<typeof lintText>[1] = {}) {
  const filePath = path.join(fixtures, name)
  return fileCoverage(lintText(readFileSync(filePath, 'utf8'), {filePath, ...options}), true)
}

test('seed report: the numbers of the acceptance, from the JSON', async () => {
  if (!available(seed, 'seed report')) return
  const {code, err, json} = await summaryJson([seed])
  assert.equal([code, err], [0, ''])
  const expected: JsonCounts = {
    paragraphs: {prose: 6, cited: 3},
    quotations: {total: 2, cited: 1},
    references: {total: 7, resolved: 6},
    notes: {total: 6, cited: 6},
    problems: {'broken-marker': 1, 'empty-source': 2},
    sources: [
      {name: 'Al-Akhbar (Lebanon)', count: 1},
      {name: 'Al-Quds (London)', count: 1},
      {name: 'ISNA (Iran)', count: 1}
    ],
    dates: {from: '2015-10-01', to: '2015-10-12'}
  }
  // The path as every format shows it: relative to the working folder, outside it too.
  assert.equal(json, {files: [{filePath: path.relative(root, seed).split(path.sep).join('/'), ...expected}], totals: expected})
})

test('paths relative to the working folder in table, JSON and HTML, outside it too', async () => {
  if (!available(seed, 'seed report')) return
  const shown = path.relative(root, seed).split(path.sep).join('/')
  assert.ok(shown.startsWith('../'), shown)
  for (const given of [seed, shown]) {
    const table = await runCli(['summary', given], root)
    assert.ok(table.out.split('\n')[2]!.startsWith(`${shown} `), table.out)
    assert.equal((await summaryJson([given])).json.files.map((f) => f.filePath), [shown])
    const html = await runCli(['summary', given, '--format', 'html'], root)
    assert.ok(html.out.includes(`<h2>${shown}</h2>`))
    assert.not.ok(html.out.includes(seed), 'no absolute path in the page')
  }
  // The table leaves out the folder all files share, which its caption names.
  assert.is(commonFolder(['../a/b/x.md', '../a/b/c/y.md', '../a/bb.md']), '../a/')
  assert.is(commonFolder(['x.md', 'a/y.md']), '')
  const page = (await runCli(['summary', shown, '--format', 'html'], root)).out
  assert.ok(page.includes(`<caption>Files in <code>${path.posix.dirname(shown)}/</code></caption>`))
  assert.ok(page.includes(`title="${shown}"><bdi>${path.basename(seed)}</bdi></a>`))
  assert.is(shownPath(seed, path.dirname(seed)), path.basename(seed))
  assert.is(shownPath('.', root), '.')
})

test('sources: the 10 most cited per file and in total, `--sources all` or a number for more or fewer', () => {
  const notes = Array.from({length: 12}, (_, i) => `[${i + 1}] Outlet ${String.fromCharCode(65 + i)}, May ${i + 1}, 2026.`)
  const text = [`A claim cited by every note in the list below, so that each of them is used by the text at least once here.${notes.map((_, i) => `[${i + 1}]`).join('')}`, '', ...notes, ''].join('\n')
  const file = fileCoverage(lintText(text, {filePath: 'sources.txt'}), true)
  assert.is(file.sources.length, 12)
  const table = formatSummaryTable([file], file, {cwd: root, sources: 10})
  const line = table.split('\n').find((l) => l.startsWith('  Sources:'))!
  assert.is(line, '  Sources:  Outlet A 1, Outlet B 1, Outlet C 1, Outlet D 1, Outlet E 1, Outlet F 1, Outlet G 1, Outlet H 1, Outlet I 1, Outlet J 1, and 2 more (`--sources all` lists them)')
  assert.ok(formatSummaryTable([file], file, {cwd: root}).includes('Outlet K 1, Outlet L 1\n'))
  const html = formatSummaryHtml([file], file, {cwd: root, sources: 2})
  assert.ok(html.includes('and 10 more (<code>--sources all</code> lists them)'))
  assert.is(formatSummaryJson([file], file, {cwd: root, sources: 1}).match(/"name"/g)!.length, 24, 'JSON lists every source')
  // A discursive note can read as a long "name": listed cut at a word, whole in JSON and on hover.
  assert.is(sourceNameText('a'.repeat(60)), 'a'.repeat(60))
  assert.is(sourceNameText(`${'word '.repeat(20)}end`), `${'word '.repeat(12).trimEnd()}…`)
})

test('--sources: a number or all, else exit 2', async () => {
  const all = await runCli(['summary', 'test/fixtures/summary', '--sources', 'all'])
  assert.is(all.code, 0)
  const bad = await runCli(['summary', 'test/fixtures/summary', '--sources', 'many'])
  assert.equal([bad.code, bad.out], [2, ''])
  assert.match(bad.err, /--sources: invalid value `many`, expected a whole number or `all`/)
})

test('a missing file: one line on stderr, no table, exit 2, as the linter does', async () => {
  for (const format of ['table', 'markdown', 'html']) {
    const missing = await runCli(['summary', 'missing.txt', '--format', format])
    const lint = await runCli(['missing.txt'])
    assert.equal([missing.code, missing.out, missing.err], [2, '', 'citelint summary: missing.txt: no such file or directory\n'])
    assert.equal([lint.code, lint.out], [2, ''])
  }
  // JSON still gives its document, as the linter's JSON gives `[]`.
  const json = await summaryJson(['missing.txt'])
  assert.equal([json.code, json.json.files], [2, []])
})

test('seed report: which paragraphs and quotations are cited', () => {
  if (!available(seed, 'seed report')) return
  const result = lintText(readFileSync(seed, 'utf8'), {filePath: seed})
  const coverage = fileCoverage(result)
  const text = String(result.file.value)
  const lines = (cited: boolean) =>
    result.prose.paragraphs.filter((_, i) => coverage.detail.paragraphs[i] === cited).map((p) => p.span.start.line)
  // Cited: through [1], [3] and [5]; uncited: [2] cites an empty note, two paragraphs cite nothing.
  assert.equal([lines(true), lines(false)], [[8, 12, 18], [10, 14, 16]])
  const quotes = result.prose.quotations.map((q, i) => [text.slice(q.span.start.offset, q.span.start.offset + 12), coverage.detail.quotations[i]])
  // Rohani's quotation ends in the broken `[v]`; Rafsanjani's sentence ends in `[5]`.
  assert.equal(quotes, [['"In social a', false], ['"When the pe', true]])
})

test('quotations: unbalanced marks, curly marks, cited in the next sentence or before', async () => {
  const {code, json} = await summaryJson(['test/fixtures/summary/quotations.txt'])
  assert.is(code, 0)
  const [file] = json.files
  assert.equal(file!.paragraphs, {prose: 6, cited: 6})
  assert.equal(file!.quotations, {total: 5, cited: 3})
  const coverage = coverageOf('quotations.txt')
  const text = String(coverage.result!.file.value)
  const quotes = coverage.result!.prose.quotations.map((q, i) => [
    q.span.start.line,
    text.slice(q.span.start.offset, q.span.start.offset + 16),
    coverage.detail.quotations[i]
  ])
  assert.equal(quotes, [
    // The unbalanced `"we will reopen` opens nothing; the next mark opens the quotation, cited by [2].
    [3, '"the dredging co', true],
    // A mark that only closes (line 5) and a curly mark closed by a straight one are no quotations.
    [7, '“We will not rai', true],
    // Cited only in the next sentence: uncited.
    [9, '"We will not sel', false],
    // The reference comes before the quotation in its sentence: uncited.
    [11, '"We will protect', false],
    // Two sentences quoted, the reference after the closing mark.
    [13, '"We will not neg', true]
  ])
})

test('notes: which notes name a source (empty, broken, URL-only, Ibid., author)', async () => {
  const {json} = await summaryJson(['test/fixtures/summary/notes.txt'])
  const [file] = json.files
  assert.equal(file!.paragraphs, {prose: 6, cited: 3})
  assert.equal(file!.references, {total: 8, resolved: 7})
  assert.equal(file!.notes, {total: 6, cited: 5})
  assert.equal(file!.sources, [
    {name: 'Daily Ledger (Accra)', count: 1},
    {name: 'Harbour Gazette', count: 1}
  ])
  assert.equal(file!.dates, {from: '2026-04-30', to: '2026-06-03'})
  const coverage = coverageOf('notes.txt')
  const cited = coverage.result!.prose.paragraphs.map((p, i) => [p.span.start.line, coverage.detail.paragraphs[i]])
  assert.equal(cited, [
    [1, undefined], // byline: not prose
    [3, true], // [1] a citation
    [5, false], // [2] an empty note
    [7, false], // [iv] a broken marker
    [9, true], // [3] a URL-only note
    [11, true], // [4] Ibid. after [3]
    [13, false], // * the author note
    [15, undefined] // 19 words: not prose
  ])
  assert.equal(coverage.detail.sourced, [true, false, true, true, true, false])
})

test('Markdown: a link is not a reference, Ibid. follows the first citation, code and headings are no prose', async () => {
  const {json} = await summaryJson(['test/fixtures/summary/report.md'])
  const [file] = json.files
  assert.equal(
    {paragraphs: file!.paragraphs, quotations: file!.quotations, references: file!.references, notes: file!.notes},
    {paragraphs: {prose: 3, cited: 2}, quotations: {total: 1, cited: 0}, references: {total: 2, resolved: 2}, notes: {total: 2, cited: 2}}
  )
  assert.equal(file!.sources, [{name: 'Harbour Gazette (Tema)', count: 1}])
  assert.equal(file!.dates, {from: '2026-05-28', to: '2026-05-28'})
})

test('HTML: a broken back-link in a cited note is reported but not counted as a reference', () => {
  const page =
    '<p>Fell.<sup><a href="#fn1" id="fnref1">1</a></sup> Blamed.<sup><a href="#fn2">2</a></sup></p><section class="footnotes"><ol>' +
    '<li id="fn1">Ministry, Bulletin, 2015. <a href="#fnref1">↩</a></li><li id="fn2">Reuters, May 3, 2015. <a href="#fnref2">↩</a></li></ol></section>'
  const result = lintText(page, {filePath: 'page.html'})
  assert.equal(result.messages.map((m) => m.ruleId), ['undefined-reference'])
  assert.match(result.messages[0]!.reason, /^Broken back-link `↩` to `#fnref2`/)
  assert.equal(fileCoverage(result).references, {total: 2, resolved: 2})
})

test('an Ibid. note after a note without source names none', () => {
  const text = [
    'The council met on Monday and agreed to close the old bridge to lorries for the rest of the year at least.[2]',
    '',
    '[1], May 1, 2026.',
    '',
    '[2] Ibid.',
    ''
  ].join('\n')
  const coverage = fileCoverage(lintText(text, {filePath: 'ibid.txt'}))
  assert.equal(coverage.detail.sourced, [false, false])
  assert.equal(coverage.paragraphs, {prose: 1, cited: 0})
})

test('thresholds are options: --prose-words and --quotation-words', async () => {
  const strict = await summaryJson(['test/fixtures/summary/notes.txt', '--prose-words', '19'])
  assert.equal(strict.json.files[0]!.paragraphs, {prose: 7, cited: 4})
  const quotes = await summaryJson(['test/fixtures/summary/quotations.txt', '--quotation-words', '12'])
  assert.equal(quotes.json.files[0]!.quotations, {total: 3, cited: 2})
  const bad = await runCli(['summary', 'test/fixtures/summary', '--prose-words', '0'])
  assert.is(bad.code, 2)
  assert.match(bad.err, /--prose-words: invalid value `0`/)
})

test('totals add the files up, merge sources and widen the date range', async () => {
  const {json} = await summaryJson(['test/fixtures/summary'])
  assert.equal(
    json.files.map((f) => path.basename(f.filePath)),
    ['notes.txt', 'quotations.txt', 'report.md']
  )
  assert.equal(json.totals.paragraphs, {prose: 15, cited: 11})
  assert.equal(json.totals.quotations, {total: 6, cited: 3})
  assert.equal(json.totals.sources.slice(0, 2), [
    {name: 'Harbour Gazette (Tema)', count: 2},
    {name: 'Coastal Times', count: 1}
  ])
  assert.equal(json.totals.dates, {from: '2026-04-30', to: '2026-06-03'})
  assert.equal(json.totals.problems, {
    'broken-marker': 1,
    'empty-source': 1,
    'future-source': 1,
    // uncited-quote reads the whole paragraph: the minister's quotation is cited by the `[1]` after it.
    'unused-note': 1,
    'url-only-source': 1
  })
  assert.equal(totalCoverage([]).dates, {from: null, to: null})
})

test('--min-coverage: exit 1 naming the files below the floor', async () => {
  const below = await runCli(['summary', 'test/fixtures/summary', '--min-coverage', '80'])
  assert.is(below.code, 1)
  assert.is(
    below.err,
    'citelint summary: prose paragraph coverage below 80% in 2 files: test/fixtures/summary/notes.txt (50.0%), test/fixtures/summary/report.md (66.7%)\n'
  )
  assert.ok(below.out.includes('Total (3 files)'), 'the summary is still printed')
  const at = await runCli(['summary', 'test/fixtures/summary', '--min-coverage', '50'])
  assert.equal([at.code, at.err], [0, ''])
  const invalid = await runCli(['summary', 'test/fixtures/summary', '--min-coverage', '120'])
  assert.is(invalid.code, 2)
  assert.match(invalid.err, /--min-coverage: invalid value `120`, expected a percentage from 0 to 100/)
})

test('table: aligned columns, a total row, problems and sources per file', async () => {
  const {code, out} = await runCli(['summary', 'test/fixtures/summary'])
  assert.is(code, 0)
  const lines = out.split('\n')
  assert.match(lines[0]!, /^File +Paragraphs  Coverage  Quotations  References  Notes  Problems  Dates$/)
  const row = lines.find((line) => line.startsWith('test/fixtures/summary/notes.txt'))!
  assert.match(row, /^test\/fixtures\/summary\/notes\.txt +3\/6 +50\.0% +0\/0 +7\/8 +5\/6 +5  2026-04-30 to 2026-06-03$/)
  // Right-aligned counts: every row's Coverage column ends at the header's.
  const end = lines[0]!.indexOf('Coverage') + 'Coverage'.length
  for (const line of lines.slice(2, 5)) assert.ok(/%$|-$/.test(line.slice(0, end)), line)
  assert.ok(out.includes('  Sources:  Daily Ledger (Accra) 1, Harbour Gazette 1\n'))
  assert.ok(out.includes('  Problems: broken-marker 1, empty-source 1, future-source 1, unused-note 1, url-only-source 1\n'))
})

test('markdown: a GitHub table with a total row, cells escaped', async () => {
  const {code, out} = await runCli(['summary', 'test/fixtures/summary/notes.txt', '--format', 'markdown'])
  assert.is(code, 0)
  const lines = out.split('\n')
  assert.is(lines[0], '## Citation coverage')
  assert.is(lines[2], '| File | Prose paragraphs | Cited | Coverage | Quotations | Cited | References | Resolved | Notes | Cited | Problems | Dates |')
  assert.is(lines[4], '| test/fixtures/summary/notes.txt | 6 | 3 | 50.0% | 0 | 0 | 8 | 7 | 6 | 5 | 5 | 2026-04-30 to 2026-06-03 |')
  assert.ok(lines[5]!.startsWith('| **Total (1 file)** | **6** | **3** |'))
  assert.is(escapeMarkdown('a|b *c* <d> [e] `f` & g\nh'), 'a\\|b \\*c\\* \\<d\\> \\[e\\] \\`f\\` &amp; g h')
})

test('html: self-contained, every text escaped, markup nested', () => {
  const text = [
    'A <b>bold</b> claim & "a quotation that is <i>not</i> cited at all" ended the meeting of the council early.[1]',
    '',
    'A second claim about the <script>alert(1)</script> harbour cites a marker that goes nowhere at all, sadly.[7]',
    '',
    '[1] Harbour <Gazette> & Co (Tema), May 28, 2026.',
    ''
  ].join('\n')
  const file = fileCoverage(lintText(text, {filePath: 'escape.txt'}), true)
  const html = formatSummaryHtml([file], totalCoverage([file]), {cwd: root})
  assert.not.match(html, /<b>|<i>|<script|<Gazette>|https?:\/\//)
  assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'))
  assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`))
  assert.is(escapeHtml(`<a href="x">&'`), '&#60;a href=&#34;x&#34;&#62;&#38;&#39;')
  // Message code as code: `...` spans become <code>, escaped inside; a lone backtick stays.
  assert.is(messageHtml('Broken marker `[v]`: expected `<5>` or ` a'), 'Broken marker <code>[v]</code>: expected <code>&#60;5&#62;</code> or ` a')
  assert.ok(html.includes('undefined-reference: Undefined reference <code>[7]</code>'), 'the label shows the marker as code')
  // The legend shows every mark and colour the report uses, as it looks there.
  const legend = html.slice(html.indexOf('<dl class="legend">'), html.indexOf('</dl>', html.indexOf('<dl class="legend">')))
  const used = new Set([...html.matchAll(/class="((?:paragraph|quotation|reference|note|problem|bar)[^"]*)"/g)].map((m) => m[1]!))
  for (const styled of ['paragraph uncited', 'quotation uncited', 'quotation cited', 'reference', 'reference unresolved', 'note unsourced', 'problem error', 'problem warning', 'bar high']) {
    assert.ok(legend.includes(`class="${styled}"`), `the legend shows ${styled}`)
  }
  for (const name of used) {
    if (['problems', 'paragraph cited', 'note sourced', 'bar medium', 'bar low', 'bar', 'problem-label error', 'problem-label warning'].includes(name)) continue
    assert.ok(legend.includes(`class="${name}"`), `the legend explains ${name}, which the page uses`)
  }
  assert.not.match(html.slice(html.indexOf('<body>')).replace(/title="[^"]*"/g, ''), /`\[/, 'no literal backticks around markers')
  // Tags nest: every closing tag closes the last open one.
  const stack: string[] = []
  for (const [, slash, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)[^>]*>/g)) {
    if (name === 'meta' || name === 'wbr') continue
    if (!slash) stack.push(name!)
    else assert.is(stack.pop(), name, `</${name}> closes <${stack.at(-1)}>`)
  }
  assert.is(stack.length, 0)
  assert.is((html.match(/class="paragraph uncited"/g) ?? []).length, 1)
  assert.is((html.match(/class="quotation uncited"/g) ?? []).length, 1)
  assert.ok(html.includes('<a data-id="f0-r0" class="reference" href="#f0-n0">[1]</a>'))
  assert.ok(html.includes('<span data-id="f0-r1" class="reference unresolved" title="resolves to no note">'))
})

test('html: elements that cross are split so the markup nests; a lower level is never split', () => {
  const element = (start: number, end: number, level: number, name: string) => ({
    start,
    end,
    level,
    open: (first: boolean) => `<${name}${first ? '' : '+'}>`,
    close: `</${name}>`
  })
  // `p` 0..6 (level 0), `q` 2..9 (level 1) crosses p's end, `m` 4..5 (level 3) inside both, `x` 7..9 (level 3).
  const html = render('abcdefghij', [element(2, 9, 1, 'q'), element(0, 6, 0, 'p'), element(4, 5, 3, 'm'), element(7, 9, 3, 'x')], new Map([[5, ['!']]]))
  assert.is(html, '<p>ab<q>cd<m>e</m>!f</q></p><q+>g<x>hi</x></q>j')
  // A problem starting before a paragraph: the paragraph stays whole, the problem is split.
  assert.is(render('abcd', [element(0, 3, 3, 'm'), element(1, 4, 0, 'p')]), '<m>a</m><p><m+>bc</m>d</p>')
  assert.is(render('a<&', []), 'a&#60;&#38;')
})

test('same file selection, ignore and config rules as linting', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citelint-summary-'))
  try {
    writeFileSync(path.join(dir, 'a.txt'), readFileSync(path.join(fixtures, 'notes.txt')))
    writeFileSync(path.join(dir, 'b.txt'), readFileSync(path.join(fixtures, 'quotations.txt')))
    writeFileSync(path.join(dir, 'notes.yml'), 'not a report')
    writeFileSync(path.join(dir, '.citelintignore'), 'b.txt\n')
    writeFileSync(path.join(dir, '.citelintrc.json'), JSON.stringify({rules: {'future-source': 'off'}}))
    const walked = await summaryJson(['.'], dir)
    assert.equal(walked.json.files.map((f) => path.basename(f.filePath)), ['a.txt'])
    assert.is(walked.json.files[0]!.problems['future-source'], undefined)
    const named = await summaryJson(['b.txt', '--rule', 'empty-source:off'], dir)
    assert.equal([named.code, named.json.files], [0, []])
    assert.match(named.err, /b\.txt: ignored because of a matching ignore pattern/)
    const all = await summaryJson(['.', '--no-ignore', '--no-config', '--rule', 'empty-source:off'], dir)
    assert.equal(all.json.files.map((f) => path.basename(f.filePath)), ['a.txt', 'b.txt'])
    assert.equal(all.json.files[0]!.problems, {'broken-marker': 1, 'future-source': 1, 'unused-note': 1, 'url-only-source': 1})
    const missing = await runCli(['summary', 'a.txt', 'missing.txt'], dir)
    assert.is(missing.code, 2)
    assert.match(missing.err, /missing\.txt: /)
    const noPaths = await runCli(['summary'], dir)
    assert.equal([noPaths.code, noPaths.err], [2, 'citelint summary: no paths given\nRun `citelint summary --help` for usage.\n'])
    const out = await runCli(['summary', 'a.txt', '--format', 'html', '-o', 'out/coverage.html'], dir)
    assert.equal([out.code, out.out], [0, ''])
    assert.match(readFileSync(path.join(dir, 'out/coverage.html'), 'utf8'), /^<!doctype html>/)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
})

test('--help of summary; the main help names it', async () => {
  const help = await runCli(['summary', '--help'])
  assert.is(help.code, 0)
  assert.match(help.out, /citelint summary \[paths\.\.\]/)
  assert.match(help.out, /--min-coverage/)
  const main = await runCli(['--help'])
  assert.match(main.out, /citelint summary reports\//)
})

test('progress: on a terminal only, after a delay, throttled, erased at the end', () => {
  let now = 0
  let written = ''
  const progress = new Progress({write: (t) => (written += t), isTTY: true, now: () => now})
  progress.update(0, 10)
  assert.is(written, '', 'nothing before the delay')
  now = 600
  progress.update(3, 10)
  now = 650
  progress.update(4, 10)
  now = 800
  progress.update(5, 10)
  progress.done()
  assert.is(written, '\r\u001b[Kcitelint summary: 3/10 files\r\u001b[Kcitelint summary: 5/10 files\r\u001b[K')
  let piped = ''
  const quiet = new Progress({write: (t) => (piped += t), isTTY: false, now: () => (now += 1000)})
  quiet.update(1, 10)
  quiet.done()
  assert.is(piped, '')
})

test.run()
