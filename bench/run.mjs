/**
 * The benchmark: citelint against remark-cli, markdownlint-cli2 and rumdl on
 * one generated corpus, plus parse floors, cold start, growth with file size
 * and the cost of many footnote definitions. Run it with `npm run bench`
 * (which builds first); see bench/RESULTS.md for what each table means.
 *
 * Options:
 *   --rounds N     rounds of the corpus runs, tools alternating (default 3)
 *   --quick        small corpus (200 reports), 1 round, short series (< 2 min)
 *   --count N      reports in the corpus (default 2000; 200 with --quick)
 *   --seed N       corpus seed (default 1)
 *   --only LIST    sections to run, comma-separated: corpus,cold,growth,defs,cache,docx,html
 *   --cold-runs N  runs per tool for the cold start (default 20; 5 with --quick)
 *
 * Output: tables on stdout, also written to bench/.out/report.md, and every
 * measurement in bench/.out/results.json. Tool output goes to bench/.out/.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {ensureCorpus} from './corpus.mjs'
import {measure, measureMethod, median} from './measure.mjs'

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const rootDir = path.dirname(benchDir)
const outDir = path.join(benchDir, '.out')
const node = process.execPath

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2)
const flag = (name) => argv.includes(name)
const option = (name, fallback) => {
  const at = argv.indexOf(name)
  if (at < 0) return fallback
  const value = argv[at + 1]
  if (value === undefined) throw new Error(`${name} needs a value`)
  return value
}
const quick = flag('--quick')
const settings = {
  quick,
  rounds: Number(option('--rounds', quick ? '1' : '3')),
  count: Number(option('--count', quick ? '200' : '2000')),
  seed: Number(option('--seed', '1')),
  coldRuns: Number(option('--cold-runs', quick ? '5' : '20')),
  sections: option('--only', 'corpus,cold,growth,defs,cache,docx,html').split(','),
  /** HTML page sizes (MB); each is compared with the same text as `.txt`. */
  htmlMB: quick ? [0.5] : [2, 8],
  /** DOCX sizes (MB of file, parts stored uncompressed); the last two are the ratio judged. */
  docxMB: quick ? [1, 4] : [2.5, 10],
  growthMB: quick ? [0.2, 0.5, 1, 2] : [1, 2, 4, 8, 20],
  /** The sizes whose time ratio is judged (the issue's 20 MB / 2 MB; 2 / 0.2 with --quick). */
  growthRatio: quick ? [0.2, 2] : [2, 20],
  /** micromark 4.0.3 is superlinear: only the smaller growth files. */
  micromark403MaxMB: quick ? 0.5 : 4,
  definitions: quick ? [1000, 2000] : [4000, 8000, 16000, 32000]
}
for (const key of ['rounds', 'count', 'seed', 'coldRuns']) {
  if (!Number.isInteger(settings[key]) || settings[key] < 1) throw new Error(`--${key} must be a positive integer`)
}

const report = []
const results = {settings, machine: machine(), method: measureMethod(), started: new Date().toISOString(), sections: {}}
const say = (text = '') => {
  console.log(text)
  report.push(text)
}
const note = (text) => {
  console.log(`  ${text}`)
}

