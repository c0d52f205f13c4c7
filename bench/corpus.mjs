/**
 * Deterministic corpus of analysis reports for the benchmark.
 *
 * Half the reports are Markdown with GFM footnotes (`text.[^3]` and
 * `[^3]: note`), half plain text pasted from the web (`text.[3]` and a notes
 * list `[3] Outlet (Place), October 7, 2015.`). Sizes run from about 3 KB to
 * 40 KB (mean about 18.5 KB, so 2,000 reports make about 37 MB), with 5 to 60
 * notes each. Faults are injected at fixed rates and counted in
 * `manifest.json`:
 * - undefined reference (about 2 % of references point to a label no note has),
 * - empty source (about 3 % of notes: `[4], October 7, 2015.`),
 * - unused note (about 2 % of notes are never cited),
 * - broken marker (about 1 % of references: `[v]`, `[b]`, `[1a]` in plain
 *   text, `[^ 4]` in Markdown).
 *
 * Everything comes from one seeded PRNG (mulberry32), so a seed and a count
 * always give the same bytes.
 *
 * Usage: node bench/corpus.mjs [--count 2000] [--seed 1] [--out DIR]
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, renameSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const rates = {undefinedReference: 0.02, emptySource: 0.03, unusedNote: 0.02, brokenMarker: 0.01}
/** Bumped whenever the generator's output changes, so a stale corpus is rebuilt. */
export const generatorVersion = 1

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min, max) => min + Math.floor(next() * (max - min + 1))
  const pick = (list) => list[Math.floor(next() * list.length)]
  const chance = (p) => next() < p
  return {next, int, pick, chance}
}

const actors = [
  'Iran', 'Russia', 'the IRGC', 'Hizbullah', 'the Syrian regime', 'the U.S. administration', 'Turkey', 'Saudi Arabia',
  'the Rohani government', 'the Qods Force', 'the Iraqi government', 'Moscow', 'Tehran', 'Damascus', 'Ankara',
  'the Kurdish forces', 'the Houthis', 'the Supreme Leader', 'the Foreign Ministry', 'the Majlis', 'Egypt', 'Qatar',
  'the European Union', 'the ideological camp', 'the pragmatic camp', 'Hamas', 'the Palestinian Authority', 'ISIS'
]
const people = [
  'Ali Khamenei', 'Hassan Rohani', 'Mohammad Javad Zarif', 'Qassem Suleimani', 'Hashemi Rafsanjani', 'Sergei Lavrov',
  'Mikhail Bogdanov', 'Ibrahim Al-Amin', 'Haider Al-\'Abadi', 'Hassan Nasrallah', 'Recep Tayyip Erdogan', 'Ali Larijani',
  'Ali Akbar Velayati', 'Mohammad Ali Jafari', 'Hossein Dehghan', 'Abbas Araghchi'
]
const verbs = [
  'stressed', 'reported', 'denied', 'warned', 'announced', 'claimed', 'argued', 'emphasized', 'rejected', 'confirmed',
  'suggested', 'hinted', 'acknowledged', 'insisted', 'noted', 'declared'
]
const objects = [
  'the nuclear agreement', 'the military intervention in Syria', 'the lifting of the sanctions', 'the negotiations with the West',
  'the coordination of ground operations', 'the supply of advanced weaponry', 'the situation on the combat fronts',
  'the financial assistance to the regime', 'the strategic understandings with Moscow', 'the implementation of the JCPOA',
  'the presence of foreign troops', 'the economic crisis', 'the elections to the Assembly of Experts', 'the regional balance of power',
  'the mediation efforts', 'the humanitarian corridor', 'the ceasefire', 'the oil exports', 'the internal rivalry'
]
const connectives = [
  'According to recent reports,', 'At the same time,', 'On the other hand,', 'It should be noted that', 'In recent months,',
  'Furthermore,', 'In this context,', 'However,', 'It appears that', 'Meanwhile,', 'In a statement,', 'Following the meeting,'
]
const times = [
  'in the past four months', 'on October 7, 2015', 'last week', 'in July, August and September 2015', 'earlier this year',
  'since the start of the war', 'during the summer', 'on the eve of the talks', 'after the signing of the agreement'
]
const outlets = [
  ['Al-Akhbar', 'Lebanon'], ['ISNA', 'Iran'], ['Fars', 'Iran'], ['Tasnim', 'Iran'], ['Kayhan', 'Iran'], ['Al-Quds', 'London'],
  ['Al-Hayat', 'London'], ['Asharq Al-Awsat', 'London'], ['Sputnik', 'Russia'], ['RIA Novosti', 'Russia'], ['Al-Mayadeen', 'Lebanon'],
  ['Mehr', 'Iran'], ['IRNA', 'Iran'], ['Al-Safir', 'Lebanon'], ['Hurriyet', 'Turkey'], ['Al-Watan', 'Syria'], ['Raialyoum', 'London'],
  ['Entekhab', 'Iran'], ['Khabar Online', 'Iran'], ['Al-Arabiya', 'Dubai']
]
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const headings = ['Background', 'The Russian Track', 'The American Track', 'Reactions in Tehran', 'Analysis', 'The Regional Dimension', 'Outlook', 'Statements by Officials']
const romanOrLetter = ['v', 'iv', 'ii', 'b', 'x', '1a', '2b']

