/**
 * Applying offset edits to a text: the one step of fixing that rules use
 * themselves (note-order rewrites a note's text). Kept apart from fix.ts,
 * which imports the engine, so that loading the rules (config validation,
 * a cached run) does not load the parser.
 */
import type {TextEdit} from './rule.js'

/** Edits sorted by start, then end: the order `applyEdits` applies them in. */
function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * Whether `edits` can be applied together to a text of `length` UTF-16 code
 * units counted from `base` (default 0): every offset a whole number, `base
 * <= start <= end <= base + length`, and no two edits overlapping. Two
 * insertions at one offset, or an insertion where a replacement starts or
 * ends, do not overlap (`applyEdits` applies them in order of start, then
 * end). Never throws.
 */
export function editsFit(edits: readonly TextEdit[], length: number, base = 0): boolean {
  let at = base
  for (const edit of sortEdits(edits)) {
    const {start, end} = edit
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof edit.text !== 'string') return false
    if (start < at || end < start || end > base + length) return false
    at = end
  }
  return true
}

/**
 * Apply edits to `text`. Offsets are UTF-16 offsets counted from `base`
 * (default 0, the start of `text`); edits must not overlap (see `editsFit`,
 * which says beforehand whether this throws).
 *
 * @throws RangeError when two edits overlap or one lies outside `text`.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], base = 0): string {
  let out = ''
  let at = 0
  for (const edit of sortEdits(edits)) {
    const start = edit.start - base
    const end = edit.end - base
    if (start < at || end < start || end > text.length) {
      throw new RangeError(`Edit ${edit.start}-${edit.end} overlaps another or lies outside the text`)
    }
    out += text.slice(at, start) + edit.text
    at = end
  }
  return out + text.slice(at)
}
