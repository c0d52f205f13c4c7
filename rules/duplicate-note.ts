/**
 * # duplicate-note
 *
 * Checks that no two notes share an identifier (labels compared as GFM
 * compares them: case-insensitive, whitespace collapsed; `[2]` in a notes
 * list and `[^2]:` are different conventions and never clash). Each later
 * duplicate is reported; the message's `cause` points at the first.
 *
 * Why: every reference with that label resolves to the first note only, so
 * the later one is unreachable and its source silently lost (GFM renders
 * only the first definition).
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
import type {Rule} from '../src/rule.js'

const rule: Rule = {
  meta: {
    id: 'duplicate-note',
    description: 'Two notes must not share a label',
    severity: 'error',
    fix: 'none',
    messages: {
      duplicate: 'Duplicate note `{marker}`: an earlier note has the same label, expected one note per label',
      first: 'First note `{marker}` is here'
    },
    defaults: {}
  },
  check(context) {
    const {notes} = context.index
    for (const note of notes) {
      if (note.firstWithKey === note.index) continue
      const first = notes[note.firstWithKey]
      if (!first) continue
      context.report({
        messageId: 'duplicate',
        data: {marker: note.marker},
        span: note.markerSpan,
        related: {span: first.markerSpan, messageId: 'first', data: {marker: first.marker}}
      })
    }
  }
}

export default rule
