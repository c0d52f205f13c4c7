/**
 * The citation index: one walk over the tree, one marker scanner, a frozen
 * result. It records facts (this marker's label is `v`, roman style; this
 * note's content is `, October 7, 2015.`); rules make the judgements.
 *
 * What counts as a marker (decided here and nowhere else):
 * - GFM footnote calls the parser resolved (`footnoteReference`) and GFM
 *   definitions (`footnoteDefinition`), Markdown only.
 * - Bracket text found by scanning the source slice of every prose text node
 *   (never `node.value`, whose escapes are decoded): `[12]`, `[iv]`, `[b]`,
 *   `[1a]`, `[ 3]`, and in Markdown `[^label]` calls left as text because
 *   their definition is missing, and `[^ 2]`. Code, inline code, HTML, front
 *   matter, link and image text, and definitions are not prose; a GFM call
 *   the parser resolved inside link text is still a reference.
 * - Bracket text that is not marker-like (`[sic]`, `[...]`, `[the IRGC]`) is
 *   editorial; so is a roman, letter or malformed label that is not glued to
 *   the text before it or that is glued to the word after it (`[t]he`).
 * - At the start of a line, `[n]` followed by the note's text starts a note of
 *   a notes list, and `*`, `†`, `‡` or `§` followed by a space starts a symbol
 *   note; elsewhere the same markers are references (`Savyon*`).
 * - In Markdown, the bracket convention is used only when at least one
 *   bracket reference matches a bracket note, so `[1]` list labels and array
 *   indexes in a GFM document are not markers. Symbol markers are used only
 *   for symbols that appear both as a reference and as a note.
 */
import type {Heading, Nodes, Paragraph, Root} from 'mdast'
import type {VFile} from 'vfile'
import {spanMaker} from './span.js'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import {labelNumber, labelStyle} from './marker.js'
import type {
  CitationIndex,
  Format,
  MarkerStyle,
  MarkerSyntax,
  Note,
  NumberingStyle,
  Reference,
  Span
} from './types.js'

/** Node types whose content is not prose and is never scanned. */
const notProse = new Set([
  'code',
  'inlineCode',
  'html',
  'yaml',
  'toml',
  'definition',
  'image',
  'imageReference'
])

/**
 * Link text is not scanned (`[[1]](#note-1)` is a link, not a marker), but
 * a GFM call the parser resolved inside it is a reference:
 * `[the report[^1]](https://example.org)` cites note 1 (micromark's GFM
 * footnote extension turns `[^1]` inside link text into a
 * `footnoteReference`, and GitHub renders it as a call).
 */
const linkTypes = new Set(['link', 'linkReference'])

/**
 * One scanner for every marker shape: Project Gutenberg's `[Footnote 1:`, a
 * bracket label on one line (at most `maxLabelLength` characters, checked
 * after the match, so that the pattern has no bounded repetition for a ReDoS
 * analyser to expand), or a run of one to three note symbols. Linear: a
 * failed bracket match stops at the next `[` or `]`, so each character is
 * read at most twice.
 * Escaping backslashes are counted by looking back from a match.
 */
