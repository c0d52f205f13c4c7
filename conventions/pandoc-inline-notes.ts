/**
 * Pandoc inline notes (pandoc's `inline_notes` extension, on by default in
 * pandoc, R Markdown and Quarto): `text^[the note]` writes the note where it
 * is cited; pandoc numbers it with the other notes. Markdown only; common in
 * R Markdown books (`.Rmd`) and Quarto reports (`.qmd`), also in plain
 * pandoc Markdown.
 *
 * - Reads: `adapted from Wikipedia^[See the page on characteristic functions.]`
 * - Must not read: `` `^[]` `` (inline code), `^[` in a code chunk, `\^[x]`
 * (escaped caret), `[^1]` (a GFM call), `x^[2` with no closing bracket.
 *
 * A note opens at `^[` whose two characters stand in prose text (so never in
 * code, HTML or a link destination), and closes at the matching `]`:
 * brackets are counted only in the block's prose text, so a link inside the
 * note (`^[See [the guide](https://...).]`) nests, and an escaped bracket
 * (`\]`) does not count. A note never leaves its paragraph. Each note is one
 * reference (the `^[`) and one note (from `[` to `]`, its content the text
 * between), labelled by its order among the document's inline notes; it is
 * always cited, exactly once. No document-wide evidence is needed: `^[`
 * followed by a closing bracket is this convention's syntax alone.
 */
import type {Block, Candidate, Convention, DocumentView, Exclusion} from '../src/citation-index/convention.js'

const caret = 94
const open = 91
const close = 93
const backslash = 92

const convention: Convention = {
  meta: {
    id: 'pandoc-inline-notes',
    description: 'Pandoc inline notes `text^[the note]`, the note written where it is cited',
    formats: ['markdown']
  },
  *detect(document: DocumentView): Iterable<Candidate | Exclusion> {
    let count = 0
    for (const block of document.blocks) {
      for (const note of inlineNotes(document.source, block)) {
        count++
        const label = String(count)
        const {start, end} = note
        const raw = document.source.slice(start + 2, end - 1)
        const content = raw.trim()
        // Markers scanned in the note's text are the note's words, not references of another convention.
        yield {exclude: true, start, end}
        yield {role: 'reference', marker: '^[', label, style: 'caret', syntax: 'pandoc', start, end: start + 2}
        yield {
          role: 'note',
          marker: '[',
          label,
          style: 'caret',
          syntax: 'pandoc',
          start: start + 1,
          end: start + 2,
          noteEnd: end,
          content,
          contentStart: start + 2 + (raw.length - raw.trimStart().length)
        }
      }
    }
  }
}

/**
 * The inline notes of `block`: spans from `^` to just after the matching
 * `]`, in document order, not nested (a `^[` inside a note is part of it).
 * Linear in the length of the block's text: each character is read once.
 */
export function inlineNotes(source: string, block: Block): Array<{start: number; end: number}> {
  const found: Array<{start: number; end: number}> = []
  const texts = block.texts ?? []
  let opened = -1
  let depth = 0
  for (const text of texts) {
    for (let i = text.start; i < text.end; i++) {
      const code = source.charCodeAt(i)
      if (code === backslash) {
        i++
        continue
      }
      if (opened < 0) {
        if (code === caret && i + 1 < text.end && source.charCodeAt(i + 1) === open) {
          opened = i
          depth = 1
          i++
        }
        continue
      }
      if (code === open) depth++
      else if (code === close && --depth === 0) {
        found.push({start: opened, end: i + 1})
        opened = -1
      }
    }
  }
  return found
}

export default convention
