/**
 * # ibid-without-antecedent
 *
 * Checks that every `Ibid.` note (also `Ibid`, `Ibidem`, legal `Id.`) has a
 * note before it that names a source: it must not be the first note, nor
 * follow a note that names no source (an empty note, an author note). Notes
 * are taken in the order readers see them: a notes list in document order;
 * GFM footnotes in order of first citation, as renderers number them. A
 * run of `Ibid.` notes after a note without source is reported once, at
 * the first.
 *
 * Why: `Ibid.` repeats the source of the note before it; with no such
 * source it points nowhere, usually because notes were reordered or a
 * source was lost on copy.
 *
 * Fails:
 *
 *     [1] Ibid.
 *     [2] ISNA (Iran), October 7, 2015.
 *
 * Passes:
 *
 *     [1] ISNA (Iran), October 7, 2015.
 *     [2] Ibid.
 *
 * Options: none. Fixable: no (only the author knows which source is meant).
 */
import {readingOrder} from '../src/models/reading-order.js'
import type {Rule} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'
import type {Note} from '../src/citation-index/types.js'

const rule: Rule = {
  meta: {
    id: 'ibid-without-antecedent',
    description: 'An Ibid. note must follow a note that names a source',
    severity: 'error',
    fix: 'none',
    messages: {
      first: 'Ibid without antecedent in {note}: it is the first note, expected the source it repeats',
      noSource: 'Ibid without antecedent in {note}: {previous} before it names no source, expected the source it repeats',
      previous: 'Previous {note} names no source'
    },
    defaults: {}
  },
  check(context) {
    const {index, noteFields} = context
    for (const notes of readingOrder(index)) {
      let previous: Note | undefined
      let sourced = false
      for (const note of notes) {
        const kind = noteFields[note.index]?.kind
        if (kind === 'ibid') {
          const chained = previous !== undefined && noteFields[previous.index]?.kind === 'ibid'
          if (!previous) context.report({messageId: 'first', data: {note: noteName(note, context.index)}, span: note.span})
          else if (!sourced && !chained) {
            context.report({
              messageId: 'noSource',
              data: {note: noteName(note, context.index), previous: noteName(previous, context.index)},
              span: note.span,
              related: {span: previous.span, messageId: 'previous', data: {note: noteName(previous, context.index)}}
            })
          }
        } else sourced = kind === 'citation' || kind === 'discursive' || kind === 'url-only'
        previous = note
      }
    }
  }
}

export default rule
