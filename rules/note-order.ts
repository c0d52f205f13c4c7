/**
 * # note-order
 *
 * Checks the numbering of numeric notes (bracket notes numbered 1, 2, 3 or
 * i, ii, iii; with the option `gfm`, also GFM notes whose labels are
 * numbers), each convention on its own:
 * - `reference`: the first references to the notes must come in ascending
 *   order (`[1]` ... `[3]` ... `[2]` is out of order at `[2]`). Only the
 *   references outside the longest ascending run of first citations are
 *   reported: one reference cited too early (`[15]` in a preface, then `[2]`
 *   to `[14]` in order) is one finding (`early`), not one per later note.
 *   A numbered bibliography in alphabetical order (five or more entries
 *   sorted by first word or by the first author's surname) follows the
 *   alphabet, not first citation, and is not checked for this; nor is a
 *   list whose first citations are mostly out of order (fewer than half in
 *   the longest ascending run: `[3]`, `[2]`, `[1]`): such numbers were not
 *   given by first citation (a bibliography style sorted them, by author
 *   or otherwise), and reading order is not what they claim. References
 *   in a table or a table's caption are not first citations: converters
 *   move tables and captions (pandoc writes a caption after its table),
 *   and a reader meets a table's cells in no set order;
 * - `list`: the notes list must be in ascending order;
 * - `skip`: the numbers must start at 1 and not skip (1, 2, 4). A number
 *   that a reference in the notes' style uses but no note has is
 *   `undefined-reference`'s. A broken marker whose numeral means the
 *   missing number (`[iv]` among notes 1, 2, 3, 5) does not hide the gap:
 *   both are reported, as they are probably one fault.
 * A number defined twice is `duplicate-note`'s; only its first note counts
 * here. Bare note numbers whose numbering restarts (an appendix numbered
 * from 1 again) are checked per run. References from inside notes are not first citations.
 *
 * On an HTML page, notes are numbered as a reader sees them: by their place
 * in their `<ol>` (`start` and `value` honoured) or the number written at
 * their start, not by their ids; a page's notes are always checked (the
 * `gfm` option is for Markdown) and never fixed (the HTML reader offers no
 * fix).
 *
 * Why: readers find a note by its number; a number out of sequence makes
 * them search, and a skipped number usually means a note was lost.
 *
 * Fails:
 *
 *     Moscow agreed.[2] Tehran denied it.[1]
 *
 * Passes:
 *
 *     Moscow agreed.[1] Tehran denied it.[2]
 *
 * Fixable (safe): renumbers the notes in order of first citation, updating
 * every reference, and moves each note's whole text to its place in the
 * notes list; notes never cited keep their text and go last. When a note
 * holds another (a GFM definition nested in one, `[^2]: [^1]: ...`), the
 * notes are relabelled in place, not moved. No fix when a label is defined
 * twice or a reference with a number resolves to nothing (renumbering could
 * then change what a marker points to); `--fix`, `--fix-dry-run` and the
 * language server say so.
 *
 * Numbers missing below the first note are reported once; for bare
 * numbers (notes 31 to 36 of a chapter copied from a PDF or web page) the
 * message says the document may continue a longer work's numbering;
 * the option `firstNumber` declares where the numbering starts.
 * Numeral notes (`stalled.4` with `4. Source`) are checked, never fixed.
 *
 * Options: `firstNumber` (default `1`): the number the notes start at.
 * `gfm` (default `false`): also check GFM notes with numeric
 * labels. Off by default because GFM renderers (GitHub, remark-rehype)
 * number footnotes by order of first call whatever their labels, so readers
 * never see the source numbers.

 */
import type {Fix, Report, Rule, TextEdit} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'
import {applyEdits, editsFit} from '../src/engine/edits.js'
import {toRoman} from '../src/citation-index/marker.js'
import {fitsNumbering} from '../src/citation-index/numbering.js'
import type {CitationIndex, Note, Reference} from '../src/citation-index/types.js'
import {longestAscending} from '../src/models/longest-ascending.js'

/** Options of `note-order`. */
export interface NoteOrderOptions {
  /** Also check GFM notes whose labels are numbers. */
  readonly gfm: boolean
  /** The number the document's notes start at (a chapter continuing a longer work's numbering). */
  readonly firstNumber: number
}

