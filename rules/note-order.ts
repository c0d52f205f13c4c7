/**
 * # note-order
 *
 * Checks the numbering of numeric notes (bracket notes numbered 1, 2, 3 or
 * i, ii, iii; with the option `gfm`, also GFM notes whose labels are
 * numbers), each convention on its own:
 * - `reference`: the first references to the notes must come in ascending
 *   order (`[1]` ... `[3]` ... `[2]` is out of order at `[2]`);
 * - `list`: the notes list must be in ascending order;
 * - `skip`: the numbers must start at 1 and not skip (1, 2, 4). A number
 *   that a reference uses but no note has is `undefined-reference`'s.
 * A number defined twice is `duplicate-note`'s; only its first note counts
 * here. References from inside notes are not first citations.
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
 * Options: `gfm` (default `false`): also check GFM notes with numeric
 * labels. Off by default because GFM renderers (GitHub, remark-rehype)
 * number footnotes by order of first call whatever their labels, so readers
 * never see the source numbers.
 *
 * Fixable: not yet (renumbering is planned as a safe fix).
 */
import type {Rule} from '../src/rule.js'
import type {Note} from '../src/types.js'

/** Options of `note-order`. */
export interface NoteOrderOptions {
  /** Also check GFM notes whose labels are numbers. */
  readonly gfm: boolean
}

const rule: Rule<NoteOrderOptions> = {
  meta: {
    id: 'note-order',
    description: 'Numeric notes must be numbered in order of first citation, without gaps',
    severity: 'warn',
    fix: 'none',
    messages: {
      reference: 'Out-of-order reference `{marker}`: note {number} is first cited after note {previous}, expected ascending order',
      list: 'Out-of-order note `{marker}` in the notes list: it comes after note {previous}, expected ascending order',
      skip: 'Skipped number before note `{marker}`: no note numbered {missing}, expected consecutive numbers from 1'
    },
    defaults: {gfm: false},
    validate: (options) => (typeof options.gfm === 'boolean' ? undefined : '`gfm` must be true or false')
  },
  check(context) {
    const {index} = context
    const groups = new Map<string, Note[]>()
    for (const note of index.notes) {
      const numbered =
        note.number !== undefined &&
        note.firstWithKey === note.index &&
        (note.syntax === 'gfm' ? context.options.gfm && note.style === 'caret' : note.style === index.numberingStyle)
      if (!numbered) continue
      const group = groups.get(note.syntax) ?? []
      group.push(note)
      groups.set(note.syntax, group)
    }

    for (const [syntax, notes] of groups) {
      // First citations, in document order.
      const members = new Set(notes)
      const seen = new Set<number>()
      let highest: Note | undefined
      for (const reference of index.references) {
        if (reference.syntax !== syntax || reference.inNote !== undefined || reference.note === undefined) continue
        const note = index.notes[reference.note]
        if (!note || !members.has(note) || seen.has(note.index)) continue
        seen.add(note.index)
        if (highest && highest.number! > note.number!) {
          context.report({
            messageId: 'reference',
            data: {marker: reference.marker, number: note.label, previous: highest.label},
            span: reference.span
          })
        } else highest = note
      }

      // The list, in document order.
      let listed: Note | undefined
      for (const note of notes) {
        if (listed && listed.number! > note.number!) {
          context.report({messageId: 'list', data: {marker: note.marker, previous: listed.label}, span: note.markerSpan})
        } else listed = note
      }

      // Gaps, in number order; a number some reference uses is not a gap.
      const used = new Set(
        index.references.filter((r) => r.syntax === syntax && r.note === undefined).map((r) => r.number)
      )
      const sorted = [...notes].sort((a, b) => a.number! - b.number!)
      let expected = 1
      for (const note of sorted) {
        const value = note.number!
        let from = expected
        while (from < value && used.has(from)) from++
        let to = value - 1
        while (to >= from && used.has(to)) to--
        if (from <= to) {
          const missing = from === to ? String(from) : `${from} to ${to}`
          context.report({messageId: 'skip', data: {marker: note.marker, missing}, span: note.markerSpan})
        }
        expected = Math.max(expected, value + 1)
      }
    }
  }
}

export default rule
