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
import {lastStartingBy} from './search.js'
import {labelNumber} from './marker.js'
import {labelNoteLists} from './note-lists.js'
import {withNamedCitations} from './named-policy.js'
import {inSeries} from './series-policy.js'
import {tabularBlocks} from './tables.js'
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
  /** Notes: the number a reader sees for it (see `Candidate.shown`). */
  readonly shown?: string
  readonly series?: string
  /** Notes: the id in-page links reach it by (see `Candidate.anchor`). */
  readonly anchor?: string
  /** Notes: the list it belongs to, when the list numbers its notes by their order (see `Candidate.list`). */
  readonly list?: number
  /** Numeral notes: the aligned series they belong to (`alignment.ts`); notes of different runs never share a label. */
  readonly run?: number
  /** References: proposed on the document's evidence only (see `Candidate.onEvidence`). */
  readonly onEvidence?: boolean
  /** References: in a table or its caption (see `tables.ts`). */
  readonly inTable?: boolean
  /** Notes: a malformed GFM definition's meant label (see `Candidate.meant`). */
  readonly meant?: string
}

/**
 * A heading line over a notes list, then the line break before the first note.
 * One run of blanks per side of the colon: `[ \t]*:?[ \t]*` backtracked in
 * quadratic time over a long run of blanks.
 */
const notesHeading = /^(?:notes?|endnotes?|footnotes?|references?|sources?)[ \t]*(?::[ \t]*)?(?:\r\n|\r|\n)[ \t>]*$/i
const lineBreak = /[\r\n]/
const space = /\s/
const wordChar = /[\p{L}\p{N}_]/u

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
    else if (!blocks[candidate.block]!.verbatim || (candidate.syntax === 'bracket' && candidate.role === 'reference')) perBlock[candidate.block]!.push(candidate)
  }
  const tabular = tabularBlocks(source, blocks)
  for (const [i, found] of perBlock.entries()) {
    if (found.length === 0) continue
    found.sort((a, b) => a.start - b.start)
    resolveBlock(source, blocks[i]!, found, refs, notes, textBelow(blocks, perBlock, i), tabular[i]!)
  }
  refs.sort((a, b) => a.start - b.start)
  notes.sort((a, b) => a.start - b.start)
  const kept = (item: Resolved): boolean => keptAsProposed.has(item.syntax)
  const numeral = (item: Resolved): boolean => item.syntax === 'numeral'
  const restRefs = inSeries(refs.filter((r) => !kept(r) && !numeral(r)))
  const restNotes = notes.filter((n) => !kept(n) && !numeral(n))
  const listed = labelNoteLists(withNamedCitations(decide(restRefs, restNotes, format, source), restRefs, restNotes))
  const decided = withNumerals(listed, refs.filter(numeral), notes.filter(numeral), restRefs.filter((r) => r.syntax === 'bracket'))
  const byStart = (a: Resolved, b: Resolved): number => a.start - b.start
  return {refs: [...decided.refs, ...refs.filter(kept)].sort(byStart), notes: [...decided.notes, ...notes.filter(kept)].sort(byStart)}
}

/**
 * Add the numeral references and notes that align (`alignment.ts`). Bracket
 * references they adopt (`text [4]` with notes `4. Source`) change syntax;
 * they are read from the candidates, since without bracket notes `decide`
 * drops them.
 */
function withNumerals(
  decided: {refs: Resolved[]; notes: Resolved[]},
  refs: Resolved[],
  notes: Resolved[],
  brackets: Resolved[]
): {refs: Resolved[]; notes: Resolved[]} {
  const aligned = alignNumerals(refs, notes, brackets, decided.notes.some((n) => n.syntax === 'bracket'))
  if (aligned.notes.length === 0) return decided
  return {refs: [...decided.refs.filter((r) => !aligned.adopted.has(r)), ...aligned.refs], notes: [...decided.notes, ...aligned.notes]}
}

/**
 * Syntaxes whose conventions weigh the document's evidence themselves (each
 * of their references names its note): their candidates stand as proposed.
 */
const keptAsProposed: ReadonlySet<Resolved['syntax']> = new Set<Resolved['syntax']>([
  'pandoc',
  'html',
  'table',
  'lettered'
])

