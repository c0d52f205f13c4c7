/**
 * Alignment of bare note numbers: the document-wide evidence for the
 * `numeral` conventions (flattened superscripts, Unicode superscripts,
 * numbered endnotes). Numbers are everywhere in prose and numbered lines
 * are everywhere in documents, so neither sequence alone says anything;
 * the two together do. The reference candidates (in document order) and
 * the note candidates (in document order) are aligned as two sequences:
 * a series is a run of notes numbered k, k+1, ... (one number may be
 * missing), each preceded by a reference candidate with its number, those
 * references in ascending document order too. Footnotes at page bottoms
 * (PDF text) and endnotes at the end both align; a table of contents,
 * an ordered list or a column of numbered lines do not, because no run of
 * references precedes them.
 *
 * Evidence threshold: a series stands with at least `minimumSeries` (3)
 * aligned notes, laid out as notes are: footnotes, each note at most
 * `nearby` characters (about three printed pages) after its reference, or
 * endnotes, every note after the series' last reference and each within
 * `nearby` characters of the note before it; and the aligned references
 * must be at least a tenth of the reference candidates (`noiseRatio`). Numbered headings far apart
 * (`2. George Papadopoulos` a thousand lines after `3.`) are neither. Several series may stand (numbering restarting in an
 * appendix or a chapter), when their spans (first reference to last note)
 * do not overlap; longer series are taken first. A series may start above
 * 1 (a chapter of a longer work).
 *
 * What stands of a series: its aligned references and notes, the other
 * note candidates between its first and last note with a number in its
 * range that no note of the series has (uncited notes). When no series
 * stands with flattened or superscript references and the document has no
 * bracket notes, the bracket references (`text [4]`) are aligned instead;
 * if they establish a series whose notes number at least half of their
 * distinct labels, they all take the `numeral` syntax (so
 * `[4 ]` is a broken marker of this numbering).
 *
 * Time: O(n log n) in the number of candidates (one pass over the notes,
 * a binary search among the references per note, a sort of the series,
 * a binary search among the series taken per series end), plus the walk
 * of each series that does not overlap one taken before.
 */
import type {MarkerStyle, MarkerSyntax} from './types.js'
import {firstAfter} from './search.js'

/** What alignment reads of a resolved reference or note (the resolver's `Resolved`). */
export interface Alignable {
  readonly marker: string
  readonly label: string
  readonly style: MarkerStyle
  readonly syntax: MarkerSyntax
  readonly start: number
  readonly end: number
  readonly noteEnd?: number
  /** Notes: where the content starts (at `end` when the number is glued to it, `4These`). */
  readonly contentStart?: number
  /**
   * Notes: which aligned series (run of numbering) the note belongs to, from
   * 1 in the order series are taken; set by alignment. A number restarting
   * in an appendix is a new run, not a duplicate of the first.
   */
  readonly run?: number
  /** A reference proposed on evidence only (a number set off by a space): it never starts a series, it may fill one. */
  readonly onEvidence?: boolean
}

/** Fewest aligned notes that establish a series. */
export const minimumSeries = 3

/**
 * The most reference candidates per aligned reference: where bare numbers
 * glued to words are everywhere (an OCR text whose real note numbers run
 * into the hundreds), a short series aligned among them is chance.
 */
export const noiseRatio = 10

/** The most UTF-16 code units between a footnote and its reference, or between two endnotes of a list. */
export const nearby = 10_000

interface Node {
  readonly note: number
  readonly ref: number
  readonly length: number
  readonly parent: Node | undefined
  /** Offset of the series' first reference. */
  readonly from: number
}

/**
 * The numeral references and notes that stand, and the bracket references
 * that join them (returned with the `numeral` syntax). `refs` and `notes`
 * are the numeral candidates; `bracketRefs` the bracket references the
 * resolver kept, used only when `bracketNotes` is false. All in document
 * order.
 */
