/**
 * The marker scanner: one pass over the source slice of a prose text node
 * (never `node.value`, whose escapes are decoded) that finds every
 * marker-shaped token, for the conventions to read. One pattern for every
 * shape, so that shapes never overlap: Project Gutenberg's `[Footnote 1:`,
 * a bracket label on one line (`[12]`, `[^note]`, `[sic]`), or a run of one
 * to three note symbols (`*`, `†`, `‡`, `§`). A bracket consumes what it
 * encloses: the `*` of `[*]` is not a symbol token.
 *
 * Linear: a failed bracket match stops at the next `[` or `]`, so each
 * character is read at most twice. Escaping backslashes are counted by
 * looking back from a match.
 */

/** One marker-shaped token; offsets are UTF-16 code units into the source, end exclusive. */
export interface MarkerToken {
  /** `footnote-block`: `[Footnote 1:`; `bracket`: `[...]` or `[^...]`; `symbols`: `*`, `**`, `†`. */
  readonly kind: 'footnote-block' | 'bracket' | 'symbols'
  readonly start: number
  readonly end: number
  /** The label: the block's number, the text between the brackets (after `^`), the symbols. */
  readonly label: string
  /** Whether a bracket opened with `[^` (a GFM call's shape). */
  readonly caret: boolean
  /** How many backslashes stand right before the token. */
  readonly slashes: number
  /** The character before those backslashes, and the one before it ('' at the start of the text). */
  readonly before: string
  readonly beforeBefore: string
  /** The character right after the token ('' at the end of the text). */
  readonly next: string
  /** Whether only indentation or block quote markers (`>`) stand between the line start (or the block start) and the token. */
  readonly lineStart: boolean
}

const markerPattern = /\[Footnote[ \t]+([A-Za-z0-9]{1,8})[ \t]*:|\[(\^?)([^[\]\r\n]*)\]|([*†‡§]{1,3})/g
/**
 * The longest label a bracket marker may have (GFM's limit for link and
 * footnote labels); checked after the match, so that the pattern has no
 * bounded repetition for a ReDoS analyser to expand.
 */
const maxLabelLength = 999

/**
 * Whether only indentation or block quote markers (`>`) stand between the
 * start of its line and `offset`, or `offset` starts the block. Looks back at
 * most to the line start, and stops at the first other character, so it
 * costs O(1) for markers inside prose.
 */
function atLineStart(source: string, offset: number, blockStart: number): boolean {
  if (offset === blockStart) return true
  for (let i = offset - 1; i >= 0; i--) {
    const code = source.charCodeAt(i)
    if (code === 10 || code === 13) return true
    if (code !== 32 && code !== 9 && code !== 62) return false
  }
  return true
}

/**
 * The marker tokens of `source` from `start` to `end` (one text node), in a
 * block starting at `blockStart`, appended to `out` in document order.
 */
export function scanMarkers(source: string, start: number, end: number, blockStart: number, out: MarkerToken[]): void {
  const slice = source.slice(start, end)
  markerPattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = markerPattern.exec(slice))) {
    if (match[3] !== undefined && match[3].length > maxLabelLength) {
      // Too long for a label: look again just after its `[`, as a failed match would.
      markerPattern.lastIndex = match.index + 1
      continue
    }
    const at = start + match.index
    const after = at + match[0].length
    let slashes = 0
    while (at - slashes > start && source.charCodeAt(at - slashes - 1) === 92) slashes++
    const kind = match[1] !== undefined ? 'footnote-block' : match[4] !== undefined ? 'symbols' : 'bracket'
    out.push({
      kind,
      start: at,
      end: after,
      label: match[1] ?? match[4] ?? match[3] ?? '',
      caret: match[2] === '^',
      slashes,
      before: source.charAt(at - slashes - 1),
      beforeBefore: source.charAt(at - slashes - 2),
      next: source.charAt(after),
      lineStart: atLineStart(source, at - slashes, blockStart)
    })
  }
}
