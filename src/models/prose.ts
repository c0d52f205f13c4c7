/**
 * The prose model: facts about the body text of one file, computed once
 * beside the citation index and the note model, read by rules and by the
 * coverage summary so that all use the same definitions.
 *
 * - Paragraphs: body paragraphs and headings that hold no note (paragraphs
 *   inside GFM footnote definitions are notes). A paragraph is `prose` when
 *   it is not a heading and has at least `proseWords` words.
 * - Sentences of prose paragraphs, as `src/models/sentences.ts` defines them: a
 *   sentence ends at `.`, `!` or `?` with the closing quotation marks and
 *   references that follow, then whitespace (`others."[v] Rafsanjani`: the
 *   `[v]` ends the first sentence).
 * - Direct quotations in prose paragraphs: text between matching double
 *   quotation marks with at least five words, with the sentences it spans
 *   and the references and Markdown links in them.
 * - Marker groups: body references written next to each other (`[3][4]`),
 *   with what is before and after them (a space and its characters,
 *   punctuation, a bare URL, a `§`), and whether they are placed at all (a
 *   reference standing for a list's item, debris of wiki markup).
 * - The report's own date: front matter `date:`, or a date that starts the
 *   first line (the dateline of a plain-text report).
 * - For a paragraph in a Markdown list, the list item that holds it
 *   (`ProseParagraph.listItem`).
 *
 * Only prose is read: inline code, HTML, images, link destinations and
 * references are masked before words, sentences and quotations are found.
 * Positions come from vfile-location; offsets are UTF-16, end exclusive.
 */
import type {Heading, Nodes, Paragraph, Root} from 'mdast'
import type {VFile} from 'vfile'
import {spanMaker} from '../citation-index/span.js'
import type {DateFound} from './dates.js'
import {dateAtStart} from './dates.js'
import type {Range} from './sentences.js'
import {countWords, findQuotations, hasDatedSourceBefore, hasInlineCitation, hasUnreadMarker, inParentheses, isAbbreviationPeriod, isQuestionOrTrailing, isQuotedPhrase, isTitleOfWork, quotationWords, splitSentences} from './sentences.js'
import type {CitationIndex, Reference, Span} from '../citation-index/types.js'

/** Fewest words in a prose paragraph. */
export const proseWords = 20

/**
 * One in this many prose paragraphs must be cited by a note for the
 * document to have a citation apparatus. On the corpus: encyclopedia
 * articles and reports cite 50-90 % of their paragraphs, blog posts,
 * RFCs and regulations under 20 %.
 */
export const citedParagraphShare = 5

/** Fewest quotations from which a document's habit of citing them is judged; below it every quotation bears a claim. */
export const habitQuotations = 3

/**
 * Whether a document cites its quotations as a habit: it has fewer than
 * `habitQuotations` quotations, or at least half of `cited` of them
 * (quotations with a reference, link or inline citation within reach).
 * Measured on the corpus: encyclopedia articles cite 60-95 % of their
 * quotations, narrative books and survey write-ups under 25 %.
 */
export function citesQuotations(quotations: number, cited: number): boolean {
  return quotations < habitQuotations || cited * 2 >= quotations
}

/** The thresholds of the definitions, for callers that change them (`citelint summary --prose-words`). */
export interface ProseOptions {
  /** Fewest words in a prose paragraph (default `proseWords`, 20). */
  readonly proseWords?: number
  /** Fewest words between the marks of a direct quotation (default `quotationWords` of `src/models/sentences.ts`, 5). */
  readonly quotationWords?: number
}

/** A body paragraph or heading that holds no note. */
export interface ProseParagraph {
  readonly index: number
  readonly kind: 'paragraph' | 'heading'
  readonly span: Span
  /** Words in its prose (code, HTML and references not counted). */
  readonly words: number
  /** A paragraph (not a heading) of at least `proseWords` words. */
  readonly prose: boolean
  /** Indexes into `ProseModel.sentences` (prose paragraphs only). */
  readonly sentences: readonly number[]
  /** Indexes of the body references in it. */
  readonly references: readonly number[]
  /** The innermost Markdown list item that holds it (a list item's paragraph); `undefined` outside lists. */
  readonly listItem: ListItemPlace | undefined
}

/**
 * A list item's place: its list, numbered in document order from 0 (a list
 * nested in an item is a list of its own), and its position in that list,
 * from 0. Two paragraphs in consecutive items of one list have the same
 * `list` and `item` numbers one apart. Lists are mdast `list` nodes (GFM
 * spec, "Lists"); readers that build no lists (plain text, DOCX, HTML) give
 * none.
 */
export interface ListItemPlace {
  readonly list: number
  readonly item: number
}

/** A sentence of a prose paragraph. */
export interface Sentence {
  readonly index: number
  readonly paragraph: number
  readonly span: Span
  /** Indexes of the references in it, the ones that end it included. */
  readonly references: readonly number[]
  /** Markdown links in it (`[text](url)`, `<url>`, a resolved `[text][id]`): the web's way of citing. */
  readonly links: number
}

