/**
 * Symbol notes: a reference written as a note symbol glued to the word
 * before it (`Savyon*`, `Savyon†`, `**`), and a note starting a line with
 * that symbol and a space (`* A. Savyon is Director of ...`). The author
 * line of think-tank reports; also `†`, `‡` and `§` notes of older print.
 *
 * - Reads: `by A. Savyon*` with `* A. Savyon is Director of the MEMRI Iran
 * Media Project.`
 * - Must not read: emphasis or a bulleted list (`* item` lines, two or more
 * with one symbol in a block), `2 * 3` (spaced), `*word` (glued to the word
 * after it), a line holding only `*` (OCR debris, a separator).
 *
 * How it tells them apart: a reference follows a non-space character and is
 * not followed by a word character; a note starts a top-level line and is
 * followed by a space. Lines starting with the same symbol in one block are
 * a list; a note has text after its symbol on its line. The resolver uses
 * a symbol only when it appears both as a reference and as a note.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'

const symbolChar = /[*†‡§]/
const wordChar = /[\p{L}\p{N}_]/u
const space = /\s/

const convention: Convention = {
  meta: {
    id: 'symbol-notes',
    description: 'Symbol references `Savyon*` and symbol notes `* A. Savyon is ...`',
    formats: ['markdown', 'text', 'docx']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {format} = document
    for (const [block, {tokens, notesAllowed}] of document.blocks.entries()) {
      for (const token of tokens) {
        if (token.kind !== 'symbols') continue
        const {before, next, slashes} = token
        if (symbolChar.test(before) || symbolChar.test(next)) continue
        const item = {marker: token.label, label: token.label, style: 'symbol', syntax: 'symbol', start: token.start, end: token.end, block, fromText: true} as const
        if (token.lineStart && notesAllowed && space.test(next) && textFollows(document.source, token.end)) yield {...item, role: 'note', inProse: 'drop', repeatedIsList: true}
        else if (!token.lineStart && before && !space.test(before) && !wordChar.test(next) && (slashes === 0 || (format === 'markdown' && slashes === 1))) {
          yield {...item, role: 'reference'}
        }
      }
    }
  }
}

/**
 * Whether text follows `end` on its line: a note has text after its symbol;
 * a line holding only `*` is OCR debris or a separator.
 */
function textFollows(source: string, end: number): boolean {
  let i = end
  while (source.charAt(i) === ' ' || source.charAt(i) === '\t') i++
  const char = source.charAt(i)
  return char !== '' && char !== '\n' && char !== '\r'
}

export default convention
