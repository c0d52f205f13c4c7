/**
 * The resolver: the one place where the candidates of all conventions meet
 * and the document-wide decisions are made.
 *
 * 1. Exclusions: text candidates inside a span some convention excludes
 *    (link text) are dropped.
 * 2. Blocks: per paragraph, whether its line-start notes are a notes list or
 *    references wrapped onto new lines, which repeated notes are a bulleted
 *    list, and where each note ends (at the next note of the paragraph).
 * 3. Conventions in use, per syntax (`decide`); bare note numbers by
 *    alignment of references with notes (`alignment.ts`).
 * 4. Resolution (`assemble.ts`): which note each reference points to.
 */
import type {Block, Candidate, Exclusion} from './convention.js'
import {alignNumerals} from './alignment.js'
import {keyOf} from './identifier.js'
import type {Format} from './types.js'

/** A candidate the resolver kept, with the block facts it needs later. */
export interface Resolved {
  readonly role: 'reference' | 'note'
  readonly marker: string
  readonly label: string
  readonly style: Candidate['style']
  readonly syntax: Candidate['syntax']
  readonly start: number
  readonly end: number
  /** References: the start offset of the GFM definition holding it, if any. */
  readonly inDefinition?: number | undefined
  /** Notes: the end of the whole note, its content and where the content starts. */
  readonly noteEnd?: number
  readonly content?: string
  readonly contentStart?: number
}

/**
 * A heading line over a notes list, then the line break before the first note.
 * One run of blanks per side of the colon: `[ \t]*:?[ \t]*` backtracked in
 * quadratic time over a long run of blanks.
 */
const notesHeading = /^(?:notes?|endnotes?|footnotes?|references?|sources?)[ \t]*(?::[ \t]*)?(?:\r\n|\r|\n)[ \t>]*$/i
const lineBreak = /[\r\n]/
const space = /\s/

/**
 * Resolve the candidates of every convention for a document of `format`
 * with `blocks`, into the references and notes that stand, each list in
 * document order.
 */
export function resolveCandidates(
  source: string,
  format: Format,
  blocks: readonly Block[],
  proposed: ReadonlyArray<Candidate | Exclusion>
): {refs: Resolved[]; notes: Resolved[]} {
  const candidates = withoutExcluded(proposed)
  const perBlock: Candidate[][] = blocks.map(() => [])
  const refs: Resolved[] = []
  const notes: Resolved[] = []
  for (const candidate of candidates) {
    if (candidate.block === undefined) (candidate.role === 'note' ? notes : refs).push(candidate)
    else perBlock[candidate.block]!.push(candidate)
  }
  for (const [i, found] of perBlock.entries()) {
    if (found.length === 0) continue
    found.sort((a, b) => a.start - b.start)
    resolveBlock(source, blocks[i]!, found, refs, notes)
  }
  refs.sort((a, b) => a.start - b.start)
  notes.sort((a, b) => a.start - b.start)
  const numeral = (item: Resolved): boolean => item.syntax === 'numeral'
  const decided = decide(refs.filter((r) => !numeral(r)), notes.filter((n) => !numeral(n)), format)
  return withNumerals(decided, refs.filter(numeral), notes.filter(numeral))
}

/** Add the numeral references and notes that align (`alignment.ts`); bracket references they adopt change syntax. */
function withNumerals(decided: {refs: Resolved[]; notes: Resolved[]}, refs: Resolved[], notes: Resolved[]): {refs: Resolved[]; notes: Resolved[]} {
  const brackets = decided.refs.filter((r) => r.syntax === 'bracket')
  const aligned = alignNumerals(refs, notes, brackets, decided.notes.some((n) => n.syntax === 'bracket'))
  if (aligned.notes.length === 0) return decided
  return {refs: [...decided.refs.filter((r) => !aligned.adopted.has(r)), ...aligned.refs], notes: [...decided.notes, ...aligned.notes]}
}

/** The candidates outside every excluded span (only text candidates are excluded). */
function withoutExcluded(proposed: ReadonlyArray<Candidate | Exclusion>): Candidate[] {
  const spans = proposed.filter((item): item is Exclusion => 'exclude' in item).sort((a, b) => a.start - b.start)
  const candidates = proposed.filter((item): item is Candidate => !('exclude' in item))
  if (spans.length === 0) return candidates
  return candidates.filter((candidate) => {
    if (!candidate.fromText) return true
    // Link texts do not overlap: only the last span starting at or before the candidate can hold it.
    let low = 0
    let high = spans.length - 1
    let best = -1
    while (low <= high) {
      const mid = (low + high) >> 1
      if (spans[mid]!.start <= candidate.start) {
        best = mid
        low = mid + 1
      } else high = mid - 1
    }
    return best < 0 || spans[best]!.end < candidate.end
  })
}

/**
 * The references and notes of one block, `found` in document order.
 *
 * A notes list starts its paragraph with a note, maybe under a heading line
 * (`Notes`). In a paragraph of prose, a line that starts with a note marker
 * is a reference wrapped onto a new line (or nothing, as its convention
 * says), but a paragraph may end in a notes list with no blank line before
 * it: two or more lines, to the paragraph's end, each one note.
 */