// ---------------------------------------------------------------- setup
const bin = {
  citelint: path.join(rootDir, 'bin/citelint.js'),
  remark: path.join(benchDir, 'node_modules/remark-cli/cli.js'),
  markdownlint: path.join(benchDir, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
  rumdl: path.join(benchDir, 'node_modules/rumdl/bin/rumdl'),
  parse: path.join(benchDir, 'parse.mjs')
}
mkdirSync(outDir, {recursive: true})
if (!existsSync(path.join(rootDir, 'dist/src/cli/main.js'))) {
  console.error('bench: dist/ is missing; run `npm run bench` (which builds) or `npm run build` first')
  process.exit(2)
}
installPeers()
const rumdlAvailable = probeRumdl()

say(`# citelint benchmark${quick ? ' (--quick)' : ''}`)
say()
say(`Machine: ${results.machine.cpus} cores (nproc ${results.machine.nproc}), ${results.machine.cpuModel}, ${results.machine.memoryGB} GB memory, Node ${process.version}, ${results.machine.os}`)
say(`Load average at start: ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}. Measurement: ${measureMethod() === 'gnu-time' ? 'GNU time (wall from spawn to exit; CPU = user + sys; peak = maximum resident set size)' : '/proc polling of VmHWM (CPU time not available)'}.`)
say()

const corpusStarted = performance.now()
const corpus = ensureCorpus(path.join(benchDir, '.corpus'), {count: settings.count, seed: settings.seed})
const mdDir = path.join(corpus.dir, 'md')
const txtDir = path.join(corpus.dir, 'txt')
const totals = corpus.manifest.totals
say(`Corpus: ${settings.count} reports, seed ${settings.seed}, ${mb(totals.md.bytes + totals.txt.bytes)} MB (Markdown ${totals.md.files} files ${mb(totals.md.bytes)} MB, plain text ${totals.txt.files} files ${mb(totals.txt.bytes)} MB) in ${path.relative(rootDir, corpus.dir)}${corpus.generated ? ` (generated in ${((performance.now() - corpusStarted) / 1000).toFixed(1)} s)` : ''}.`)
say()

// ---------------------------------------------------------------- tools
const rel = (p) => path.relative(rootDir, p)
/** A tool run: `[label, command, args, cwd]`; paths are relative to cwd so outputs stay short. */
const tools = {
  citelint: (target) => [node, [rel(bin.citelint), ...target.map(rel)], rootDir],
  remark: (target) => [node, [rel(bin.remark), '--rc-path', 'bench/.remarkrc.json', '--no-stdout', ...target.map(rel)], rootDir],
  markdownlint: (target) => [
    node,
    [path.relative(benchDir, bin.markdownlint), '--config', '.markdownlint-cli2.jsonc', ...target.map((t) => globFor(path.relative(benchDir, t)))],
    benchDir
  ],
  rumdl: (target) => [node, [path.relative(benchDir, bin.rumdl), 'check', '--config', '.rumdl.toml', '--no-cache', '--color', 'never', ...target.map((t) => path.relative(benchDir, t))], benchDir],
  floor: (target) => [node, [rel(bin.parse), 'footnote', ...target.map(rel)], rootDir],
  remarkGfm: (target) => [node, [rel(bin.parse), 'remark-gfm', ...target.map(rel)], rootDir],
  citelintParse: (target) => [node, [rel(bin.parse), 'citelint', ...target.map(rel)], rootDir],
  micromark402: (target) => [node, [rel(bin.parse), 'micromark-4.0.2', ...target.map(rel)], rootDir],
  micromark403: (target) => [node, [rel(bin.parse), 'micromark-4.0.3', ...target.map(rel)], rootDir],
  micromarkSet: (target) => [node, [rel(bin.parse), 'micromark-4.0.2-set', ...target.map(rel)], rootDir],
  nodeNoop: () => [node, ['-e', '0'], rootDir],
  citelintCache: (target) => [node, [rel(bin.citelint), '--cache', '--cache-location', rel(cacheFile), ...target.map(rel)], rootDir],
  citelintCacheJson: (target) => [node, [rel(bin.citelint), '--cache', '--cache-location', rel(cacheFile), '--format', 'json', ...target.map(rel)], rootDir]
}
/** The cache file of the `cache` section (emptied before each cold run). */
const cacheFile = path.join(outDir, 'cache', '.citelintcache')
const globFor = (p) => (p.endsWith('.md') ? p : `${p}/*.md`)

async function run(name, target, tag) {
  const [command, args, cwd] = tools[name](target)
  const base = path.join(outDir, `${tag}`)
  const result = await measure(command, args, {cwd, out: `${base}.out`, err: `${base}.err`})
  result.out = `${base}.out`
  result.err = `${base}.err`
  return result
}

// ---------------------------------------------------------------- corpus
if (settings.sections.includes('corpus')) {
  const entries = [
    ['citelint (Markdown part)', 'citelint', [mdDir]],
    ['citelint (whole corpus)', 'citelint', [mdDir, txtDir]],
    ['remark-cli', 'remark', [mdDir]],
    ['markdownlint-cli2', 'markdownlint', [mdDir]],
    ...(rumdlAvailable ? [['rumdl', 'rumdl', [mdDir]]] : []),
    ['footnote parse floor (a)', 'floor', [mdDir]],
    ['unified + remark-parse + remark-gfm parse (b)', 'remarkGfm', [mdDir]]
  ]
  console.log(`corpus: ${settings.rounds} rounds of ${entries.length} runs, tools alternating`)
  const samples = new Map(entries.map(([label]) => [label, []]))
  for (let round = 0; round < settings.rounds; round++) {
    // Rotate the order each round, so no tool always runs first or after the same one.
    const order = entries.map((_, i) => entries[(i + round) % entries.length])
    for (const [label, name, target] of order) {
      const tag = `corpus-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`
      const result = await run(name, target, tag)
      result.findings = findings(name, result)
      samples.get(label).push(result)
      note(`round ${round + 1} ${label}: ${(result.wallMs / 1000).toFixed(2)} s, CPU ${(result.cpuMs / 1000).toFixed(2)} s, ${result.rssMB.toFixed(0)} MB, exit ${result.code}${result.findings ? `, ${result.findings}` : ''}`)
      if (![0, 1].includes(result.code)) note(`  unexpected exit code, see ${rel(result.err)}`)
    }
  }
  const stats = summarize(samples)
  results.sections.corpus = {samples: Object.fromEntries(samples), stats}
  say(`## Corpus run (${settings.rounds} rounds, medians; Markdown part ${totals.md.files} files, ${mb(totals.md.bytes)} MB)`)
  say()
  table(stats, samples)
  if (!rumdlAvailable) say('rumdl: skipped, its npm package has no binary that runs on this machine (see the note above).')
  const cl = stats.get('citelint (Markdown part)')
  say()
  say('| peer | peer / citelint, wall | peer / citelint, CPU | citelint / peer, wall |')
  say('| --- | --- | --- | --- |')
  for (const peer of ['remark-cli', 'markdownlint-cli2', 'rumdl', 'footnote parse floor (a)', 'unified + remark-parse + remark-gfm parse (b)', "citelint's own parser, parse only"]) {
    const s = stats.get(peer)
    if (!s) continue
    say(`| ${peer} | ${(s.wall / cl.wall).toFixed(2)}x | ${(s.cpu / cl.cpu).toFixed(2)}x | ${(cl.wall / s.wall).toFixed(2)} |`)
  }
  say()
  const floor = stats.get('footnote parse floor (a)')
  const gfm = stats.get('unified + remark-parse + remark-gfm parse (b)')
  say(`remark-gfm parse / footnote-only parse: ${(gfm.wall / floor.wall).toFixed(2)}x wall, ${(gfm.cpu / floor.cpu).toFixed(2)}x CPU.`)
  say(`Injected faults (Markdown part): ${faultLine(totals.md)}; whole corpus: ${faultLine(sum(totals.md, totals.txt))}.`)
  say()
}

// ---------------------------------------------------------------- cold start
if (settings.sections.includes('cold')) {
  const small = smallReport(mdDir)
  const entries = [
    ['node -e 0', 'nodeNoop', []],
    ['citelint', 'citelint', [small]],
    ['remark-cli', 'remark', [small]],
    ['markdownlint-cli2', 'markdownlint', [small]],
    ...(rumdlAvailable ? [['rumdl (npm wrapper + binary)', 'rumdl', [small]]] : [])
  ]
  console.log(`cold start: ${settings.coldRuns} runs of each on ${rel(small)}`)
  const samples = new Map(entries.map(([label]) => [label, []]))
  for (let i = 0; i < settings.coldRuns; i++) {
    for (const [label, name, target] of entries) samples.get(label).push(await run(name, target, `cold-${name}`))
  }
  const stats = summarize(samples)
  results.sections.cold = {file: rel(small), samples: Object.fromEntries(samples), stats}
  say(`## Cold start, one small report (${rel(small)}, ${(statSync(small).size / 1024).toFixed(1)} KB), ${settings.coldRuns} runs each, medians`)
  say()
  table(stats, samples, stats.get('node -e 0'))
  say()
}

// ---------------------------------------------------------------- cache
if (settings.sections.includes('cache')) {
  // Each round, tools alternating: rumdl (--no-cache, as in the corpus
  // section), citelint without --cache, citelint --cache on an empty cache
  // (cold: lints and fills it), then warm runs on the filled cache (nothing
  // changed, so every file hits).
  const warmRuns = 2
  const labels = [
    'rumdl',
    'citelint',
    'citelint --cache, cold (fills the cache)',
    'citelint --cache, warm (every file hits)',
    'citelint --cache, warm, --format json'
  ]
  const samples = new Map(labels.map((label) => [label, []]))
  console.log(`cache: ${settings.rounds} rounds on the Markdown part, ${warmRuns} warm runs per round`)
  for (let round = 0; round < settings.rounds; round++) {
    if (rumdlAvailable) samples.get('rumdl').push(await run('rumdl', [mdDir], 'cache-rumdl'))
    samples.get('citelint').push(await run('citelint', [mdDir], 'cache-citelint'))
    rmSync(cacheFile, {force: true})
    samples.get(labels[2]).push(await run('citelintCache', [mdDir], 'cache-cold'))
    for (let i = 0; i < warmRuns; i++) samples.get(labels[3]).push(await run('citelintCache', [mdDir], 'cache-warm'))
    // The same warm run with another reporter: how much of it is the stylish output.
    samples.get(labels[4]).push(await run('citelintCacheJson', [mdDir], 'cache-warm-json'))
    for (const label of labels) {
      const last = samples.get(label).at(-1)
      if (last) note(`round ${round + 1} ${label}: ${s(last.wallMs)}, CPU ${s(last.cpuMs)}, ${last.rssMB.toFixed(0)} MB, exit ${last.code}`)
    }
  }
  if (!rumdlAvailable) samples.delete('rumdl')
  // The warm output must be the cold output: the cache changes speed, never findings.
  const same = readFileSync(path.join(outDir, 'cache-cold.out'), 'utf8') === readFileSync(path.join(outDir, 'cache-warm.out'), 'utf8')
  const stats = summarize(samples)
  results.sections.cache = {samples: Object.fromEntries(samples), stats, sameOutput: same, cacheBytes: statSync(cacheFile).size}
  say(`## Cache: the Markdown part (${totals.md.files} files), ${settings.rounds} rounds, ${warmRuns} warm runs per round, medians`)
  say()
  table(stats, samples)
  say()
  const warm = stats.get(labels[3])
  const cold = stats.get(labels[2])
  const plain = stats.get('citelint')
  say(`Warm / cold: ${(warm.wall / cold.wall).toFixed(2)}x wall, ${(warm.cpu / cold.cpu).toFixed(2)}x CPU; cold --cache / no cache: ${(cold.wall / plain.wall).toFixed(2)}x wall, ${(cold.cpu / plain.cpu).toFixed(2)}x CPU.`)
  const rumdl = stats.get('rumdl')
  const warmJson = stats.get(labels[4])
  if (rumdl) say(`rumdl / citelint warm: ${(rumdl.wall / warm.wall).toFixed(2)}x wall, ${(rumdl.cpu / warm.cpu).toFixed(2)}x CPU (with --format json: ${(rumdl.wall / warmJson.wall).toFixed(2)}x wall, ${(rumdl.cpu / warmJson.cpu).toFixed(2)}x CPU); rumdl / citelint cold: ${(rumdl.wall / cold.wall).toFixed(2)}x wall, ${(rumdl.cpu / cold.cpu).toFixed(2)}x CPU.`)
  say(`Warm output ${same ? 'identical to' : 'DIFFERS FROM'} the cold output; cache file ${mb(statSync(cacheFile).size)} MB.`)
  say()
}

// ---------------------------------------------------------------- growth
if (settings.sections.includes('growth')) {
  const growthDir = path.join(outDir, 'growth')
  mkdirSync(growthDir, {recursive: true})
  const rows = []
  console.log(`growth: ${settings.growthMB.join(', ')} MB`)
  for (const format of ['md', 'txt']) {
    for (const size of settings.growthMB) {
      const file = concatenated(format === 'md' ? mdDir : txtDir, format, size, growthDir)
      const row = {format, size, bytes: statSync(file).size}
      row.citelint = await run('citelint', [file], `growth-citelint-${format}`)
      row.floor = await run('floor', [file], `growth-floor-${format}`)
      if (format === 'md' && size <= settings.micromark403MaxMB) {
        row.micromark402 = await run('micromark402', [file], 'growth-mm402')
        row.micromark403 = await run('micromark403', [file], 'growth-mm403')
      }
      note(`${format} ${size} MB: citelint ${(row.citelint.wallMs / 1000).toFixed(2)} s ${row.citelint.rssMB.toFixed(0)} MB; floor ${(row.floor.wallMs / 1000).toFixed(2)} s${row.micromark403 ? `; micromark events 4.0.2 ${(row.micromark402.cpuMs / 1000).toFixed(2)} s CPU, 4.0.3 ${(row.micromark403.cpuMs / 1000).toFixed(2)} s CPU` : ''}`)
      rows.push(row)
    }
  }
  results.sections.growth = rows
  const [small, large] = settings.growthRatio
  say(`## Growth: one file of concatenated reports (Markdown footnotes relabelled so labels stay unique; plain-text notes restart per report)`)
  say()
  say('| format | size | citelint wall | citelint CPU | citelint peak | footnote parse wall | parse CPU | parse peak | micromark 4.0.2 events, CPU | micromark 4.0.3 events, CPU |')
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const row of rows) {
    const mm = (r) => (r ? s(r.cpuMs) : 'not run')
    say(`| ${row.format} | ${mb(row.bytes)} MB | ${s(row.citelint.wallMs)} | ${s(row.citelint.cpuMs)} | ${row.citelint.rssMB.toFixed(0)} MB | ${s(row.floor.wallMs)} | ${s(row.floor.cpuMs)} | ${row.floor.rssMB.toFixed(0)} MB | ${row.format === 'md' ? mm(row.micromark402) : ''} | ${row.format === 'md' ? mm(row.micromark403) : ''} |`)
  }
  say()
  for (const format of ['md', 'txt']) {
    const a = rows.find((r) => r.format === format && r.size === small)
    const b = rows.find((r) => r.format === format && r.size === large)
    say(`${format}: ${large} MB / ${small} MB time, citelint ${(b.citelint.wallMs / a.citelint.wallMs).toFixed(1)}x wall, ${(b.citelint.cpuMs / a.citelint.cpuMs).toFixed(1)}x CPU; footnote parse ${(b.floor.wallMs / a.floor.wallMs).toFixed(1)}x wall, ${(b.floor.cpuMs / a.floor.cpuMs).toFixed(1)}x CPU (size ratio ${(b.bytes / a.bytes).toFixed(1)}x).`)
  }
  say()
}

