/**
 * The note model: each note's text parsed into the fields a citation has
 * (source, place, date, URL) and a kind. It sits beside the citation index
 * (which holds facts about markers and notes) and is computed once per file;
 * rules and the coverage summary read it.
 *
 * How a note is read (`parseNoteText`):
 * 1. `Ibid.`, `Ibid`, `Ibidem` or `Id.` at the start: kind `ibid`; it names
 *    no source of its own.
 * 2. The text is split into clauses at sentence ends (the definition of
 *    `src/models/sentences.ts`) and semicolons. The citation is the first clause
 *    that ends in a date (at most three words, URLs and access dates may
 *    follow it) with an outlet before the date: `Al-Akhbar (Lebanon),
 *    October 12, 2015.` The outlet is the text before the date in that
 *    clause or, when the date starts its clause, the clause before
 *    (`"Title". The Guardian. 7 October 2015.`); clauses before it that are
 *    not prose (author, title) belong to the source too. A parenthesised
 *    capitalised place right after the outlet is the place. Access dates
 *    (`Retrieved 9 October 2015`) are never the citation's date.
 * 3. When a prose clause (outside quotation marks, three or more lowercase
 *    words, and at least two in five words lowercase) comes before the
 *    citation, the note is `discursive`: the source is the outlet named
 *    before its date, not the prose.
 * 4. Without such a clause: when no letter is left once dates, URLs,
 *    parenthesised text and access words are removed, the note is
 *    `url-only` (with a URL), `gloss` (only a span of years, a person's
 *    dates: `1680-1762.`) or `empty`. Beside a URL, connectives and
 *    month names (`See`, `Available at`, `As of March 2016.`, `Retrieved
 *    July 29`) and a Markdown link whose text is its own address name no
 *    source either, before a date (step 2) or without one. A symbol note that reads like a
 *    sentence about a person (`* A. Savyon is director ...`) is `author`
 *    and names no source. Otherwise the note is `citation` (or
 *    `discursive` when it holds several sentences and the first is prose),
 *    and its source is its text as written, without leading URLs and
 *    without the trailing URLs, dates, places and access words.
 *
 * A `citation` note that holds only authors, a year and maybe a page
 * (`Forshaw & Smith 2009`) is also a `shortForm` (`isShortForm`): it points
 * to a bibliography entry and is repeated on purpose.
 *
 * Dates are read by `src/models/dates.ts`.
 */
import type {VFile} from 'vfile'
import {spanMaker} from '../citation-index/span.js'
import type {DateFound} from './dates.js'
import {findDates} from './dates.js'
import type {Range} from './sentences.js'
import {splitSentences} from './sentences.js'
import type {CitationIndex, Note, Span} from '../citation-index/types.js'

/**
 * Kinds of note:
 * - `citation`: names a source (outlet, author or title), maybe with place, date and URL
 * - `discursive`: prose that names a source inside (`X said ... Al-Quds (London), October 1, 2015.`)
 * - `ibid`: `Ibid.`, repeating the source of the note before
 * - `url-only`: nothing but one or more URLs (and maybe a date)
 * - `author`: a symbol note about the authors (`* A. Savyon is director ...`)
 * - `gloss`: explains a word instead of citing: only a span of years, a person's dates (`[4] 1680-1762.`)
 * - `empty`: no source: nothing, or only a date, a place and punctuation
 */
export type NoteKind =
  | 'citation'
  | 'discursive'
  | 'ibid'
  | 'url-only'
  | 'author'
  | 'gloss'
  | 'empty'

/** A note's date: what `src/models/dates.ts` found, with its span in the file. */
export interface NoteDate extends DateFound {
  /** Where the date is in the file. */
  readonly span: Span
}