export function alignNumerals<Resolved extends Alignable>(
  refs: readonly Resolved[],
  candidates: readonly Resolved[],
  bracketRefs: readonly Resolved[],
  bracketNotes: boolean
): {refs: Resolved[]; notes: Resolved[]; adopted: Set<Resolved>} {
  const none = {refs: [] as Resolved[], notes: [] as Resolved[], adopted: new Set<Resolved>()}
  const gluedNotes = candidates.filter((n) => n.onEvidence)
  const notes = gluedNotes.length === 0 ? candidates : candidates.filter((n) => !n.onEvidence)
  if (notes.length === 0) return none
  const strong = refs.filter((r) => !r.onEvidence)
  const flat = alignSequences(strong, notes, [])
  if (flat.refs.length > 0 && strong.length > noiseRatio * flat.refs.length) return none
  if (flat.notes.length > 0) {
    withGluedNotes(flat, strong, gluedNotes)
    flat.refs = withFilled(flat.refs, flat.notes, refs.filter((r) => r.onEvidence))
    // A bracket typo of this numbering (`[6 ]`) is a broken marker of it.
    const typos = bracketNotes ? [] : bracketRefs.filter((r) => r.style === 'malformed')
    for (const ref of typos) flat.adopted.add(ref)
    return {...flat, refs: [...flat.refs, ...typos.map((ref) => ({...ref, syntax: 'numeral' as const}))].sort((a, b) => a.start - b.start)}
  }
  if (bracketNotes) return flat
  // Bracket references join only when they alone align with the notes (`text [4]` with `4. Source`).
  const joining = bracketRefs.filter((r) => r.style === 'arabic' || r.style === 'malformed')
  if (joining.length === 0) return none
  const aligned = alignSequences(joining.filter((r) => r.style === 'arabic'), notes, joining)
  // The notes must account for most bracket numbers: a few numbered lines do not adopt a whole document's brackets.
  const numbers = new Set(joining.map((r) => r.label.trim()))
  return aligned.notes.length * 2 >= numbers.size ? aligned : none
}

/**
 * `kept` references with the references on evidence (`weak`, a number set
 * off by a space: `statisticians. 3 Disclosure`) that supply the missing
 * reference of a kept note: a note numbered v that no kept reference
 * numbered v cites between the kept reference numbered v - 1 before the
 * note and the note itself takes the first weak reference numbered v
 * there. The series' own order is the evidence; a weak number alone
 * never starts or extends a series.
 */
function withFilled<Resolved extends Alignable>(kept: Resolved[], notes: readonly Resolved[], weak: readonly Resolved[]): Resolved[] {
  if (weak.length === 0) return kept
  const byLabel = (items: readonly Resolved[]): Map<number, Resolved[]> => {
    const map = new Map<number, Resolved[]>()
    for (const item of items) {
      const value = Number.parseInt(item.label, 10)
      const list = map.get(value)
      if (list) list.push(item)
      else map.set(value, [item])
    }
    return map
  }
  const keptBy = byLabel(kept)
  const weakBy = byLabel(weak)
  /** The index of the first of `list` (in document order) starting after `offset`. */
  const startingAfter = (list: readonly Resolved[], offset: number): number => firstAfter(list, offset, (item) => item.start)
  const added: Resolved[] = []
  for (const note of notes) {
    const value = Number.parseInt(note.label, 10)
    const before = keptBy.get(value - 1) ?? []
    const last = startingAfter(before, note.start - 1) - 1
    if (last < 0) continue
    const from = before[last]!.end
    const own = keptBy.get(value) ?? []
    const cited = own[startingAfter(own, from - 1)]
    if (cited && cited.start < note.start) continue
    const candidates = weakBy.get(value) ?? []
    const fill = candidates[startingAfter(candidates, from - 1)]
    if (fill && fill.end <= note.start) added.push(fill)
  }
  return added.length === 0 ? kept : [...kept, ...added].sort((a, b) => a.start - b.start)
}

/** How a note's number is written: `4.`, `4)`, `4 Text` or glued `4Text` (PDF text). */
function noteForm(note: Alignable): string {
  const last = note.marker.at(-1)
  if (last === '.' || last === ')') return last
  return note.contentStart === note.end ? 'glued' : 'spaced'
}

/**
 * Add to an aligned `found` series the notes on evidence (`glued`: a
 * footnote PDF text glued inside a line, `distribu8 For bounded...`) that
 * supply its missing notes: where the kept notes numbered v - 1 and v + 1
 * follow each other, the first reference candidate numbered v (of `refs`)
 * after the kept reference numbered v - 1, and then the first glued note
 * numbered v after that reference and before note v + 1, both stand. The
 * series' own order is the evidence; a glued note never starts or extends
 * a series. Mutates and re-sorts `found`.
 */