// ---------------------------------------------------------------- docx
if (settings.sections.includes('docx')) {
  const docxDir = path.join(outDir, 'docx')
  mkdirSync(docxDir, {recursive: true})
  const {docxParts} = await import(pathToFileURL(path.join(rootDir, 'dist/test/docx-generator.js')).href)
  const {strToU8, zipSync} = await import('fflate')
  const rows = []
  console.log(`docx: ${settings.docxMB.join(', ')} MB`)
  for (const size of settings.docxMB) {
    const file = path.join(docxDir, `${size}MB.docx`)
    if (!existsSync(file)) {
      // Paragraphs citing footnotes, a note each; stored (level 0), so the file's size is the XML's.
      const body = []
      const footnotes = []
      let bytes = 0
      for (let id = 1; bytes < size * 1024 * 1024 * 1.06; id++) {
        body.push([`Paragraph ${id} reports that the talks stalled in October, as the envoy said.`, {footnote: id}, ' The second sentence goes on.'])
        footnotes.push({id, paragraphs: [[`Reuters, "Report ${id}," May ${(id % 28) + 1}, 2015.`]]})
        bytes += 700
      }
      const parts = docxParts({body, footnotes})
      const files = Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)]))
      writeFileSync(file, zipSync(files, {level: 0}))
    }
    const row = {size, bytes: statSync(file).size, citelint: await run('citelint', [file], `docx-${size}`)}
    rows.push(row)
    note(`${mb(row.bytes)} MB DOCX: ${s(row.citelint.cpuMs)} CPU, ${row.citelint.rssMB.toFixed(0)} MB peak memory`)
  }
  results.sections.docx = rows
  const [small, large] = [rows.at(-2), rows.at(-1)]
  say('## DOCX (paragraphs each citing a footnote; parts stored, so the file size is the XML size)')
  say()
  say('| file | CPU | peak memory |')
  say('| --- | --- | --- |')
  for (const row of rows) say(`| ${mb(row.bytes)} MB | ${s(row.citelint.cpuMs)} | ${row.citelint.rssMB.toFixed(0)} MB |`)
  if (small && large && small !== large) {
    say()
    say(`Size ${(large.bytes / small.bytes).toFixed(1)}x: CPU ${(large.citelint.cpuMs / small.citelint.cpuMs).toFixed(2)}x, memory ${(large.citelint.rssMB / small.citelint.rssMB).toFixed(2)}x (linear: about the size ratio or less).`)
  }
  say()
}