const rule: Rule<NoteOrderOptions> = {
  meta: {
    id: 'note-order',
    description: 'Numeric notes must be numbered in order of first citation, without gaps',
    severity: 'warn',
    fix: 'safe',
    messages: {
      reference: 'Out-of-order reference `{marker}`: note {number} is first cited after note {previous}, expected ascending order',
      early: 'Out-of-order reference `{marker}`: note {number} is first cited before note {next}, expected ascending order',
      list: 'Out-of-order {note} in the notes list: it comes after note {previous}, expected ascending order',
      skip: 'Skipped number before {note}: no note numbered {missing}, expected consecutive numbers from 1',
      start: 'Missing notes {missing} below the first {note}: it may continue a longer work, else expected 1'
    },
    defaults: {gfm: false, firstNumber: 1},
    validate: (options) =>
      typeof options.gfm !== 'boolean'
        ? '`gfm` must be true or false'
        : Number.isInteger(options.firstNumber) && options.firstNumber >= 1
          ? undefined
          : '`firstNumber` must be a whole number of at least 1'
  },
  check(context) {
    const {index} = context
    // An HTML page's notes are numbered as a reader sees them (`Note.shown`), not by their ids.
    const page = index.format === 'html'
    const numberOf = (note: Note): number => (page ? Number(note.shown) : note.number!)
    const nameOf = (note: Note): string => (page ? note.shown! : note.label)
    const groups = new Map<string, Note[]>()
    for (const note of index.notes) {
      const numbered = page
        ? // A second note with one id is still shown in its list, under its own number.
          note.shown !== undefined && /^\d+$/.test(note.shown)
        : note.number !== undefined &&
        note.firstWithKey === note.index &&
        (note.syntax === 'gfm' ? context.options.gfm && note.style === 'caret' : note.style === index.numberingStyle)
      if (!numbered) continue
      // A page numbers each series (each `<ol>`) on its own; bare note numbers, each run of their numbering.
      const key = page ? `${note.syntax}\u0000${note.series ?? ''}` : note.run === undefined ? note.syntax : `${note.syntax}\u0000${note.run}`
      const group = groups.get(key) ?? []
      group.push(note)
      groups.set(key, group)
    }

    // Each group's first citations, in document order, read in one pass over
    // the references (a document may restart its numbering in thousands of runs).
    const groupOf = new Map<Note, Note[]>()
    for (const notes of groups.values()) for (const note of notes) groupOf.set(note, notes)
    const firstsOf = new Map<Note[], FirstCitation[]>()
    const seen = new Set<number>()
    for (const reference of index.references) {
      if (reference.inNote !== undefined || reference.inTable || reference.note === undefined) continue
      const note = index.notes[reference.note]
      const group = note ? groupOf.get(note) : undefined
      if (!note || !group || reference.syntax !== note.syntax || seen.has(note.index)) continue
      seen.add(note.index)
      const list = firstsOf.get(group)
      if (list) list.push({reference, note})
      else firstsOf.set(group, [{reference, note}])
    }
    // Numbers used by references of a syntax that resolve to no note, per syntax.
    const usedOf = new Map<string, Set<number | undefined>>()
    const withheld = withholdings(index)

    for (const [key, notes] of groups) {
      const syntax = key.split('\u0000')[0]!
      const found: Report[] = []
      const report = (item: Report): void => {
        found.push(item)
      }
      const firsts = firstsOf.get(notes) ?? []
      if (!bibliographyOrder(notes, numberOf)) for (const item of outOfOrder(firsts, numberOf, nameOf)) report(item)

      // The list, in document order.
      let listed: Note | undefined
      for (const note of notes) {
        if (listed && numberOf(listed) > numberOf(note)) {
          report({messageId: 'list', data: {note: noteName(note, index), previous: nameOf(listed)}, span: note.markerSpan})
        } else listed = note
      }

      // Gaps, in number order; a number some reference written in the notes'
      // style uses is not a gap (undefined-reference names it). A broken
      // marker (`[iv]` among arabic notes) does not fill one: it is
      // broken-marker's, which says the note is missing too.
      let used = usedOf.get(syntax)
      if (!used) {
        used = new Set(
          index.references
            .filter((r) => r.syntax === syntax && r.note === undefined && fitsNumbering(r, index))
            .map((r) => r.number)
        )
        usedOf.set(syntax, used)
      }
      const sorted = [...notes].sort((a, b) => numberOf(a) - numberOf(b))
      let expected = context.options.firstNumber
      for (const note of sorted) {
        const value = numberOf(note)
        let from = expected
        while (from < value && used.has(from)) from++
        let to = value - 1
        while (to >= from && used.has(to)) to--
        if (from <= to) {
          const missing = from === to ? String(from) : `${from} to ${to}`
          // Numbers missing below the first numeral note (a chapter of a PDF or web copy): reported once, as a possible continued numbering.
          const messageId = syntax === 'numeral' && note === sorted[0] && from === 1 ? 'start' : 'skip'
          report({messageId, data: {note: noteName(note, index), missing}, span: note.markerSpan})
        }
        expected = Math.max(expected, value + 1)
      }

      if (found.length === 0) continue
      // No fix on a page: the reader lints a virtual text, not the file.
      if (page) {
        for (const item of found) context.report(item)
        continue
      }
      const fix = renumber(index, String(context.file.value), syntax, notes, withheld)
      for (const item of found) {
        context.report(typeof fix === 'string' ? {...item, fixWithheld: fix} : fix ? {...item, fix} : item)
      }
    }
  }
}