/** A direct quotation in a prose paragraph. */
export interface Quotation {
  readonly index: number
  readonly paragraph: number
  /** From the opening quotation mark to just after the closing one. */
  readonly span: Span
  /** The source from the opening mark to the closing one. */
  readonly text: string
  /** Words between the marks. */
  readonly words: number
  /** Indexes of the sentences it overlaps, in order. */
  readonly sentences: readonly number[]
  /** Indexes of the references in those sentences. */
  readonly references: readonly number[]
  /** Markdown links in those sentences. */
  readonly links: number
  /**
   * Indexes of all the references of its paragraph, before or after it:
   * the encyclopedic habit of citing at the end of the paragraph (`"..." he
   * said. [4]`). A quotation that opens a paragraph introduced by the one
   * before, ending in a colon (`reads as follows:[32]`), also has that
   * paragraph's. A quotation with no citation anywhere in its paragraph is
   * the one a reader cannot check.
   */
  readonly paragraphReferences: readonly number[]
  /** Markdown links anywhere in its paragraph. */
  readonly paragraphLinks: number
  /**
   * A citation written in the prose of the quotation's sentences: a
   * parenthetical with a year or page, a legal citation, or an attribution
   * dash right after the quotation (`hasInlineCitation` of
   * `src/models/sentences.ts`); or the quotation stands in a citation's
   * parenthetical (`inParentheses`), or an OCR-mangled note number is glued
   * to its closing mark (`hasUnreadMarker`).
   */
  readonly inlineCitation: boolean
  /** An inline citation (as `inlineCitation`) anywhere in its paragraph. */
  readonly paragraphInlineCitation: boolean
  /**
   * The quotation names a work or a thing rather than quoting someone: a
   * title in title case (`"Primary Lead Refining Technical Notes"`), a
   * title followed by a reference list's marks (`Retrieved`, `ISBN`,
   * `doi:`, `(eds.)`, a journal's `12 (3)`), or an address (`"https://..."`).
   * See `isTitleOfWork` of `src/models/sentences.ts`.
   */
  readonly title: boolean
  /**
   * The quotation stands in a Markdown block quotation (`> ...`): quoted
   * material, whose own quotations are its author's, not the document's.
   */
  readonly inBlockQuote: boolean
  /**
   * The quotation asks or trails off (`isQuestionOrTrailing` of
   * `src/models/sentences.ts`), or is used as a phrase, an example or
   * imagined speech (`isQuotedPhrase`): no claim about what someone said.
   */
  readonly hypothetical: boolean
  /**
   * Whether the quotation bears a claim that needs a citation: the document
   * cites its quotations as a habit (`citesQuotations`). In a document that
   * quotes much and cites little (a narrative with dialogue and proverbs, a
   * survey's anonymous answers, an OCR copy whose markers were lost), or in
   * one without notes, a quotation without a reference is the document's
   * way of quoting. Titles of works (`title`) bear none.
   */
  readonly claim: boolean
}

/** Punctuation next to a marker group: `.`, `,"`, `?`. */
export interface PunctuationRun {
  readonly span: Span
  readonly text: string
  /** The run is one period that ends an abbreviation or initial (`U.S.`, `No.`). */
  readonly abbreviation: boolean
  /** Markdown only: an odd run of backslashes ends just before the run, so a marker moved there would be escaped (CommonMark backslash escapes). */
  readonly escapedAtStart: boolean
}

