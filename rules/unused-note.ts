/**
 * # unused-note
 *
 * Checks that every note is cited by at least one reference. A reference
 * from inside another note counts (`see note 3`); a note citing itself does
 * not. A later note with the label of an earlier one, uncited, is
 * `duplicate-note`'s.
 *
 * Why: an uncited note usually means a marker was lost in editing, so a
 * claim in the text lost its source, or the note is left over from a cut.
 *
 * Fails:
 *
 *     Tehran denied it.[1]
 *
 *     [1] IRNA (Iran), October 2, 2015.
 *     [2] Fars (Iran), October 3, 2015.
 *
 * Passes: the same, with `[2]` cited in the text.
 *
 * Options: none. Fixable: no (which text it belonged to is unknown).
 */
import type {Rule} from '../src/engine/rule.js'
import {expectedReference, noteName} from '../src/citation-index/names.js'

const rule: Rule = {
  meta: {
    id: 'unused-note',
    description: 'A note must be cited by a reference',
    severity: 'warn',
    fix: 'none',
    messages: {
      unused: 'Unused {note}: no reference cites it, expected {reference} in the text'
    },
    defaults: {}
  },
  check(context) {
    for (const note of context.index.notes) {
      if (note.firstWithKey !== note.index || note.references.length > 0) continue
      // An HTML page's note (src/readers/html.ts) is named by its id, and cited by a link to it.
      const page = context.index.format === 'html' && note.syntax === 'gfm'
      const data = page
        ? {note: `note \`${note.marker}\``, reference: `a link to \`${note.marker}\``}
        : {note: noteName(note, context.index), reference: expectedReference(note, context.index)}
      context.report({messageId: 'unused', data, span: note.markerSpan})
    }
  }
}

export default rule