/** What withholds a renumbering, read once per document. */
interface Withholdings {
  /** Per key, the first note defined again with it (not the first of its key). */
  readonly twice: Map<string, Note>
  /** Per syntax, the first reference with a number that resolves to no note. */
  readonly nowhere: Map<string, Reference>
}

/** The {@link Withholdings} of `index`, in one pass over its notes and one over its references. */
function withholdings(index: CitationIndex): Withholdings {
  const twice = new Map<string, Note>()
  for (const note of index.notes) if (note.firstWithKey !== note.index && !twice.has(note.key)) twice.set(note.key, note)
  const nowhere = new Map<string, Reference>()
  for (const r of index.references) if (r.note === undefined && r.number !== undefined && !nowhere.has(r.syntax)) nowhere.set(r.syntax, r)
  return {twice, nowhere}
}

/** A note's first citation from the text. */
interface FirstCitation {
  readonly reference: Reference
  readonly note: Note
}

/**
 * The findings for first citations out of order. Each reference that breaks
 * the ascending order is reported once: the ones outside the longest
 * ascending run of first citations (notes numbered by `numberOf`, named in
 * messages by `nameOf`). When the first citation of a note comes
 * too early (`[15]` in a preface, then `[2]` ... `[14]` in order), that one
 * reference is reported, not the fourteen after it; a run that only needs
 * the later references dropped is reported as before, at each of them.
 */
function outOfOrder(firsts: readonly FirstCitation[], numberOf: (note: Note) => number, nameOf: (note: Note) => string): Report[] {
  const numbers = firsts.map((item) => numberOf(item.note))
  const kept = longestAscending(numbers)
  // Fewer than half in order: the list is not numbered by first citation at all.
  if (kept.size * 2 < numbers.length) return []
  const found: Report[] = []
  let highest: Note | undefined
  for (const [i, {reference, note}] of firsts.entries()) {
    if (kept.has(i)) {
      highest = note
      continue
    }
    if (highest && numberOf(highest) > numberOf(note)) {
      found.push({messageId: 'reference', data: {marker: reference.marker, number: nameOf(note), previous: nameOf(highest)}, span: reference.span})
      continue
    }
    const next = firsts.slice(i + 1).find((later) => numberOf(later.note) < numberOf(note))
    if (next) found.push({messageId: 'early', data: {marker: reference.marker, number: nameOf(note), next: nameOf(next.note)}, span: reference.span})
  }
  return found
}

/**
 * Whether the notes list is a bibliography in alphabetical order: five or
 * more entries, sorted by their first word (`[1] Abowd, J.`, `[2] Bun, M.`)
 * or by the first author's surname, the last word before the first comma or
 * `and` (`[1] John Abowd, ...`, `[2] Mark Bun and ...`). Its numbers follow
 * the alphabet, as in numbered author-sorted reference lists of papers, not
 * first citation.
 */
function bibliographyOrder(notes: readonly Note[], numberOf: (note: Note) => number): boolean {
  if (notes.length < 5) return false
  const sorted = [...notes].sort((a, b) => numberOf(a) - numberOf(b))
  const ascending = (keys: readonly string[]): boolean =>
    keys.every((key, i) => key.length > 0 && (i === 0 || keys[i - 1]!.localeCompare(key) <= 0))
  const words = sorted.map((note) => note.content.trim().split(/\s+/, 8))
  const firstWords = words.map((list) => (list[0] ?? '').toLocaleLowerCase())
  const surnames = words.map((list) => {
    const end = list.findIndex((word) => word.endsWith(',') || word === 'and')
    const surname = end < 0 ? '' : list[end]!.endsWith(',') ? list[end]!.slice(0, -1) : (list[end - 1] ?? '')
    return surname.toLocaleLowerCase()
  })
  return ascending(firstWords) || ascending(surnames)
}

