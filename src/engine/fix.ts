/**
 * Applying fixes. A fix is a list of non-overlapping offset edits (see
 * `Fix` in rule.ts). `fixText` applies the fixes of a lint run, re-parses and
 * re-lints, and repeats until nothing changes, at most 10 passes (ESLint's
 * limit), refusing any pass whose result loses, duplicates or changes a
 * note, or loses, adds or redirects a reference.
 */
import type {LintResult, LintTextOptions} from './engine.js'
import {lintText} from './engine.js'
import {applyEdits, editsFit} from './edits.js'
import type {Fix, TextEdit} from './rule.js'
import type {CitationIndex} from '../citation-index/types.js'

// applyEdits lives in its own module so that rules can use it without loading the engine.
export {applyEdits, editsFit}

/** At most this many fix passes (ESLint uses 10). */
export const maxPasses = 10

/**
 * Apply the fixes in `fixes` that do not overlap an earlier one (in order of
 * their first edit), as ESLint does; skipped fixes are retried on the next
 * pass. A fix offered by several messages (one renumbering for every
 * out-of-order marker) counts once. A fix whose own edits overlap one
 * another or lie outside `text` (see `editsFit`) is never applied. Never
 * throws.
 *
 * Cost: O(F log F + E log E) for F distinct fixes of E edits in all, plus
 * O(A) to record each accepted fix among A accepted edits.
 *
 * @returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): {text: string; applied: number} {
  const distinct = [...new Set(fixes)].map((fix) => ({fix, first: first(fix)}))
  distinct.sort((a, b) => a.first - b.first)
  /** Accepted edits, sorted by start then end, not overlapping one another. */
  let accepted: TextEdit[] = []
  let applied = 0
  for (const {fix} of distinct) {
    if (!editsFit(fix.edits, text.length)) continue
    const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end)
    if (edits.some((edit) => overlapsAny(edit, accepted))) continue
    accepted = merge(accepted, edits)
    applied++
  }
  return {text: applied > 0 ? applyEdits(text, accepted) : text, applied}
}

function first(fix: Fix): number {
  return fix.edits.reduce((min, edit) => Math.min(min, edit.start), Number.POSITIVE_INFINITY)
}

/** Whether `edit` overlaps one of `sorted` (non-overlapping, by start): a binary search. */
function overlapsAny(edit: TextEdit, sorted: readonly TextEdit[]): boolean {
  // The first accepted edit that ends after `edit` starts is the only candidate.
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sorted[mid]!.end <= edit.start) low = mid + 1
    else high = mid
  }
  for (let i = low; i < sorted.length && sorted[i]!.start < edit.end; i++) {
    const other = sorted[i]!
    if (edit.start < other.end && other.start < edit.end) return true
  }
  return false
}

/** Two lists sorted by start then end, merged (so ends never decrease: see `overlapsAny`). */
function merge(a: readonly TextEdit[], b: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i]!.start - b[j]!.start || a[i]!.end - b[j]!.end) <= 0)) out.push(a[i++]!)
    else out.push(b[j++]!)
  }
  return out
}

/** The outcome of `fixText`. */
export interface FixResult {
  /** The fixed text (the input when nothing could be fixed). */
  readonly output: string
  /** The lint result of `output`: the problems that remain. */
  readonly result: LintResult
  /** How many passes changed the text. */
  readonly passes: number
  /** Whether `output` differs from the input. */
  readonly changed: boolean
}

/**
 * Fix `text`: lint, apply the non-overlapping fixes, lint the result again,
 * and repeat until no fix applies, the text repeats, or `maxPasses` passes
 * were made. A pass is discarded (and fixing stops) when its result does not
 * re-parse to the same citations (see `citations`): the same notes, by their
 * text outside markers, none lost or duplicated; the same references outside
 * notes, in the same order, each citing a note of the same text (or, when it
 * resolves to none, written the same); and, in each note, references citing
 * the same notes. So a fix may relabel and move notes and move markers, but
 * never drops a reference (`C:\ [^1]` fixed to `C:\[^1]` escapes it) or
 * points one elsewhere. A leading byte order mark is kept. When fixing
 * stops with fixes left (a pass dropped, fixes undoing one another, the
 * pass limit), each message still holding a fix says why in `fixWithheld`.
 *
 * @throws as `lintText` does.
 */
