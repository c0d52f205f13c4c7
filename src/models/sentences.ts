/**
 * The text definitions shared by the prose model and the note model: what a
 * word, a sentence and a direct quotation are. Defined once, here, so that
 * rules and the coverage summary agree.
 *
 * Functions read a string in which characters that are not prose (inline
 * code, HTML, link URLs, emphasis marks, references) may be replaced by
 * `\0`, which is transparent: it is neither a letter nor whitespace, and it
 * keeps every offset equal to the source's.
 */
import {enUS} from 'date-fns/locale/en-US'

/** A range of a string: UTF-16 offsets, end exclusive. */
export interface Range {
  readonly start: number
  readonly end: number
}

/** A direct quotation: from its opening mark to just after its closing mark. */
export interface QuotationRange extends Range {
  /** Words between the marks. */
  readonly words: number
}

/** Fewest words between quotation marks for a direct quotation. */
export const quotationWords = 5

const terminator = /[.!?]/
const closer = /["”’')\0]/
const horizontalSpace = /[ \t\u00a0]/
const whitespace = /\s/
const lowercase = /\p{Ll}/u
const letter = /\p{L}/u
const wordChar = /[\p{L}\p{N}]/u

/**
 * Abbreviations whose period ends no sentence (titles, `No.`, `p.`, `vs.`,
 * `al.`), and the month abbreviations of date-fns's English locale (`Oct. 7`).
 */
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'gov',
  'sen', 'rep', 'rev', 'hon', 'amb', 'pres', 'no', 'nos', 'vol', 'vols', 'pp', 'ed', 'eds', 'trans', 'vs', 'cf', 'al',
  'fig', 'figs', 'approx', 'dept', 'sept', 'ch', 'art', 'para', 'sec',
  ...Array.from({length: 12}, (_, i) => String(enUS.localize.month(i as 0, {width: 'abbreviated'})).toLowerCase())
])

/**
 * Whether the period at `index` belongs to an abbreviation rather than
 * ending a sentence: an initial or a one-letter abbreviation (`A.`, the last
 * `S.` of `U.S.`, `p.`) or a word of the list above.
 */
export function isAbbreviationPeriod(text: string, index: number): boolean {
  let start = index
  while (start > 0 && letter.test(text.charAt(start - 1))) start--
  const before = text.slice(start, index)
  if (before.length === 0) return false
  // A letter glued to digits is a suffix, not an initial: `1990s.`, `4th.`
  if (start > 0 && wordChar.test(text.charAt(start - 1))) return false
  if (before.length === 1) return true
  return abbreviations.has(before.toLowerCase())
}

/**
 * Number of words (runs of letters and digits, with inner apostrophes and
 * hyphens: `don't`, `Al-Akhbar`) in `text` from `start` to `end`. Counted
 * without allocating, as it runs over every paragraph.
 */
export function countWords(text: string, start = 0, end = text.length): number {
  let count = 0
  let inWord = false
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    if (isWordCode(code, text, i)) {
      if (!inWord) count++
      inWord = true
    } else if (inWord && (code === 39 || code === 0x2019 || code === 45) && i + 1 < end && isWordCode(text.charCodeAt(i + 1), text, i + 1)) {
      // An apostrophe or hyphen between two word characters joins them.
    } else inWord = false
  }
  return count
}

function isWordCode(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return wordChar.test(text.charAt(index))
}

/**
 * Split `text` from `start` to `end` into sentences. A sentence ends at `.`,
 * `!` or `?` (a period of an abbreviation does not count), together with any
 * closing quotation marks and references that follow, then whitespace and a
 * word that does not start in lowercase (or the end). A reference after the
 * terminator and a space (`Syria. [1]`) still belongs to the sentence it
 * follows. `references` are the ranges of the references in `text`.
 *
 * So in `others."[v] Rafsanjani posted` the `[v]` belongs to the sentence that
 * ends at `others.`. Sentences are trimmed; empty ones are dropped.
 */
