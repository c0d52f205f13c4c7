/**
 * Property-based tests (fast-check, fixed seed, bounded runs): generated
 * reports in both conventions, with hostile insertions, and fully random
 * strings. For every input:
 *
 * - linting ends without throwing;
 * - every message's start and end lie inside the file, the end not before
 *   the start, and their offsets (into the text without its byte order
 *   mark, as `lintText` parses it) agree with their lines and columns
 *   (vfile-location);
 * - the citation index is consistent: a reference's `note` has its key, a
 *   note's `references` are exactly the references resolving to it from
 *   outside it, and every span's slice is the marker it names;
 * - fixing is idempotent, its output lints without throwing, and keeps
 *   every note's text (markers masked): none lost, none duplicated.
 *
 * On a failure fast-check prints the seed and the shrunk counterexample;
 * `FC_SEED=n` and `FC_RUNS=n` override the defaults to explore further.
 */
import fc from 'fast-check'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {location} from 'vfile-location'
import type {Config} from '../src/engine/config.js'
import type {LintResult} from '../src/engine/engine.js'
import {lintText} from '../src/engine/engine.js'
import {applyEdits, applyFixes, fixText} from '../src/engine/fix.js'
import type {Fix, TextEdit} from '../src/engine/rule.js'

const seed = Number(process.env['FC_SEED'] ?? 20260101)
const runs = Number(process.env['FC_RUNS'] ?? 150)
const settings = {seed, numRuns: runs}

/** Every rule on, note-order also for GFM, so that fixes run in both formats. */
const config: Config = {rules: {'note-order': ['warn', {gfm: true}], 'unused-note': 'warn'}}

// --- Generators -------------------------------------------------------------

const words = ['the', 'claim', 'Syria', 'IRGC', 'said', 'Al-Akhbar', 'October', '2015', 'sources', '(Lebanon)', 'report,', 'war.']
const word = fc.constantFrom(...words)
const sentence = fc.array(word, {minLength: 1, maxLength: 8}).map((w) => `${w.join(' ')}.`)
const source = fc
  .tuple(fc.constantFrom('Al-Akhbar (Lebanon)', 'As-Safir', 'Reuters', 'A. Savyon', ''), fc.constantFrom(', October 12, 2015.', ', 2016', ' https://example.com/a', '', ' [emphasis added]'))
  .map(([a, b]) => `${a}${b}`)

/** Bits of hostile syntax and unicode, inserted at random places. */
const noise = fc.constantFrom(
  '[', ']', '^', '\\', '\\\\', '`', '``', '`[^1]`', '`[1]`', '\r\n', '\r', '\n', '\n\n', ':', '*', '†', '‡‡', '§',
  '>', '> ', '- ', '1. ', '    ', '\t', '[1]', '[^1]', '[^1]:', '[2] ', '[^a b]', '[^ 2]', '[v]', '[1a]', '[ 3]', '[sic]',
  '[Footnote 1: ', '[x]: https://a.example', '<!-- citelint-disable -->', '<!-- citelint-disable-next-line -->', '---\n', '```\n',
  // Shapes a fuzzer found fixes to break on: a definition in a definition, a
  // backslash before a detached reference, a reference in link text.
  '\n\n[^2]: [^1]: ', 'C:\\ [^1]', ' \\ [1]', '[the report[^1]](https://e.com/r)', '[a[^2]][x]',
  '\u0301', '\u0308\u0301', 'e\u0301', '\u202e', '\u200f', 'مرحبا', 'שלום', '😀', '𝒜', '\u{1F469}\u200D\u{1F52C}', '\ufeff', '\u00a0', '\u2028'
)

/** `text` with `inserts` (position as a fraction of the length, bit) inserted, right to left. */
function insert(text: string, inserts: ReadonlyArray<readonly [number, string]>): string {
  const sorted = inserts.map(([at, bit]) => [Math.floor(at * (text.length + 1)), bit] as const).sort((a, b) => b[0] - a[0])
  let out = text
  for (const [at, bit] of sorted) out = out.slice(0, at) + bit + out.slice(at)
  return out
}