export function fixText(text: string, options: LintTextOptions = {}): FixResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  let current = bom ? text.slice(1) : text
  let result = lintText(current, options)
  const seen = new Set([current])
  let passes = 0
  /** Why the fixes left in `result` were not applied, when fixing stopped with some left. */
  let stopped: string | undefined
  while (true) {
    const fixes = result.messages.flatMap((message) => (message.fix ? [message.fix] : []))
    if (fixes.length === 0) break
    if (passes === maxPasses) {
      stopped = `fixing stops after ${maxPasses} passes, as ESLint’s does`
      break
    }
    const next = applyFixes(current, fixes).text
    if (seen.has(next)) {
      stopped = 'the fixes undo one another'
      break
    }
    const nextResult = lintText(next, options)
    if (citations(nextResult.index, next) !== citations(result.index, current)) {
      stopped = 'the fix pass it was in was dropped, because the fixed text re-parsed to different references or notes'
      break
    }
    seen.add(next)
    current = next
    result = nextResult
    passes++
  }
  if (stopped !== undefined) {
    for (const message of result.messages) if (message.fix) message.fixWithheld = stopped
  }
  return {output: bom + current, result, passes, changed: passes > 0}
}

/**
 * The citations of a text as one string, equal before and after a fix that
 * only relabels and moves notes or moves markers within their text:
 * - each note's text from the start of its content to its end, with every
 *   marker inside it (references, and the markers of notes nested in it)
 *   blanked to `[#]`;
 * - what a reference cites: `=` and the blanked text of its note (or of the
 *   malformed GFM definition it would resolve to, `Reference.meantNote`),
 *   or, when it resolves to none, `?` and its syntax and marker as written;
 * - the references outside notes, in document order;
 * - the notes, each with what its own references cite, sorted (moving notes
 *   changes their order, not their contents).
 *
 * Cost: O((R + N) log (R + N) + S) for R references, N notes and S
 * characters of note text.
 */
function citations(index: CitationIndex, text: string): string {
  const {notes, references} = index
  // Every marker, by start: markers never overlap one another.
  const markers = [...references.map((r) => r.span), ...notes.map((n) => n.markerSpan)].sort(
    (a, b) => a.start.offset - b.start.offset
  )
  const firstFrom = (offset: number): number => {
    let low = 0
    let high = markers.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (markers[mid]!.start.offset < offset) low = mid + 1
      else high = mid
    }
    return low
  }
  const blanked = notes.map((note) => {
    const end = note.span.end.offset
    // From its content: a fixed definition (`[1^] text` to `[^1]: text`) keeps its text, not its colon.
    let at = note.contentSpan.start.offset
    let out = ''
    for (let i = firstFrom(at); i < markers.length && markers[i]!.start.offset < end; i++) {
      const marker = markers[i]!
      if (marker.end.offset > end) break
      out += `${text.slice(at, marker.start.offset)}[#]`
      at = marker.end.offset
    }
    return out + text.slice(at, end)
  })
  // A call that a malformed definition would define (`[^1]` with `[1^]:`) cites it: fixing the definition resolves the call.
  const cites = references.map((r) => {
    const note = r.note ?? r.meantNote
    return note === undefined ? `?${r.syntax}:${r.marker}` : `=${blanked[note]}`
  })
  const body: string[] = []
  const inside = notes.map((): string[] => [])
  references.forEach((reference, i) => {
    if (reference.inNote === undefined) body.push(cites[i]!)
    else inside[reference.inNote]?.push(cites[i]!)
  })
  const noteList = notes.map((_, i) => JSON.stringify([blanked[i], inside[i]])).sort()
  return JSON.stringify([body, noteList])
}
