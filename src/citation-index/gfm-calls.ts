/**
 * The GFM call syntax, read as micromark-extension-gfm-footnote 2.1.0 reads
 * it (`lib/syntax.js`, `tokenizeGfmFootnoteCall`), so that a call the parser
 * left as text because nothing defines it is found exactly where a
 * definition would make it a call, whatever the inline markup around or
 * inside its label: `[^a*]` beside `[^b*]` (whose stars pair up as
 * emphasis when neither is defined), ``[^a`b`]``, `[^a<i>]`, `[^a\]b]`.
 *
 * The parser tries a call at every `[` its inline tokenizer reaches: not in
 * a code span, inline HTML, an autolink, a link's or image's destination or
 * reference, nor escaped (`\[`). From there the label runs to the first `]`
 * not escaped by `\`, and fails at a `[`, a space, tab or line ending, the
 * end of the text, or past 999 characters; an empty label fails. Labels
 * match on their source text (normalised by `normalizeIdentifier`), never
 * on text with escapes or character references decoded.
 */

/** A span of source, UTF-16 offsets, end exclusive. */
export interface SourceSpan {
  readonly start: number
  readonly end: number
}

/** A call shape: `[^label]` from `start` (the `[`) to `end` (after the `]`). */
export interface CallShape extends SourceSpan {
  /** The label's source text, between `[^` and `]`. */
  readonly label: string
}

const maxLabelSize = 999

/**
 * The offset of the `]` that closes a label whose first character is at
 * `from` (just after `[^`), or -1 when the label fails before `limit`.
 * Linear in the label's length.
 */
export function labelEnd(source: string, from: number, limit: number): number {
  let size = 0
  let data = false
  let i = from
  while (i < limit) {
    const code = source.charCodeAt(i)
    if (size > maxLabelSize || code === 91 || code === 32 || code === 9 || code === 10 || code === 13) return -1
    if (code === 93) return data ? i : -1
    data = true
    size++
    i++
    if (code === 92 && i < limit) {
      const next = source.charCodeAt(i)
      if (next === 91 || next === 92 || next === 93) {
        size++
        i++
      }
    }
  }
  return -1
}

/**
 * The call shapes from `start` to `end` of `source` (one block of phrasing
 * content), skipping `opaque` spans (code, HTML, autolinks, destinations;
 * sorted by start, not overlapping), in document order. Linear: a label
 * read stops at the next `[`.
 */
export function callShapes(source: string, start: number, end: number, opaque: readonly SourceSpan[]): CallShape[] {
  const found: CallShape[] = []
  let next = 0
  let slashes = 0
  for (let i = start; i < end; i++) {
    while (next < opaque.length && opaque[next]!.end <= i) next++
    const span = opaque[next]
    if (span && span.start <= i) {
      i = span.end - 1
      slashes = 0
      continue
    }
    const code = source.charCodeAt(i)
    if (code === 92) {
      slashes++
      continue
    }
    const escaped = slashes % 2 === 1
    slashes = 0
    if (code !== 91 || escaped || source.charCodeAt(i + 1) !== 94) continue
    const close = labelEnd(source, i + 2, end)
    if (close >= 0) found.push({start: i, end: close + 1, label: source.slice(i + 2, close)})
  }
  return found
}

/**
 * Where the label of an image (`![alt](src)`, `![alt][ref]`) ends: the
 * first `]` at bracket depth zero after `![`, escapes skipped; `end` when
 * there is none.
 */
export function imageLabelEnd(source: string, start: number, end: number): number {
  let depth = 0
  for (let i = start + 2; i < end; i++) {
    const code = source.charCodeAt(i)
    if (code === 92) i++
    else if (code === 91) depth++
    else if (code === 93) {
      if (depth === 0) return i
      depth--
    }
  }
  return end
}
