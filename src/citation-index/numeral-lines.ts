/**
 * Line-level reading shared by the numeral conventions (`conventions/
 * flattened-superscripts.ts`, `numbered-endnotes.ts`, `unicode-superscripts.ts`):
 * the lines of a block, and the extent of a note that starts a line and runs
 * to the next note of its block or to the block's end. Offsets are UTF-16
 * code units into the source, end exclusive. Linear in the block's length.
 */
import type {Candidate} from './convention.js'

/** One line of a block: `start` to `end` (before its line break). */
export interface Line {
  readonly start: number
  readonly end: number
}

/** The lines of `source` from `start` to `end`, in order. */
export function linesOf(source: string, start: number, end: number): Line[] {
  const lines: Line[] = []
  let at = start
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i)
    if (code === 10 || code === 13) {
      lines.push({start: at, end: i})
      if (code === 13 && source.charCodeAt(i + 1) === 10) i++
      at = i + 1
    }
  }
  if (at < end) lines.push({start: at, end})
  return lines
}

/** A note start found at a line start: its marker span, label and where its content starts. */
export interface NoteStart {
  readonly start: number
  readonly end: number
  readonly label: string
  readonly contentStart: number
}

/**
 * Note candidates (syntax `numeral`, style `arabic`) from note starts found
 * in one block ending at `blockEnd`, in order: each note runs to the next
 * one or to the block's end, trailing whitespace excluded.
 */
export function numeralNotes(source: string, starts: readonly NoteStart[], blockEnd: number): Candidate[] {
  return starts.map((item, i) => {
    let noteEnd = i + 1 < starts.length ? starts[i + 1]!.start : blockEnd
    while (noteEnd > item.contentStart && /\s/.test(source.charAt(noteEnd - 1))) noteEnd--
    const contentStart = Math.min(item.contentStart, noteEnd)
    return {
      role: 'note',
      marker: source.slice(item.start, item.end),
      label: item.label,
      style: 'arabic',
      syntax: 'numeral',
      start: item.start,
      end: item.end,
      fromText: true,
      noteEnd: Math.max(noteEnd, item.end),
      content: source.slice(contentStart, noteEnd),
      contentStart
    }
  })
}

/** An ASCII decimal label for a note number: no leading zero, 1 to 999. */
export function isNoteNumber(digits: string): boolean {
  return digits.length > 0 && digits.length <= 3 && digits.charCodeAt(0) !== 48
}
