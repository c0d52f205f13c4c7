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
 * A note whose number a broken marker carries (`[3 ]` with a space inside,
 * `[iii]` among arabic notes) is left to `broken-marker`, which names it
 * as the number meant: one fault, one message.
 *
 * A malformed GFM definition (`[1^]: ...`), which no call resolves to, is
 * `broken-marker`'s too.
 *
 * In a Word document, a footnote or endnote left in its notes part after
 * its reference mark was deleted has no number (Word numbers the marks), so
 * the message names it by its `w:id` (`footnote (id 7)`), at its own first
 * paragraph (`word`).
 *
 * Options: none. Fixable: no (which text it belonged to is unknown).
 */
import type {Rule} from '../src/engine/rule.js'
import {expectedReference, noteName} from '../src/citation-index/names.js'
import {fitsNumbering} from '../src/citation-index/numbering.js'
import {uncitedNotes} from '../src/citation-index/uncited.js'

const rule: Rule = {
  meta: {
    id: 'unused-note',
    description: 'A note must be cited by a reference',
    severity: 'warn',
    fix: 'none',
    messages: {
      unused: 'Unused {note}: no reference cites it, expected {reference} in the text',
      word: 'Unused {note}: no reference mark in the text cites it, expected a reference mark or the note deleted'
    },
    defaults: {}
  },
  check(context) {
    const {index} = context
    // Numbers that broken markers in the text carry (broken-marker reports them as the number meant).
    const brokenNumbers = new Set<number>()
    for (const reference of index.references) {
      if (reference.note === undefined && reference.inNote === undefined && reference.number !== undefined && !fitsNumbering(reference, index)) brokenNumbers.add(reference.number)
    }
    const uncited = uncitedNotes(index)
    for (const note of index.notes) {
      // A near-miss GFM definition is broken-marker's.
      if (!uncited.has(note.index) || note.meant !== undefined) continue
      if (note.number !== undefined && brokenNumbers.has(note.number) && (note.syntax === 'bracket' || note.syntax === 'numeral') && note.style === index.numberingStyle) continue
      const data = {note: noteName(note, context.index), reference: expectedReference(note, context.index)}
      const word = context.index.format === 'docx' && note.syntax === 'gfm'
      context.report({messageId: word ? 'word' : 'unused', data, span: note.markerSpan})
    }
  }
}

export default rule