/**
 * The renumbering fix for one convention's numbered notes: number them in
 * order of first citation from the text (then notes cited only from other
 * notes, then uncited notes, each in list order), relabel every reference
 * and note, and, when all the notes are in the notes section and no note
 * holds another, move each note's whole text to its new place in the list
 * (each slot of the list receives exactly one note, so no note text is lost
 * or repeated). Nested notes are relabelled in place: moving one would move
 * the other with it, and their edits would overlap.
 *
 * No fix, and why (a clause the CLI and the language server print after
 * "not fixed: "), when renumbering could change what a marker points to (a
 * label defined twice, or an unresolved reference with a number) or would
 * rewrite the prose (bare numbers); `undefined` when nothing needs to change.
 */
function renumber(index: CitationIndex, source: string, syntax: string, notes: readonly Note[], withheld: Withholdings): Fix | string | undefined {
  const members = new Set(notes)
  let twice: Note | undefined
  for (const note of notes) {
    const again = withheld.twice.get(note.key)
    if (again && (!twice || again.index < twice.index)) twice = again
  }
  if (twice) return `renumbering is withheld while note \`${twice.marker}\` is defined twice, as references could end up pointing elsewhere`
  const nowhere = withheld.nowhere.get(syntax)
  if (nowhere) return `renumbering is withheld while reference \`${nowhere.marker}\` resolves to no note, as it could end up pointing to another note`
  // Bare numbers (`stalled.4`, `¹`) are not relabelled: a fix would rewrite numbers in the prose.
  if (syntax === 'numeral') return 'bare note numbers are never renumbered, as the fix would rewrite numbers in the prose'

  const placed = new Set<Note>()
  const place = (note: Note | undefined): void => {
    if (note && members.has(note)) placed.add(note)
  }
  for (const pass of ['body', 'notes'] as const) {
    for (const reference of index.references) {
      if (reference.syntax !== syntax || reference.note === undefined) continue
      if ((reference.inNote === undefined) === (pass === 'body')) place(index.notes[reference.note])
    }
  }
  for (const note of notes) place(note)
  const order = [...placed]

  const roman = syntax === 'bracket' && index.numberingStyle === 'roman'
  const newLabel = new Map(order.map((note, i) => [note, roman ? toRoman(i + 1) : String(i + 1)]))
  const labelEdit = (start: number, marker: string, label: string, note: Note): TextEdit => {
    const at = start + marker.lastIndexOf(label)
    return {start: at, end: at + label.length, text: newLabel.get(note)!}
  }

  // Notes of any convention whose spans overlap (index.notes is sorted by start).
  const nested = index.notes.some((note, i) => i > 0 && note.span.start.offset < index.notes[i - 1]!.span.end.offset)

  // References in the text are relabelled in place; those inside a note move with it.
  const edits: TextEdit[] = []
  const insideNote = new Map<number, TextEdit[]>()
  for (const reference of index.references) {
    const note = reference.note === undefined ? undefined : index.notes[reference.note]
    if (reference.syntax !== syntax || !note || !members.has(note)) continue
    const edit = labelEdit(reference.span.start.offset, reference.marker, reference.label, note)
    const holder = reference.inNote === undefined ? undefined : index.notes[reference.inNote]
    if (!nested && holder && members.has(holder)) {
      const list = insideNote.get(holder.index)
      if (list) list.push(edit)
      else insideNote.set(holder.index, [edit])
    }
    else edits.push(edit)
  }

  if (nested) {
    for (const note of notes) edits.push(labelEdit(note.markerSpan.start.offset, note.marker, note.label, note))
    return {edits}
  }

  // Each note's new text: its source with its own label and the references inside it relabelled.
  const noteText = (note: Note): string | undefined => {
    const own = [labelEdit(note.markerSpan.start.offset, note.marker, note.label, note), ...(insideNote.get(note.index) ?? [])]
    const {start, end} = note.span
    // The index keeps every marker of a note inside it; should it not, no fix rather than a failed rule.
    if (!editsFit(own, end.offset - start.offset, start.offset)) return undefined
    return applyEdits(source.slice(start.offset, end.offset), own, start.offset)
  }
  const slots = [...notes].sort((a, b) => a.span.start.offset - b.span.start.offset)
  const targets = notes.every((note) => note.inNotesSection) ? order : slots
  for (const [i, slot] of slots.entries()) {
    const text = noteText(targets[i]!)
    if (text === undefined) return 'a note’s markers lie outside its text, a citelint bug'
    if (text !== source.slice(slot.span.start.offset, slot.span.end.offset)) {
      edits.push({start: slot.span.start.offset, end: slot.span.end.offset, text})
    }
  }
  return edits.length > 0 ? {edits} : undefined
}

export default rule
