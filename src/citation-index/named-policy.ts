/**
 * The document-wide decision for named citations (`conventions/named-citations.ts`):
 * `[RFC2119]` in the text and a References or Bibliography entry starting
 * with `[RFC2119]`. Bracketed names are common outside citations (`[KEYWORDS]`
 * as a placeholder, `[TODO]`), so the convention stands only on the
 * document's evidence: at least one named reference whose label a named note
 * has. Then every named note stands, and so does every named reference that
 * a note has or whose label holds a digit (`[ISO8601]`, `[Hale2019]`: the
 * shape of a citation key, reported when undefined); a name without a digit
 * stands only when a note has it.
 */
import type {MarkerSyntax} from './types.js'

/** What this decision reads of a reference or note the resolver kept. */
export interface NamedItem {
  readonly label: string
  readonly syntax: MarkerSyntax
}

const digit = /\d/

/**
 * `decided` (the other conventions' decisions, which leave named citations
 * out) with the named references and notes of `refs` and `notes` that
 * stand; each list stays in document order. Returns `decided` itself when
 * the convention is not in use.
 */
export function withNamedCitations<T extends NamedItem & {readonly start: number}>(
  decided: {refs: T[]; notes: T[]},
  refs: readonly T[],
  notes: readonly T[]
): {refs: T[]; notes: T[]} {
  const namedNotes = notes.filter((n) => n.syntax === 'named')
  if (namedNotes.length === 0) return decided
  const labels = new Set(namedNotes.map((n) => n.label.toLowerCase()))
  const namedRefs = refs.filter((r) => r.syntax === 'named')
  if (!namedRefs.some((r) => labels.has(r.label.toLowerCase()))) return decided
  const standing = namedRefs.filter((r) => labels.has(r.label.toLowerCase()) || digit.test(r.label))
  const byStart = (a: T, b: T): number => a.start - b.start
  return {
    refs: [...decided.refs.filter((r) => r.syntax !== 'named'), ...standing].sort(byStart),
    notes: [...decided.notes.filter((n) => n.syntax !== 'named'), ...namedNotes].sort(byStart)
  }
}
