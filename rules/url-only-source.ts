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
 * A note is URL-only when, besides its URLs, it holds only dates, access
 * words and connectives (`As of March 2016. https://...`, `See
 * https://...`, `Available at https://...`), or a link whose text is its
 * own address (`[example.com/a](https://example.com/a)`). A link whose
 * text names the source (`[Reuters](https://...)`) is a source.
 *
 * Documents whose notes are bare links by design (a technical paper that
 * links a specification or a repository in most notes) are not reported
 * link by link: when many notes are URL-only (at least 10, or at least 5
 * that are half of the notes or more), that is the document's convention,
 * reported once, at the first such note, with the count and every note as
 * a related place; the author adds titles, or turns the rule off for the
 * file (`<!-- citelint-disable url-only-source -->`). The threshold and
 * why: `src/engine/repeated.ts`.
 *
 * Options: `repeated`: `group` (default) or `list` (one finding per note).
 * Fixable: no (only the author knows the outlet).
 */
import type {RepeatedOptions} from '../src/engine/repeated.js'
import {repeatedDefaults, reportNoteFindings, validateRepeated} from '../src/engine/repeated.js'
import type {Rule} from '../src/engine/rule.js'
import {noteMark, noteName} from '../src/citation-index/names.js'

const rule: Rule<RepeatedOptions> = {
  meta: {
    id: 'url-only-source',
    description: 'A note must name more than a URL',
    severity: 'warn',
    fix: 'none',
    messages: {
      urlOnly: 'URL-only {note}: it names no outlet or title, expected the outlet and title beside the URL',
      repeated: 'URL-only notes: {count} of {total} name only a URL (first {first}), expected the outlet and title beside each'
    },
    defaults: repeatedDefaults,
    validate: validateRepeated
  },
  check(context) {
    const findings = context.index.notes
      .filter((note) => context.noteFields[note.index]?.kind === 'url-only')
      .map((note) => ({note, report: {messageId: 'urlOnly', data: {note: noteName(note, context.index)}, span: note.span}}))
    reportNoteFindings(context, findings, (first, count, total) => ({
      messageId: 'repeated',
      data: {count, total, first: noteMark(first, context.index)}
    }))
  }
}

export default rule
