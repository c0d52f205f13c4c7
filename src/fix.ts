/**
 * Applying fixes. A fix is a list of non-overlapping offset edits (see
 * `Fix` in rule.ts). `fixText` applies the fixes of a lint run, re-parses and
 * re-lints, and repeats until nothing changes, at most 10 passes (ESLint's
 * limit), refusing any pass whose result loses or duplicates a note.
 */
import type {LintResult, LintTextOptions} from './engine.js'
import {lintText} from './engine.js'
import {applyEdits} from './edits.js'
import type {Fix, TextEdit} from './rule.js'

// applyEdits lives in its own module so that rules can use it without loading the engine.
export {applyEdits}

/** At most this many fix passes (ESLint uses 10). */
export const maxPasses = 10

/**
 * Apply the fixes in `fixes` that do not overlap an earlier one (in order of
 * their first edit), as ESLint does; skipped fixes are retried on the next
 * pass. A fix offered by several messages (one renumbering for every
 * out-of-order marker) counts once.
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
 * were made. A pass whose result holds a different multiset of notes (by
 * their text outside markers) is discarded, so a fix never loses or
 * duplicates a note. A leading byte order mark is kept.
 *
 * @throws as `lintText` does.
 */
export function fixText(text: string, options: LintTextOptions = {}): FixResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  let current = bom ? text.slice(1) : text
  let result = lintText(current, options)
  const seen = new Set([current])
  let passes = 0
  while (passes < maxPasses) {
    const fixes = result.messages.flatMap((message) => (message.fix ? [message.fix] : []))
    if (fixes.length === 0) break
    const next = applyFixes(current, fixes).text
    if (seen.has(next)) break
    const nextResult = lintText(next, options)
    if (noteTexts(nextResult, next) !== noteTexts(result, current)) break
    seen.add(next)
    current = next
    result = nextResult
    passes++
  }
  return {output: bom + current, result, passes, changed: passes > 0}
}

/**
 * The notes of a text as a sorted list of their contents with every marker
 * blanked, joined: equal before and after a fix that only relabels and
 * moves notes.
 */
function noteTexts(result: LintResult, text: string): string {
  const {notes, references} = result.index
  // References grouped by the note holding them (in document order), once.
  const inside = new Map<number, typeof references[number][]>()
  for (const reference of references) {
    if (reference.inNote === undefined) continue
    const list = inside.get(reference.inNote)
    if (list) list.push(reference)
    else inside.set(reference.inNote, [reference])
  }
  const contents = notes.map((note) => {
    const start = note.markerSpan.end.offset
    let out = ''
    let at = start
    for (const reference of inside.get(note.index) ?? []) {
      out += `${text.slice(at, reference.span.start.offset)}[#]`
      at = reference.span.end.offset
    }
    return out + text.slice(at, note.span.end.offset)
  })
  return contents.sort().join('\u0000')
}