function resolveBlock(source: string, block: Block, found: Candidate[], refs: Resolved[], notes: Resolved[]): void {
  const roles = found.map((item) => item.role as Resolved['role'] | 'dropped')
  const first = found.findIndex((item) => item.role === 'note')
  const lead = first >= 0 ? source.slice(block.start, found[first]!.start) : ''
  if (first >= 0 && lineBreak.test(lead) && !notesHeading.test(lead)) {
    const listStart = trailingList(source, found, block.end)
    for (const [i, item] of found.entries()) {
      if (item.role !== 'note' || (listStart !== undefined && item.start >= listStart)) continue
      roles[i] = item.inProse === 'reference' ? 'reference' : 'dropped'
    }
  }

  // Repeated notes of a convention that says so are a bulleted list.
  const repeats = new Map<string, number>()
  for (const [i, item] of found.entries()) {
    if (roles[i] === 'note' && item.repeatedIsList) repeats.set(item.label, (repeats.get(item.label) ?? 0) + 1)
  }
  // Each note runs to the next note of the paragraph, or to its end.
  const starts = found.filter((item, i) => roles[i] === 'note' && !(item.repeatedIsList && (repeats.get(item.label) ?? 0) > 1))
  for (const [i, item] of starts.entries()) {
    const limit = i + 1 < starts.length ? starts[i + 1]!.start : block.end
    let noteEnd = limit
    while (noteEnd > item.end && space.test(source.charAt(noteEnd - 1))) noteEnd--
    const raw = source.slice(item.end, noteEnd)
    const content = raw.trim()
    notes.push({
      ...markerFields(item),
      noteEnd,
      content: item.closing && content.endsWith(item.closing) ? content.slice(0, -item.closing.length).trimEnd() : content,
      contentStart: item.end + (raw.length - raw.trimStart().length)
    })
  }
  for (const [i, item] of found.entries()) {
    if (roles[i] === 'reference') refs.push({...markerFields(item), role: 'reference', inDefinition: block.inDefinition})
  }
}

/** The marker fields of a candidate. */
function markerFields(item: Candidate): Resolved {
  return {role: item.role, marker: item.marker, label: item.label, style: item.style, syntax: item.syntax, start: item.start, end: item.end}
}

/**
 * The start of the notes list that ends a block (ending at `end`) without a
 * blank line before it: the longest run of two or more notes found at line
 * starts, each on one line of its own (references in it allowed), the last
 * line ending the block. `undefined` when there is none.
 */
function trailingList(source: string, found: readonly Candidate[], end: number): number | undefined {
  const notesFound = found.filter((item) => item.role === 'note')
  const last = notesFound.at(-1)
  if (!last || lineBreak.test(source.slice(last.start, end).trimEnd())) return undefined
  let first = notesFound.length - 1
  while (first > 0 && source.slice(notesFound[first - 1]!.start, notesFound[first]!.start).split(/\r\n|\r|\n/).length === 2) first--
  return notesFound.length - first >= 2 ? notesFound[first]!.start : undefined
}

/**
 * The document-wide decisions: which conventions are in use, per syntax.
 * - Bracket entries before the first bracket reference are legends or
 *   numbered lists, not notes (when the document has bracket references).
 * - In Markdown, bracket markers count only when some reference is followed
 *   by its note, as endnotes are; `[1]` list labels and array indexes are
 *   not references.
 * - Symbols count only when used both as a reference and as a note.
 */
function decide(refs: Resolved[], notes: Resolved[], format: Format): {refs: Resolved[]; notes: Resolved[]} {
  const bracketRefs = refs.filter((r) => r.syntax === 'bracket')
  const firstRef = bracketRefs.reduce((first, r) => Math.min(first, r.start), Number.POSITIVE_INFINITY)
  let bracketNotes = notes.filter((n) => n.syntax === 'bracket' && (bracketRefs.length === 0 || n.start > firstRef))
  if (format === 'markdown') {
    const lastNoteStart = new Map<string, number>()
    for (const note of bracketNotes) lastNoteStart.set(keyOf(note), note.start)
    if (!bracketRefs.some((r) => (lastNoteStart.get(keyOf(r)) ?? -1) > r.start)) bracketNotes = []
  }
  const bracketInUse = format === 'text' || bracketNotes.length > 0
  const refSymbols = new Set(refs.filter((r) => r.syntax === 'symbol').map((r) => r.label))
  const noteSymbols = new Set(notes.filter((n) => n.syntax === 'symbol').map((n) => n.label))
  return {
    refs: refs.filter((r) => (r.syntax === 'gfm' ? true : r.syntax === 'bracket' ? bracketInUse : noteSymbols.has(r.label))),
    notes: [...notes.filter((n) => n.syntax === 'gfm' || (n.syntax === 'symbol' && refSymbols.has(n.label))), ...bracketNotes]
  }
}
