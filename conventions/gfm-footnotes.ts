/**
 * GFM footnotes (GitHub Flavored Markdown spec, "Footnotes" extension):
 * a call `[^label]` in the text and a definition `[^label]: note` as a block
 * of its own, which may hold several paragraphs. Markdown only. The commonest
 * convention of Markdown reports, blog posts and RFCs.
 *
 * - Reads: `Talks stalled.[^1]` with `[^1]: Al-Akhbar, October 12, 2015.`
 * - Must not read: `\[^1]` (escaped), `` `[^1]` `` (inline code), `[^1]` in a
 * fenced code block, `[^a|b]` across two table cells.
 *
 * Calls and definitions come from the parser (micromark's GFM footnote
 * extension), so they match exactly as GitHub resolves them: by the label's
 * source text, normalised (case folded, white space collapsed), never
 * decoded, so `[^AT&amp;T]` and `[^AT&T]` are two notes. A call whose
 * definition is missing stays text for the parser: it is read where the
 * parser would try a call (`src/citation-index/gfm-calls.ts`), whatever
 * markup its label holds (`[^a*]`, ``[^`b`]``), as is a malformed call such
 * as `[^ 2]` (a scanner token), which never resolves. A call inside link
 * text (`[the report[^1]](https://...)`) or an image's alt text
 * (`![chart[^1]](chart.png)`) is a reference: GitHub renders its note.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {labelEnd} from '../src/citation-index/gfm-calls.js'
import {labelStyle} from '../src/citation-index/marker.js'

const convention: Convention = {
  meta: {
    id: 'gfm-footnotes',
    description: 'GFM footnote calls `[^1]` and definitions `[^1]: note`',
    formats: ['markdown']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    for (const [block, {calls, tokens, callShapes}] of document.blocks.entries()) {
      const parsed = new Set<number>()
      for (const call of calls) {
        parsed.add(call.start)
        yield {role: 'reference', marker: source.slice(call.start, call.end), label: call.label, style: 'caret', syntax: 'gfm', start: call.start, end: call.end, block}
      }
      // Calls the parser left as text: nothing defines them.
      for (const shape of callShapes) {
        if (parsed.has(shape.start)) continue
        yield {role: 'reference', marker: source.slice(shape.start, shape.end), label: shape.label, style: 'caret', syntax: 'gfm', start: shape.start, end: shape.end, block}
      }
      // Malformed calls (`[^ 2]`), which no definition resolves.
      for (const token of tokens) {
        if (token.kind !== 'bracket' || !token.caret || token.slashes % 2 === 1) continue
        if (labelStyle(token.label, true) !== 'malformed') continue
        yield {role: 'reference', marker: source.slice(token.start, token.end), label: token.label, style: 'malformed', syntax: 'gfm', start: token.start, end: token.end, block, fromText: true}
      }
    }
    for (const definition of document.definitions) {
      const {start, end} = definition
      const close = labelEnd(source, start + 2, end)
      const markerEnd = close < 0 ? start : close + 1
      const colon = source.charAt(markerEnd) === ':' ? markerEnd + 1 : markerEnd
      const raw = source.slice(colon, end)
      yield {
        role: 'note',
        marker: source.slice(start, markerEnd),
        label: definition.label,
        style: 'caret',
        syntax: 'gfm',
        start,
        end: markerEnd,
        noteEnd: end,
        content: raw.trim(),
        contentStart: colon + (raw.length - raw.trimStart().length)
      }
    }
  }
}

export default convention
