/**
 * Note groups: an encyclopedia article keeps explanatory notes apart from its
 * references, each group with its own list and its own markers, a group name
 * and a number: `[nb 1]`, `[n 1]`, `[note 1]`, `[Note 1]` (MediaWiki's
 * `group=` references). Text copies write the space as an underscore
 * (`[n_1]`, html2text). The group's notes are a numbered list (`[nb 1]
 * Text`) or, in a copy that dropped the numbers, a caret list (see
 * `caret-reference-list.ts`). The third kind of group, lettered notes
 * `[a]`, is read by `bracket-notes.ts`.
 *
 * - Reads: `in 1905.[nb 1]` with a list `[nb 1] Text` or `^ Text` under
 * Notes.
 * - Must not read: `[Note 1]` alone at the start of its block,
 * `[Page 3]`, `[Table 2]`, `[step 1]` (other words before the number),
 * `said [n 1]` (a space before it).
 *
 * How it tells them apart: the name must be one MediaWiki articles use for
 * note groups (`n`, `nb`, `note`, `notes`, `fn`), the number has one to three
 * digits, and a reference is glued to the text before it (after a letter,
 * a digit, punctuation or another marker), or set off by a table column's
 * padding (two or more spaces: `Long_scale     [nb_1]`, html2text's tables).
 * At a line start, followed by text, the marker starts a note (inside a
 * paragraph of prose, a reference wrapped onto the line); alone at the end
 * of a line that does not start its block, it is a reference wrapped onto
 * a line of its own (`               [n_2]` in a table cell).
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'

const groupLabel = /^(?:n|nb|note|notes|fn)[ _][1-9]\d{0,2}$/i
const space = /\s/
const lineBreak = /[\r\n]/

/** Whether two or more spaces stand right before `start` after text on its line: a table column's padding (`Long_scale     [nb_1]`). */
function padded(source: string, start: number): boolean {
  return source.charAt(start - 1) === ' ' && source.charAt(start - 2) === ' '
}

const convention: Convention = {
  meta: {
    id: 'note-groups',
    description: 'Note group markers `[nb 1]`, `[n 1]`, `[Note 1]` with their own notes',
    formats: ['markdown', 'text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source, format} = document
    for (const [block, {tokens, notesAllowed}] of document.blocks.entries()) {
      for (const token of tokens) {
        if (token.kind !== 'bracket' || token.caret || !groupLabel.test(token.label)) continue
        if (format === 'markdown' && token.slashes % 2 === 1) continue
        const item = {marker: source.slice(token.start, token.end), label: token.label, style: 'group', syntax: 'bracket', start: token.start, end: token.end, block, fromText: true} as const
        if (token.lineStart) {
          if (notesAllowed && (token.next === ' ' || token.next === '\t')) yield {...item, role: 'note', inProse: 'reference'}
          // Wrapped onto a line of its own inside a block (a table cell html2text laid out): a reference.
          else if (token.start > document.blocks[block]!.start && (token.next === '' || lineBreak.test(token.next))) yield {...item, role: 'reference'}
          continue
        }
        if (!token.before || (space.test(token.before) && !padded(source, token.start))) continue
        yield {...item, role: 'reference'}
      }
    }
  }
}

export default convention
