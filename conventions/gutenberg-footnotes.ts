/**
 * Project Gutenberg footnote blocks: a note written as a bracketed block at
 * a line start, `[Footnote 1: text of the note]`, possibly over several
 * lines, referenced by `[1]` in the text (Project Gutenberg's plain-text
 * transcription rules). Read in plain text and Markdown.
 *
 * - Reads: `the sonata form.[1]` with `[Footnote 1: See Parry, p. 12.]`
 * - Must not read: `[Footnote 1: ...]` in the middle of a line, or inside a
 * paragraph of prose (a quotation of the syntax).
 *
 * The note's label is the block's number; it shares the bracket
 * convention's labels (`[1]` resolves to `[Footnote 1:`), and its content
 * ends before the closing `]`.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {labelStyle} from '../src/citation-index/marker.js'

const convention: Convention = {
  meta: {
    id: 'gutenberg-footnotes',
    description: 'Project Gutenberg note blocks `[Footnote 1: ...]` cited by `[1]`',
    formats: ['markdown', 'text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    for (const [block, {tokens, notesAllowed}] of document.blocks.entries()) {
      if (!notesAllowed) continue
      for (const token of tokens) {
        if (token.kind !== 'footnote-block' || !token.lineStart) continue
        const style = labelStyle(token.label, false) ?? 'malformed'
        yield {role: 'note', marker: source.slice(token.start, token.end), label: token.label, style, syntax: 'bracket', start: token.start, end: token.end, block, fromText: true, closing: ']', inProse: 'drop'}
      }
    }
  }
}

export default convention
