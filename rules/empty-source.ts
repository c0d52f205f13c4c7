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
 * holding only a URL is not empty (see the note model), nor is a gloss
 * giving a person's dates (`[4] 1680-1762.`).
 *
 * Fails:
 *
 *     [2], October 7, 2015.
 *
 * Passes:
 *
 *     [2] ISNA (Iran), October 7, 2015.
 *
 * When many notes of a file have no source (at least 10, or at least 5
 * that are half of the notes or more), the notes lost their text together
 * (a copy that dropped every link): that is one problem, reported once, at
 * the first such note, with the count; every note is a related place (SARIF
 * `relatedLocations`). The threshold and why: `src/engine/repeated.ts`.
 *
 * Options: `repeated`: `group` (default) or `list` (one finding per note,
 * whatever their number). Fixable: no.
 */
import type {RepeatedOptions} from '../src/engine/repeated.js'
import {repeatedDefaults, reportNoteFindings, validateRepeated} from '../src/engine/repeated.js'
import type {Rule} from '../src/engine/rule.js'
import {noteMark, noteName} from '../src/citation-index/names.js'

const rule: Rule<RepeatedOptions> = {
  meta: {
    id: 'empty-source',
    description: 'A note must name a source',
    severity: 'error',
    fix: 'none',
    messages: {
      empty: 'Empty {note}: nothing follows the marker, expected an outlet, author or title',
      onlyRest: 'Empty source in {note} (only `{content}`), expected an outlet, author or title',
      repeated: 'Empty source in {count} of {total} notes (first {first}), expected an outlet, author or title in each'
    },
    defaults: repeatedDefaults,
    validate: validateRepeated
  },
  check(context) {
    const findings = context.index.notes
      .filter((note) => context.noteFields[note.index]?.kind === 'empty')
      .map((note) => {
        const content = note.content.length > 40 ? `${note.content.slice(0, 39)}…` : note.content
        const report = {messageId: content ? 'onlyRest' : 'empty', data: {note: noteName(note, context.index), content}, span: note.span}
        return {note, report}
      })
    reportNoteFindings(context, findings, (first, count, total) => ({
      messageId: 'repeated',
      data: {count, total, first: noteMark(first, context.index)}
    }))
  }
}

export default rule
