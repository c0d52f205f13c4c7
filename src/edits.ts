/**
 * Applying offset edits to a text: the one step of fixing that rules use
 * themselves (note-order rewrites a note's text). Kept apart from fix.ts,
 * which imports the engine, so that loading the rules (config validation,
 * a cached run) does not load the parser.
 */
import type {TextEdit} from './rule.js'

/**
 * Apply edits to `text`. Offsets are UTF-16 offsets counted from `base`
 * (default 0, the start of `text`); edits must not overlap.
 *
 * @throws RangeError when two edits overlap or one lies outside `text`.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], base = 0): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let out = ''
  let at = 0
  for (const edit of sorted) {
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
