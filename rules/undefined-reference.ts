/**
 * # undefined-reference
 *
 * Checks that every footnote reference resolves to a note: a GFM call
 * `[^label]` to a definition `[^label]:`, a bracket marker `[7]` to an entry
 * `[7]` of the notes list. (A symbol such as `*` counts as a marker only when
 * a note starts with it, so it always resolves.)
 *
 * Why: a reference that points nowhere leaves a claim without its source,
 * and in Markdown the parser silently prints an undefined GFM call as text.
 * Labels match as GFM matches them: case-insensitive, whitespace collapsed.
 *
 * Markers not written in the notes' numbering style (`[v]` among notes
 * numbered 1 to 5) are `broken-marker`'s, not this rule's. A marker citing
 * several notes (`[4, 6]`) is reported once for each note it cites that is
 * missing, naming that note.
 *
 * In a Word document, a note number typed in superscript after punctuation
 * (it looks like a footnote mark and leads nowhere) is reported with its
 * own wording (`typed`), as is a reference mark whose note is missing from
 * the notes part (`word`).
 *
 * A GFM call that a malformed definition would define once its label is
 * fixed (`[^1]` with `[1^]: ...`, a paragraph to GFM) is left to
 * `broken-marker`, which reports the definition: one fault, one message.
 *
 * On an HTML page, a back-link inside a cited note to an id no element has
 * (`<a href="#fnref2">↩</a>` once the reference lost its id) is reported
 * with its own wording (`backLink`): it points back at a reference, not at a
 * note. The coverage summary does not count it as a reference.
 *
 * Fails (notes list has 1 and 2 only):
 *
 *     Tehran denied it.[3]
 *
 * Passes:
 *
 *     Tehran denied it.[2]
 *
 * Options: none. Fixable: no (only the author knows the missing source).
 */
import type {Rule} from '../src/engine/rule.js'
import {isBrokenBackLink, missingTarget} from '../src/citation-index/names.js'
import {fitsNumbering} from '../src/citation-index/numbering.js'

const rule: Rule = {
  meta: {
    id: 'undefined-reference',
    description: 'A footnote reference must resolve to a note',
    severity: 'error',
    fix: 'none',
    messages: {
      bracket: 'Undefined reference `{marker}`, expected a note `{expected}` in the notes list',
      gfm: 'Undefined reference `{marker}`, expected a footnote definition `{marker}:`',
      html: 'Undefined reference `{marker}` to `{target}`, expected a note with the id `{id}`',
      backLink: 'Broken back-link `{marker}` to `{target}`: no element has the id `{id}`, expected the id on the reference that cites this note',
      typed: 'Undefined reference `{marker}`: a number typed in superscript is no Word footnote, expected a footnote inserted in its place',
      word: 'Undefined reference `{marker}`: the document holds no such note, expected the note or no reference mark'
    },
    defaults: {}
  },
  check(context) {
    const {index} = context
    for (const reference of index.references) {
      if (reference.note !== undefined || reference.meantNote !== undefined || !fitsNumbering(reference, index)) continue
      // An HTML page's reference (src/readers/html.ts) whose target is missing is labelled `#id`, as a raw-HTML one is.
      const target = missingTarget(reference) ?? (index.format === 'html' && reference.syntax === 'gfm' && reference.label.startsWith('#') ? reference.label : undefined)
      const word = index.format === 'docx' && reference.syntax === 'gfm'
      if (target) context.report({messageId: isBrokenBackLink(reference, index) ? 'backLink' : 'html', data: {marker: reference.marker, target, id: target.slice(1)}, span: reference.span})
      else {
        const messageId = word ? (reference.label.startsWith('superscript:') ? 'typed' : 'word') : reference.syntax === 'gfm' ? 'gfm' : 'bracket'
        context.report({messageId, data: {marker: reference.marker, expected: `[${reference.label}]`}, span: reference.span})
      }
    }
  }
}

export default rule
