/**
 * # url-only-source
 *
 * Checks for notes that hold only a URL (maybe with a date), with no
 * outlet, author or title (`kind: url-only` in the note model).
 *
 * Why: links rot. When the page moves or disappears, a bare URL leaves the
 * reader nothing to search for; the outlet and title survive the link. A
 * note with a URL and an outlet is fine.
 *
 * Fails:
 *
 *     [4] https://www.isna.ir/news/94071507393/
 *
 * Passes:
 *
 *     [4] ISNA (Iran), October 7, 2015, https://www.isna.ir/news/94071507393/
 *
 * Options: none. Fixable: no (only the author knows the outlet).
 */
import type {Rule} from '../src/engine/rule.js'

const rule: Rule = {
  meta: {
    id: 'url-only-source',
    description: 'A note must name more than a URL',
    severity: 'warn',
    fix: 'none',
    messages: {
      urlOnly: 'URL-only note `{marker}`: it names no outlet or title, expected the outlet and title beside the URL'
    },
    defaults: {}
  },
  check(context) {
    for (const note of context.index.notes) {
      if (context.noteFields[note.index]?.kind !== 'url-only') continue
      context.report({messageId: 'urlOnly', data: {marker: note.marker}, span: note.span})
    }
  }
}

export default rule