/** Line endings, a byte order mark, and insertions over a generated report. */
const hostile = (report: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .record({
      report,
      inserts: fc.array(fc.tuple(fc.double({min: 0, max: 1, noNaN: true}), noise), {maxLength: 8}),
      crlf: fc.boolean(),
      bom: fc.boolean()
    })
    .map(({report, inserts, crlf, bom}) => {
      const text = insert(crlf ? report.replace(/\n/g, '\r\n') : report, inserts)
      return bom ? `\ufeff${text}` : text
    })

const gfmLabel = fc.oneof(fc.integer({min: 1, max: 9}).map(String), fc.constantFrom('a', 'note', 'Note', 'iv', 'x'))

/** A Markdown report with GFM footnote calls and definitions. */
const markdownReport = fc
  .record({
    title: fc.option(sentence, {nil: undefined}),
    paragraphs: fc.array(fc.array(fc.tuple(sentence, fc.option(gfmLabel, {nil: undefined})), {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 4}),
    notes: fc.array(fc.tuple(gfmLabel, source, fc.boolean()), {maxLength: 6})
  })
  .map(({title, paragraphs, notes}) => {
    const body = paragraphs.map((p) => p.map(([s, label]) => (label ? `${s}[^${label}]` : s)).join(' '))
    const defs = notes.map(([label, text, indented]) => `[^${label}]: ${text}${indented ? '\n\n    More about it.[^1]' : ''}`)
    return `${title ? `# ${title}\n\n` : ''}${body.join('\n\n')}\n\n${defs.join('\n\n')}\n`
  })

const bracketLabel = fc.oneof(
  {weight: 6, arbitrary: fc.integer({min: 1, max: 9}).map(String)},
  {weight: 1, arbitrary: fc.constantFrom('iv', 'v', 'b', '1a', ' 3', 'sic', '...')}
)
const symbol = fc.constantFrom('*', '†', '‡', '**')

/** A plain-text report with `[n]` references, a notes list and symbol notes. */
const plainReport = fc
  .record({
    symbol: fc.option(symbol, {nil: undefined}),
    paragraphs: fc.array(fc.array(fc.tuple(sentence, fc.option(bracketLabel, {nil: undefined})), {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 4}),
    heading: fc.constantFrom('', 'Notes\n', 'Endnotes:\n', 'Sources\n\n'),
    notes: fc.array(fc.tuple(bracketLabel, source), {maxLength: 7}),
    blankBetween: fc.boolean(),
    gutenberg: fc.boolean()
  })
  .map(({symbol, paragraphs, heading, notes, blankBetween, gutenberg}) => {
    const byline = symbol ? `By A. Savyon${symbol}\n\n` : ''
    const body = paragraphs.map((p) => p.map(([s, label]) => (label ? `${s}[${label}]` : s)).join(' '))
    const list = notes.map(([label, text]) => (gutenberg ? `[Footnote ${label}: ${text}]` : `[${label}] ${text}`))
    const symbolNote = symbol ? `\n\n${symbol} A. Savyon is director of the project.` : ''
    return `${byline}${body.join('\n\n')}\n\n${heading}${list.join(blankBetween ? '\n\n' : '\n')}${symbolNote}\n`
  })

/**
 * A report whose notes are numbered 1 to k and cited in a random order
 * (often out of order, so that note-order's fix runs), in either format.
 */
const numberedReport = (format: 'md' | 'txt'): fc.Arbitrary<string> =>
  fc
    .integer({min: 1, max: 6})
    .chain((k) =>
      fc.record({
        cited: fc.array(fc.integer({min: 1, max: k}), {minLength: 1, maxLength: 10}),
        listed: fc.shuffledSubarray(Array.from({length: k}, (_, i) => i + 1), {minLength: k, maxLength: k}),
        sentences: fc.array(sentence, {minLength: 10, maxLength: 10}),
        sources: fc.array(source, {minLength: 6, maxLength: 6}),
        blank: fc.boolean()
      })
    )
    .map(({cited, listed, sentences, sources, blank}) => {
      const call = (n: number): string => (format === 'md' ? `[^${n}]` : `[${n}]`)
      const body = cited.map((n, i) => `${sentences[i]}${call(n)}${i % 3 === 2 ? '\n\n' : ' '}`).join('').trimEnd()
      const notes = listed.map((n) => `${format === 'md' ? `[^${n}]:` : `[${n}]`} ${sources[n - 1] || 'Reuters, 2015.'}`)
      return `${body}\n\n${notes.join(blank || format === 'md' ? '\n\n' : '\n')}\n`
    })

/** Token soup: markers, line breaks and words in random order. */
const tokenSoup = fc
  .array(
    fc.constantFrom('[1]', '[2]', '[^1]', '[^2]', '[^1]: ', '[1] ', '[2] ', '* ', '*', '†', 'x', ' word', '.', '\n', '\n\n', '\r\n', '    ', '> ', '`', '\\', '[', ']', '^', ':', 'Notes\n', '[Footnote 1: a]'),
    {maxLength: 40}
  )
  .map((tokens) => tokens.join(''))

/** Fully random strings, from a biased alphabet and from all of Unicode (lone surrogates included). */
const biased = fc.string({
  unit: fc.constantFrom('[', ']', '^', '\\', '`', '*', '†', ':', ' ', '\n', '\r', '\t', '>', '-', '1', '2', 'v', 'a', '#', '\ufeff', '\u0301', '😀'),
  maxLength: 80
})
const randomText = fc.oneof(tokenSoup, biased, fc.string({unit: 'binary', maxLength: 60}), fc.string({unit: fc.integer({min: 0, max: 0xffff}).map((c) => String.fromCharCode(c)), maxLength: 60}))

// --- Properties -------------------------------------------------------------

interface Place {
  readonly start: {readonly line: number; readonly column: number; readonly offset?: number | undefined}
  readonly end: {readonly line: number; readonly column: number; readonly offset?: number | undefined}
}

/** Positions of every message (and of its cause) lie in the file and agree with their offsets. */
function checkPositions(result: LintResult): void {
  const value = String(result.file.value)
  const lines = value.split(/\r\n|\r|\n/)
  const place = location(value)
  const places: Place[] = []
  for (const message of result.messages) {
    const found = message.place
    assert.ok(found && 'start' in found, `message without a span: ${message.reason}`)
    places.push(found as Place)
    const cause = message.cause as {place?: Place} | undefined
    if (cause?.place) places.push(cause.place)
  }
  for (const {start, end} of places) {
    for (const point of [start, end]) {
      assert.ok(point.line >= 1 && point.line <= lines.length, `line ${point.line} of ${lines.length}`)
      assert.ok(point.column >= 1 && point.column <= lines[point.line - 1]!.length + 1, `column ${point.column} on line ${point.line}`)
      assert.type(point.offset, 'number')
      assert.ok(point.offset! >= 0 && point.offset! <= value.length, `offset ${point.offset} in ${value.length}`)
      assert.equal(place.toPoint(point.offset!), {line: point.line, column: point.column, offset: point.offset}, 'offset agrees with line and column')
    }
    assert.ok(end.offset! >= start.offset!, 'end not before start')
    assert.ok(end.line > start.line || (end.line === start.line && end.column >= start.column), 'end not before start (line, column)')
  }
}

/** The citation index agrees with itself and with the text. */
function checkIndex(result: LintResult): void {
  const {references, notes} = result.index
  const value = String(result.file.value)
  references.forEach((ref, i) => {
    assert.is(ref.index, i)
    assert.is(value.slice(ref.span.start.offset, ref.span.end.offset), ref.marker, 'reference span is its marker')
    if (ref.note !== undefined) assert.is(notes[ref.note]?.key, ref.key, 'a reference resolves to a note with its key')
    if (ref.inNote !== undefined) assert.ok(notes[ref.inNote], 'inNote names a note')
  })
  notes.forEach((note, i) => {
    assert.is(note.index, i)
    assert.is(value.slice(note.markerSpan.start.offset, note.markerSpan.end.offset), note.marker, 'note marker span is its marker')
    assert.ok(note.span.start.offset === note.markerSpan.start.offset && note.span.end.offset >= note.markerSpan.end.offset, 'note span holds its marker')
    const citing = references.filter((r) => r.note === i && r.inNote !== i).map((r) => r.index)
    assert.equal([...note.references], citing, `references of note ${note.marker}`)
    assert.is(notes[note.firstWithKey]?.key, note.key)
  })
}

/** The multiset of notes' texts after their markers, bracket markers masked. */
function noteTexts(result: LintResult): string[] {
  return result.index.notes.map((note) => note.content.replace(/\[\^?[^[\]\r\n]{0,999}\]/g, '[#]')).sort()
}

function checkLint(text: string, filePath: string): void {
  const result = lintText(text, {filePath, config})
  checkPositions(result)
  checkIndex(result)
}

function checkFix(text: string, filePath: string): void {
  const before = lintText(text, {filePath, config})
  const fixed = fixText(text, {filePath, config})
  const again = fixText(fixed.output, {filePath, config})
  assert.is(again.output, fixed.output, 'fixing twice changes nothing')
  const after = lintText(fixed.output, {filePath, config})
  checkPositions(after)
  checkIndex(after)
  assert.equal(noteTexts(after), noteTexts(before), 'no note lost or duplicated')
  assert.is(fixed.output.charCodeAt(0) === 0xfeff, text.charCodeAt(0) === 0xfeff, 'byte order mark kept')
}

const property = (arbitrary: fc.Arbitrary<string>, check: (text: string) => void): void =>
  fc.assert(fc.property(arbitrary, (text) => void check(text)), settings)

test('Markdown reports: lint ends, positions and index consistent', () => {
  property(fc.oneof(hostile(markdownReport), hostile(numberedReport('md'))), (text) => checkLint(text, 'report.md'))
})

test('plain-text reports: lint ends, positions and index consistent', () => {
  property(fc.oneof(hostile(plainReport), hostile(numberedReport('txt'))), (text) => checkLint(text, 'report.txt'))
})

test('random strings, as Markdown and as plain text', () => {
  property(randomText, (text) => {
    checkLint(text, 'random.md')
    checkLint(text, 'random.txt')
  })
})

test('Markdown reports: fixes are idempotent and keep every note', () => {
  property(fc.oneof(hostile(markdownReport), hostile(numberedReport('md'))), (text) => checkFix(text, 'report.md'))
})

test('plain-text reports: fixes are idempotent and keep every note', () => {
  property(fc.oneof(hostile(plainReport), hostile(numberedReport('txt'))), (text) => checkFix(text, 'report.txt'))
})

test('random strings: fixes are idempotent and keep every note', () => {
  property(randomText, (text) => {
    checkFix(text, 'random.md')
    checkFix(text, 'random.txt')
  })
})

test('regression: a second byte order mark in Markdown is counted in positions', () => {
  // micromark skips a leading U+FEFF without counting it; lintText removes only the first.
  const text = '\ufeff\ufeffA claim.[^2]\n\n[^1]: Al-Akhbar, 2015.\n'
  const result = lintText(text, {filePath: 'r.md'})
  checkPositions(result)
  checkIndex(result)
  const [reference] = result.index.references
  assert.equal([reference!.span.start.line, reference!.span.start.column, reference!.span.start.offset], [1, 10, 9])
})

/** applyFixes as it was: every edit against every accepted edit (quadratic), the reference. */
function naiveApplyFixes(text: string, fixes: readonly Fix[]): {text: string; applied: number} {
  const accepted: TextEdit[] = []
  let applied = 0
  const firstOf = (fix: Fix): number => Math.min(...fix.edits.map((e) => e.start))
  for (const fix of [...new Set(fixes)].sort((a, b) => firstOf(a) - firstOf(b))) {
    if (fix.edits.some((edit) => accepted.some((other) => edit.start < other.end && other.start < edit.end))) continue
    accepted.push(...fix.edits)
    applied++
  }
  return {text: applied > 0 ? applyEdits(text, accepted) : text, applied}
}

test('applyFixes (binary search, merge) agrees with the quadratic check', () => {
  const text = 'abcdefghijklmnopqrstuvwxyz'
  // A fix: non-overlapping edits (insertions included), as rules make them.
  const fix = fc
    .uniqueArray(fc.integer({min: 0, max: text.length}), {minLength: 1, maxLength: 8})
    .chain((cuts) => {
      const points = [...cuts].sort((a, b) => a - b)
      return fc.tuple(...points.map((at, i) => fc.tuple(fc.constant(at), fc.integer({min: 0, max: (points[i + 1] ?? text.length) - at}), fc.constantFrom('', 'X', 'YY'))))
    })
    .map((edits): Fix => ({edits: edits.map(([start, length, replacement]) => ({start, end: start + length, text: replacement}))}))
  fc.assert(
    fc.property(fc.array(fix, {minLength: 1, maxLength: 6}), fc.array(fc.nat(), {maxLength: 4}), (fixes, repeats) => {
      // The same fix object offered by several messages, as note-order does.
      const offered = [...fixes, ...repeats.map((i) => fixes[i % fixes.length]!)]
      assert.equal(applyFixes(text, offered), naiveApplyFixes(text, offered))
    }),
    settings
  )
})

test('regression: a fix offered by several messages is applied once', () => {
  // Insertions never overlap, so a shared insertion-only fix was applied once per message.
  const shared: Fix = {edits: [{start: 1, end: 1, text: '!'}]}
  assert.equal(applyFixes('ab', [shared, shared, shared]), {text: 'a!b', applied: 1})
})

/** Sample statistics, to see that the generators reach the interesting cases (`FC_STATS=1`). */
if (process.env['FC_STATS']) {
  for (const [name, arbitrary, filePath] of [['markdown', hostile(markdownReport), 'r.md'], ['plain', hostile(plainReport), 'r.txt'], ['numbered md', hostile(numberedReport('md')), 'r.md'], ['numbered txt', hostile(numberedReport('txt')), 'r.txt'], ['random', randomText, 'r.md'], ['random', randomText, 'r.txt']] as const) {
    const sample = fc.sample(arbitrary, {seed, numRuns: runs})
    const counts = {references: 0, notes: 0, messages: 0, fixed: 0, resolved: 0}
    for (const text of sample) {
      const result = lintText(text, {filePath, config})
      if (result.index.references.length) counts.references++
      if (result.index.notes.length) counts.notes++
      if (result.index.references.some((r) => r.note !== undefined)) counts.resolved++
      if (result.messages.length) counts.messages++
      if (fixText(text, {filePath, config}).changed) counts.fixed++
    }
    console.log(name, sample.length, counts)
  }
}

test.run()