// ---------------------------------------------------------------- html
if (settings.sections.includes('html')) {
  const htmlDir = path.join(outDir, 'html')
  mkdirSync(htmlDir, {recursive: true})
  const rows = []
  console.log(`html: ${settings.htmlMB.join(', ')} MB`)
  for (const size of settings.htmlMB) {
    const page = path.join(htmlDir, `${size}MB.html`)
    const text = path.join(htmlDir, `${size}MB.txt`)
    if (!existsSync(page)) {
      // pandoc's markup: a reference per paragraph and a notes section; the .txt holds the same visible text with [n] markers and a notes list.
      const paragraphs = []
      const items = []
      const lines = []
      const notes = []
      let bytes = 0
      for (let id = 1; bytes < size * 1024 * 1024; id++) {
        const prose = `Paragraph ${id} reports that the talks stalled in October, as the envoy said.`
        paragraphs.push(`<p>${prose}<a href="#fn${id}" class="footnote-ref" id="fnref${id}" role="doc-noteref"><sup>${id}</sup></a> The second sentence goes on.</p>`)
        items.push(`<li id="fn${id}"><p>Reuters, "Report ${id}," May ${(id % 28) + 1}, 2015.<a href="#fnref${id}" class="footnote-back" role="doc-backlink">↩︎</a></p></li>`)
        lines.push(`${prose}[${id}] The second sentence goes on.`)
        notes.push(`[${id}] Reuters, "Report ${id}," May ${(id % 28) + 1}, 2015.`)
        bytes += paragraphs.at(-1).length + items.at(-1).length
      }
      writeFileSync(page, `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Report</title></head><body>\n${paragraphs.join('\n')}\n<section class="footnotes" role="doc-endnotes"><hr><ol>\n${items.join('\n')}\n</ol></section>\n</body></html>\n`)
      writeFileSync(text, `${lines.join('\n\n')}\n\nNotes\n\n${notes.join('\n')}\n`)
    }
    const row = {size, bytes: statSync(page).size, html: await run('citelint', [page], `html-${size}`), txt: await run('citelint', [text], `html-txt-${size}`)}
    rows.push(row)
    note(`${mb(row.bytes)} MB HTML: ${s(row.html.cpuMs)} CPU; same text as .txt: ${s(row.txt.cpuMs)} CPU`)
  }
  results.sections.html = rows
  say('## HTML pages against the same text as .txt (pandoc markup, a reference per paragraph)')
  say()
  say('| page | HTML CPU | HTML peak | .txt CPU | .txt peak | ratio (CPU) |')
  say('| --- | --- | --- | --- | --- | --- |')
  for (const row of rows) say(`| ${mb(row.bytes)} MB | ${s(row.html.cpuMs)} | ${row.html.rssMB.toFixed(0)} MB | ${s(row.txt.cpuMs)} | ${row.txt.rssMB.toFixed(0)} MB | ${(row.html.cpuMs / row.txt.cpuMs).toFixed(1)}x |`)
  say()
}