/** The candidates outside every excluded span (only text candidates are excluded). */
function withoutExcluded(proposed: ReadonlyArray<Candidate | Exclusion>): Candidate[] {
  const spans = proposed.filter((item): item is Exclusion => 'exclude' in item).sort((a, b) => a.start - b.start)
  const candidates = proposed.filter((item): item is Candidate => !('exclude' in item))
  if (spans.length === 0) return candidates
  return candidates.filter((candidate) => {
    if (!candidate.fromText) return true
    // Link texts do not overlap: only the last span starting at or before the candidate can hold it.
    const best = lastStartingBy(spans, candidate.start)
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
function resolveBlock(
  source: string,
  block: Block,
  found: Candidate[],
  refs: Resolved[],
  notes: Resolved[],
  below: Block | undefined,
  inTable: boolean
): void {
  const roles = found.map((item) => item.role as Resolved['role'] | 'dropped')
  const first = found.findIndex((item) => item.role === 'note')
  const lead = first >= 0 ? source.slice(block.start, found[first]!.start) : ''
  if (first >= 0 && lineBreak.test(lead) && !notesHeading.test(lead)) {
    const listStart = headedList(source, block.start, found) ?? trailingList(source, found, block.end)
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
    let limit = i + 1 < starts.length ? starts[i + 1]!.start : block.end
    // A marker alone at its block's end (`[14]`, a blank line, the text): the note's text is the block below.
    if (limit === block.end && below && source.slice(item.end, block.end).trim() === '') limit = below.end
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
    if (roles[i] === 'reference') refs.push({...markerFields(item), role: 'reference', inDefinition: block.inDefinition, ...(inTable ? {inTable} : {})})
  }
}

/**
 * The block after block `i` when it may hold the text of a note whose marker
 * ends block `i`: a paragraph where notes may start, not starting with a
 * note of its own. `undefined` otherwise.
 */
function textBelow(blocks: readonly Block[], perBlock: readonly Candidate[][], i: number): Block | undefined {
  const below = blocks[i + 1]
  if (!below || !below.notesAllowed) return undefined
  const startsWithNote = (perBlock[i + 1] ?? []).some((item) => item.role === 'note' && item.start === below.start)
  return startsWithNote ? undefined : below
}

/** The marker fields of a candidate. */
function markerFields(item: Candidate): Resolved {
  const fields: Resolved = {role: item.role, marker: item.marker, label: item.label, style: item.style, syntax: item.syntax, start: item.start, end: item.end}
  return item.onEvidence ? {...fields, onEvidence: true} : fields
}

/**
 * The start of a notes list under a heading line inside a block of prose
 * (a PDF's text: `...of the TDA.` / `References` / `[1] John Abowd, ...`):
 * the first note whose line comes right after a line holding only a notes
 * heading. `undefined` when there is none.
 */
function headedList(source: string, blockStart: number, found: readonly Candidate[]): number | undefined {
  for (const item of found) {
    if (item.role !== 'note') continue
    const lineStart = lineStartBefore(source, item.start, blockStart)
    if (lineStart <= blockStart) continue
    let headingEnd = lineStart - 1
    if (source.charAt(headingEnd) === '\n' && source.charAt(headingEnd - 1) === '\r') headingEnd--
    const headingStart = lineStartBefore(source, headingEnd, blockStart)
    if (headingStart > blockStart && notesHeading.test(source.slice(headingStart, lineStart))) return item.start
  }
  return undefined
}

/** The start of the line holding `offset` (after its line break), no earlier than `floor`. */
function lineStartBefore(source: string, offset: number, floor: number): number {
  let i = offset
  while (i > floor && source.charCodeAt(i - 1) !== 10 && source.charCodeAt(i - 1) !== 13) i--
  return i
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
 * - Bracket markers count only with bracket notes: in plain text, a notes
 *   list after the first reference; in Markdown, some reference followed by
 *   its note, as endnotes are (a note of a numbered caret list with the
 *   label its list would get: {@link followedByNote}). `[1]` list labels, array indexes and
 *   references whose notes are written another way (`^ text` lists of web
 *   copies) are not references. (Plain text once counted them without any
 *   notes: 359 findings in one file whose notes had merely lost their numbers.)
 * - A bracket number far outside the notes' numbering is not a reference
 *   (see {@link outsideNumbering}).
 * - Symbols count only when used both as a reference and as a note.
 * - Malformed GFM definitions (`[1^]:`) count only when one of them would
 *   define a GFM call that no definition defines (see {@link nearMissesInUse}).
 */
function decide(refs: Resolved[], notes: Resolved[], format: Format, source: string): {refs: Resolved[]; notes: Resolved[]} {
  const bracketRefs = refs.filter((r) => r.syntax === 'bracket')
  const firstRef = bracketRefs.reduce((first, r) => Math.min(first, r.start), Number.POSITIVE_INFINITY)
  let bracketNotes = notes.filter((n) => n.syntax === 'bracket' && (bracketRefs.length === 0 || n.start > firstRef))
  if (format === 'markdown' && !followedByNote(bracketRefs, bracketNotes)) bracketNotes = []
  const bracketInUse = bracketNotes.length > 0
  const outside = outsideNumbering(bracketNotes, source)
  const {refSymbols, noteSymbols} = symbolsInUse(refs, notes)
  const nearMisses = nearMissesInUse(refs, notes)
  return {
    refs: refs.filter((r) =>
      r.syntax === 'gfm' ? true : r.syntax === 'bracket' ? bracketInUse && !outside(r) : noteSymbols.has(r.label)
    ),
    notes: [...notes.filter((n) => (n.syntax === 'gfm' && (n.meant === undefined || nearMisses)) || (n.syntax === 'symbol' && refSymbols.has(n.label))), ...bracketNotes]
  }
}

/**
 * Whether the malformed GFM definitions of `notes` (`[1^]:`, a paragraph to
 * GFM) are notes: only when one of them, its label fixed, would define a
 * GFM call of `refs` (`[^1]`) that no definition defines. Without such a
 * call, `[x^]: ...` at a paragraph start is text.
 */
function nearMissesInUse(refs: readonly Resolved[], notes: readonly Resolved[]): boolean {
  const meant = new Set<string>()
  const defined = new Set<string>()
  for (const note of notes) {
    if (note.syntax !== 'gfm') continue
    if (note.meant === undefined) defined.add(keyOf(note))
    else meant.add(keyOf({label: note.meant, style: 'caret', syntax: 'gfm'}))
  }
  if (meant.size === 0) return false
  return refs.some((r) => r.syntax === 'gfm' && r.style === 'caret' && meant.has(keyOf(r)) && !defined.has(keyOf(r)))
}

/**
 * Whether some bracket reference of `refs` has a note of `notes` with its
 * label after it (Markdown's evidence for bracket notes). Notes of lists
 * numbered by their order (`^ Source`, `1. ^ Source`) count with the labels
 * their lists would get from these references (`note-lists.ts`).
 */
function followedByNote(refs: readonly Resolved[], notes: readonly Resolved[]): boolean {
  const labelled = notes.some((n) => n.list !== undefined) ? labelNoteLists({refs: [...refs], notes: [...notes]}).notes : notes
  const lastNoteStart = new Map<string, number>()
  for (const note of labelled) lastNoteStart.set(keyOf(note), note.start)
  return refs.some((r) => (lastNoteStart.get(keyOf(r)) ?? -1) > r.start)
}

/**
 * Which bracket references lie outside the numbering of `notes` (the
 * bracket notes in use): an arabic number 0, or above twice the highest
 * note number plus ten (`[1859]`, `[2008]`, `[337]` among notes numbered 1
 * to 166 at most: a year, a page or a letter number, not a note); or, glued
 * to a word (`array[32]`), any number outside the notes' range. Numbers
 * just past the last note (`[7]` after notes 1 to 5) stay references: a
 * missing note is what `undefined-reference` reports.
 */
function outsideNumbering(notes: readonly Resolved[], source: string): (ref: Resolved) => boolean {
  // Notes of an unlabelled list (`^ Source`) take their numbers later, from the references (`note-lists.ts`).
  const numbers = notes.flatMap((n) => (n.style === 'arabic' && n.label !== '' ? [labelNumber(n.label, n.style) ?? 0] : []))
  if (numbers.length === 0) return () => false
  const min = numbers.reduce((a, b) => Math.min(a, b))
  const max = numbers.reduce((a, b) => Math.max(a, b))
  const far = 2 * max + 10
  return (ref) => {
    if (ref.style !== 'arabic') return false
    const number = labelNumber(ref.label, ref.style)
    if (number === undefined) return false
    if (number === 0 && min > 0) return true
    if (number > far) return true
    return (number < min || number > max) && wordChar.test(source.charAt(ref.start - 1))
  }
}

/** References per symbol note beyond which a symbol is not a note marker (see `symbolsInUse`). */
const symbolRefsPerNote = 10
/** References of a symbol always allowed, whatever its notes. */
const symbolRefsAllowed = 20

/**
 * The symbols used both as references and as notes, and not used far more
 * often as references than as notes: a symbol note is an author line or a
 * few notes of a page (`*`, `†`), while 440 `*` after 4 `*` lines in an OCR'd
 * report are debris of superscript numbers (at most `symbolRefsPerNote`
 * references per note, beyond `symbolRefsAllowed`). The prose model no longer
 * needs those `*` to hold quotations cited (uncited-quote reads a
 * document's citation habit), so dropping them costs no finding.
 */
function symbolsInUse(refs: readonly Resolved[], notes: readonly Resolved[]): {refSymbols: Set<string>; noteSymbols: Set<string>} {
  const count = (items: readonly Resolved[]): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const item of items) if (item.syntax === 'symbol') counts.set(item.label, (counts.get(item.label) ?? 0) + 1)
    return counts
  }
  const refCounts = count(refs)
  const noteCounts = count(notes)
  const inUse = new Set<string>()
  for (const label of noteCounts.keys()) {
    const refCount = refCounts.get(label) ?? 0
    const noteCount = noteCounts.get(label) ?? 0
    if (refCount > 0 && (refCount <= symbolRefsAllowed || refCount <= symbolRefsPerNote * noteCount)) inUse.add(label)
  }
  return {refSymbols: inUse, noteSymbols: inUse}
}