export function splitSentences(text: string, references: readonly Range[], start = 0, end = text.length): Range[] {
  const referenceEnd = new Map(references.map((r) => [r.start, r.end]))
  const sentences: Range[] = []
  let from = skipSpace(text, start, end)
  let i = from
  while (i < end) {
    const code = text.charCodeAt(i)
    // `.`, `!`, `?`; a period of an abbreviation does not count.
    if ((code !== 46 && code !== 33 && code !== 63) || (code === 46 && isAbbreviationPeriod(text, i))) {
      i++
      continue
    }
    let j = i + 1
    while (j < end && terminator.test(text.charAt(j))) j++
    for (;;) {
      while (j < end && closer.test(text.charAt(j))) j++
      const after = referenceEnd.get(j)
      if (after !== undefined) {
        j = after
        continue
      }
      let k = j
      while (k < end && horizontalSpace.test(text.charAt(k))) k++
      const spaced = k > j ? referenceEnd.get(k) : undefined
      if (spaced !== undefined) {
        j = spaced
        continue
      }
      break
    }
    if (j < end && !whitespace.test(text.charAt(j))) {
      i = j
      continue
    }
    const next = skipSpace(text, j, end)
    if (next < end && lowercase.test(text.charAt(next))) {
      i = next
      continue
    }
    if (j > from) sentences.push({start: from, end: j})
    from = next
    i = next
  }
  const last = trimEnd(text, from, end)
  if (last > from) sentences.push({start: from, end: last})
  return sentences
}

/**
 * Text between matching double quotation marks (`"..."`, `“...”`; never
 * apostrophes) from `start` to `end`, with at least `minWords` words
 * (default `quotationWords`).
 * A straight mark opens when whitespace, an opening bracket or a dash (or
 * nothing) is before it and a non-space after it; otherwise it closes. A
 * mark that opens while another of its kind is open replaces it, and a mark
 * left open at the end closes nothing, so unbalanced marks never turn the
 * rest of a paragraph into a quotation.
 */