/** A note's text read into fields; offsets are into the text read. */
export interface NoteText {
  readonly kind: NoteKind
  /**
   * The source the note names, as written, trimmed of surrounding
   * punctuation: the outlet, author or title (`Al-Akhbar`). `undefined` for
   * `empty`, `url-only`, `author` and `ibid` notes.
   */
  readonly source: string | undefined
  /** The parenthesised place after the outlet (`Lebanon` in `Al-Akhbar (Lebanon)`). */
  readonly place: string | undefined
  /** The citation's date (for a discursive note, the date after the outlet); else the first date that is not an access date. */
  readonly date: DateFound | undefined
  /** Every date in the note, access dates included, in order. */
  readonly dates: readonly DateFound[]
  /** The first URL. */
  readonly url: string | undefined
  /**
   * For a citation read from its date: what follows the date, as written,
   * without URLs and access dates (`p. 2`, `Pg 95`); else `undefined`.
   */
  readonly detail: string | undefined
  /**
   * The note is an author-date short form (`isShortForm`): author names, a
   * year and maybe a page, nothing else (`Forshaw & Smith 2009`, `Rothman
   * 2006, pp. 112f.`). It points to a full entry in a bibliography, and is
   * repeated on purpose for each place it supports.
   */
  readonly shortForm: boolean
}

/** Fields of one note, aligned with `index.notes`; spans point into the file. */
export interface NoteFields extends Omit<NoteText, 'date' | 'dates'> {
  readonly date: NoteDate | undefined
  readonly dates: readonly NoteDate[]
}

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"']+/gi
const ibidPattern = /^[\s*_]{0,3}(?:[Ii][Bb][Ii][Dd](?:em)?\b|I[Dd][*_]{0,3}\.)/u
const placePattern = /^[\s,]*\((\p{Lu}[^()]{0,59})\)/u
const anyPlace = /\((\p{Lu}[^()\d]{0,59})\)/gu
const anyPlaceWhole = /^\p{Lu}[^()\d]{0,59}$/u
/** `anyPlace` for one match (compiled once: a RegExp per note cost measurable time). */
const firstPlace = new RegExp(anyPlace.source, 'u')
/** Any short parenthesised text: removed before asking whether a note names a source (`[50]  (website)` does not). */
const parenthesised = /\([^()]{0,60}\)/g
const accessPhrase = /\b(?:accessed|access-?date|retrieved|archived|archive-?date|viewed|visited|consulted)\b(?:\s+(?:from|on|at|via|the|original))*/gi
const letter = /\p{L}/u
const trailing = /[\s,.;:]/
const lowercaseWord = /(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’-]*/gu
/** A quotation; a curly one stops at the next opening mark, so unbalanced `“` cannot make matching quadratic. */
const quoted = /"[^"]*"|“[^“”]*”/g
const anyWord = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu
/** A name (capitalised words or initials) followed by a lowercase word: `A. Savyon is`, `R. Halden directs`. */
const aboutPerson = /^(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,5}\p{Ll}/u
const notAPerson = /^(?:see|cf|ibid|for|in|on|from|quoted|translated|source)\b/i
const edge = /[\s,;:.–—*_-]/u
/** A Markdown link: its text and destination (bounded, so matching stays linear). */
const markdownLink = /\[([^[\]\n]{1,300})\]\(([^()\s]{1,2000})\)/g
/** Scheme, `www.` and trailing slashes: what differs between an address as shown and as linked. */
const addressDecoration = /^(?:[a-z]+:\/\/)?(?:www\.)?|\/+$/gi
/** A surname: one or two capitalised words, maybe after a particle (`van Fraassen`, `de la Cruz`). */
const surname = /(?:(?:van|von|de|der|den|da|di|du|la|le)\s){0,2}\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?/u
/** A locator: `p. 21`, `pp. 1–22`, `112f.`, `ch. 3`, `§ 4`, `n. 21`, `xiv`. */
const locator = /(?:(?:pp?|pg|ch|chap|sec|para|col|fig|vol|nn?|loc)\.?\s?|§\s?)?[\dxivlc]{1,6}(?:\s?[-–—]\s?[\dxivlc]{1,6})?(?:ff?\.?)?/u
/**
 * A legal short form of an article (The Bluebook, rule 16: author's
 * surname, volume, periodical abbreviation, first page, maybe a pinpoint,
 * year in parentheses: `Wittow, 14 J. Internet L. 1 (2010).`). No `v.`: a
 * case name repeated in full is a repeated full citation.
 */
