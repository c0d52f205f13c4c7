/**
 * # empty-source
 *
 * Checks that every note names a source: an outlet, an author or a title.
 * A note with nothing after its marker, or with only a date, a place in
 * parentheses and punctuation, has lost its source, typically when a web
 * page's link was stripped on copy (`[2], October 7, 2015.`).
 *
 * Why: a note that cites nothing gives the reader nothing to check. A
 * discursive note that names its source inside its prose (`[3] The prime
 * minister said ... Al-Quds (London), October 1, 2015.`) is fine; a note
 * holding only a URL is not empty (see the note model).
 *
 * Fails:
 *
 *     [2], October 7, 2015.
 *
 * Passes:
 *
 *     [2] ISNA (Iran), October 7, 2015.
 *
 * Options: none. Fixable: no.
 */
import type {Rule} from '../src/engine/rule.js'

const rule: Rule = {
  meta: {
    id: 'empty-source',
    description: 'A note must name a source',
    severity: 'error',
    fix: 'none',
    messages: {
      empty: 'Empty note `{marker}`: nothing follows the marker, expected an outlet, author or title',
      onlyRest: 'Empty source in note `{marker}` (only `{content}`), expected an outlet, author or title'
    },
    defaults: {}
  },
  check(context) {
    for (const note of context.index.notes) {
      if (context.noteFields[note.index]?.kind !== 'empty') continue
      const content = note.content.length > 40 ? `${note.content.slice(0, 39)}…` : note.content
      context.report({
        messageId: content ? 'onlyRest' : 'empty',
        data: {marker: note.marker, content},
        span: note.span
      })
    }
  }
}

export default rule
