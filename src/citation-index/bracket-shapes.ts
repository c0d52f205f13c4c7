/**
 * Local shapes that make a bracketed label something other than a marker,
 * read from the source around one token (bounded look-back and look-ahead,
 * so each costs O(1) per token, or O(n) once per block). Used by the
 * bracket-notes convention; they decide nothing document-wide.
 */

/** How far back an identifier or a year before a bracket is looked for. */
const lookBack = 8
const wordChar = /[\p{L}\p{N}_]/u
const letterChar = /\p{L}/u
const combiningMark = /\p{M}/u
/** Characters that join a one-letter word to the word before it: `Krieger's`, `n/a`, `re-`. */
/** The one-letter word of English prose that may end a clause: `Plan A[1]` (`I` is rarely cited; `I[1]` is an index). */
const englishWord = /^[aA]$/
const wordJoiner = /['’/.\-]/
const yearLabel = /^\d{4}$/
const lineBreak = /\r\n|\r|\n/

/** The offset before the blanks that end at `end`, looking back no further than `floor`. */
function skipBlanksBack(text: string, end: number, floor: number): number {
  let i = end
  while (i > floor && (text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\t')) i--
  return i
}

/** How many ASCII digits end at `end`, looking back no further than `floor`. */
function digitsBack(text: string, end: number, floor: number): number {
  let i = end
  while (i > floor && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) i--
  return end - i
}

/**
 * Whether the bracket starting at `start` is glued to a short identifier,
 * the way an array index is written (`S[0]`, `B[1]`, `S1[i]`, `γ̂[l]`): the
 * word right before it is one letter, maybe with combining marks and digits
 * (`x0`, `S1`), and not the English word `A`. (`W [1]`, spaced as PDFs set
 * math, is left alone: prose writes `Plan B [2].` the same way.) A word of two or more
 * letters (`structure[7]`) is prose.
 */
export function gluedToIdentifier(source: string, start: number): boolean {
  let i = start
  const end = i
  let letters = 0
  const floor = Math.max(0, end - lookBack)
  while (i > floor) {
    const char = source.charAt(i - 1)
    if (!combiningMark.test(char) && !wordChar.test(char)) break
    if (letterChar.test(char)) letters++
    i--
  }
  // The word must start with a letter, and stand apart: not a possessive
  // (`Krieger's[11]`), a decade (`2000s[164]`) or part of `n/a[38]`.
  if (letters !== 1 || !letterChar.test(source.charAt(i)) || englishWord.test(source.slice(i, end))) return false
  const before = source.charAt(i - 1)
  return i === 0 || !(wordChar.test(before) || wordJoiner.test(before))
}

/** How far a formula line is read on each side of a bracket: a longer line is prose. */
const formulaReach = 160
const twoLetters = /\p{L}\p{M}*\p{L}/u
/** Signs that mark a line as mathematics. */
const mathSign = /[=<>±×÷⊗⊕∈∉→←↦≤≥≠≈∼−+∑∏∫·∪∩⊂⊆⊃⊇|]/u

/**
 * Whether the bracket starting at `start` indexes a one-letter name in a
 * displayed formula, as PDF text sets one on lines of its own:
 * `B[1] ⊗ W [1]`, `A[1] = 1>`, `U [2]` alone, `1n[1] 1>` (a coefficient,
 * then the name). The bracket follows a one-letter word, glued or after
 * one blank, and its line (at most `formulaReach` code units each side)
 * holds no word of two letters or more, and either a sign of mathematics
 * (`=`, `⊗`, `−`, `>`, ...) or only the name and its index (`U [2]`). A
 * citation stands in prose: `neighbor of x [5, 13]. For`; and a short line
 * of prose is no formula: `A[1]. B [2]. C.[3]`.
 */
export function formulaIndex(source: string, start: number): boolean {
  let i = start
  if (source.charAt(i - 1) === ' ') i--
  let word = i
  while (word > 0 && (combiningMark.test(source.charAt(word - 1)) || letterChar.test(source.charAt(word - 1)))) word--
  if (word === i || twoLetters.test(source.slice(word, i))) return false
  let from = start
  const floor = Math.max(0, start - formulaReach)
  while (from > floor && !lineBreak.test(source.charAt(from - 1))) from--
  if (from === floor && from > 0 && !lineBreak.test(source.charAt(from - 1))) return false
  let to = start
  const ceiling = Math.min(source.length, start + formulaReach)
  while (to < ceiling && !lineBreak.test(source.charAt(to))) to++
  if (to === ceiling && to < source.length && !lineBreak.test(source.charAt(to))) return false
  const line = source.slice(from, to)
  if (twoLetters.test(line)) return false
  // A sign of mathematics on the line, or the name and its index alone (`U [2]`).
  return mathSign.test(line) || line.trim() === source.slice(word, start + source.slice(start, to).indexOf(']') + 1)
}

/**
 * Whether a four-digit label is a second year of a citation, the year of
 * the original edition: `(2004) [1961]`, `(1863 [1859])`, `(2011 [2008])`.
 */
export function originalYear(source: string, label: string, start: number): boolean {
  if (!yearLabel.test(label)) return false
  const floor = Math.max(0, start - lookBack)
  let i = skipBlanksBack(source, start, floor)
  if (source.charAt(i - 1) === ')') i--
  return i > floor && digitsBack(source, i, floor) === 4
}

/**
 * Whether the line-start bracket ending at `end` is a legend entry: blanks,
 * then `=` (`[1]  = Whole-note`, a transcriber's key). A note that glosses a
 * word (`[254] Lanchon = Sand-eels.`) has text before its `=`.
 */
export function legendEntry(source: string, end: number): boolean {
  let i = end
  while (source.charAt(i) === ' ' || source.charAt(i) === '\t') i++
  return source.charAt(i) === '='
}

/**
 * Whether the text from `start` to `end` is a book index: three or more
 * lines, at least two thirds of them ending in a page number after a comma
 * (`Banjo, [20]`, `Bagpipes, 5, 44`).
 */
export function bookIndex(source: string, start: number, end: number): boolean {
  const lines = source.slice(start, end).split(lineBreak)
  if (lines.length < 3) return false
  const entries = lines.filter(indexEntry).length
  return entries * 3 >= lines.length * 2
}

/** Whether a line ends in a page number after a comma (`Banjo, [20]`, `Bassoon, 43`). */
function indexEntry(line: string): boolean {
  let i = skipBlanksBack(line, line.length, 0)
  if (line.charAt(i - 1) === ']') i--
  const digits = digitsBack(line, i, 0)
  if (digits === 0) return false
  i -= digits
  if (line.charAt(i - 1) === '[') i--
  return line.charAt(skipBlanksBack(line, i, 0) - 1) === ','
}