const markerPattern = /\[Footnote[ \t]+([A-Za-z0-9]{1,8})[ \t]*:|\[(\^?)([^[\]\r\n]*)\]|([*†‡§]{1,3})/g
/** The longest label a bracket marker may have (GFM's limit for link and footnote labels). */
const maxLabelLength = 999
const symbolChar = /[*†‡§]/
const wordChar = /[\p{L}\p{N}_]/u
const letterChar = /\p{L}/u
const openingChar = /[([{“‘«]/
const straightQuote = /["']/
const space = /\s/
const lineBreak = /[\r\n]/
/**
 * A heading line over a notes list, then the line break before the first note.
 * One run of blanks per side of the colon: `[ \t]*:?[ \t]*` backtracked in
 * quadratic time over a long run of blanks.
 */
const notesHeading = /^(?:notes?|endnotes?|footnotes?|references?|sources?)[ \t]*(?::[ \t]*)?(?:\r\n|\r|\n)[ \t>]*$/i

/** A marker found by the scanner or the parser, before the document-wide decisions. */
interface Found {
  /** `dropped`: a line-start shape inside prose that is neither note nor reference. */
  role: 'reference' | 'note' | 'dropped'
  marker: string
  label: string
  style: MarkerStyle
  syntax: MarkerSyntax
  start: number
  end: number
  /** Set for notes: the end offset of the whole note, its content and where the content starts. */
  noteEnd?: number
  content?: string
  contentStart?: number
  /** For references: start offset of the GFM definition holding it, if any. */
  inDefinition?: number
  /** For a note written as a block (`[Footnote 1: ...]`): its closing character. */
  closing?: string
}

/**
 * Build the citation index of `tree`, parsed from `file` (whose `value` must
 * be the exact text that was parsed) in `format`.
 *
 * Positions: 1-based lines and columns, UTF-16 offsets, end exclusive; all
 * computed with vfile-location from offsets in the tree. Nodes without
 * positions are skipped. The result and everything in it is frozen. Never
 * throws on a tree produced by `parse`.
 */
export function buildCitationIndex(tree: Root, file: VFile, format: Format): CitationIndex {
  const source = String(file.value)
  const refs: Found[] = []
  const notes: Found[] = []

  const span = spanMaker(source)

  /**
   * Whether only indentation or block quote markers (`>`) stand between the
   * start of its line and `offset`, or `offset` starts the paragraph.
   * Looks back at most to the line start, and stops at the first other
   * character, so it costs O(1) for markers inside prose.
   */
  const atLineStart = (offset: number, paragraphStart: number): boolean => {
    if (offset === paragraphStart) return true
    for (let i = offset - 1; i >= 0; i--) {
      const code = source.charCodeAt(i)
      if (code === 10 || code === 13) return true
      if (code !== 32 && code !== 9 && code !== 62) return false
    }
    return true
  }

  /** Scan the source slice of one text node. */
  const scanText = (
    start: number,
    end: number,
    paragraphStart: number,
    inDefinition: number | undefined,
    notesAllowed: boolean,
    out: Found[]
  ): void => {
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
      const before = source.charAt(at - slashes - 1)
      const next = source.charAt(after)
      const escaped = format === 'markdown' && slashes % 2 === 1
      const lineStart = atLineStart(at - slashes, paragraphStart)

      if (match[1] !== undefined) {
        // Project Gutenberg's note block, `[Footnote 1: text]`, at a line start.
        if (lineStart && notesAllowed) {
          const label = match[1]
          const style = labelStyle(label, false) ?? 'malformed'
          out.push({role: 'note', marker: source.slice(at, after), label, style, syntax: 'bracket', start: at, end: after, closing: ']'})
        }
        continue
      }

      if (match[4] !== undefined) {
        // A run of note symbols: a note at a line start before a space, else
        // a reference glued to the text before it (`Savyon*`, `Savyon\\*`).
        const symbols = match[4]
        if (symbolChar.test(before) || symbolChar.test(next)) continue
        const item = {marker: symbols, label: symbols, style: 'symbol', syntax: 'symbol', start: at, end: after} as const
        if (lineStart && notesAllowed && space.test(next)) out.push({...item, role: 'note'})
        else if (!lineStart && before && !space.test(before) && !wordChar.test(next) &&
          (slashes === 0 || (format === 'markdown' && slashes === 1))) {
          out.push({...item, role: 'reference', inDefinition})
        }
        continue
      }

      if (escaped) continue
      const caret = match[2] === '^'
      if (caret && format !== 'markdown') continue
      const label = match[3] ?? ''
      const style = labelStyle(label, caret)
      if (!style) continue
      const item = {marker: source.slice(at, after), label, style, syntax: caret ? 'gfm' : 'bracket', start: at, end: after} as const
      const numeric = style === 'arabic'
      if (!caret && lineStart && notesAllowed) {
        // `[1] Al-Akhbar ...` starts a note; `[W]e want` is editorial.
        if (numeric ? next !== ':' && next !== '(' && next !== '[' : next === '' || space.test(next)) {
          out.push({...item, role: 'note'})
          continue
        }
        if (!numeric) continue
      }
      if (!numeric && !caret) {
        // Editorial brackets stand apart from the text before them, complete
        // a word, run into the word after it or open a quotation: `said [the
        // IRGC]`, `collud[e]`, `[t]he`, `"[a] list`. A marker follows
        // punctuation that closes something: `others."[v]`.
        if (!before || space.test(before) || letterChar.test(before) || wordChar.test(next)) continue
        // After an opening quote or bracket it starts a quotation: `"[a] list`.
        const beforeQuote = source.charAt(at - slashes - 2)
        if (openingChar.test(before) || (straightQuote.test(before) && (!beforeQuote || space.test(beforeQuote)))) continue
      }
      out.push({...item, role: 'reference', inDefinition})
    }
  }

  /**
   * Collect the markers of one block of phrasing content (a paragraph or a
   * heading) and split its notes. `notesAllowed` is false in headings, list
   * items and GFM definitions: notes are top-level entries.
   */
  const phrasing = (node: Paragraph | Heading, inDefinition: number | undefined, notesAllowed: boolean): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const found: Found[] = []
    const stack: Array<{child: Nodes; inLink: boolean}> = [...node.children].reverse().map((child) => ({child, inLink: false}))
    while (stack.length > 0) {
      const {child, inLink} = stack.pop()!
      if (notProse.has(child.type)) continue
      const s = child.position?.start.offset
      const e = child.position?.end.offset
      if (child.type === 'footnoteReference') {
        if (s === undefined || e === undefined) continue
        const label = child.label ?? child.identifier
        found.push({role: 'reference', marker: source.slice(s, e), label, style: 'caret', syntax: 'gfm', start: s, end: e, inDefinition})
      } else if (child.type === 'text') {
        if (s !== undefined && e !== undefined && !inLink) scanText(s, e, start, inDefinition, notesAllowed, found)
      } else if ('children' in child) {
        const childInLink = inLink || linkTypes.has(child.type)
        for (let i = child.children.length - 1; i >= 0; i--) stack.push({child: child.children[i] as Nodes, inLink: childInLink})
      }
    }

    // A notes list starts its paragraph with a note, maybe under a heading
    // line (`Notes`). In a paragraph of prose, a line that starts with `[2]`
    // is a reference wrapped onto a new line.
    // But a paragraph may end in a notes list with no blank line before it:
    // two or more lines, to the paragraph's end, each one note.
    const first = found.find((item) => item.role === 'note')
    const lead = first ? source.slice(start, first.start) : ''
    if (first && lineBreak.test(lead) && !notesHeading.test(lead)) {
      const listStart = trailingList(found, end)
      for (const item of found) {
        if (item.role !== 'note' || (listStart !== undefined && item.start >= listStart)) continue
        if (item.syntax === 'bracket' && item.style === 'arabic' && !item.closing) item.role = 'reference'
        else item.role = 'dropped'
      }
    }

    // Lines starting with the same symbol are a bulleted list, not notes.
    const symbolStarts = new Map<string, number>()
    for (const item of found) {
      if (item.role === 'note' && item.syntax === 'symbol') symbolStarts.set(item.label, (symbolStarts.get(item.label) ?? 0) + 1)
    }
    // Each note runs to the next note of the paragraph, or to its end.
    const starts = found.filter(
      (item) => item.role === 'note' && !(item.syntax === 'symbol' && (symbolStarts.get(item.label) ?? 0) > 1)
    )
    for (let i = 0; i < starts.length; i++) {
      const item = starts[i]!
      const limit = i + 1 < starts.length ? starts[i + 1]!.start : end
      let noteEnd = limit
      while (noteEnd > item.end && space.test(source.charAt(noteEnd - 1))) noteEnd--
      item.noteEnd = noteEnd
      const raw = source.slice(item.end, noteEnd)
      const content = raw.trim()
      item.content = item.closing && content.endsWith(item.closing) ? content.slice(0, -item.closing.length).trimEnd() : content
      item.contentStart = item.end + (raw.length - raw.trimStart().length)
      notes.push(item)
    }
    for (const item of found) if (item.role === 'reference') refs.push(item)
  }

  /**
   * The start of the notes list that ends a paragraph (ending at `end`)
   * without a blank line before it: the longest run of two or more notes
   * found at line starts, each on one line of its own (references in it
   * allowed), the last line ending the paragraph. `undefined` when there is
   * none.
   */
  const trailingList = (found: readonly Found[], end: number): number | undefined => {
    const notesFound = found.filter((item) => item.role === 'note')
    const last = notesFound.at(-1)
    if (!last || lineBreak.test(source.slice(last.start, end).trimEnd())) return undefined
    let first = notesFound.length - 1
    while (first > 0 && source.slice(notesFound[first - 1]!.start, notesFound[first]!.start).split(/\r\n|\r|\n/).length === 2) first--
    return notesFound.length - first >= 2 ? notesFound[first]!.start : undefined
  }

  // Walk the tree with an explicit stack: deeply nested block quotes and
  // lists must not overflow the call stack.
  const stack: Array<{node: Nodes; inDefinition: number | undefined; inList: boolean}> = [
    {node: tree, inDefinition: undefined, inList: false}
  ]
  while (stack.length > 0) {
    const {node, inDefinition, inList} = stack.pop()!
    if (notProse.has(node.type)) continue
    if (node.type === 'paragraph') {
      phrasing(node, inDefinition, inDefinition === undefined && !inList)
      continue
    }
    if (node.type === 'heading') {
      phrasing(node, inDefinition, false)
      continue
    }
    let childDefinition = inDefinition
    if (node.type === 'footnoteDefinition') {
      const s = node.position?.start.offset
      const e = node.position?.end.offset
      if (s === undefined || e === undefined) continue
      const close = source.indexOf(']', s)
      const markerEnd = close < 0 || close > e ? s : close + 1
      const colon = source.charAt(markerEnd) === ':' ? markerEnd + 1 : markerEnd
      notes.push({
        role: 'note',
        marker: source.slice(s, markerEnd),
        label: node.label ?? node.identifier,
        style: 'caret',
        syntax: 'gfm',
        start: s,
        end: markerEnd,
        noteEnd: e,
        content: source.slice(colon, e).trim(),
        contentStart: colon + (source.slice(colon, e).length - source.slice(colon, e).trimStart().length)
      })
      childDefinition = s
    }
    if ('children' in node) {
      const list = inList || node.type === 'listItem'
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push({node: node.children[i] as Nodes, inDefinition: childDefinition, inList: list})
      }
    }
  }

  return freezeIndex(decide(refs, notes, format), format, span)
}

/**
 * The document-wide decisions: which conventions are in use.
 * - Bracket entries before the first bracket reference are legends or
 *   numbered lists, not notes (when the document has bracket references).
 * - In Markdown, bracket markers count only when some reference is followed
 *   by its note, as endnotes are; `[1]` list labels and array indexes are
 *   not references.
 * - Symbols count only when used both as a reference and as a note.
 */
function decide(refs: Found[], notes: Found[], format: Format): {refs: Found[]; notes: Found[]} {
  const bracketRefs = refs.filter((r) => r.syntax === 'bracket')
  const firstRef = bracketRefs.reduce((first, r) => Math.min(first, r.start), Number.POSITIVE_INFINITY)
  let bracketNotes = notes.filter((n) => n.syntax === 'bracket' && (bracketRefs.length === 0 || n.start > firstRef))
  if (format === 'markdown') {
    const lastNoteStart = new Map<string, number>()
    for (const note of bracketNotes) lastNoteStart.set(keyOf(note), note.start)
    if (!bracketRefs.some((r) => (lastNoteStart.get(keyOf(r)) ?? -1) > r.start)) bracketNotes = []
  }
  const bracketInUse = format === 'text' || bracketNotes.length > 0
  const refSymbols = new Set(refs.filter((r) => r.syntax === 'symbol').map((r) => r.label))
  const noteSymbols = new Set(notes.filter((n) => n.syntax === 'symbol').map((n) => n.label))
  return {
    refs: refs.filter((r) =>
      r.syntax === 'gfm' ? true : r.syntax === 'bracket' ? bracketInUse : noteSymbols.has(r.label)
    ),
    notes: [
      ...notes.filter((n) => n.syntax === 'gfm' || (n.syntax === 'symbol' && refSymbols.has(n.label))),
      ...bracketNotes
    ]
  }
}

function freezeIndex(
  found: {refs: Found[]; notes: Found[]},
  format: Format,
  span: (start: number, end: number) => Span
): CitationIndex {
  const refsFound = [...found.refs].sort((a, b) => a.start - b.start)
  const notesFound = [...found.notes].sort((a, b) => a.start - b.start)

  const byKey = new Map<string, number[]>()
  notesFound.forEach((note, i) => {
    const list = byKey.get(keyOf(note))
    if (list) list.push(i)
    else byKey.set(keyOf(note), [i])
  })
  /**
   * The note a reference resolves to. GFM: the first definition (as the GFM
   * spec resolves). Bracket and symbol notes may restart per chapter or page
   * (Project Gutenberg, OCR'd reports): the nearest note with the label after
   * the reference, else the last one before it.
   */
  const resolve = (ref: Found, key: string): number | undefined => {
    const list = byKey.get(key)
    if (!list) return undefined
    if (ref.syntax === 'gfm' || list.length === 1) return list[0]
    let low = 0
    let high = list.length - 1
    let found = list.at(-1)
    while (low <= high) {
      const mid = (low + high) >> 1
      if (notesFound[list[mid]!]!.start > ref.start) {
        found = list[mid]
        high = mid - 1
      } else low = mid + 1
    }
    return found
  }
  const byStart = new Map(notesFound.map((note, i) => [note.start, i]))
  const containing = (ref: Found): number | undefined => {
    if (ref.inDefinition !== undefined) return byStart.get(ref.inDefinition)
    // Binary search: the last note starting before the reference.
    let low = 0
    let high = notesFound.length - 1
    let best = -1
    while (low <= high) {
      const mid = (low + high) >> 1
      if (notesFound[mid]!.start <= ref.start) {
        best = mid
        low = mid + 1
      } else high = mid - 1
    }
    const note = notesFound[best]
    return note && note.syntax !== 'gfm' && ref.start < (note.noteEnd ?? note.end) ? best : undefined
  }

  const citing: number[][] = notesFound.map(() => [])
  const references: Reference[] = refsFound.map((ref, index) => {
    const identifier = identifierOf(ref)
    const key = keyOf(ref)
    const note = resolve(ref, key)
    const inNote = containing(ref)
    if (note !== undefined && note !== inNote) citing[note]!.push(index)
    return Object.freeze({
      index,
      marker: ref.marker,
      label: ref.label,
      identifier,
      style: ref.style,
      syntax: ref.syntax,
      key,
      span: (span(ref.start, ref.end)),
      note,
      inNote,
      number: labelNumber(ref.label, ref.style)
    })
  })

  const bodyRefEnd = references.reduce(
    (last, ref) => (ref.inNote === undefined ? Math.max(last, ref.span.end.offset) : last),
    -1
  )
  const sectionStart = notesFound.find((n) => n.start >= bodyRefEnd)
  const lastNote = notesFound.at(-1)
  const notesSection =
    sectionStart && lastNote ? (span(sectionStart.start, lastNote.noteEnd ?? lastNote.end)) : undefined

  const notes: Note[] = notesFound.map((note, index) => {
    const key = keyOf(note)
    const first = byKey.get(key)?.[0] ?? index
    return Object.freeze({
      index,
      marker: note.marker,
      label: note.label,
      identifier: identifierOf(note),
      style: note.style,
      syntax: note.syntax,
      key,
      span: (span(note.start, note.noteEnd ?? note.end)),
      markerSpan: (span(note.start, note.end)),
      content: note.content ?? '',
      contentSpan: (
        span(note.contentStart ?? note.end, (note.contentStart ?? note.end) + (note.content ?? '').length)
      ),
      inNotesSection: notesSection !== undefined && note.start >= notesSection.start.offset,
      firstWithKey: first,
      references: Object.freeze(citing[index]!),
      number: labelNumber(note.label, note.style)
    })
  })

  const numberingStyle = dominantStyle(notes)
  const numbered = notes.filter(
    (n) => n.number !== undefined && (n.style === numberingStyle || (numberingStyle === 'caret' && n.syntax === 'gfm'))
  )
  const numbers = numbered.map((n) => n.number!)
  const numberRange = numbers.length
    ? Object.freeze({
        min: numbers.reduce((a, b) => Math.min(a, b)),
        max: numbers.reduce((a, b) => Math.max(a, b))
      })
    : undefined

  return Object.freeze({
    format,
    references: Object.freeze(references),
    notes: Object.freeze(notes),
    notesSection,
    numberingStyle,
    numberRange
  })
}

/** The style most bracket notes use; `caret` with only GFM notes; `none` without notes. */
function dominantStyle(notes: readonly Note[]): NumberingStyle {
  const counts = {arabic: 0, roman: 0, letter: 0}
  for (const note of notes) {
    if (note.style === 'arabic' || note.style === 'roman' || note.style === 'letter') counts[note.style]++
  }
  const best = (Object.keys(counts) as Array<keyof typeof counts>).reduce((a, b) => (counts[b] > counts[a] ? b : a))
  if (counts[best] > 0) return best
  return notes.some((n) => n.syntax === 'gfm') ? 'caret' : 'none'
}

/**
 * The identifier a marker matches by. A GFM label is normalised as micromark
 * normalises it (CommonMark/GFM label matching: whitespace collapsed, case
 * folded). Other labels are only case-folded: `[ 3]` is a malformed marker,
 * not note 3. A malformed GFM call (`[^ 2]`) keeps its raw label, so it never
 * matches: the GFM parser does not resolve it either.
 */
function identifierOf(item: Found): string {
  if (item.syntax === 'gfm' && item.style === 'caret') return normalizeIdentifier(item.label)
  return item.style === 'malformed' ? ` ${item.label}` : item.label.toLowerCase()
}

/** `syntax:identifier`: a reference and a note match when their keys are equal. */
function keyOf(item: Found): string {
  return `${item.syntax}:${identifierOf(item)}`
}

