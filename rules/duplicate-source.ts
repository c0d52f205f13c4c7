/**
 * # duplicate-source
 *
 * Checks for notes that name the same source with the same date text as an
 * earlier note (source and date as the note model reads them; compared
 * without regard to case, spacing or emphasis marks). Each later duplicate
 * is reported once; the message's `cause` points at the first note. Notes
 * with different URLs, or different pages after the date (`p. 2`), are
 * different sources. Notes that name no source
 * (empty, URL-only, author and `Ibid.` notes) are never compared, nor are
 * short forms, which are repeated on purpose: notes without a date
 * (`Davis, p. 41.`, `Smith, supra note 5.`, `From Miss Lane.`) and
 * author-date short forms, which hold only authors, a year and maybe a page
 * and point to the bibliography (`Forshaw & Smith 2009`, `Rothman 2006,
 * pp. 112f.`; `shortForm` of the note model). Two full citations with the
 * same title, date and URL are still duplicates. A note that repeats
 * another's label is `duplicate-note`'s.
 *
 * Why: two notes for one source make the notes list longer and let the two
 * drift apart when one is corrected; cite the first note again instead
 * (`[1]` twice, or `[^1]` twice in Markdown).
 *
 * Fails:
 *
 *     [1] Al-Akhbar (Lebanon), October 12, 2015.
 *     [3] Al-Akhbar (Lebanon), October 12, 2015.
 *
 * Passes: the text cites `[1]` twice, and note 3 is gone; or note 3 cites
 * Al-Akhbar of another day.
 *
 * Options: none. Fixable: no (renumbering the references is left to the author).
 */
import type {Rule} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'
import type {Note} from '../src/citation-index/types.js'

const rule: Rule = {
  meta: {
    id: 'duplicate-source',
    description: 'Two notes must not cite the same source and date',
    severity: 'warn',
    fix: 'none',
    messages: {
      duplicate: 'Duplicate source in {note}: {first} names the same source and date, expected one note cited twice',
      first: 'First {note} with this source is here'
    },
    defaults: {}
  },
  check(context) {
    const seen = new Map<string, Note>()
    for (const note of context.index.notes) {
      const fields = context.noteFields[note.index]
      if (!fields?.source || !fields.date || fields.date.access || fields.shortForm || note.firstWithKey !== note.index) continue
      const key = [fields.source, fields.date.text, fields.detail ?? '', fields.url ?? ''].map(normal).join('\n')
      const first = seen.get(key)
      if (!first) {
        seen.set(key, note)
        continue
      }
      context.report({
        messageId: 'duplicate',
        data: {note: noteName(note, context.index), first: noteName(first, context.index)},
        span: note.span,
        related: {span: first.span, messageId: 'first', data: {note: noteName(first, context.index)}}
      })
    }
  }
}

/** Case-folded, spaces collapsed, emphasis marks dropped, curly quotes straightened. */
function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_]/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

export default rule
