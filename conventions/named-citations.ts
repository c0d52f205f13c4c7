/**
 * Named citations: a bracketed citation key in the text, `[RFC2119]`,
 * `[Hale2019]`, `[ISO8601]`, `[W3C-XML]`, and a References or Bibliography
 * section whose entries start a line with the same key, `[RFC2119] Bradner,
 * S., "Key words for use in RFCs", BCP 14, March 1997.` The convention of
 * IETF RFCs and other standards, and of academic papers in the alpha style.
 *
 * - Reads: `as described in [RFC2119].` with `[RFC2119] Bradner, S., ...`
 * under References.
 * - Must not read: page furniture, `[Page 5]` (a page footer of a text
 * RFC) and bracketed navigation links at the top of a saved page (`[Home]
 * [Contents]`); placeholders such as `[TODO]` with no entry; markers other
 * conventions read (`[12]`, `[iv]`, `[b]`, `[nb 1]`).
 *
 * How it tells them apart: a key is one word, a letter first, then letters,
 * digits, `.`, `-`, `+` or `&`, with a digit or in capitals (two letters or
 * more), and not a numeral, roman numeral or single letter. A key at a line
 * start followed by text starts an entry; elsewhere it is a reference. The
 * resolver (`src/citation-index/named-policy.ts`) uses the convention only
 * when some reference's key has an entry.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {labelStyle} from '../src/citation-index/marker.js'

const key = /^[A-Za-z][\w.+&-]*$/
const digit = /\d/
const capitals = /^[A-Z][A-Z.+&-]+$/

/** Whether a bracket label is shaped like a citation key. */
export function isCitationKey(label: string): boolean {
  if (!key.test(label) || labelStyle(label, false) !== undefined) return false
  return digit.test(label) || capitals.test(label)
}

const convention: Convention = {
  meta: {
    id: 'named-citations',
    description: 'Named citations `[RFC2119]` with References entries `[RFC2119] Bradner, S., ...`',
    formats: ['markdown', 'text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source, format} = document
    for (const [block, {tokens, notesAllowed}] of document.blocks.entries()) {
      for (const token of tokens) {
        if (token.kind !== 'bracket' || token.caret || !isCitationKey(token.label)) continue
        if (format === 'markdown' && token.slashes % 2 === 1) continue
        if (token.next === '(' || token.next === ':' || token.next === '[') continue
        const item = {marker: source.slice(token.start, token.end), label: token.label, style: 'name', syntax: 'named', start: token.start, end: token.end, block, fromText: true} as const
        if (token.lineStart && notesAllowed && (token.next === ' ' || token.next === '\t')) {
          yield {...item, role: 'note', inProse: 'reference'}
          continue
        }
        if (!token.lineStart) yield {...item, role: 'reference'}
      }
    }
  }
}

export default convention
