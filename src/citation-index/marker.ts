/**
 * What a marker's label looks like: its style and numeric value. Used only by
 * the citation index, which is the one place that decides what a marker is.
 */
import type {MarkerStyle} from './types.js'

// Roman numerals up to 399 in the letters notes use (i, v, x, l, c).
const roman = /^(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/
const digits = /^\d{1,5}$/
const spacedDigits = /^\s*\d{1,5}\s*$/
const suffixedDigits = /^\d{1,5}[a-z]$/i
const singleLetter = /^[a-z]$/i
const gfmLabel = /^[^\s\][^]+$/

/**
 * Style of a bracket label (text between `[` and `]`), or `undefined` when the
 * label is not marker-like (`sic`, `...`, `the IRGC`): such brackets are
 * editorial text, never markers.
 *
 * With `caret`, the label followed `[^`: a GFM label (no whitespace, per the
 * GFM spec) is `caret`, anything else non-empty `malformed` (`[^ 2]`).
 */
export function labelStyle(label: string, caret: boolean): MarkerStyle | undefined {
  if (caret) return gfmLabel.test(label) ? 'caret' : label.trim() ? 'malformed' : undefined
  if (digits.test(label)) return 'arabic'
  const lower = label.toLowerCase()
  if (lower.length > 1 || lower === 'i' || lower === 'v' || lower === 'x') {
    if (lower && roman.test(lower)) return 'roman'
  }
  if (singleLetter.test(label)) return 'letter'
  if (spacedDigits.test(label) || suffixedDigits.test(label)) return 'malformed'
  return undefined
}

/**
 * The label a near-miss GFM definition label was meant to be: `1` for the
 * `1^` of `[1^]:` (the caret written after the label instead of before it),
 * when what precedes the caret is a GFM label; `undefined` for any other
 * label (`x^2`, `^1`, `a b^`).
 */
export function nearMissLabel(label: string): string | undefined {
  if (!label.endsWith('^')) return undefined
  const meant = label.slice(0, -1)
  return gfmLabel.test(meant) ? meant : undefined
}

/**
 * Numeric value of a label: digits as a decimal number, a roman numeral as its
 * value (`iv` is 4), the digits of a malformed number (`[1a]` and `[ 1]` are
 * 1); `undefined` for anything else.
 */
export function labelNumber(label: string, style: MarkerStyle): number | undefined {
  if (digits.test(label)) return Number.parseInt(label, 10)
  if (style === 'malformed' && (spacedDigits.test(label) || suffixedDigits.test(label))) {
    return Number.parseInt(label.trim(), 10)
  }
  if (style !== 'roman') return undefined
  const values: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100}
  let total = 0
  const lower = label.toLowerCase()
  for (let i = 0; i < lower.length; i++) {
    const value = values[lower[i] ?? ''] ?? 0
    const next = values[lower[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

/** Write `value` as a lowercase roman numeral (1 to 399). */
export function toRoman(value: number): string {
  const table: Array<[number, string]> = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
  let rest = value
  let out = ''
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      out += letters
      rest -= amount
    }
  }
  return out
}