/** Body references written next to each other, and what surrounds them. */
export interface MarkerGroup {
  /** Indexes into `index.references`, in order. */
  readonly references: readonly number[]
  /** From the first marker to the end of the last. */
  readonly span: Span
  /** The source of the group: `[3][4]`. */
  readonly text: string
  /** Spaces or tabs between the text before and the group, on one line (`Syria. [1]`). */
  readonly gap: Span | undefined
  /** The characters of `gap` (spaces, tabs, no-break spaces U+00A0); `''` without a gap. */
  readonly gapText: string
  /** Markdown only: an odd run of backslashes ends where the gap starts (`C:\ [^1]`), so a marker moved there would be escaped. */
  readonly escapedAtGap: boolean
  /**
   * What comes before the group (and its gap): `text` (a word, a closing
   * quotation mark or bracket), `punctuation` (`.,;:!?`, maybe followed by
   * closing quotation marks), `reference` (another marker, maybe with
   * punctuation between: `[1], [2]`), `opening` (an opening bracket or
   * quotation mark, a table cell border `|`, or three or more blanks: a
   * text table's column padding) or `line-start`.
   */
  readonly follows: 'text' | 'punctuation' | 'reference' | 'opening' | 'line-start'
  /** The punctuation run just before the group (and its gap), when `follows` is `punctuation`. */
  readonly before: PunctuationRun | undefined
  /**
   * The group is set off by a gap from a bare URL (`http://...`, `www....`,
   * at most `maxUrlLength` characters), which the space keeps apart: glued
   * to it, the marker would read as part of the address.
   */
  readonly afterUrl: boolean
  /**
   * The group is set off by a gap from a section or paragraph sign (`§`,
   * `¶`), which is written before a number with a space (`§ 10`): the
   * reference stands where the number goes (`integrate § [^10] as they
   * occur`, a placeholder the text kept), not after cited text, so its
   * space is no spacing.
   */
  readonly afterSign: boolean
  /**
   * Why the group's place says nothing of where the document places its
   * references, when it does not:
   * - `item`: it follows a comma and a space, the way a list's items are
   *   separated, and closes its paragraph or a bracket: it stands as the
   *   last item of the list in place of the item it cites (`(California v.
   *   Prysock, [7])`, where the reference stands for the case's report;
   *   `Bantam Books, 1987, [164]`, where it stands for the edition's
   *   number). Glued to the comma (`in 1985,[238]` ending a list item), it
   *   is placed after the comma like any other;
   * - `markup`: `]]` follows it at once, the end of MediaWiki link markup
   *   (`[[File:...|caption [80][81]]]`) that a conversion left as text: the
   *   group is debris of a caption whose text was lost.
   */
  readonly unplaced: 'item' | 'markup' | undefined
  /** A run of `.,;:!?` right after the group, with any closing double quotation marks after it. */
  readonly after: PunctuationRun | undefined
  /**
   * A letter follows the group at once (maybe after an apostrophe):
   * `mi-dē´ man´-i-dō´ B’n-gi-gĭn´`, a marker written before the word it
   * annotates, as transcribers and glossaries place a lettered note.
   */
  readonly leadsWord: boolean
}

/** The report's own date. */
export interface ReportDate {
  /** Offsets of `date` are into the file. */
  readonly date: DateFound
  readonly span: Span
  readonly from: 'front-matter' | 'dateline'
}

/** The prose model of one file. */
export interface ProseModel {
  readonly paragraphs: readonly ProseParagraph[]
  readonly sentences: readonly Sentence[]
  readonly quotations: readonly Quotation[]
  readonly markerGroups: readonly MarkerGroup[]
  readonly reportDate: ReportDate | undefined
}

