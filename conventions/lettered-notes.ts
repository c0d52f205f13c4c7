/**
 * Lettered notes: a transcriber's (or editor's) notes lettered `A`, `B`,
 * `C`, ... under their own heading (`Transcriber’s Footnotes:`,
 * `Transcriber's Notes`, `Notes`), each a paragraph opening with its letter
 * (`A.` alone on its line, or `A. The text`), cited in the text by the
 * capital letter, flattened and glued to the word or quotation it annotates:
 * after a closing quotation mark or bracket that follows a lower-case letter
 * (`“Ō´mishga‘n”A—“get up”`), after a lower-case word (`upriverA,`), or
 * before an elided word (`man´-i-dō´ B’n-gi-gĭn´`). Text copied from a
 * Project Gutenberg HTML edition, whose superscript letter links lost their
 * markup. Plain text only.
 *
 * - Reads: `him, “Ō´mishga‘n”A—“get up”` with `Transcriber’s Footnotes:` /
 * `A.` / `The chief priest then says to him, ...`
 * - Must not read: single capitals in prose (`Plan A, then`, `type B.`, `I’m`,
 * `U.S.A.`), an outline `A. Introduction` with no glued letter cited, units
 * (`5 mA`, `10 kB`: the word before a glued capital has three letters or
 * more), and any glued capital when the document has no lettered notes list.
 *
 * Evidence (the convention weighs it itself and stays silent without it):
 * the notes are the paragraphs right after the heading whose letters run
 * `A`, `B`, ... in order, each plausible as a note (its text at least
 * `minimumNote` characters long); the references are, for each letter in
 * turn, the first glued capital with that letter after the reference of the
 * letter before, all before the heading. Every note must get its reference,
 * else nothing is read. References and notes stand as proposed (syntax
 * `lettered`): each reference names its note by its letter.
 *
 * Linear in the text: one pass over the blocks for the list, one regular
 * expression pass over the text before it for the capitals.
 */
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'

/** A heading over lettered notes. */
const heading = /^(?:(?:transcriber|editor)[’']?s[ \t]+)?(?:foot|end)?notes?[ \t]*:?$/i
/** A note's opening: its letter, `.` or `)`, then its text on the line or the next one. */
const opening = /^([A-Z])[.)](?:[ \t]+|\r?\n|\r)/
/** The fewest characters of a note's text: a note says something. */
const minimumNote = 20
/**
 * A capital letter glued as a marker: after a closing quotation mark or
 * bracket that follows a lower-case letter, or after a lower-case word of
 * three letters or more, with no letter or digit after it; or, after a
 * blank, before an apostrophe and a lower-case letter (an elided word).
 */
const glued = /(?<=\p{Ll}[”’"')\]]|\p{Ll}{3})([A-Z])(?![\p{L}\p{N}])|(?<=^|[ \t])([A-HJ-Z])(?=[’']\p{Ll})/gmu

/** A lettered note found under the heading. */
interface LetterNote {
  readonly label: string
  readonly start: number
  readonly end: number
  readonly markerEnd: number
  readonly contentStart: number
}

/** The notes of the lettered list opening at block `from`: `A`, `B`, ... in order, each plausible. */
function notesFrom(document: DocumentView, from: number): LetterNote[] {
  const {source} = document
  const notes: LetterNote[] = []
  for (let i = from; i < document.blocks.length; i++) {
    const block = document.blocks[i]!
    const text = source.slice(block.start, block.end)
    const match = opening.exec(text)
    if (!match || match[1]!.charCodeAt(0) !== 65 + notes.length) break
    const content = text.slice(match[0].length).trim()
    if (content.length < minimumNote) return []
    let end = block.end
    while (end > block.start && /\s/.test(source.charAt(end - 1))) end--
    notes.push({label: match[1]!, start: block.start, end, markerEnd: block.start + 2, contentStart: block.end - text.slice(match[0].length).trimStart().length})
  }
  return notes
}

const convention: Convention = {
  meta: {
    id: 'lettered-notes',
    description: 'A transcriber’s notes lettered `A.`, `B.` under their heading, cited by glued capitals `“word”A—`',
    formats: ['text']
  },
  *detect(document: DocumentView): Iterable<Candidate> {
    const {source, blocks} = document
    const at = blocks.findIndex((block, i) => i + 1 < blocks.length && heading.test(source.slice(block.start, block.end).trim()) && opening.test(source.slice(blocks[i + 1]!.start, blocks[i + 1]!.end)))
    if (at < 0) return
    const notes = notesFrom(document, at + 1)
    if (notes.length === 0) return
    const references: Candidate[] = []
    const text = source.slice(0, blocks[at]!.start)
    glued.lastIndex = 0
    let match: RegExpExecArray | null
    while (references.length < notes.length && (match = glued.exec(text))) {
      const letter = match[1] ?? match[2]!
      if (letter !== notes[references.length]!.label) continue
      references.push({role: 'reference', marker: letter, label: letter, style: 'letter', syntax: 'lettered', start: match.index, end: match.index + 1, fromText: true})
    }
    if (references.length < notes.length) return
    yield* references
    for (const note of notes) {
      yield {
        role: 'note',
        marker: source.slice(note.start, note.markerEnd),
        label: note.label,
        style: 'letter',
        syntax: 'lettered',
        start: note.start,
        end: note.markerEnd,
        fromText: true,
        noteEnd: note.end,
        content: source.slice(note.contentStart, note.end),
        contentStart: note.contentStart
      }
    }
  }
}

export default convention
