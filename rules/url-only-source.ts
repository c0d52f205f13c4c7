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
 * text names the source (`[Reuters](https://...)`) is a source. A path
 * that reads like a title (`.../trusted-publishing-a-new-benchmark/`) does
 * not name a source: it is what most bare news links look like, and
 * Wikipedia's cleanup of bare URLs (WP:BAREURLS) counts them as bare. But a
 * URL that is the identifier of one record in a named register names its
 * source, and the note is a pointer, not a lost citation
 * (`identifiesRecord` in the note model): an issue, pull request, merge
 * request or commit of a repository on a code host
 * (`/llvm/llvm-project/issues/20283`), an encyclopedia article
 * (`/wiki/Software_factory`), a DOI, an IETF RFC (`/rfc9110`). Two
 * reviewers of the real corpus judged such notes in technical blogs and
 * papers noise. A note that no reference cites is `unused-note`'s: its
 * source is worth fixing once it is cited (one fault, one message).
 *
 * **Bare-link documents are silent by default.** When URL-only notes are
 * the document's own habit, not a slip, the author chose bare links (a
 * technical paper or an RFC that links specifications, repositories and
 * blog posts in its notes), and a finding per note, or one for all, only
 * asks the author to change a deliberate style. A document is a bare-link
 * document when at least 3 of its notes are URL-only and they are at least
 * half of all its notes (`isBareLinkDocument`). Set on the real corpus
 * (../shared/corpus/real): the documents that link this way have 4 of 4
 * notes (a Rust RFC) and 50 of 69 (a CNCF paper) URL-only, and reviewers
 * judged their findings noise; in every other document URL-only notes are
 * at most 32 % of the notes (29 of 90 in a Wikipedia copy whose other
 * notes lost their text), where a bare URL is the exception among
 * full citations and is reported. Empty notes count among the notes: a
 * note that lost its text was a full citation, not a bare link. Three
 * notes make a habit: one or two bare links among a few notes (a blog post
 * with two) are as likely a slip, and stay reported.
 *
 * Otherwise each URL-only note is a finding; when many notes are URL-only
 * (at least 10) they are reported once, at the first, with the count and
 * every note as a related place (`src/engine/repeated.ts`).
 *
 * Options:
 * - `bareLinkDocuments`: `allow` (default: a bare-link document gives no
 *   finding) or `report` (its URL-only notes are reported as in any other
 *   document, grouped or listed as `repeated` says).
 * - `repeated`: `group` (default) or `list` (one finding per note).
 *
 * Fixable: no (only the author knows the outlet).
 */
import type {RepeatedOptions} from '../src/engine/repeated.js'
import {repeatedDefaults, reportNoteFindings, validateRepeated} from '../src/engine/repeated.js'
import type {Rule} from '../src/engine/rule.js'
import {noteMark, noteName} from '../src/citation-index/names.js'
import {uncitedNotes} from '../src/citation-index/uncited.js'
import {identifiesRecord} from '../src/models/note-model.js'

/** Options of `url-only-source`. */
export interface UrlOnlyOptions extends RepeatedOptions {
  /** `allow` (default): a bare-link document (`isBareLinkDocument`) gives no finding; `report`: it is reported like any other. */
  readonly bareLinkDocuments: 'allow' | 'report'
}

/** Fewest URL-only notes that make bare links a document's habit. */
export const bareLinkHabit = 3

/**
 * Whether a document with `count` URL-only notes among `total` notes (all
 * its notes, empty ones included) links bare by design: at least
 * `bareLinkHabit` of them, and at least half of its notes.
 */
export function isBareLinkDocument(count: number, total: number): boolean {
  return count >= bareLinkHabit && count * 2 >= total
}

const rule: Rule<UrlOnlyOptions> = {
  meta: {
    id: 'url-only-source',
    description: 'A note must name more than a URL',
    severity: 'warn',
    fix: 'none',
    messages: {
      urlOnly: 'URL-only {note}: it names no outlet or title, expected the outlet and title beside the URL',
      repeated: 'URL-only notes: {count} of {total} name only a URL (first {first}), expected the outlet and title beside each'
    },
    defaults: {bareLinkDocuments: 'allow', ...repeatedDefaults},
    validate: (options) =>
      options.bareLinkDocuments === 'allow' || options.bareLinkDocuments === 'report'
        ? validateRepeated(options)
        : '`bareLinkDocuments` must be "allow" or "report"'
  },
  check(context) {
    const uncited = uncitedNotes(context.index)
    const findings = context.index.notes
      .filter((note) => {
        const fields = context.noteFields[note.index]
        return fields?.kind === 'url-only' && !identifiesRecord(fields.url) && !uncited.has(note.index)
      })
      .map((note) => ({note, report: {messageId: 'urlOnly', data: {note: noteName(note, context.index)}, span: note.span}}))
    if (context.options.bareLinkDocuments === 'allow' && isBareLinkDocument(findings.length, context.index.notes.length)) return
    reportNoteFindings(context, findings, (first, count, total) => ({
      messageId: 'repeated',
      data: {count, total, first: noteMark(first, context.index)}
    }))
  }
}

export default rule