function withGluedNotes<Resolved extends Alignable>(found: {refs: Resolved[]; notes: Resolved[]}, refs: readonly Resolved[], glued: readonly Resolved[]): void {
  if (glued.length === 0) return
  const valueOf = (item: Alignable): number => Number.parseInt(item.label, 10)
  const byValue = (items: readonly Resolved[]): Map<number, Resolved[]> => {
    const map = new Map<number, Resolved[]>()
    for (const item of items) {
      const list = map.get(valueOf(item))
      if (list) list.push(item)
      else map.set(valueOf(item), [item])
    }
    return map
  }
  /** The index of the first of `list` (in document order) starting at or after `offset`. */
  const firstFrom = (list: readonly Resolved[], offset: number): number => {
    let low = 0
    let high = list.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (list[mid]!.start >= offset) high = mid
      else low = mid + 1
    }
    return low
  }
  const keptRefs = byValue(found.refs)
  const candidateRefs = byValue(refs)
  const gluedBy = byValue(glued)
  const addedRefs: Resolved[] = []
  const addedNotes: Resolved[] = []
  for (let i = 1; i < found.notes.length; i++) {
    const before = found.notes[i - 1]!
    const after = found.notes[i]!
    const value = valueOf(before) + 1
    if (valueOf(after) !== value + 1) continue
    // The kept reference of the note before: the last one with its number starting before it.
    const kept = keptRefs.get(value - 1) ?? []
    const cited = kept[firstFrom(kept, before.start) - 1]
    if (!cited) continue
    const own = candidateRefs.get(value) ?? []
    const ref = own[firstFrom(own, cited.end)]
    if (!ref || ref.start >= after.start) continue
    const notes = gluedBy.get(value) ?? []
    const note = notes[firstFrom(notes, ref.end)]
    if (!note || note.start >= after.start) continue
    addedRefs.push(ref)
    addedNotes.push(before.run === undefined ? note : {...note, run: before.run})
  }
  if (addedNotes.length === 0) return
  found.refs = [...found.refs, ...addedRefs].sort((a, b) => a.start - b.start)
  found.notes = [...found.notes, ...addedNotes].sort((a, b) => a.start - b.start)
}

/** Whether the series ending at `end` is laid out as footnotes or as endnotes (see the thresholds above). */
function laidOutAsNotes(end: Node, refs: readonly Alignable[], notes: readonly Alignable[]): boolean {
  const chain: Node[] = []
  for (let node: Node | undefined = end; node; node = node.parent) chain.push(node)
  const footnotes = chain.every((node) => notes[node.note]!.start - refs[node.ref]!.end <= nearby)
  if (footnotes) return true
  const lastRef = refs[end.ref]!.end
  return chain.every((node, i) => {
    const note = notes[node.note]!
    const before = chain[i + 1]
    return note.start > lastRef && (before === undefined || note.start - notes[before.note]!.start <= nearby)
  })
}