// ---------------------------------------------------------------- definitions
if (settings.sections.includes('defs')) {
  const defsDir = path.join(outDir, 'defs')
  mkdirSync(defsDir, {recursive: true})
  const rows = []
  console.log(`definitions: ${settings.definitions.join(', ')}`)
  for (const count of settings.definitions) {
    const file = path.join(defsDir, `${count}.md`)
    if (!existsSync(file)) writeFileSync(file, manyDefinitions(count))
    const row = {count, bytes: statSync(file).size}
    // The mdast floor only for the largest file (it adds little to the events).
    if (count === settings.definitions.at(-1)) row.floor = await run('floor', [file], 'defs-floor')
    row.micromark = await run('micromark402', [file], 'defs-mm402')
    row.micromarkSet = await run('micromarkSet', [file], 'defs-mmset')
    rows.push(row)
    note(`${count} definitions: ${row.floor ? `floor ${s(row.floor.cpuMs)} CPU; ` : ''}micromark events ${s(row.micromark.cpuMs)} CPU, with a Set ${s(row.micromarkSet.cpuMs)} CPU`)
  }
  results.sections.definitions = rows
  say('## Many footnote definitions (one file: N paragraphs each citing its note, then N definitions)')
  say()
  say('| definitions | size | footnote parse (mdast) CPU | micromark events CPU | same, `gfmFootnotes` backed by a Set | CPU per definition, events (Array) | (Set) |')
  say('| --- | --- | --- | --- | --- | --- | --- |')
  for (const row of rows) {
    say(`| ${row.count} | ${mb(row.bytes)} MB | ${row.floor ? s(row.floor.cpuMs) : 'not run'} | ${s(row.micromark.cpuMs)} | ${s(row.micromarkSet.cpuMs)} | ${((row.micromark.cpuMs * 1000) / row.count).toFixed(0)} µs | ${((row.micromarkSet.cpuMs * 1000) / row.count).toFixed(0)} µs |`)
  }
  say()
}

