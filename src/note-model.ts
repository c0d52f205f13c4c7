/**
 * The note model: each note's text parsed into the fields a citation has.
 * It sits beside the citation index (which holds facts about markers and
 * notes) and is computed once per file; rules and the coverage summary read it.
 *
 * This first version recognises dates written with an English month name
 * (`October 7, 2015`, `7 October 2015`, `Oct. 7, 2015`, `October 2015`), ISO
 * dates (`2015-10-07`) and bare years, URLs, and a place in parentheses after
 * the source (`Al-Akhbar (Lebanon)`).
 */
import type {Note} from './types.js'

/**
 * Kinds of note:
 * - `citation`: names a source (outlet, author or title), maybe with place and date
 * - `url-only`: nothing but one or more URLs
 * - `author`: a symbol note about the authors (`* A. Savyon is director ...`)
 * - `empty`: no source: nothing, or only a date, a place and punctuation
 */
export type NoteKind = 'citation' | 'url-only' | 'author' | 'empty'

/** Fields of one note; text fields are as written in the source, trimmed. */
export interface NoteFields {
  readonly kind: NoteKind
  /** The note's text with date, place, URL and surrounding punctuation removed; `undefined` when nothing is left. */
  readonly source: string | undefined
  /** The first parenthesised place (`Lebanon` in `Al-Akhbar (Lebanon)`). */
  readonly place: string | undefined
  /** The first date as written (`October 7, 2015`). */
  readonly date: string | undefined
  /** The first URL. */
  readonly url: string | undefined
}

const month =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const datePattern = new RegExp(
  [
    `\\b${month}\\s+\\d{1,2},?\\s+\\d{4}\\b`,
    `\\b\\d{1,2}\\s+${month}\\s+\\d{4}\\b`,
    `\\b${month}\\s+\\d{4}\\b`,
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b(?:1[6-9]|20)\\d{2}\\b'
  ].join('|'),
  'gi'
)
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"']+/gi
const placePattern = /\(([^()]{1,60})\)/g
const letter = /\p{L}/u
const edge = /[\s\p{P}\p{S}]/u

/** Parse one note's text into its fields. Pure; never throws. */
export function describeNote(note: Note): NoteFields {
  const text = note.content
  const date = first(text, datePattern)
  const url = first(text, urlPattern)
  const placeMatch = new RegExp(placePattern.source).exec(text)
  const place = placeMatch?.[1]?.trim()
  const rest = trimPunctuation(
    text.replace(urlPattern, ' ').replace(datePattern, ' ').replace(placePattern, ' ').replace(/\s+/g, ' ')
  )
  const source = letter.test(rest) ? rest : undefined
  let kind: NoteKind
  if (note.syntax === 'symbol' && source) kind = 'author'
  else if (source) kind = 'citation'
  else if (url) kind = 'url-only'
  else kind = 'empty'
  return Object.freeze({kind, source, place, date, url})
}

function first(text: string, pattern: RegExp): string | undefined {
  return new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text)?.[0]
}

/** Remove whitespace, punctuation and symbols from both ends. */
function trimPunctuation(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && edge.test(text.charAt(start))) start++
  while (end > start && edge.test(text.charAt(end - 1))) end--
  return text.slice(start, end)
}
