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
 *
 * A near-miss definition, the caret written after the label (`[1^]: note`,
 * or `[1^] note` with the colon lost too), is a paragraph to GFM: its note
 * is invisible and every call `[^1]` is undefined. It is proposed as a note
 * of style `malformed` whose label is what was written (`1^`), with the
 * label it was meant to have (`1`), when it starts a paragraph where notes
 * may start (outside lists, headings and tables; in a block quote too, where
 * GFM reads definitions) and then at each line start of that paragraph, as
 * definitions on consecutive lines are. No call resolves to it, as in GFM.
 * It stands only when the document has a GFM call it would define and no
 * definition defines (the resolver decides).
 *
 * - Reads also: `[1^]: Capers Jones, 1996.` with a call `[^1]` in the text.
 * - Must not read: `[x^2]: y` (math), `[a^]` inside a sentence, `[1^]:` in
 * a code block, `[1^]: https://x.org` (a link reference definition: no prose).
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {labelEnd} from '../src/citation-index/gfm-calls.js'
import type {Block} from '../src/citation-index/convention.js'
import {labelStyle, nearMissLabel} from '../src/citation-index/marker.js'

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
    for (const [block, found] of document.blocks.entries()) yield* nearMisses(source, found, block)
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

/**
 * The near-miss definitions (`[1^]:`, `[1^] `) of a paragraph where notes
 * may start (`Block.notesAllowed`) that starts with one: the first, and each later one at a line start of
 * the paragraph (GFM definitions interrupt a paragraph). Each note runs to
 * the next or to the paragraph's end; its content follows the colon, if any.
 */
function* nearMisses(source: string, found: Block, block: number): Iterable<Candidate> {
  if (!found.notesAllowed || found.verbatim || found.table || found.inDefinition !== undefined) return
  const starts = found.tokens.filter((token, i) =>
    token.kind === 'bracket' && !token.caret && token.slashes === 0 && (i === 0 ? token.start === found.start : token.lineStart) &&
    nearMissLabel(token.label) !== undefined && (token.next === '' || token.next === ':' || /\s/.test(token.next))
  )
  if (starts[0]?.start !== found.start) return
  for (const [i, token] of starts.entries()) {
    const limit = i + 1 < starts.length ? starts[i + 1]!.start : found.end
    const colon = source.charAt(token.end) === ':' ? token.end + 1 : token.end
    const raw = source.slice(colon, limit).trimEnd()
    const content = raw.trimStart()
    yield {
      role: 'note',
      marker: source.slice(token.start, token.end),
      label: token.label,
      style: 'malformed',
      syntax: 'gfm',
      start: token.start,
      end: token.end,
      noteEnd: colon + raw.length,
      content,
      contentStart: colon + (raw.length - content.length),
      meant: nearMissLabel(token.label)!
    }
  }
}

export default convention