function date(r) {
  return `${r.pick(months)} ${r.int(1, 28)}, ${r.int(2013, 2017)}`
}

function sentence(r) {
  const s = rawSentence(r)
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function rawSentence(r) {
  const shape = r.int(0, 4)
  if (shape === 0) return `${r.pick(connectives)} ${r.pick(actors)} ${r.pick(verbs)} that ${r.pick(actors)} would focus on ${r.pick(objects)} ${r.pick(times)}.`
  if (shape === 1) return `${r.pick(people)} ${r.pick(verbs)} ${r.pick(times)} that ${r.pick(objects)} was "a matter for ${r.pick(actors)} alone," and that ${r.pick(objects)} had been decided in advance.`
  if (shape === 2) return `${r.pick(connectives)} the visits of ${r.pick(people)} to ${r.pick(actors)} reflect two contradictory directions in the policy of ${r.pick(actors)}, which are promoted by rival forces.`
  if (shape === 3) return `${r.pick(actors)} and ${r.pick(actors)} have held intensive contacts on ${r.pick(objects)}, and ${r.pick(people)} was in charge of ${r.pick(objects)}.`
  return `This conflict will reach a decisive point when ${r.pick(actors)} has to choose between ${r.pick(objects)} and ${r.pick(objects)}.`
}

function noteText(r) {
  const [outlet, place] = r.pick(outlets)
  const shape = r.int(0, 5)
  if (shape === 0) return `${outlet} (${place}), ${date(r)}.`
  if (shape === 1) return `${outlet} (${place}), ${date(r)}. ${r.pick(people)} ${r.pick(verbs)} that "${r.pick(objects)} is not negotiable."`
  if (shape === 2) return `${outlet}, ${date(r)}, https://www.example.org/${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}/${r.int(10000, 99999)}.`
  if (shape === 3) return `See MEMRI Inquiry & Analysis Series No. ${r.int(900, 1300)}, ${r.pick(actors)} ${r.pick(verbs)} on ${r.pick(objects)}, ${date(r)}.`
  return `${outlet} (${place}), ${date(r)}.`
}

/**
 * One report: `{text, faults}`. `markdown` picks the convention. `targetBytes`
 * is approached by adding paragraphs; `noteCount` notes are written.
 */
export function makeReport(r, markdown, targetBytes, noteCount) {
  const faults = {undefinedReference: 0, emptySource: 0, unusedNote: 0, brokenMarker: 0, references: 0, notes: noteCount}
  // Which notes are never cited, and which have no source.
  const unused = new Set()
  const empty = new Set()
  for (let n = 1; n <= noteCount; n++) {
    if (n > 1 && r.chance(rates.unusedNote)) unused.add(n)
    if (r.chance(rates.emptySource)) empty.add(n)
  }
  const cited = []
  for (let n = 1; n <= noteCount; n++) if (!unused.has(n)) cited.push(n)
  faults.unusedNote = unused.size
  faults.emptySource = empty.size

  const ref = (label) => (markdown ? `[^${label}]` : `[${label}]`)
  const title = `${r.pick(actors)} At The Crossroads: Between ${r.pick(actors)} And ${r.pick(actors)}`
  const author = r.pick(['A. Savyon', 'Y. Carmon', 'H. Varulkar', 'N. Shamni', 'E. B. Picali'])
  const byline = `${date(r)} | By ${author}${markdown ? '' : '*'}`
  const head = markdown ? `# ${title}\n\n*${byline}*\n\n` : `${byline} Inquiry & Analysis Series No. ${r.int(900, 1300)}\n\n${title}\n\n`
  const notesBytes = noteCount * 70
  const bodyBytes = Math.max(600, targetBytes - head.length - notesBytes)

  // Paragraphs of sentences; each cited note gets its first reference in
  // order, spread over the body, and some are cited again later.
  const paragraphs = []
  let size = 0
  let next = 0
  let sentences = 0
  const totalSentences = Math.max(cited.length + 2, Math.round(bodyBytes / 150))
  while (size < bodyBytes || next < cited.length) {
    const count = r.int(3, 7)
    let paragraph = ''
    for (let i = 0; i < count; i++) {
      let s = sentence(r)
      sentences++
      const due = next < cited.length && sentences * cited.length >= (next + 1) * totalSentences * 0.9
      if (due || (next > 0 && r.chance(0.08))) {
        // A faulty marker takes the place of a reference; a note whose first
        // citation was due is then cited by the next sentence instead, so
        // that only the notes chosen above are unused.
        let label
        if (r.chance(rates.brokenMarker)) {
          label = markdown ? ` ${r.int(1, noteCount)}` : r.pick(romanOrLetter)
          faults.brokenMarker++
        } else if (r.chance(rates.undefinedReference)) {
          label = String(noteCount + r.int(1, 9))
          faults.undefinedReference++
        } else if (due) label = String(cited[next++])
        else label = String(cited[r.int(0, next - 1)])
        faults.references++
        s += ref(label)
      }
      paragraph += (paragraph ? ' ' : '') + s
    }
    if (markdown && r.chance(0.06)) paragraph = `> ${paragraph}`
    if (markdown && r.chance(0.05)) paragraph += ` See the [full report](https://www.example.org/reports/${r.int(1000, 9999)}) and the *${r.pick(headings)}* section.`
    paragraphs.push(paragraph)
    size += paragraph.length + 2
    if (r.chance(0.12)) {
      const h = r.pick(headings)
      paragraphs.push(markdown ? `## ${h}` : h)
    }
    if (markdown && r.chance(0.05)) {
      paragraphs.push(['- ' + sentence(r), '- ' + sentence(r), '- ' + sentence(r)].join('\n'))
    }
  }

  let notes = ''
  for (let n = 1; n <= noteCount; n++) {
    const text = empty.has(n) ? `, ${date(r)}.` : noteText(r)
    if (markdown) {
      notes += `[^${n}]:${text.startsWith(',') ? '' : ' '}${text}\n`
      // Some notes have a second paragraph, indented under the definition.
      if (!empty.has(n) && r.chance(0.05)) notes += `\n    ${sentence(r)}\n`
    } else notes += `[${n}]${text.startsWith(',') ? '' : ' '}${text}\n\n`
  }
  const text = markdown
    ? `${head}${paragraphs.join('\n\n')}\n\n---\n\n${notes}`
    : `${head}${paragraphs.join('\n\n')}\n\n* ${author} is a research fellow at MEMRI.\n\n\n\n${notes}\nShare this Report:\n`
  return {text, faults}
}

/** Size and note count of the `i`th report. */
function shape(r) {
  const bytes = Math.round(3000 + 33400 * Math.pow(r.next(), 1.35))
  const notes = Math.max(5, Math.min(60, Math.round(bytes / 650 + r.int(-4, 4))))
  return {bytes, notes}
}

/**
 * Write `count` reports (even indexes Markdown, odd plain text) into
 * `dir/md` and `dir/txt`, with `dir/manifest.json`. Returns the manifest.
 */
export function generate(dir, {count = 2000, seed = 1} = {}) {
  const tmp = `${dir}.tmp`
  rmSync(tmp, {recursive: true, force: true})
  mkdirSync(path.join(tmp, 'md'), {recursive: true})
  mkdirSync(path.join(tmp, 'txt'), {recursive: true})
  const r = prng(seed)
  const totals = {}
  const sum = (kind, faults, bytes) => {
    const t = (totals[kind] ??= {files: 0, bytes: 0, references: 0, notes: 0, undefinedReference: 0, emptySource: 0, unusedNote: 0, brokenMarker: 0})
    t.files++
    t.bytes += bytes
    for (const key of ['references', 'notes', 'undefinedReference', 'emptySource', 'unusedNote', 'brokenMarker']) t[key] += faults[key]
  }
  for (let i = 0; i < count; i++) {
    const markdown = i % 2 === 0
    const {bytes, notes} = shape(r)
    const {text, faults} = makeReport(r, markdown, bytes, notes)
    const name = `report-${String(i).padStart(5, '0')}.${markdown ? 'md' : 'txt'}`
    writeFileSync(path.join(tmp, markdown ? 'md' : 'txt', name), text)
    sum(markdown ? 'md' : 'txt', faults, Buffer.byteLength(text))
  }
  const manifest = {generatorVersion, seed, count, rates, totals}
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
  rmSync(dir, {recursive: true, force: true})
  renameSync(tmp, dir)
  return manifest
}

/** The corpus for `seed` and `count` under `root`, generated when missing or stale. */
export function ensureCorpus(root, {count, seed}) {
  const dir = path.join(root, `seed${seed}-n${count}`)
  const manifestPath = path.join(dir, 'manifest.json')
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    if (manifest.generatorVersion === generatorVersion) return {dir, manifest, generated: false}
  }
  return {dir, manifest: generate(dir, {count, seed}), generated: true}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const option = (name, fallback) => {
    const at = args.indexOf(name)
    return at >= 0 ? args[at + 1] : fallback
  }
  const count = Number(option('--count', '2000'))
  const seed = Number(option('--seed', '1'))
  const root = option('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), '.corpus'))
  const started = performance.now()
  const {dir, manifest} = ensureCorpus(root, {count, seed})
  console.log(`${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
  console.log(JSON.stringify(manifest.totals, null, 2))
}