/** Inline nodes whose content is not prose. */
const maskedTypes = new Set(['inlineCode', 'html', 'image', 'imageReference', 'footnoteReference', 'break'])
const punctuation = /[.,;:!?…]/
const closingQuote = /["”’)]/
const openingChar = /[([{“‘«|]/
const straightQuote = /["']/
const horizontalSpace = /[ \t\u00a0]/
const lineBreak = /[\r\n]/
/** Signs written before a number with a space (`§ 10`, `¶ 4`). */
const numberSign = /[§¶]/
const frontMatterDate = /^date[ \t]*[:=][ \t]*(['"]?)/m

/**
 * Build the prose model of `tree`, parsed from `file`, with its citation
 * index. `options` change the thresholds of the definitions. Frozen; never
 * throws on a parsed tree.
 */
export function buildProseModel(tree: Root, file: VFile, index: CitationIndex, options: ProseOptions = {}): ProseModel {
  const context = proseContext(file, index, options)
  const parts: ModelParts = {paragraphs: [], sentences: [], quotations: [], markerGroups: []}
  const quoted = blockQuoted(tree)
  for (const {node, listItem} of bodyBlocks(tree)) addBlock(context, parts, node, quoted.has(node), listItem)
  return Object.freeze({
    paragraphs: Object.freeze(parts.paragraphs),
    sentences: Object.freeze(parts.sentences),
    quotations: Object.freeze(withClaims(parts.quotations, parts.paragraphs, context.index.references)),
    markerGroups: Object.freeze(parts.markerGroups),
    reportDate: reportDate(tree, context.source, context.span)
  })
}

/**
 * Whether a quotation is cited where the rules accept a citation: a
 * reference or Markdown link in its sentences, an inline citation, or a
 * reference in its paragraph (the encyclopedic and report habit of citing
 * at the paragraph's end). The document's habit is measured on this reach:
 * measured on the stricter reach of the quotation's own sentences, an
 * encyclopedia article that cites its paragraphs at their end looked like
 * one that quotes without citing, and its uncited quotations went
 * unreported (28 on the corpus, 27 of them true). Narratives, letters and
 * OCR copies still quote mostly without citing, paragraph or not. Symbol
 * markers (`*`) do not count: they mark the byline's author note, and in
 * OCR copies they are debris resolving to debris.
 */
function citedWhereItStands(quotation: Quotation, references: readonly Reference[]): boolean {
  return quotation.references.some((i) => references[i]?.style !== 'symbol') || quotation.links > 0 || quotation.inlineCitation ||
    quotation.paragraphReferences.some((i) => references[i]?.style !== 'symbol')
}

/**
 * The quotations, frozen, each with `claim` set from the document's habit
 * (`citesQuotations`, titles not counted) and whether it is a title. A
 * document that cites fewer than one in `citedParagraphShare` of its prose
 * paragraphs by a note (symbol markers not counted) has no citation
 * apparatus that quotations are held to: a blog post with a footnote or
 * two, a specification, a regulation, a narrative. None of its quotations
 * is a claim that a note must cite.
 */
function withClaims(quotations: readonly Quotation[], paragraphs: readonly ProseParagraph[], references: readonly Reference[]): Quotation[] {
  const quoting = quotations.filter((quotation) => !quotation.title)
  const prose = paragraphs.filter((paragraph) => paragraph.prose)
  const cited = prose.filter((paragraph) => paragraph.references.some((i) => references[i]?.note !== undefined && references[i]?.style !== 'symbol'))
  const apparatus = cited.length > 0 && cited.length * citedParagraphShare >= prose.length
  const habit = apparatus && citesQuotations(quoting.length, quoting.filter((quotation) => citedWhereItStands(quotation, references)).length)
  return quotations.map((quotation) => Object.freeze({...quotation, claim: habit && !quotation.title && !quotation.hypothetical && !quotation.inBlockQuote}))
}

/** What the steps of `buildProseModel` read, computed once per file. */
interface ProseContext {
  readonly source: string
  readonly span: (start: number, end: number) => Span
  readonly index: CitationIndex
  /** The references in body text (in no note), in order. */
  readonly bodyReferences: readonly Reference[]
  /** Start offsets of `bodyReferences`, in order. */
  readonly referenceStarts: readonly number[]
  /** End offsets of `bodyReferences`. */
  readonly referenceEnds: ReadonlySet<number>
  /** Start offsets of the notes, sorted. */
  readonly noteStarts: readonly number[]
  readonly minProseWords: number
  readonly minQuotationWords: number
}

/** The lists of the model, filled paragraph by paragraph in document order. */
interface ModelParts {
  readonly paragraphs: ProseParagraph[]
  readonly sentences: Sentence[]
  readonly quotations: Quotation[]
  readonly markerGroups: MarkerGroup[]
}

/** A paragraph or heading as read: its index and offsets, its body references, its prose and its links. */
interface Block {
  /** Its index in `ProseModel.paragraphs`. */
  readonly index: number
  readonly start: number
  readonly end: number
  readonly references: readonly Reference[]
  /** The source from `start` to `end`, every character that is not prose masked with `\0`. */
  readonly text: string
  /** Source ranges of its Markdown links, in order. */
  readonly links: readonly Range[]
}

/** The source, spans, body references, note starts and thresholds that the steps read. */
function proseContext(file: VFile, index: CitationIndex, options: ProseOptions): ProseContext {
  const source = String(file.value)
  const bodyReferences = index.references.filter((r) => r.inNote === undefined)
  return {
    source,
    span: spanMaker(source),
    index,
    bodyReferences,
    referenceStarts: bodyReferences.map((r) => r.span.start.offset),
    referenceEnds: new Set(bodyReferences.map((r) => r.span.end.offset)),
    noteStarts: index.notes.map((n) => n.span.start.offset).sort((a, b) => a - b),
    minProseWords: options.proseWords ?? proseWords,
    minQuotationWords: options.quotationWords ?? quotationWords
  }
}

/** A paragraph or heading of the body, with the innermost list item that holds it. */
interface BodyBlock {
  readonly node: Paragraph | Heading
  readonly listItem: ListItemPlace | undefined
}

/**
 * The paragraphs and headings of `tree` in document order, leaving out GFM
 * footnote definitions (notes), code, HTML and front matter, each with the
 * list item that holds it (lists numbered in document order). Walks the
 * tree with an explicit stack, in document order (pre-order).
 */
function bodyBlocks(tree: Root): BodyBlock[] {
  const blocks: BodyBlock[] = []
  const stack: Array<{node: Nodes; listItem: ListItemPlace | undefined}> = [{node: tree, listItem: undefined}]
  let lists = 0
  while (stack.length > 0) {
    const {node, listItem} = stack.pop()!
    if (node.type === 'footnoteDefinition' || node.type === 'code' || node.type === 'html' || node.type === 'yaml') continue
    if (node.type === 'paragraph' || node.type === 'heading') {
      blocks.push({node, listItem})
      continue
    }
    if (!('children' in node)) continue
    const list = node.type === 'list' ? lists++ : undefined
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({node: node.children[i] as Nodes, listItem: list === undefined ? listItem : Object.freeze({list, item: i})})
    }
  }
  return blocks
}

/** The paragraphs and headings of `tree` inside a block quotation. Walks the tree with an explicit stack. */
function blockQuoted(tree: Root): Set<Nodes> {
  const found = new Set<Nodes>()
  const stack: Array<[Nodes, boolean]> = [[tree, false]]
  while (stack.length > 0) {
    const [node, inside] = stack.pop()!
    const quoted = inside || node.type === 'blockquote'
    if (quoted && (node.type === 'paragraph' || node.type === 'heading')) found.add(node)
    else if ('children' in node) for (const child of node.children) stack.push([child as Nodes, quoted])
  }
  return found
}

/**
 * Add the paragraph or heading `node` to the model: its sentences and
 * quotations when it is prose, its marker groups, then the paragraph
 * itself, with the list item that holds it (`listItem`). A node without a
 * position, or one that holds a note, is left out.
 */
function addBlock(context: ProseContext, parts: ModelParts, node: Paragraph | Heading, inBlockQuote = false, listItem?: ListItemPlace): void {
  const block = readBlock(context, node, parts.paragraphs.length)
  if (!block) return
  const words = countWords(block.text)
  const prose = node.type === 'paragraph' && words >= context.minProseWords
  const sentences = prose ? addSentences(context, parts, block) : []
  if (prose) addQuotations(context, parts, block, sentences, inBlockQuote)
  addMarkerGroups(context, parts, block)
  parts.paragraphs.push(
    Object.freeze({
      index: block.index,
      kind: node.type,
      span: context.span(block.start, block.end),
      words,
      prose,
      sentences: Object.freeze(sentences),
      references: Object.freeze(block.references.map((r) => r.index)),
      listItem
    })
  )
}

/**
 * `node` read as the paragraph numbered `index`: its offsets, its body
 * references, its prose and its links; `undefined` when it has no position
 * or holds a note.
 */
function readBlock(context: ProseContext, node: Paragraph | Heading, index: number): Block | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || holdsNote(context.noteStarts, start, end)) return undefined
  const references = referencesIn(context, start, end)
  // The paragraph's prose, other characters masked with `\0`.
  const {kept, links} = context.index.format === 'text' ? {kept: [{start, end}], links: []} : textRanges(node)
  const text = masked(context.source, start, end, kept, references.map((r) => ({start: r.span.start.offset, end: r.span.end.offset})))
  return {index, start, end, references, text, links}
}

/** Whether a note starts from `start` to `end` (`noteStarts` sorted). */
function holdsNote(noteStarts: readonly number[], start: number, end: number): boolean {
  const first = lowerBound(noteStarts, start)
  return first < noteStarts.length && noteStarts[first]! < end
}

/** The body references from `start` to `end`, in order. */
function referencesIn(context: ProseContext, start: number, end: number): Reference[] {
  const {bodyReferences} = context
  const refs: Reference[] = []
  for (let i = lowerBound(context.referenceStarts, start); i < bodyReferences.length && bodyReferences[i]!.span.end.offset <= end; i++) refs.push(bodyReferences[i]!)
  return refs
}

/**
 * Add the sentences of the prose paragraph `block`, each with its
 * references and its count of links.
 *
 * @returns their indexes into `ProseModel.sentences`, in order.
 */
function addSentences(context: ProseContext, parts: ModelParts, block: Block): number[] {
  const {start, references: refs, links} = block
  const ranges = refs.map((r) => ({start: r.span.start.offset - start, end: r.span.end.offset - start}))
  const sentenceIndexes: number[] = []
  let next = 0
  let link = 0
  for (const range of splitSentences(block.text, ranges)) {
    // Sentences, references and links are all in order: walk them together.
    while (next < refs.length && refs[next]!.span.start.offset < start + range.start) next++
    const inside: Reference[] = []
    while (next < refs.length && refs[next]!.span.end.offset <= start + range.end) inside.push(refs[next++]!)
    while (link < links.length && links[link]!.end <= start + range.start) link++
    let linkCount = 0
    for (let k = link; k < links.length && links[k]!.start < start + range.end; k++) linkCount++
    sentenceIndexes.push(parts.sentences.length)
    parts.sentences.push(
      Object.freeze({
        index: parts.sentences.length,
        paragraph: block.index,
        span: context.span(start + range.start, start + range.end),
        references: Object.freeze(inside.map((r) => r.index)),
        links: linkCount
      })
    )
  }
  return sentenceIndexes
}

/**
 * Add the direct quotations of the prose paragraph `block`, each with the
 * sentences it overlaps (`sentenceIndexes`: the paragraph's, in order) and
 * their references and links.
 */
function addQuotations(context: ProseContext, parts: ModelParts, block: Block, sentenceIndexes: readonly number[], inBlockQuote: boolean): void {
  const {start, text} = block
  const {sentences} = parts
  const quotes = findQuotations(text, 0, text.length, context.minQuotationWords)
  if (quotes.length === 0) return
  // Read once per paragraph: its references, links and inline citations.
  const opening = text.search(/[^\s\0]/)
  const introduction = introducingReferences(context, parts.paragraphs.at(-1))
  const paragraphInline = hasInlineCitation(text, 0, text.length)
  const inlineBySentence = new Map<number, boolean>()
  let first = 0
  for (const quote of quotes) {
    // Quotations are in order too: the first sentence to look at only moves forward.
    while (first < sentenceIndexes.length && sentences[sentenceIndexes[first]!]!.span.end.offset <= start + quote.start) first++
    const spanned: number[] = []
    for (let k = first; k < sentenceIndexes.length; k++) {
      const sentence = sentences[sentenceIndexes[k]!]!
      if (sentence.span.start.offset >= start + quote.end) break
      spanned.push(sentence.index)
    }
    // Each sentence is read for an inline citation once, however many quotations it holds (linear time).
    const citesInline = (i: number): boolean => {
      let found = inlineBySentence.get(i)
      if (found === undefined) {
        const sentence = sentences[i]!
        found = hasInlineCitation(text, sentence.span.start.offset - start, sentence.span.end.offset - start)
        inlineBySentence.set(i, found)
      }
      return found
    }
    const inlineCitation =
      spanned.some(citesInline) ||
      hasInlineCitation(text, quote.end, quote.end, quote.end) ||
      inParentheses(text, quote.start) ||
      hasDatedSourceBefore(text, quote.start) ||
      hasUnreadMarker(text, quote.end)
    parts.quotations.push({
        index: parts.quotations.length,
        paragraph: block.index,
        span: context.span(start + quote.start, start + quote.end),
        text: context.source.slice(start + quote.start, start + quote.end),
        words: quote.words,
        sentences: Object.freeze(spanned),
        references: Object.freeze(spanned.flatMap((i) => sentences[i]!.references)),
        links: spanned.reduce((sum, i) => sum + sentences[i]!.links, 0),
        paragraphReferences: Object.freeze([...(quote.start === opening ? introduction : []), ...block.references.map((r) => r.index)]),
        paragraphLinks: block.links.length,
        inlineCitation,
        paragraphInlineCitation: inlineCitation || paragraphInline,
        title: isTitleOfWork(text, quote.start, quote.end),
        hypothetical: isQuestionOrTrailing(text, quote.start, quote.end) || isQuotedPhrase(text, quote.start, quote.end),
        inBlockQuote,
        // Set from the whole document by `withClaims`.
        claim: true
      })
  }
}

/**
 * The references of `previous` when it introduces the next paragraph: its
 * text ends with a colon, maybe followed by its references (`The AP
 * Stylebook entry reads as follows:[32]`), the way a block quotation is
 * introduced and cited. Otherwise none.
 */
function introducingReferences(context: ProseContext, previous: ProseParagraph | undefined): number[] {
  if (!previous || previous.kind !== 'paragraph') return []
  const {references} = context.index
  let end = previous.span.end.offset
  for (let k = previous.references.length - 1; k >= 0; k--) {
    const reference = references[previous.references[k]!]!
    if (context.source.slice(reference.span.end.offset, end).trim() !== '') break
    end = reference.span.start.offset
  }
  return context.source.slice(previous.span.start.offset, end).trimEnd().endsWith(':') ? [...previous.references] : []
}

/** The fewest blanks between text and a marker group that make a table column's padding (`Long_scale     [nb_1]`), not a space. */
const columnGap = 3

/** Add the marker groups of `block`: its references written next to each other. */
function addMarkerGroups(context: ProseContext, parts: ModelParts, block: Block): void {
  const refs = block.references
  for (let i = 0; i < refs.length; ) {
    let j = i
    while (j + 1 < refs.length && refs[j + 1]!.span.start.offset === refs[j]!.span.end.offset) j++
    parts.markerGroups.push(markerGroup(context, refs.slice(i, j + 1).map((r) => r.index), block.start, block.end))
    i = j + 1
  }
}

/** The marker group of the references `members` (indexes into `index.references`) of the paragraph from `paragraphStart` to `paragraphEnd`. */
function markerGroup(context: ProseContext, members: number[], paragraphStart: number, paragraphEnd: number): MarkerGroup {
  const {source, span, index} = context
  const start = index.references[members[0]!]!.span.start.offset
  const end = index.references[members.at(-1)!]!.span.end.offset
  const {gapStart, atLineStart} = gapBefore(source, start, paragraphStart)
  const gap = gapStart < start && !atLineStart ? span(gapStart, start) : undefined
  // A wide gap (`columnGap` blanks or more) is a table column's padding, as html2text lays tables out: the group opens a cell.
  const {follows, before} = !atLineStart && start - gapStart >= columnGap ? {follows: 'opening' as const, before: undefined} : whatGroupFollows(context, gapStart, paragraphStart, atLineStart)
  return Object.freeze({
    references: Object.freeze(members),
    span: span(start, end),
    text: source.slice(start, end),
    gap,
    gapText: gap ? source.slice(gapStart, start) : '',
    escapedAtGap: gap !== undefined && escapedAt(context, gapStart),
    follows,
    before,
    after: punctuationAfter(context, end),
    afterUrl: gap !== undefined && endsWithUrl(source, gapStart, paragraphStart),
    afterSign: gap !== undefined && numberSign.test(source.charAt(gapStart - 1)),
    unplaced: unplacedWhy(source, gap !== undefined && before?.text === ',', end, paragraphEnd),
    leadsWord: /^['’ʼ]?\p{L}/u.test(source.slice(end, end + 2))
  })
}

/**
 * Why a group ending at `end`, in a paragraph ending at `paragraphEnd`, has
 * no placement (`MarkerGroup.unplaced`): `markup` before `]]`; `item` after
 * a comma and a space (`afterCommaSpace`) with only spaces and then the
 * paragraph's end or a closing bracket after it.
 */
function unplacedWhy(source: string, afterCommaSpace: boolean, end: number, paragraphEnd: number): MarkerGroup['unplaced'] {
  if (source.startsWith(']]', end)) return 'markup'
  if (!afterCommaSpace) return undefined
  let next = end
  while (next < paragraphEnd && horizontalSpace.test(source.charAt(next))) next++
  return next >= paragraphEnd || /[)\]]/.test(source.charAt(next)) ? 'item' : undefined
}

/**
 * Where the spaces or tabs just before `start` begin (not before
 * `paragraphStart`), and whether nothing else comes between the start of
 * the line (or paragraph) and `start`.
 */
function gapBefore(source: string, start: number, paragraphStart: number): {gapStart: number; atLineStart: boolean} {
  let gapStart = start
  while (gapStart > paragraphStart && horizontalSpace.test(source.charAt(gapStart - 1))) gapStart--
  const atLineStart = gapStart === paragraphStart || lineBreak.test(source.charAt(gapStart - 1))
  return {gapStart, atLineStart}
}

/**
 * What comes before a marker group whose gap starts at `gapStart` (see
 * `MarkerGroup.follows`), and the punctuation run there when it is
 * punctuation.
 */
function whatGroupFollows(
  context: ProseContext,
  gapStart: number,
  paragraphStart: number,
  atLineStart: boolean
): Pick<MarkerGroup, 'follows' | 'before'> {
  const {source} = context
  // Punctuation (then closing quotation marks) just before.
  let runStart = gapStart
  while (runStart > paragraphStart && closingQuote.test(source.charAt(runStart - 1))) runStart--
  const quotesStart = runStart
  while (runStart > paragraphStart && punctuation.test(source.charAt(runStart - 1))) runStart--
  const hasPunctuation = runStart < quotesStart
  const previous = source.charAt(gapStart - 1)
  if (atLineStart) return {follows: 'line-start', before: undefined}
  if (context.referenceEnds.has(hasPunctuation ? runStart : gapStart)) return {follows: 'reference', before: undefined}
  if (hasPunctuation) {
    const text = source.slice(runStart, gapStart)
    const before = Object.freeze({
      span: context.span(runStart, gapStart),
      text,
      abbreviation: text === '.' && isAbbreviationPeriod(source, runStart),
      escapedAtStart: escapedAt(context, runStart)
    })
    return {follows: 'punctuation', before}
  }
  if (openingChar.test(previous) || (straightQuote.test(previous) && /^\s?$/.test(source.charAt(gapStart - 2)))) {
    return {follows: 'opening', before: undefined}
  }
  return {follows: 'text', before: undefined}
}

/**
 * The punctuation run right after a marker group that ends at `end`: a run
 * of `.,;:!?` and the closing double quotation marks after it; `undefined`
 * when there is none, or when a digit follows the run (a page locator,
 * `[3]:134`), also on the next line (`[3]:` / `134 and`, the locator wrapped).
 */
function punctuationAfter(context: ProseContext, end: number): PunctuationRun | undefined {
  const {source} = context
  let afterEnd = end
  while (punctuation.test(source.charAt(afterEnd))) afterEnd++
  if (afterEnd === end || /\d/.test(source.charAt(afterEnd)) || wrappedLocator(source, afterEnd)) return undefined
  while (/["”]/.test(source.charAt(afterEnd))) afterEnd++
  return Object.freeze({span: context.span(end, afterEnd), text: source.slice(end, afterEnd), abbreviation: false, escapedAtStart: escapedAt(context, end)})
}

/** Whether a colon's page locator continues on the next line at `at` (a line break, indentation, digits and a blank: `:` / `134 and`). */
function wrappedLocator(source: string, at: number): boolean {
  if (source.charAt(at - 1) !== ':') return false
  const match = /^(?:\r\n|\r|\n)[ \t]{0,16}\d{1,5}(?=[ \t,;)])/.exec(source.slice(at, at + 32))
  return match !== null
}

/** Whether an odd run of backslashes ends at `offset` (Markdown: what follows is escaped). */
function escapedAt(context: ProseContext, offset: number): boolean {
  if (context.index.format !== 'markdown') return false
  const {source} = context
  let slashes = 0
  while (offset - slashes > 0 && source.charCodeAt(offset - slashes - 1) === 92) slashes++
  return slashes % 2 === 1
}

/**
 * The report's date: the top-level `date:` (or TOML `date =`) of the front
 * matter; without front matter, a date (more precise than a year) that
 * starts the first non-blank line, such as a plain-text report's dateline
 * `October 13, 2015 Inquiry & Analysis Series No. 1191`.
 */
function reportDate(tree: Root, source: string, span: (start: number, end: number) => Span): ReportDate | undefined {
  const head = tree.children[0]
  const frontMatter = head && (head.type === 'yaml' || (head.type as string) === 'toml') ? head : undefined
  const found = (date: DateFound | undefined, offset: number, from: ReportDate['from']): ReportDate | undefined => {
    if (!date) return undefined
    const moved = Object.freeze({...date, start: date.start + offset, end: date.end + offset})
    return Object.freeze({date: moved, span: span(moved.start, moved.end), from})
  }
  if (frontMatter) {
    const start = frontMatter.position?.start.offset
    const end = frontMatter.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    const match = frontMatterDate.exec(source.slice(start, end))
    if (!match) return undefined
    const valueStart = start + match.index + match[0].length
    const lineEnd = source.slice(valueStart, end).search(/[\r\n]|$/)
    return found(dateAtStart(source.slice(valueStart, valueStart + lineEnd)), valueStart, 'front-matter')
  }
  const lead = source.length - source.trimStart().length
  const lineEnd = source.slice(lead).search(/[\r\n]|$/)
  const line = source.slice(lead, lead + lineEnd)
  const date = dateAtStart(line)
  return date && date.form !== 'year' ? found(date, lead, 'dateline') : undefined
}

/** Source ranges of the prose text nodes of a Markdown paragraph, and of its links, in order. */
function textRanges(node: Nodes): {kept: Range[]; links: Range[]} {
  const kept: Range[] = []
  const links: Range[] = []
  const stack: Nodes[] = 'children' in node ? [...node.children].reverse() : []
  while (stack.length > 0) {
    const child = stack.pop()!
    if (maskedTypes.has(child.type)) continue
    const s = child.position?.start.offset
    const e = child.position?.end.offset
    if ((child.type === 'link' || child.type === 'linkReference') && s !== undefined && e !== undefined) links.push({start: s, end: e})
    if (child.type === 'text') {
      if (s !== undefined && e !== undefined) kept.push({start: s, end: e})
    } else if ('children' in child) for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as Nodes)
  }
  return {kept: kept.sort((a, b) => a.start - b.start), links: links.sort((a, b) => a.start - b.start)}
}

/**
 * The source from `start` to `end` with every character outside `kept`, or
 * inside `removed`, replaced by `\0` (both lists sorted by start).
 */
function masked(
  source: string,
  start: number,
  end: number,
  kept: readonly Range[],
  removed: readonly Range[]
): string {
  const parts: string[] = []
  let at = start
  let r = 0
  const copy = (to: number): void => {
    // Copy `at..to`, masking the removed ranges inside it.
    while (at < to) {
      while (r < removed.length && removed[r]!.end <= at) r++
      const next = removed[r]
      if (!next || next.start >= to) {
        parts.push(source.slice(at, to))
        at = to
      } else if (next.start > at) {
        parts.push(source.slice(at, next.start))
        at = next.start
      } else {
        const stop = Math.min(next.end, to)
        parts.push('\0'.repeat(stop - at))
        at = stop
      }
    }
  }
  for (const range of kept) {
    const from = Math.max(range.start, at)
    const to = Math.min(range.end, end)
    if (to <= from) continue
    if (from > at) parts.push('\0'.repeat(from - at))
    at = from
    copy(to)
  }
  if (end > at) parts.push('\0'.repeat(end - at))
  return parts.join('')
}

/** The longest bare URL looked back for (longer runs without a space are not taken for one, so the look-back stays bounded). */
const maxUrlLength = 2048
const bareUrl = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S/i

/** Whether the text ending at `end` (not before `from`) is a bare URL: the run of non-space characters before `end`. */
function endsWithUrl(source: string, end: number, from: number): boolean {
  let start = end
  const floor = Math.max(from, end - maxUrlLength)
  while (start > floor && !/\s/.test(source.charAt(start - 1))) start--
  if (start === floor && start > from) return false
  return bareUrl.test(source.slice(start, end))
}

/** First position in sorted `values` whose value is at least `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (values[mid]! < target) low = mid + 1
    else high = mid
  }
  return low
}
