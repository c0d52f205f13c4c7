/**
 * Bracket references proposed on the document's evidence only
 * (`Candidate.onEvidence`): a bracket glued to a word, where a lone bracket
 * is usually something else. A letter glued to a word is mostly an editor's
 * completion (`collud[e]`) and a number glued to a letter and digits mostly
 * an array index (`S1[3]`); but an encyclopedia copy glues its letter notes
 * to captions and units (`Roman lead pipes[n]`, `120 mg[t]—`, `coal gas[o])`)
 * and its numbers to codes (`P391[238]`, a hazard statement in a table).
 *
 * The evidence is the series of the other references. Read in document
 * order, per count (numbers; lower-case letters, `a` = 1), such a candidate
 * stands when it is the next number of the series: exactly one above the
 * highest reference of its count before it (so a reference of its count was
 * read before it, and it is the first citation of a new note, as the
 * references of an encyclopedia copy come), and below the next reference
 * of its count that stands on its own (or with none after it). `[n]` after
 * `[m]` and before `[q]` stands; `collud[e]` after `[a]`, or `S1[3]` after
 * `[7]`, does not; nor does `I[1]` opening a document.
 *
 * Linear in the number of references (one backward pass for the next
 * reference of each count, one forward pass).
 */
import type {MarkerStyle, MarkerSyntax} from './types.js'

/** What the policy reads of a resolved reference. */
export interface Serial {
  readonly label: string
  readonly style: MarkerStyle
  readonly syntax: MarkerSyntax
  readonly start: number
  readonly onEvidence?: boolean
}

const lowerLetter = /^[a-z]$/
const digits = /^\d{1,5}$/

/** The count (`arabic` or `letter`) and number of a bracket reference, if it counts in a series. */
function countOf(ref: Serial): {count: string; number: number} | undefined {
  if (ref.syntax !== 'bracket') return undefined
  if (ref.style === 'arabic' && digits.test(ref.label)) return {count: 'arabic', number: Number.parseInt(ref.label, 10)}
  if (ref.style === 'letter' && lowerLetter.test(ref.label)) return {count: 'letter', number: ref.label.charCodeAt(0) - 96}
  return undefined
}

/**
 * `refs` (in document order) without the references on evidence that do
 * not continue their series. Returns `refs` itself when none is on evidence.
 */
export function inSeries<T extends Serial>(refs: readonly T[]): T[] {
  if (!refs.some((ref) => ref.onEvidence)) return [...refs]
  const counts = refs.map(countOf)
  // The number of the next reference of the same count standing on its own, per position.
  const nextOwn: Array<number | undefined> = new Array(refs.length)
  const seen = new Map<string, number>()
  for (let i = refs.length - 1; i >= 0; i--) {
    const count = counts[i]
    if (!count) continue
    nextOwn[i] = seen.get(count.count)
    if (!refs[i]!.onEvidence) seen.set(count.count, count.number)
  }
  const highest = new Map<string, number>()
  const kept: T[] = []
  for (const [i, ref] of refs.entries()) {
    const count = counts[i]
    if (ref.onEvidence) {
      const top = count ? highest.get(count.count) : undefined
      const next = nextOwn[i]
      if (!count || top === undefined || count.number !== top + 1 || (next !== undefined && next <= count.number)) continue
    }
    if (count) highest.set(count.count, Math.max(highest.get(count.count) ?? 0, count.number))
    kept.push(ref)
  }
  return kept
}
