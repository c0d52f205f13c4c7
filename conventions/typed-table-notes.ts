/**
 * Typed table notes: a table whose cells carry typed markers (`block (note
 * a)`, `block (a)`), with the notes typed as one paragraph right under the
 * table (`Notes: (a) DSEP recommended ...; (b) seven types ...`). Word
 * documents typed this way (no Word footnote: the writer typed the letters),
 * and their PDF text. Seen in the census Disclosure Avoidance System design
 * specifications (`Table 2: ... Invariants`). Plain text and DOCX.
 *
 * - Reads: `Table 2: Invariants` / `C4` / `block (note a)` / `C5` /
 * `block (note b)` / `Notes: (a) Removed late; (b) Seven types.`
 * - Must not read: `(a)` list items in prose (`the law says (a) that ...;
 * (b) that ...`), `Section 9 (a)(2)`, a `Notes: (a) ...` paragraph under
 * prose, or under a table none of whose cells carries its labels.
 *
 * How it tells them apart, on the document's evidence only: a notes line
 * starts with `Note:` or `Notes:` followed by `(a)` or `(1)`; its notes are
 * the items `(a)`, `(b)`, ... (or `(1)`, `(2)`, ...) in order, each after the
 * start, a `;`, a `,` or a `.`, running to the next item (a paragraph
 * wrapped by a PDF goes on to the next line of its block while its line does
 * not end a sentence). The table is the lines between the last caption line
 * above (`Table 2:`, `Table 2.`) and the notes line, each at most 160
 * characters long (cells, not prose). The markers are `(note a)` anywhere in
 * those lines, or `(a)` ending one. Every note's label must be carried by a
 * marker of the table, else nothing is read; a marker whose label no note
 * has is not read. References and notes stand as proposed (syntax `table`):
 * each reference names its note by label, in its table.
 *
 * Linear in the text: each line is read once, and the markers of the table
 * being read are kept until its notes line or the next caption.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'

const caption = /^Table[ \t]+[0-9A-Z][\w.-]{0,9}[ \t]*[:.]/
const notesLine = /^Notes?[ \t]*:[ \t]*\((?:a|1)\)[ \t]/
const namedMarker = /\([Nn]ote[ \t]+([a-z]|\d{1,2})\)/g
const endMarker = /\(([a-z]|\d{1,2})\)$/
const sentenceEnd = /[.!?]$/
/** The longest line a table cell may be; longer lines are prose, and no table runs through them. */
const maxCellLength = 160

/** One line of a block, trimmed of blanks at both ends. */
interface Line {
  readonly start: number
  readonly end: number
  readonly block: number
}

/** A marker found in a table line. */
interface Marker {
  readonly start: number
  readonly end: number
  readonly label: string
}

/** The trimmed lines of every block, in document order. */
function* linesOf(document: DocumentView): Iterable<Line> {
  const {source} = document
  for (const [block, {start, end}] of document.blocks.entries()) {
    let lineStart = start
    for (let i = start; i <= end; i++) {
      const code = i < end ? source.charCodeAt(i) : 10
      if (code !== 10 && code !== 13) continue
      let a = lineStart
      let b = i
      while (a < b && (source.charCodeAt(a) === 32 || source.charCodeAt(a) === 9)) a++
      while (b > a && (source.charCodeAt(b - 1) === 32 || source.charCodeAt(b - 1) === 9)) b--
      if (b > a) yield {start: a, end: b, block}
      if (code === 13 && source.charCodeAt(i + 1) === 10) i++
      lineStart = i + 1
    }
  }
}

/** The label after `label` in its series (`a` then `b`, `1` then `2`). */
function nextLabel(label: string): string {
  return /^\d+$/.test(label) ? String(Number(label) + 1) : String.fromCharCode(label.charCodeAt(0) + 1)
}

/** The markers a table line carries: `(note a)` anywhere, `(a)` at its end. */
function markersOf(source: string, line: Line): Marker[] {
  const text = source.slice(line.start, line.end)
  const found: Marker[] = []
  for (const match of text.matchAll(namedMarker)) found.push({start: line.start + match.index, end: line.start + match.index + match[0].length, label: match[1]!})
  const last = endMarker.exec(text)
  if (last && !found.some((m) => m.end === line.end)) found.push({start: line.end - last[0].length, end: line.end, label: last[1]!})
  return found
}

/**
 * The notes of a notes paragraph from `text` (starting at offset `at`):
 * items `(a)`, `(b)`, ... in order, each after the start or a `;`, `,` or
 * `.` and a blank. Each runs to the next item, without its separator.
 */
function notesOf(text: string, at: number): Array<{label: string; start: number; end: number; content: string; contentStart: number}> {
  const items: Array<{label: string; start: number; markerEnd: number}> = []
  let label = text.charAt(text.indexOf('(') + 1) === 'a' ? 'a' : '1'
  let from = 0
  for (;;) {
    const marker = `(${label})`
    const index = text.indexOf(marker, from)
    if (index < 0) break
    let before = index
    while (before > 0 && /\s/.test(text.charAt(before - 1))) before--
    if (items.length === 0 || ';,.'.includes(text.charAt(before - 1) || ' ')) items.push({label, start: index, markerEnd: index + marker.length})
    else break
    from = index + marker.length
    label = nextLabel(label)
  }
  return items.map((item, i) => {
    let end = i + 1 < items.length ? items[i + 1]!.start : text.length
    while (end > item.markerEnd && /[\s;,]/.test(text.charAt(end - 1))) end--
    const raw = text.slice(item.markerEnd, end)
    const lead = raw.length - raw.trimStart().length
    return {label: item.label, start: at + item.start, end: at + end, content: raw.trim(), contentStart: at + item.markerEnd + lead}
  })
}

const convention: Convention = {
  meta: {
    id: 'typed-table-notes',
    description: 'Typed table notes: `(note a)` or `(a)` in a table\'s cells, with `Notes: (a) ...; (b) ...` right under the table',
    formats: ['text', 'docx']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source} = document
    const lines = [...linesOf(document)]
    let markers: Marker[] | undefined
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      const text = source.slice(line.start, line.end)
      if (caption.test(text)) {
        markers = []
        continue
      }
      if (markers && notesLine.test(text)) {
        // The notes paragraph: this line, and the lines of its block it wraps onto.
        let last = i
        while (last + 1 < lines.length && lines[last + 1]!.block === line.block && !sentenceEnd.test(source.slice(lines[last]!.start, lines[last]!.end))) last++
        const notes = notesOf(source.slice(line.start, lines[last]!.end), line.start)
        const labels = new Set(notes.map((note) => note.label))
        const used = markers.filter((marker) => labels.has(marker.label))
        const carried = new Set(used.map((marker) => marker.label))
        if (notes.length > 0 && notes.every((note) => carried.has(note.label))) {
          const style = /^\d/.test(notes[0]!.label) ? 'arabic' : 'letter'
          for (const marker of used) {
            yield {role: 'reference', marker: source.slice(marker.start, marker.end), label: marker.label, style, syntax: 'table', start: marker.start, end: marker.end, fromText: true}
          }
          for (const note of notes) {
            yield {
              role: 'note',
              marker: `(${note.label})`,
              label: note.label,
              style,
              syntax: 'table',
              start: note.start,
              end: note.start + note.label.length + 2,
              fromText: true,
              noteEnd: note.end,
              content: note.content,
              contentStart: note.contentStart
            }
          }
        }
        markers = undefined
        i = last
        continue
      }
      if (!markers) continue
      if (text.length > maxCellLength) markers = undefined
      else markers.push(...markersOf(source, line))
    }
  }
}

export default convention
