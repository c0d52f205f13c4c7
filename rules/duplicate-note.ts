/**
 * # duplicate-note
 *
 * Checks that no two notes share an identifier (labels compared as GFM
 * compares them: case-insensitive, whitespace collapsed; `[2]` in a notes
 * list and `[^2]:` are different conventions and never clash). A later note
 * with the label of an earlier one is reported when no reference resolves to
 * it; the message's `cause` points at the first note with the label.
 *
 * Why: the later note is unreachable and its source silently lost (GFM
 * renders only the first definition). Numbering that restarts per chapter
 * or page, each note with its own reference before it (Project Gutenberg's
 * `[Footnote 1: ...]`), is not a duplicate: each reference resolves to the
 * nearest note after it. Nor are bare note numbers of a run that starts
 * again (an appendix numbered from 1 after the chapter's notes 1 to 3),
 * cited or not: each run is its own series (`Note.run`).
 *
 * Fails:
 *
 *     [2] Fars (Iran), October 3, 2015.
 *     [2] Tasnim (Iran), October 4, 2015.
 *
 * Passes: the second note numbered `[3]`, and cited.
 *
 * Options: none. Fixable: no.
 */
import type {Rule} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'

const rule: Rule = {
  meta: {
    id: 'duplicate-note',
    description: 'Two notes must not share a label',
    severity: 'error',
    fix: 'none',
    messages: {
      duplicate: 'Duplicate {note}: an earlier note has the same label, expected one note per label',
      first: 'First {note} is here'
    },
    defaults: {}
  },
  check(context) {
    const {notes} = context.index
    for (const note of notes) {
      if (note.firstWithKey === note.index || note.references.length > 0) continue
      const first = notes[note.firstWithKey]
      if (!first) continue
      context.report({
        messageId: 'duplicate',
        data: {note: noteName(note, context.index)},
        span: note.markerSpan,
        related: {span: first.markerSpan, messageId: 'first', data: {note: noteName(first, context.index)}}
      })
    }
  }
}

export default rule
