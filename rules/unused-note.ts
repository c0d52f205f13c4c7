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

const rule: Rule = {
  meta: {
    id: 'unused-note',
    description: 'A note must be cited by a reference',
    severity: 'warn',
    fix: 'none',
    messages: {
      unused: 'Unused note `{marker}`: no reference cites it, expected a reference `{reference}` in the text',
      link: 'Unused note `{marker}`: no link of the page targets it, expected a reference linking to `#{id}`'
    },
    defaults: {}
  },
  check(context) {
    for (const note of context.index.notes) {
      if (note.firstWithKey !== note.index || note.references.length > 0) continue
      if (context.index.format === 'html' && note.syntax === 'gfm') {
        context.report({messageId: 'link', data: {marker: note.marker, id: note.label}, span: note.markerSpan})
        continue
      }
      const reference = note.syntax === 'gfm' ? note.marker : note.syntax === 'symbol' || note.syntax === 'numeral' ? note.label : `[${note.label}]`
      context.report({messageId: 'unused', data: {marker: note.marker, reference}, span: note.markerSpan})
    }
  }
}

export default rule