/** Align `refs` with `notes`; `joining` (bracket references) are adopted when a series stands. */
function alignSequences<Resolved extends Alignable>(
  refs: readonly Resolved[],
  notes: readonly Resolved[],
  joining: readonly Resolved[]
): {refs: Resolved[]; notes: Resolved[]; adopted: Set<Resolved>} {
  const adopted = new Set<Resolved>()
  const sequence = refs
  const byNumber = new Map<number, number[]>()
  for (const [i, ref] of sequence.entries()) {
    const value = Number.parseInt(ref.label, 10)
    const list = byNumber.get(value)
    if (list) list.push(i)
    else byNumber.set(value, [i])
  }
  /** The first reference numbered `value` after sequence position `after` and before offset `before`. */
  const firstRef = (value: number, after: number, before: number): number | undefined => {
    const list = byNumber.get(value)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    let found: number | undefined
    while (low <= high) {
      const mid = (low + high) >> 1
      if (list[mid]! > after) {
        found = list[mid]
        high = mid - 1
      } else low = mid + 1
    }
    return found !== undefined && sequence[found]!.end <= before ? found : undefined
  }

  /** The sequence position of the last reference starting before `offset` (-1 when none). */
  const lastRefBefore = (offset: number): number => {
    let low = 0
    let high = sequence.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (sequence[mid]!.start < offset) low = mid + 1
      else high = mid
    }
    return low - 1
  }

  /**
   * Whether `held` stays the best series end for its number against `node`,
   * as long: a later note with the same number takes its place (the notes
   * list after numbered lists), unless `held` is written as the note before
   * it in its series is and `node` is not (a page-bottom footnote
   * `4These...` against the numbered heading `4. Bringing...` below it, after
   * `3All...`).
   */
  const formFits = (held: Node, node: Node): boolean =>
    node.parent !== undefined && held.parent !== undefined &&
    noteForm(notes[held.note]!) === noteForm(notes[held.parent.note]!) &&
    noteForm(notes[node.note]!) !== noteForm(notes[node.parent.note]!)

  const best = new Map<number, Node>()
  /** The end of the last note candidate seen with each number. */
  const lastNoteEnd = new Map<number, number>()
  const nodes: Node[] = []
  /** The last note that started its numbering again, cited by a reference after the last note with its number. */
  let restart: {note: number; value: number} | undefined
  for (const [j, note] of notes.entries()) {
    const value = Number.parseInt(note.label, 10)
    let node: Node | undefined
    for (const step of [1, 2]) {
      const parent = best.get(value - step)
      if (!parent || (node && node.length >= parent.length + 1)) continue
      // A series does not run on across a restart of the numbering at or below its own number.
      if (restart && restart.note > parent.note && restart.value <= value - step) continue
      const ref = firstRef(value, parent.ref, note.start)
      if (ref !== undefined) node = {note: j, ref, length: parent.length + 1, parent, from: parent.from}
    }
    if (!node) {
      // A series starts at the first reference with its number after the last note with that number
      // (numbering restarting in a chapter or an appendix), else at the document's first one.
      const previous = lastNoteEnd.get(value)
      const again = previous === undefined ? undefined : firstRef(value, lastRefBefore(previous), note.start)
      const ref = again ?? firstRef(value, -1, note.start)
      if (ref !== undefined) node = {note: j, ref, length: 1, parent: undefined, from: sequence[ref]!.start}
      if (again !== undefined) restart = {note: j, value}
    }
    lastNoteEnd.set(value, note.noteEnd ?? note.end)
    if (!node) continue
    nodes.push(node)
    const held = best.get(value)
    if (!held || node.length > held.length || (node.length === held.length && !formFits(held, node))) best.set(value, node)
  }

  // Series, longest first, whose spans do not overlap a series taken before.
  nodes.sort((a, b) => b.length - a.length || a.note - b.note)
  // Spans taken, sorted by start (they do not overlap, so by end too); searched by halves.
  const taken: Array<{from: number; to: number}> = []
  /** The position in `taken` of the first span ending after `offset`. */
  const firstEndingAfter = (offset: number): number => firstAfter(taken, offset, (span) => span.to)
  let runs = 0
  const keptRefs: Resolved[] = []
  const keptNotes: Resolved[] = []
  for (const end of nodes) {
    if (end.length < minimumSeries) break
    const to = notes[end.note]!.noteEnd ?? notes[end.note]!.end
    const at = firstEndingAfter(end.from)
    // The overlap first: it is cheap, and the layout walks the whole series.
    if (at < taken.length && taken[at]!.from < to) continue
    if (!laidOutAsNotes(end, refs, notes)) continue
    const series = {from: end.from, to}
    taken.splice(at, 0, series)
    runs++
    const numbers = new Set<number>()
    let first = end
    for (let node: Node | undefined = end; node; node = node.parent) {
      first = node
      keptNotes.push({...notes[node.note]!, run: runs})
      keptRefs.push(sequence[node.ref]!)
      numbers.add(Number.parseInt(notes[node.note]!.label, 10))
    }
    const low = Number.parseInt(notes[first.note]!.label, 10)
    const high = Number.parseInt(notes[end.note]!.label, 10)
    // Uncited notes between the series' notes, and those continuing its numbering right after its last note.
    for (let j = first.note + 1; j < end.note; j++) {
      const value = Number.parseInt(notes[j]!.label, 10)
      if (value > low && value < high && !numbers.has(value)) {
        numbers.add(value)
        keptNotes.push({...notes[j]!, run: runs})
      }
    }
    let next = high + 1
    for (let j = end.note + 1; j < notes.length && Number.parseInt(notes[j]!.label, 10) === next; j++, next++) {
      const holder = taken[firstEndingAfter(notes[j]!.start)]
      if (holder && holder !== series && holder.from <= notes[j]!.start) break
      series.to = notes[j]!.noteEnd ?? notes[j]!.end
      keptNotes.push({...notes[j]!, run: runs})
    }
  }
  if (taken.length > 0) {
    const aligned = new Set(keptRefs)
    for (const ref of joining) {
      if (aligned.has(ref)) continue
      keptRefs.push(ref)
    }
    for (const ref of joining) adopted.add(ref)
  }
  const bySyntax = (ref: Resolved): Resolved => (adopted.has(ref) ? {...ref, syntax: 'numeral'} : ref)
  return {
    refs: keptRefs.map(bySyntax).sort((a, b) => a.start - b.start),
    notes: keptNotes.sort((a, b) => a.start - b.start),
    adopted
  }
}