say(`Load average at end: ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}. Total bench time ${((performance.now() - corpusStarted) / 60000).toFixed(1)} min.`)
results.finished = new Date().toISOString()
writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n')
writeFileSync(path.join(outDir, 'report.md'), report.join('\n') + '\n')
console.log(`\nwritten: ${rel(path.join(outDir, 'report.md'))}, ${rel(path.join(outDir, 'results.json'))}`)

// ---------------------------------------------------------------- helpers
function s(ms) {
  return Number.isNaN(ms) ? 'n/a' : `${(ms / 1000).toFixed(2)} s`
}

function mb(bytes) {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)
}

function summarize(samples) {
  const stats = new Map()
  for (const [label, list] of samples) {
    stats.set(label, {
      wall: median(list.map((r) => r.wallMs)),
      min: Math.min(...list.map((r) => r.wallMs)),
      max: Math.max(...list.map((r) => r.wallMs)),
      cpu: median(list.map((r) => r.cpuMs)),
      rss: Math.max(...list.map((r) => r.rssMB)),
      findings: list.at(-1).findings
    })
  }
  return stats
}

function table(stats, samples, baseline) {
  say(`| tool | median wall | min | max | median CPU | peak memory (max) |${baseline ? ' / node -e 0 |' : ' findings (last round) |'}`)
  say(`| --- | --- | --- | --- | --- | --- | --- |`)
  for (const [label, st] of stats) {
    const last = baseline ? ` ${(st.wall / baseline.wall).toFixed(2)}x |` : ` ${st.findings ?? ''} |`
    say(`| ${label} | ${s(st.wall)} | ${s(st.min)} | ${s(st.max)} | ${s(st.cpu)} | ${st.rss.toFixed(0)} MB |${last}`)
  }
}

