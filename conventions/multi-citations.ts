/**
 * Several notes at one place: a bracket marker that cites a list or a range
 * of numbered notes, `[4, 5]`, `[4,5]`, `[6–9]`, `[6-9]`, `[2, 4–6]` (the
 * numeric citation style of technical reports, standards and papers with a
 * numbered bibliography, and of PDF text). A range cites every note in it.
 * Runs of single markers, `[2][3]` and `[^1][^2]`, are read by the bracket
 * and GFM conventions, one marker each.
 *
 * - Reads: `as defined by [6, 7], and` with a notes list `[6] Dwork...` and
 * `[7] Dwork...`; `[2, 4–6]` cites notes 2, 4, 5 and 6.
 * - Must not read: a closed interval or a vector, `[0, 1]`, `[1,1]`, `[1, 1]`
 * (a zero or a repeated number); a span of years, `[1950–1958]` (numbers
 * of four digits); `[a, b]`; a list at a line start (a table's or list's
 * label) unless punctuation continues a sentence after it (`[6, 7], and`,
 * wrapped onto the line in PDF text); an index on a formula line of PDF
 * text (`W [1, 2]`, see `formulaIndex` in `bracket-shapes.ts`).
 *
 * A range written with two markers (`[01] through [15]`, `[3] to [5]`,
 * `[3]–[5]`) cites the notes between its ends too (a transcriber's note
 * saying how the notes are numbered, or a paper citing a run of its
 * bibliography).
 *
 * The index holds one reference per cited note, all sharing the marker's
 * span and text, labelled with the note's number, in ascending order; rules
 * need nothing else. A list of numbers and separators that is wrongly
 * written (`[4,,5]`, `[4, ]`, `[9–6]`) is one reference with a malformed
 * label, reported as a broken marker. The bracket convention's rules for the
 * whole document apply (in Markdown a list counts only where bracket notes
 * are in use).
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {formulaIndex} from '../src/citation-index/bracket-shapes.js'

/** What follows a list wrapped onto a new line in the middle of a sentence. */
const wrappedOn = /^[,.;)]$/
const numbersAndSeparators = /^[\d\s,–—-]+$/
const hasSeparator = /[,–—-]/
const hasDigit = /\d/
const rangeDash = /[–—-]/
const item = /^\d{1,3}$/
const digitRun = /\d+/g
/** The widest range read: a longer one is not a citation of notes. */
const maxRange = 100

/**
 * The note numbers a list label cites, ascending; `'malformed'` for a list
 * of numbers that is wrongly written; `undefined` for anything that is not a
 * list of note numbers.
 */
export function citedNumbers(label: string): number[] | 'malformed' | undefined {
  const read = readList(label)
  // Wrongly written only with two numbers or more: `[-1]` and `[4, ]` may be code or maths.
  return read === 'malformed' && (label.match(digitRun)?.length ?? 0) < 2 ? undefined : read
}

/** `citedNumbers` before the check of a malformed list's numbers. */
function readList(label: string): number[] | 'malformed' | undefined {
  if (!numbersAndSeparators.test(label) || !hasSeparator.test(label) || !hasDigit.test(label)) return undefined
  const cited: number[] = []
  for (const part of label.split(',')) {
    const text = part.trim()
    if (!text) return 'malformed'
    const dash = text.search(rangeDash)
    if (dash < 0) {
      if (!item.test(text)) return text.length > 3 ? undefined : 'malformed'
      cited.push(Number.parseInt(text, 10))
      continue
    }
    const from = text.slice(0, dash).trim()
    const to = text.slice(dash + 1).trim()
    if (!from || !to || !item.test(from) || !item.test(to)) return from.length > 3 || to.length > 3 ? undefined : 'malformed'
    const low = Number.parseInt(from, 10)
    const high = Number.parseInt(to, 10)
    if (high <= low) return 'malformed'
    if (high - low > maxRange) return undefined
    for (let n = low; n <= high; n++) cited.push(n)
  }
  if (cited.length < 2) return undefined
  const sorted = [...cited].sort((a, b) => a - b)
  if (sorted[0] === 0 || sorted.some((n, i) => i > 0 && n === sorted[i - 1])) return undefined
  return sorted
}

const convention: Convention = {
  meta: {
    id: 'multi-citations',
    description: 'Markers citing several notes at one place, `[4, 5]`, `[6–9]`, `[2, 4–6]`',
    formats: ['markdown', 'text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source, format} = document
    for (const [block, {tokens}] of document.blocks.entries()) {
      for (const token of tokens) {
        if (token.kind !== 'bracket' || token.caret) continue
        // A list at a line start is a label, unless punctuation goes on with the sentence wrapped onto the line: `[6, 7], and`.
        if (token.lineStart && !wrappedOn.test(token.next)) continue
        if (format === 'text' && formulaIndex(source, token.start)) continue
        if (format === 'markdown' && token.slashes % 2 === 1) continue
        if (token.next === '(' || token.next === ':') continue
        const cited = citedNumbers(token.label)
        if (cited === undefined) continue
        const marker = source.slice(token.start, token.end)
        const base = {role: 'reference', marker, syntax: 'bracket', start: token.start, end: token.end, block, fromText: true} as const
        if (cited === 'malformed') {
          yield {...base, label: token.label, style: 'malformed'}
          continue
        }
        for (const n of cited) yield {...base, label: String(n), style: 'arabic'}
      }
      yield* spelledRanges(source, block, tokens, format)
    }
  }
}

/** Words that join the two ends of a range written out: `[01] through [15]`, `[3] to [5]`. */
const rangeWord = /^(?: (?:through|thru|to) |[–—])$/

/**
 * A range written with two markers, `[01] through [15]`, `[3] to [5]`,
 * `[3]–[5]`: the two ends are bracket references of their own
 * (`bracket-notes.ts`), and the range also cites every note between them,
 * one reference each, sharing the span and text of the whole range, with
 * labels padded as the first end is (`02` after `[01]`).
 */
function* spelledRanges(source: string, block: number, tokens: DocumentView['blocks'][number]['tokens'], format: DocumentView['format']): Iterable<Candidate> {
  for (let i = 1; i < tokens.length; i++) {
    const first = tokens[i - 1]!
    const last = tokens[i]!
    if (first.kind !== 'bracket' || last.kind !== 'bracket' || first.caret || last.caret || first.lineStart) continue
    if (format === 'markdown' && (first.slashes % 2 === 1 || last.slashes % 2 === 1)) continue
    if (!item.test(first.label) || !item.test(last.label) || !rangeWord.test(source.slice(first.end, last.start))) continue
    const low = Number.parseInt(first.label, 10)
    const high = Number.parseInt(last.label, 10)
    if (low === 0 || high - low < 2 || high - low > maxRange) continue
    const width = first.label.startsWith('0') ? first.label.length : 0
    const marker = source.slice(first.start, last.end)
    for (let n = low + 1; n < high; n++) {
      yield {role: 'reference', marker, label: String(n).padStart(width, '0'), style: 'arabic', syntax: 'bracket', start: first.start, end: last.end, block, fromText: true}
    }
  }
}

export default convention