const legalShortFormPattern = new RegExp(
  `^${surname.source}(?:\\s?(?:,|&|\\band\\b)\\s?${surname.source}){0,3}(?:,?\\set al\\.?)?,\\s\\d{1,4}\\s(?:\\p{Lu}[\\p{L}.'’&]*\\.?\\s){1,6}\\d{1,5}(?:,\\s\\d{1,5})?\\s\\(\\d{4}\\)\\.?$`,
  'u'
)
/** See `isShortForm`. */
const shortFormPattern = new RegExp(
  `^${surname.source}(?:\\s?(?:,|&|\\band\\b)\\s?${surname.source}){0,3}(?:,?\\set al\\.?)?,?\\s\\(?\\d{4}[a-z]?\\)?(?:[,:]?\\s?${locator.source}(?:(?:,\\s|\\s)${locator.source}){0,3})?\\.?$`,
  'u'
)

/**
 * Words that, beside a URL, name no source: connectives (`See`, `Available
 * at`, `As of`, `and`), words about the link itself (`link`, `online`,
 * `source`) and month names of a date the date reader leaves (`Retrieved July 29`).
 */
const connectives = new Set(
  (
    'see also generally for example e g eg cf available at from on online via in as of and or link links url here ' +
    'source sources more information info details retrieved accessed archived original ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' ')
)

/**
 * The most UTF-16 code units of a note the model reads. A note names its
 * source, date and URL in its first sentences; the longest note of the real
 * corpus holds 2,403 characters. Reading a hostile note of megabytes whole
 * (`[1] (a) (a) ...`, 4 MB) only fills the heap with its clauses and
 * parentheses: the garbage collector then made the model grow faster than
 * the note (bench:hostile, 400 KB to 4 MB: 16 times the time).
 */
export const noteReadLimit = 20_000

/**
 * Parse the text of one note (at most its first `noteReadLimit` code units;
 * offsets in the result are into `text`). `symbol` tells whether it is a
 * symbol note (`*`, `†`). Pure; never throws.
 */
export function parseNoteText(whole: string, symbol = false): NoteText {
  let cut = Math.min(whole.length, noteReadLimit)
  // Not between the two halves of a surrogate pair.
  if (cut < whole.length && cut > 0 && whole.charCodeAt(cut - 1) >= 0xd800 && whole.charCodeAt(cut - 1) <= 0xdbff) cut--
  const text = cut === whole.length ? whole : whole.slice(0, cut)
  const urls = matches(text, urlPattern)
  const dates = findDates(text, urls)
  const url = urls[0] ? text.slice(urls[0].start, urls[0].end) : undefined
  const firstDate = dates.find((d) => !d.access) ?? dates[0]

  if (ibidPattern.test(text)) {
    return freeze({kind: 'ibid', source: undefined, place: undefined, date: firstDate, dates, url, detail: undefined, shortForm: false})
  }

  const clauses = splitClauses(text)
  const citation = findCitation(text, clauses, dates, urls)
  if (citation) {
    const {date} = citation
    // Author and title clauses before the outlet belong to the source
    // (`John Sutherland, "Who are America's real enemies?". The Guardian`).
    let clause = citation.clause
    while (clause > 0) {
      const before = clauses[clause - 1]!
      const inside = [...urls, ...dates].some((r) => r.start >= before.start && r.end <= before.end)
      if (inside || isProse(text.slice(before.start, before.end))) break
      clause--
    }
    const segment = {start: clauses[clause]!.start, end: citation.segment.end}
    const raw = text.slice(segment.start, segment.end)
    const placeMatch = placeAfterOutlet(raw)
    const source = clean(placeMatch ? raw.slice(0, placeMatch.index) : raw)
    const prose = clauses.slice(0, clause).some((c) => isProse(text.slice(c.start, c.end)))
    // `As of March 2016. https://...`: words before the date that name nothing.
    if (source && !(url && onlyConnectives(source))) {
      let after = text.slice(date.end)
      for (const range of [...urls, ...dates.filter((d) => d.access)].filter((r) => r.start >= date.end).sort((a, b) => b.start - a.start)) {
        after = `${after.slice(0, range.start - date.end)} ${after.slice(range.end - date.end)}`
      }
      const detail = clean(after.replace(accessPhrase, ' '))
      return freeze({kind: prose ? 'discursive' : 'citation', source, place: placeMatch?.place, date, dates, url, detail, shortForm: !prose && !url && isShortForm(text)})
    }
  }

  const place = firstPlace.exec(text)?.[1]?.trim()
  // With a URL, a link whose text is its own address and connectives name no source.
  let rest = url ? withoutSelfLinks(text) : text
  for (const range of [...urls, ...dates].sort((a, b) => b.start - a.start)) {
    rest = `${rest.slice(0, range.start)} ${rest.slice(range.end)}`
  }
  const left = clean(rest.replace(accessPhrase, ' ').replace(parenthesised, ' '))
  const hasSource = left !== undefined && !(url && onlyConnectives(left))
  let kind: NoteKind
  if (symbol && hasSource && aboutPerson.test(text.trimStart()) && !notAPerson.test(text.trimStart()) && !firstDate) {
    kind = 'author'
  } else if (hasSource) {
    const first = clauses[0]
    kind = clauses.length > 1 && first && isProse(text.slice(first.start, first.end)) ? 'discursive' : 'citation'
  } else kind = url ? 'url-only' : isYearSpan(text, dates) ? 'gloss' : 'empty'
  const named = kind === 'citation' || kind === 'discursive'
  const source = named ? clean(text.slice(citationStart(text, urls), citationEnd(text, [...urls, ...dates]))) : undefined
  return freeze({kind, source, place, date: firstDate, dates, url, detail: undefined, shortForm: kind === 'citation' && !url && isShortForm(text)})
}

/** Code host: `/owner/repo/issues/N`, `/pull/N`, `/-/merge_requests/N`, `/commit/SHA`. */
const codeHostRecord = /^\/[^/]+\/[^/]+\/(?:-\/)?(?:issues|pull|pulls|merge_requests|commit)\/[\da-f]{1,40}\/?$/i
/** An encyclopedia article (MediaWiki): `/wiki/Title`. */
const wikiArticle = /^\/wiki\/[^/]+$/
/** A DOI (DOI Handbook 2.2): `doi.org/10.1000/182`. */
const doiHost = /^(?:dx\.)?doi\.org$/i
const doiPath = /^\/10\.\d{4,9}\/./
/** An IETF RFC: `rfc-editor.org/rfc/rfc9110`, `datatracker.ietf.org/doc/html/rfc2119`. */
const rfcHost = /(?:^|\.)(?:rfc-editor\.org|ietf\.org)$/i
const rfcPath = /\/rfc\d{1,5}(?:\.[a-z]{1,5})?\/?$/i
const wrapping = new Set(['>', ')', ']', '.', ',', ';'])

/**
 * Whether `url` identifies one record in a named register, so that the URL
 * itself names the source and the note is a pointer, not a lost citation:
 * an issue, pull request, merge request or commit of a repository on a
 * code host (`github.com/llvm/llvm-project/issues/20283`, GitLab's
 * `/-/merge_requests/7`), a Bugzilla bug (`show_bug.cgi?id=50198`), an
 * encyclopedia article (`/wiki/Title`), a DOI, an IETF RFC. Read with the
 * WHATWG URL parser (`URL`); punctuation that wraps the address (`<...>`,
 * a final `.`) is left out. `undefined`, or a string that does not parse,
 * is not.
 */
export function identifiesRecord(url: string | undefined): boolean {
  if (url === undefined || url.length > 2000) return false
  let end = url.length
  while (end > 0 && wrapping.has(url.charAt(end - 1))) end--
  let parsed: URL
  try {
    parsed = new URL(url.slice(0, end))
  } catch {
    return false
  }
  const {hostname, pathname, searchParams} = parsed
  if (codeHostRecord.test(pathname) || wikiArticle.test(pathname)) return true
  if (pathname.endsWith('/show_bug.cgi') && /^\d{1,9}$/.test(searchParams.get('id') ?? '')) return true
  if (doiHost.test(hostname) && doiPath.test(pathname)) return true
  return rfcHost.test(hostname) && rfcPath.test(pathname)
}

/**
 * Whether a note's whole text is an author-date short form: one to four
 * authors' surnames (each one or two capitalised words, maybe after a
 * particle such as `van` or `de`; joined by commas, `&` or `and`; maybe
 * `et al.`), a year (maybe in parentheses, maybe with a letter: `2009a`),
 * then at most a few locators (`p. 21`, `pp. 1–22`, `112f.`, `ch. 3`, `n.
 * 21`), and no title, publisher or URL. This is the shortened note of the
 * author-date system (The Chicago Manual of Style, 17th ed., ch. 15:
 * `(Smith 2009, 21)`; Wikipedia's shortened footnotes, `{{sfn}}`: `Forshaw &
 * Smith 2009, p. 21`), whose full entry stands in the bibliography. A
 * legal short form of an article (`Wittow, 14 J. Internet L. 1 (2010)`)
 * is one too: legal style cites again in each footnote.
 */
export function isShortForm(text: string): boolean {
  // Link text converted by html2text joins its words with `_` (`Forshaw_&_Smith_2009`): read as spaces.
  if (text.length > 160) return false
  const words = text.replace(/[\s_]+/g, ' ').trim()
  return shortFormPattern.test(words) || (!/\sv\.\s/.test(words) && legalShortFormPattern.test(words))
}

/**
 * Where the text of a note starts once leading URLs are cut off, with the
 * punctuation after them (`https://www.tasnimnews.com/..., Tasnim (Iran),
 * March 3, 2026.` starts at `Tasnim`).
 */
function citationStart(text: string, urls: readonly Range[]): number {
  const starts = new Map(urls.map((r) => [r.start, r.end]))
  let start = 0
  for (;;) {
    while (start < text.length && edge.test(text.charAt(start))) start++
    const end = starts.get(start)
    if (end === undefined) return start
    start = end
  }
}

/**
 * Where the text of a note ends once the trailing citation details are cut
 * off: URLs, dates, access words, places and parenthesised dates, with the
 * punctuation between them (`Richard Gauvain, Salafi Ritual Purity, p. 41.
 * New York: Routledge, 2013.` ends after `Routledge`).
 */
function citationEnd(text: string, ranges: readonly Range[]): number {
  const ends = new Map(ranges.map((r) => [r.end, r.start]))
  let end = text.length
  for (;;) {
    while (end > 0 && edge.test(text.charAt(end - 1))) end--
    const start = ends.get(end)
    if (start !== undefined) {
      end = start
      continue
    }
    const access = /\b(?:accessed|access-?date|retrieved|archived|archive-?date|viewed|visited|consulted)(?:\s+(?:from|on|at|via|the|original))*$/i.exec(
      text.slice(Math.max(0, end - 40), end)
    )
    if (access) {
      end -= access[0].length
      continue
    }
    if (text.charAt(end - 1) === ')') {
      const open = text.lastIndexOf('(', end - 1)
      const inner = open >= 0 ? text.slice(open + 1, end - 1) : ''
      const innerStart = open + 1
      if (open >= 0 && (anyPlaceWhole.test(inner) || ranges.some((r) => r.start === innerStart && r.end === end - 1))) {
        end = open
        continue
      }
    }
    return end
  }
}

/** The note model of a file: `parseNoteText` for each note of `index`, with spans into `file`. */
export function describeNotes(index: CitationIndex, file: VFile): readonly NoteFields[] {
  const span = spanMaker(String(file.value))
  return Object.freeze(index.notes.map((note) => describeNote(note, span)))
}

/**
 * One note's fields. `span` maps offsets of the file to a span; without it
 * (unit tests) dates get a span on line 1 counted from the content's start.
 */
export function describeNote(note: Note, span?: (start: number, end: number) => Span): NoteFields {
  const parsed = parseNoteText(note.content, note.syntax === 'symbol')
  const base = note.contentSpan.start.offset
  const toSpan =
    span ??
    ((start: number, end: number): Span => ({
      start: {line: 1, column: start - base + 1, offset: start},
      end: {line: 1, column: end - base + 1, offset: end}
    }))
  const withSpan = (date: DateFound): NoteDate => Object.freeze({...date, span: toSpan(base + date.start, base + date.end)})
  const dates = Object.freeze(parsed.dates.map(withSpan))
  const date = parsed.date ? dates[parsed.dates.indexOf(parsed.date)] : undefined
  return Object.freeze({...parsed, date, dates})
}

/** Clauses: sentences, split again at semicolons. */
function splitClauses(text: string): Range[] {
  const clauses: Range[] = []
  for (const sentence of splitSentences(text, [])) {
    let start = sentence.start
    for (let i = sentence.start; i < sentence.end; i++) {
      if (text.charAt(i) !== ';') continue
      if (i > start) clauses.push({start, end: i})
      start = i + 1
    }
    if (sentence.end > start) clauses.push({start, end: sentence.end})
  }
  return clauses
}

/** The citation clause: see the module's documentation, step 2. */
function findCitation(
  text: string,
  clauses: readonly Range[],
  dates: readonly DateFound[],
  urls: readonly Range[]
): {segment: Range; date: DateFound; clause: number} | undefined {
  for (const date of dates) {
    if (date.access || date.form === 'year') continue
    const c = clauses.findIndex((clause) => date.start >= clause.start && date.start < clause.end)
    const clause = clauses[c]
    if (!clause) continue
    // What follows the date in its clause: at most three words besides URLs and access dates.
    let tail = text.slice(date.end, clause.end)
    for (const range of [...urls, ...dates].filter((r) => r.start >= date.end && r.end <= clause.end).sort((a, b) => b.start - a.start)) {
      tail = `${tail.slice(0, range.start - date.end)} ${tail.slice(range.end - date.end)}`
    }
    tail = tail.replace(accessPhrase, ' ')
    if ((tail.match(/[\p{L}\p{N}]+/gu) ?? []).length > 3) continue
    // The outlet: the text before the date in its clause (without URLs and
    // earlier dates), or the clause before.
    let lead = text.slice(clause.start, date.start)
    const leadRanges = [...urls, ...dates].filter((r) => r.start >= clause.start && r.end <= date.start)
    if (!leadRanges.length && letter.test(lead.replace(anyPlace, ' '))) {
      return {segment: {start: clause.start, end: date.start}, date, clause: c}
    }
    lead = lead.trim()
    const before = clauses[c - 1]
    if (lead.replace(/[\p{P}\s]/gu, '') === '' && before) {
      const previous = text.slice(before.start, before.end)
      const inside = [...urls, ...dates].filter((r) => r.start >= before.start && r.end <= before.end)
      if (!inside.length && letter.test(previous) && !isProse(previous)) {
        return {segment: {start: before.start, end: before.end}, date, clause: c - 1}
      }
    }
  }
  return undefined
}

/** A place in parentheses right after the outlet, and where its parenthesis starts. */
function placeAfterOutlet(segment: string): {place: string; index: number} | undefined {
  let end = segment.length
  while (end > 0 && trailing.test(segment.charAt(end - 1))) end--
  const trimmed = segment.slice(0, end)
  const open = trimmed.lastIndexOf('(')
  if (open < 0 || !trimmed.endsWith(')')) return undefined
  const found = placePattern.exec(trimmed.slice(open))
  return found ? {place: found[1]!.trim(), index: open} : undefined
}

/**
 * Prose: outside quotation marks, three or more lowercase words, and at
 * least two in five words lowercase (a title in title case, `Separate and
 * Unequal: Israel's Treatment of Palestinians in the Territories`, is not
 * prose; `Prime Minister Haider Al-'Abadi said that he was` is).
 */
function isProse(text: string): boolean {
  const outside = text.replace(quoted, ' ')
  const lowercase = (outside.match(lowercaseWord) ?? []).length
  const words = (outside.match(anyWord) ?? []).length
  return lowercase >= 3 && lowercase * 5 >= words * 2
}

/** Whether the dates of `text` are two years joined by a dash (`1680-1762`, `1822–1892`): a person's dates. */
function isYearSpan(text: string, dates: readonly DateFound[]): boolean {
  const [from, to] = dates
  return (
    dates.length === 2 &&
    from?.form === 'year' &&
    to?.form === 'year' &&
    /^\s*[-–—]\s*$/.test(text.slice(from.end, to.start))
  )
}

/**
 * Whether every word of `text` is a connective (`See, for example`, `As
 * of`, `Available at`, `Retrieved July 29`); numbers and punctuation aside.
 */
function onlyConnectives(text: string): boolean {
  for (const match of text.matchAll(anyWord)) {
    if (/^\p{N}+$/u.test(match[0])) continue
    if (!connectives.has(match[0].toLowerCase())) return false
  }
  return true
}

/**
 * `text` with its Markdown links whose text is their own address blanked
 * (same length, so offsets into it still hold)
 * (`[twitter.com/a/status/2](https://twitter.com/a/status/2)`), compared
 * without scheme, `www.` and trailing slashes; a link whose text names
 * something else stays.
 */
function withoutSelfLinks(text: string): string {
  return text.replace(markdownLink, (link, label: string, destination: string) => {
    const shown = label.trim().replace(addressDecoration, '').toLowerCase()
    const linked = destination.replace(addressDecoration, '').toLowerCase()
    return shown.includes('.') && !/\s/.test(shown) && linked.startsWith(shown) ? ' '.repeat(link.length) : link
  })
}

/** Collapse whitespace and trim spaces, punctuation and emphasis marks from both ends; `undefined` without a letter. */
function clean(text: string): string | undefined {
  const collapsed = text.replace(/\s+/g, ' ')
  let start = 0
  let end = collapsed.length
  while (start < end && edge.test(collapsed.charAt(start))) start++
  while (end > start && edge.test(collapsed.charAt(end - 1))) end--
  const result = collapsed.slice(start, end)
  return letter.test(result) ? result : undefined
}

/** Every match of a global `pattern` (`matchAll` works on a copy, so `lastIndex` is untouched). */
function matches(text: string, pattern: RegExp): Range[] {
  const found: Range[] = []
  for (const match of text.matchAll(pattern)) {
    const start = match.index
    let end = start + match[0].length
    // A URL does not end in sentence punctuation.
    while (end > start && /[.,;:!?]/.test(text.charAt(end - 1))) end--
    found.push({start, end})
  }
  return found
}

function freeze(value: NoteText): NoteText {
  for (const date of value.dates) Object.freeze(date)
  Object.freeze(value.dates)
  return Object.freeze(value)
}