/** Each tool's own count of what it found, from its summary line. */
function findings(name, result) {
  const text = (() => {
    try {
      return readFileSync(result.out, 'utf8').slice(-4000) + readFileSync(result.err, 'utf8').slice(-4000)
    } catch {
      return ''
    }
  })().replace(/\u001b\[[0-9;]*m/g, '')
  // eslint-style summaries: citelint `2395 messages (✖ 1846 errors, ⚠ 549 warnings)`
  let m
  if (name === 'citelint' && (m = /(\d+) messages? \((?:✖ )?(\d+) errors?, (?:⚠ )?(\d+) warnings?\)/.exec(text))) return `${m[1]} (${m[2]} errors, ${m[3]} warnings)`
  if (name === 'remark' && (m = [...text.matchAll(/⚠ (\d+) warnings?/g)].at(-1))) return `${m[1]} warnings`
  if (name === 'markdownlint') {
    // One line per finding on stderr (`file:line:column error MD052/... ...`), no summary with noProgress.
    const all = readFileSync(result.err, 'utf8').split('\n').filter((line) => / MD\d{3}\//.test(line))
    const count = (id) => all.filter((line) => line.includes(` ${id}/`)).length
    return `${all.length} (MD052 ${count('MD052')}, MD053 ${count('MD053')}, MD042 ${count('MD042')})`
  }
  if (name === 'rumdl' && (m = /Found (\d+) issues? in (\d+)\/(\d+) files?/.exec(text))) return `${m[1]} issues in ${m[2]} files`
  if (name === 'rumdl' && /No issues found/i.test(text)) return '0 issues'
  if (['floor', 'remarkGfm', 'citelintParse'].includes(name) && (m = /\{.*\}/.exec(text))) {
    const parsed = JSON.parse(m[0])
    return `${parsed.footnoteReferences} calls, ${parsed.footnoteDefinitions} definitions`
  }
  return undefined
}

function faultLine(t) {
  return `${t.undefinedReference} undefined references, ${t.brokenMarker} broken markers, ${t.emptySource} empty sources, ${t.unusedNote} unused notes (${t.undefinedReference + t.brokenMarker + t.emptySource + t.unusedNote} in all; ${t.references} references, ${t.notes} notes)`
}

function sum(a, b) {
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + b[k]]))
}

