/**
 * Bracket markers with a notes list: a reference `[1]` glued to the text
 * (`in Syria.[1]`), and a notes list whose entries start a line with the
 * same marker (`[1] Al-Akhbar (Lebanon), October 12, 2015.`), usually at the
 * end, maybe under a heading such as Notes. The convention of reports pasted
 * from the web and of Wikipedia copies; numbers, roman numerals and single
 * letters (`[iv]`, `[b]`) are read, and malformed numbers (`[1a]`, `[ 3]`)
 * are read as broken markers.
 *
 * - Reads: `talks stalled.[1] The` with `[1] Al-Akhbar, October 12, 2015.`
 * - Must not read: editorial brackets, `[sic]`, `[...]`, `[the IRGC]`,
 * `[t]he`, `collud[e]`, `"[a] list`; `[1]:` (a link definition's shape).
 *
 * How it tells them apart: a label must look like a marker (digits, a roman
 * numeral, one letter, a malformed number). At a line start, `[n]` followed
 * by text starts a note (a roman or letter label only before a space);
 * elsewhere it is a reference. A roman, letter or malformed label is a
 * reference only right after punctuation that closes something (`others."[v]`),
 * not after a space, a letter or an opening quote or bracket, and not run
 * into the next word. A note found inside a paragraph of prose is a
 * reference wrapped onto a new line (`[2]`) or nothing (`[W]e`): the
 * resolver decides that per paragraph. In Markdown the resolver uses this
 * convention only when a reference is followed by its note.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {labelStyle} from '../src/citation-index/marker.js'

const wordChar = /[\p{L}\p{N}_]/u
const letterChar = /\p{L}/u
const openingChar = /[([{“‘«]/
const straightQuote = /["']/
const space = /\s/

const convention: Convention = {
  meta: {
    id: 'bracket-notes',
    description: 'Bracket references `in Syria.[1]` and a notes list `[1] Source, date.`',
    formats: ['markdown', 'text', 'docx']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source, format} = document
    for (const [block, {tokens, notesAllowed}] of document.blocks.entries()) {
      for (const token of tokens) {
        if (token.kind !== 'bracket' || token.caret) continue
        if (format === 'markdown' && token.slashes % 2 === 1) continue
        const style = labelStyle(token.label, false)
        if (!style) continue
        const {before, next} = token
        const item = {marker: source.slice(token.start, token.end), label: token.label, style, syntax: 'bracket', start: token.start, end: token.end, block, fromText: true} as const
        const numeric = style === 'arabic'
        if (token.lineStart && notesAllowed) {
          // `[1] Al-Akhbar ...` starts a note; `[W]e want` is editorial.
          if (numeric ? next !== ':' && next !== '(' && next !== '[' : next === '' || space.test(next)) {
            yield {...item, role: 'note', inProse: numeric ? 'reference' : 'drop'}
            continue
          }
          if (!numeric) continue
        }
        if (!numeric) {
          // Editorial brackets stand apart from the text before them, complete
          // a word, run into the word after it or open a quotation: `said [the
          // IRGC]`, `collud[e]`, `[t]he`, `"[a] list`. A marker follows
          // punctuation that closes something: `others."[v]`.
          if (!before || space.test(before) || letterChar.test(before) || wordChar.test(next)) continue
          const beforeQuote = token.beforeBefore
          if (openingChar.test(before) || (straightQuote.test(before) && (!beforeQuote || space.test(beforeQuote)))) continue
        }
        yield {...item, role: 'reference'}
      }
    }
  }
}

export default convention