export function findQuotations(text: string, start = 0, end = text.length, minWords = quotationWords): QuotationRange[] {
  const found: QuotationRange[] = []
  let open: {kind: 'straight' | 'curly'; at: number} | undefined
  const close = (at: number): void => {
    if (!open) return
    const words = countWords(text, open.at + 1, at)
    if (words >= minWords) found.push({start: open.at, end: at + 1, words})
    open = undefined
  }
  for (let i = start; i < end; i++) {
    const char = text.charAt(i)
    if (char === '“') open = {kind: 'curly', at: i}
    else if (char === '”') {
      if (open?.kind === 'curly') close(i)
    } else if (char === '"') {
      const before = previous(text, i, start)
      const after = next(text, i, end)
      const opens = (before === '' || /[\s([{—–\-/:]/.test(before)) && after !== '' && !whitespace.test(after)
      if (opens) open = {kind: 'straight', at: i}
      // A straight mark that closes while a curly one is open cancels it (`“go ask Susan"`): the marks do not match.
      else if (open?.kind === 'curly') open = undefined
      else if (open?.kind === 'straight' && before !== '' && (!whitespace.test(before) || closesAfterSpace(after))) close(i)
    }
  }
  return found
}

/** A straight mark after a space still closes when nothing, a space or punctuation follows it (`pastimes ... "[28]`). */
function closesAfterSpace(after: string): boolean {
  return after === '' || whitespace.test(after) || /[.,;:!?)[\]]/.test(after)
}

function previous(text: string, index: number, start: number): string {
  let i = index - 1
  while (i >= start && text.charAt(i) === '\0') i--
  return i >= start ? text.charAt(i) : ''
}

function next(text: string, index: number, end: number): string {
  let i = index + 1
  while (i < end && text.charAt(i) === '\0') i++
  return i < end ? text.charAt(i) : ''
}

function skipSpace(text: string, start: number, end: number): number {
  let i = start
  while (i < end && (whitespace.test(text.charAt(i)) || text.charAt(i) === '\0')) i++
  return i
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end
  while (i > start && (whitespace.test(text.charAt(i - 1)) || text.charAt(i - 1) === '\0')) i--
  return i
}

/** Longest parenthetical read for a citation (longer ones are prose asides). */
const maxParenthetical = 160
const yearOrPage = /\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bpp?\.[ \u00a0]?\d|\bat \d/
const legalCitation = /\b\d{1,4} (?:U\. ?S\.?|US\.|F\. ?(?:\dd|Supp\.)|S\. ?Ct\.|Stat\.|U\.S\.C\.) (?:at )?\d/
const shortCitation = /\b(?:Id|Ibid)\. at \d|\bIbid\.|\b(?:1[5-9]|20)\d\d, pp?\.[ \u00a0]?\d/
const attributionDash = /^["”’]?[,.]?[ \t_*]*(?:--|-|—|―|–)[ \t]*[\p{Lu}_*]/u

/**
 * Whether `text` from `start` to `end` holds a citation written in the prose
 * itself rather than as a reference: a parenthetical of at most 160
 * characters with a year or a page (`(1986)`, `(Smith 2003, p. 4)`, `(3d
 * ed. 1969)`), a legal citation (`478 U.S. 714`, `4 Stat. 487`, `Id. at
 * 18`), or, right at `start`, an attribution dash after a closing quotation
 * mark (`”--_De Ludis_, by Hyde`). These are the author-date, legal and
 * epigraph styles of citing. Runs in time linear in `end - start` (each
 * parenthetical is read once, up to its bounded length).
 */
export function hasInlineCitation(text: string, start: number, end: number, attributionAt?: number): boolean {
  if (attributionAt !== undefined && attributionDash.test(text.slice(attributionAt, attributionAt + 12).replaceAll('\0', ''))) return true
  const slice = text.slice(start, end)
  if (legalCitation.test(slice) || shortCitation.test(slice)) return true
  // Each `)` closes the last `(` before it; each parenthetical is tested once.
  let open = -1
  for (let i = 0; i < slice.length; i++) {
    const char = slice.charAt(i)
    if (char === '(') open = i
    else if (char === ')' && open !== -1) {
      if (i - open <= maxParenthetical && yearOrPage.test(slice.slice(open + 1, i))) return true
      open = -1
    }
  }
  return false
}

/** How far after a quotation the marks of a reference list are looked for, in UTF-16 code units. */
const bibliographyWindow = 160
const bibliographyMark = /\b(?:Retrieved|Archived|ISBN|ISSN|doi:|Accessed)\b|\(eds?\.\)|\b\d+ ?\(\d+\): ?\d/
const yearBefore = /\(\d{4}[a-z]?\)[.,:]?[ \t]*$|\b(?:Section|Chapter|Part|Article) [\dIVX]+[,:]?[ \t]*$/
const address = /:\/\/|\bwww\./
/** Short words that title case leaves in lowercase (Chicago and APA title case). */
const titleSmallWords = new Set(['about', 'from', 'into', 'onto', 'over', 'upon', 'with', 'than', 'that', 'when', 'without'])
const significantWord = /[\p{L}][\p{L}'’-]{3,}/gu

/**
 * Whether the quotation from `start` (its opening mark) to `end` (just
 * after its closing mark) names a work or a thing rather than quoting
 * someone: an address (`"https://..."`) or any single token; a title in title case, every word
 * of four letters or more capitalised, at least two of them (`"Primary
 * Lead Refining Technical Notes"`); or a title in a reference list entry,
 * after an author-date year (`Boldyrev M (2018). "Lead: ..."`) or followed
 * within 160 characters by a reference list's marks (`Retrieved`,
 * `Archived`, `ISBN`, `doi:`, `(eds.)`, a journal's `88 (3): 563`). These
 * are the styles of Wikipedia, APA and Chicago bibliographies.
 */
export function isTitleOfWork(text: string, start: number, end: number): boolean {
  const inner = text.slice(start + 1, end - 1).replaceAll('\0', '')
  if (address.test(inner)) return true
  if (!/\s/.test(inner.trim())) return true
  const words = (inner.match(significantWord) ?? []).filter((word) => !titleSmallWords.has(word.toLowerCase()))
  if (words.length >= 2 && words.every((word) => /^\p{Lu}/u.test(word))) return true
  if (yearBefore.test(text.slice(Math.max(0, start - 16), start).replaceAll('\0', ''))) return true
  return bibliographyMark.test(text.slice(end, end + bibliographyWindow))
}

/** How far back an open parenthesis is looked for before a quotation. */
const parenthesisWindow = 240
const unreadMarker = /^[.,;:]?(?:[\d*\ufffd]|['!][\d*\ufffd!'])/

/**
 * Whether the quotation from `start` to `end` stands inside parentheses
 * opened at most 240 characters before it: the explanatory parenthetical
 * of a legal or bibliographic citation (`478 U.S. 714 (1986) ("Congress
 * cannot ...")`, `Tweet ("RT @...")`), which the citation it follows cites.
 */
export function inParentheses(text: string, start: number): boolean {
  let depth = 0
  for (let i = start - 1; i >= Math.max(0, start - parenthesisWindow); i--) {
    const char = text.charAt(i)
    if (char === ')') depth++
    else if (char === '(') {
      if (depth === 0) return true
      depth--
    } else if (char === '\n' && text.charAt(i - 1) === '\n') return false
  }
  return false
}

/**
 * Whether a superscript note number that OCR turned into symbols is glued
 * to the quotation's closing mark at `end`: digits, `*` or the replacement
 * character `\ufffd`, maybe after `'` or `!` (`loyalty."'*!`, `stay on."!84`,
 * `myself."*4\ufffd`). The marker is there but unreadable, so the quotation
 * is taken as cited.
 */
export function hasUnreadMarker(text: string, end: number): boolean {
  return unreadMarker.test(text.slice(end, end + 3).replaceAll('\0', ''))
}

/**
 * Whether the quotation from `start` to `end` asks or trails off rather than
 * states: its last character before the closing mark is `?`, `…` or `...`
 * (`ask "should we still be doing this?"`, `"Starting today…"`). Such a
 * quotation is hypothetical or imagined speech, not a claim about what
 * someone said.
 */
export function isQuestionOrTrailing(text: string, start: number, end: number): boolean {
  const inner = text.slice(start + 1, end - 1).replaceAll('\0', '').trimEnd()
  return /(?:\?|…|\.\.\.)$/.test(inner)
}

const determinerBefore = /(?:^|[^\p{L}])(?:the|a|an|that|this)[ \t]+$/iu
const exampleBefore = /(?:^|[^\p{L}])(?:such as|saying|say|ask|asking|asks|like|than|as|e\.g\.,?)[ \t,:]*$/iu
const fieldName = /^[ \t]*[\w-]+:[ \t]*$/
/** A verb of saying before `that` makes what follows reported speech (`argued that "..."`). */
const speechThat = /\b(?:said|says|argued|argues|claimed|claims|wrote|writes|stated|states|warned|warns|noted|notes|added|adds|insisted|declared|explained|reported|concluded|held|found|told [\p{L}]+) that[ \t]+$/iu
const wordAfter = /^[ \t]+[\p{L}]/u
const dateBefore = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}[,.:]?[ \t]*$/

/**
 * Whether the quotation from `start` to `end` is used as a phrase rather
 * than as reported speech: inside a noun phrase, after a determiner and
 * before a word (`the "it fell off the back of a truck" level of service`,
 * `a "we'd like to be there" concept`); or as an example or imagined
 * speech, after `such as`, `saying`, `ask`, `like`, `than` or `as`; a
 * term glossed in parentheses (`"land of the two mosques" (Mecca and
 * Medina)`); a field's value (`alt: "..."`); the end of a wiki caption
 * (`..."]]`). Such quotations name an attitude, a term or an example, not
 * what someone said.
 */
export function isQuotedPhrase(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start).replaceAll('\0', '')
  if (exampleBefore.test(before)) return true
  // A field name starts the line at most 40 characters before (a bounded look-back, so linear time).
  const from = Math.max(0, start - 41)
  const window = text.slice(from, start)
  const newline = window.lastIndexOf('\n')
  if ((newline !== -1 || from === 0) && fieldName.test(window.slice(newline + 1))) return true
  // A term glossed in parentheses (`the "land of the two mosques" (Mecca and Medina)`), or a wiki caption's end.
  const after = text.slice(end, end + 40).replaceAll('\0', '')
  if (/^\]\]/.test(after) || (/^[ \t]*\([^)]*\)/.test(after) && !/^[ \t]*\([^)]*\d/.test(after))) return true
  // A quotation that ends its own sentence (`reprisals."`) is reported speech.
  if (/[.!,;:]$/.test(text.slice(start + 1, end - 1).replaceAll('\0', ''))) return false
  if (speechThat.test(text.slice(Math.max(0, start - 40), start).replaceAll('\0', ''))) return false
  return determinerBefore.test(before) && wordAfter.test(text.slice(end, end + 3))
}

/**
 * Whether a source is named with a full date just before the quotation
 * (`_The New York Times_, June 18, 2010 "The pact ..."`): the entry of a
 * list of sources quoting them.
 */
export function hasDatedSourceBefore(text: string, start: number): boolean {
  return dateBefore.test(text.slice(Math.max(0, start - 24), start).replaceAll('\0', ''))
}
