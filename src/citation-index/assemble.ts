/**
 * The frozen citation index from the references and notes the resolver kept:
 * which note each reference resolves to, which note holds it, the notes
 * section, and the numbering style.
 */
import {labelNumber} from './marker.js'
import {lastStartingBy} from './search.js'
import {identifierOf, keyOf} from './identifier.js'
import type {Resolved} from './resolver.js'
import type {CitationIndex, Format, Note, NumberingStyle, Reference, Span} from './types.js'

/**
 * Assemble the index of a document of `format` from `found` (references and
 * notes in any order); `span` turns offsets into spans. Everything in the
 * result is frozen.
 */
export function assembleIndex(
  found: {refs: readonly Resolved[]; notes: readonly Resolved[]},
  format: Format,
  span: (start: number, end: number) => Span
): CitationIndex {
  const refsFound = [...found.refs].sort((a, b) => a.start - b.start)
  const notesFound = [...found.notes].sort((a, b) => a.start - b.start)

  const byKey = new Map<string, number[]>()
  notesFound.forEach((note, i) => {
    const list = byKey.get(keyOf(note))
    if (list) list.push(i)
    else byKey.set(keyOf(note), [i])
  })
  /**
   * The note a reference resolves to. GFM: the first definition (as the GFM
   * spec resolves). Bracket and symbol notes may restart per chapter or page
   * (Project Gutenberg, OCR'd reports): the nearest note with the label after
   * the reference, else the last one before it.
   */
  const resolve = (ref: Resolved, key: string): number | undefined => {
    const list = byKey.get(key)
    if (!list) return undefined
    if (ref.syntax === 'gfm' || list.length === 1) return list[0]
    let low = 0
    let high = list.length - 1
    let found = list.at(-1)
    while (low <= high) {
      const mid = (low + high) >> 1
      if (notesFound[list[mid]!]!.start > ref.start) {
        found = list[mid]
        high = mid - 1
      } else low = mid + 1
    }
    return found
  }
  const byStart = new Map(notesFound.map((note, i) => [note.start, i]))
  const containing = (ref: Resolved): number | undefined => {
    if (ref.inDefinition !== undefined) return byStart.get(ref.inDefinition)
    const best = lastStartingBy(notesFound, ref.start)
    const note = notesFound[best]
    // A GFM definition's references know it (`inDefinition`); a malformed one (`[1^]:`, a paragraph) holds its references as bracket notes do.
    return note && (note.syntax !== 'gfm' || note.meant !== undefined) && ref.start < (note.noteEnd ?? note.end) ? best : undefined
  }

  // Malformed GFM definitions (`[1^]:`) by the key of the label they were meant to have: the first of each.
  const meantByKey = new Map<string, number>()
  notesFound.forEach((note, i) => {
    if (note.meant === undefined) return
    const key = keyOf({label: note.meant, style: 'caret', syntax: 'gfm'})
    if (!meantByKey.has(key)) meantByKey.set(key, i)
  })

  const citing: number[][] = notesFound.map(() => [])
  const references: Reference[] = refsFound.map((ref, index) => {
    const identifier = identifierOf(ref)
    const key = keyOf(ref)
    const note = resolve(ref, key)
    const inNote = containing(ref)
    if (note !== undefined && note !== inNote) citing[note]!.push(index)
    const meantNote = note === undefined && ref.syntax === 'gfm' && ref.style === 'caret' ? meantByKey.get(key) : undefined
    return Object.freeze({
      index,
      marker: ref.marker,
      label: ref.label,
      identifier,
      style: ref.style,
      syntax: ref.syntax,
      key,
      span: (span(ref.start, ref.end)),
      note,
      inNote,
      number: labelNumber(ref.label, ref.style),
      inTable: ref.inTable === true,
      ...(meantNote === undefined ? {} : {meantNote})
    })
  })

  const bodyRefEnd = references.reduce(
    (last, ref) => (ref.inNote === undefined ? Math.max(last, ref.span.end.offset) : last),
    -1
  )
  const sectionStart = notesFound.find((n) => n.start >= bodyRefEnd)
  const lastNote = notesFound.at(-1)
  const notesSection =
    sectionStart && lastNote ? (span(sectionStart.start, lastNote.noteEnd ?? lastNote.end)) : undefined

  // The first note of each key, per run of numbering (numeral notes restarting in an appendix are no duplicates).
  const firstOfRun = new Map<string, number>()
  notesFound.forEach((note, i) => {
    const runKey = `${keyOf(note)}\u0000${note.run ?? ''}`
    if (!firstOfRun.has(runKey)) firstOfRun.set(runKey, i)
  })
  const notes: Note[] = notesFound.map((note, index) => {
    const key = keyOf(note)
    const first = firstOfRun.get(`${key}\u0000${note.run ?? ''}`) ?? index
    return Object.freeze({
      index,
      marker: note.marker,
      label: note.label,
      identifier: identifierOf(note),
      style: note.style,
      syntax: note.syntax,
      key,
      span: (span(note.start, note.noteEnd ?? note.end)),
      markerSpan: (span(note.start, note.end)),
      content: note.content ?? '',
      contentSpan: (
        span(note.contentStart ?? note.end, (note.contentStart ?? note.end) + (note.content ?? '').length)
      ),
      inNotesSection: notesSection !== undefined && note.start >= notesSection.start.offset,
      firstWithKey: first,
      references: Object.freeze(citing[index]!),
      number: labelNumber(note.label, note.style),
      ...(note.shown === undefined ? {} : {shown: note.shown}),
      ...(note.series === undefined ? {} : {series: note.series}),
      ...(note.anchor === undefined ? {} : {anchor: note.anchor}),
      ...(note.run === undefined ? {} : {run: note.run}),
      ...(note.meant === undefined ? {} : {meant: note.meant})
    })
  })

  const numberingStyle = dominantStyle(notes)
  const numbered = notes.filter(
    (n) => n.number !== undefined && (n.style === numberingStyle || (numberingStyle === 'caret' && n.syntax === 'gfm'))
  )
  const numbers = numbered.map((n) => n.number!)
  const numberRange = numbers.length
    ? Object.freeze({
        min: numbers.reduce((a, b) => Math.min(a, b)),
        max: numbers.reduce((a, b) => Math.max(a, b))
      })
    : undefined

  return Object.freeze({
    format,
    references: Object.freeze(references),
    notes: Object.freeze(notes),
    notesSection,
    numberingStyle,
    numberRange,
    crossReferences: Object.freeze([])
  })
}

/** The style most bracket notes use; `caret` with only GFM notes; `none` without notes. */
function dominantStyle(notes: readonly Note[]): NumberingStyle {
  const counts = {arabic: 0, roman: 0, letter: 0}
  for (const note of notes) {
    if (note.style === 'arabic' || note.style === 'roman' || note.style === 'letter') counts[note.style]++
  }
  const best = (Object.keys(counts) as Array<keyof typeof counts>).reduce((a, b) => (counts[b] > counts[a] ? b : a))
  if (counts[best] > 0) return best
  return notes.some((n) => n.syntax === 'gfm') ? 'caret' : 'none'
}