/** The Markdown report closest to 4 KB. */
function smallReport(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
  let best = files[0]
  let distance = Infinity
  for (const f of files) {
    const d = Math.abs(statSync(path.join(dir, f)).size - 4096)
    if (d < distance) {
      distance = d
      best = f
    }
  }
  return path.join(dir, best)
}

/**
 * One file of about `size` MB made by concatenating the corpus's reports of
 * one format in order (cycling when the corpus is smaller). Markdown
 * footnote labels are shifted per report so that every label stays unique
 * (a long document, not a pile of duplicates); plain-text notes restart per
 * report, as chapters of a book do.
 */
function concatenated(dir, format, size, growthDir) {
  const file = path.join(growthDir, `${size}MB-seed${settings.seed}-n${settings.count}.${format}`)
  if (existsSync(file)) return file
  const names = readdirSync(dir).filter((f) => f.endsWith(`.${format}`)).sort()
  const target = size * 1e6
  const parts = []
  let bytes = 0
  let offset = 0
  for (let i = 0; bytes < target; i++) {
    let text = readFileSync(path.join(dir, names[i % names.length]), 'utf8')
    if (format === 'md') {
      let highest = 0
      text = text.replace(/\[\^(\s*)(\d+)\]/g, (_, space, digits) => {
        highest = Math.max(highest, Number(digits))
        return `[^${space}${Number(digits) + offset}]`
      })
      offset += highest + 10
    }
    parts.push(text)
    bytes += Buffer.byteLength(text) + 1
  }
  writeFileSync(file, parts.join('\n'))
  return file
}

/** A document with `count` paragraphs, each citing its own note, then `count` GFM definitions. */
function manyDefinitions(count) {
  const lines = []
  for (let n = 1; n <= count; n++) lines.push(`Tehran denied the report on the talks with Moscow, a spokesman said.[^${n}]\n`)
  for (let n = 1; n <= count; n++) lines.push(`[^${n}]: Al-Akhbar (Lebanon), October ${(n % 28) + 1}, 2015.`)
  return lines.join('\n') + '\n'
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const nproc = spawnSync('nproc', {encoding: 'utf8'}).stdout?.trim() || String(os.availableParallelism())
  return {
    nproc,
    cpus: os.cpus().length,
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU',
    memoryGB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    node: process.version
  }
}

/** `npm ci --prefix bench` when bench/node_modules does not match bench/package-lock.json. */
function installPeers() {
  const lock = JSON.parse(readFileSync(path.join(benchDir, 'package-lock.json'), 'utf8'))
  const installedPath = path.join(benchDir, 'node_modules/.package-lock.json')
  const installed = existsSync(installedPath) ? JSON.parse(readFileSync(installedPath, 'utf8')) : {packages: {}}
  const wanted = Object.entries(lock.packages).filter(([key, value]) => key && !value.optional)
  const missing = wanted.filter(([key, value]) => installed.packages[key]?.version !== value.version)
  if (missing.length === 0 && existsSync(bin.remark)) return
  console.log(`bench: installing the peers (npm ci --prefix bench): ${missing.length} packages missing or out of date`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['ci', '--prefix', benchDir, '--no-audit', '--no-fund', '--loglevel=error'], {stdio: 'inherit', cwd: rootDir})
  if (result.status !== 0) {
    console.error('bench: npm ci --prefix bench failed')
    process.exit(2)
  }
}

/** Whether rumdl's npm package brought a binary that runs here. */
function probeRumdl() {
  const result = existsSync(bin.rumdl) ? spawnSync(node, [bin.rumdl, '--version'], {encoding: 'utf8'}) : undefined
  if (result?.status === 0 && /rumdl/.test(result.stdout)) {
    results.rumdl = result.stdout.trim()
    return true
  }
  const why = result ? (result.stderr || result.stdout || `exit ${result.status}`).trim().split('\n')[0] : 'bench/node_modules/rumdl is missing'
  console.log(`note: rumdl skipped, its npm package has no binary that runs on ${process.platform}-${process.arch}: ${why}`)
  results.rumdl = `skipped: ${why}`
  return false
}
