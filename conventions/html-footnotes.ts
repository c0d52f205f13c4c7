/**
 * Notes written as raw HTML inside Markdown: a reference is an in-page link
 * that shows a number, `<sup id="fnref1"><a href="#fn1">1</a></sup>`,
 * `<sup><a href="#fn1">[1]</a></sup>`, kramdown's `<a href="#fn:1">`, or a
 * Markdown link `[1](#fn1)`; its note is the element the link reaches,
 * `<li id="fn1">`, `<p id="fn1">`, `<a id="ftnt1">` or `<a name="1">`.
 * Markdown only. Written by Google Docs exports and converters (Docs to
 * Markdown, `ftnt_ref1`), by sites whose templates hand-write footnotes
 * (Hugo posts), and by kramdown and pandoc output pasted back into Markdown.
 *
 * - Reads: `Rittel<sup><a href="#fn1" id="footnotes-ref1">[1]</a></sup>` with
 * `<li id="fn1">Dilemmas in a general theory of planning ...</li>`
 * - Must not read: `<sup>2</sup>` (no link), `<sup><a href="https://...">a
 * link</a></sup>` (not in-page), `<a href="#fnref1">↩</a>` (a back-link: its
 * target comes before it), `[Methods](#methods)` (shows no number), tags in
 * code.
 *
 * The HTML is parsed (parse5, see `src/citation-index/html-anchors.ts`);
 * link targets are ids, as a browser resolves them. Evidence: a link that
 * shows a number (`1`, `[1]`) is a reference when the element it reaches
 * comes after it; a link to an id that does not exist is a reference only
 * when it is shaped as one (inside `<sup>`, `rel="footnote"`, a class or role
 * naming a footnote, or an id such as `fn9`). A note is an element some
 * reference reaches, or one of its kind (same tag, same id but for its
 * digits: `fn6` beside `fn1` to `fn5`) after the first reference: a note
 * no link reaches is unused. A reference showing another number than its
 * note shows (its `<ol>` position, or the `[17]` it starts with) is written
 * as a malformed marker: a broken marker. When several notes share one id,
 * links cannot tell them apart: each reference resolves by its shown number,
 * and each note keeps the id as its anchor (`duplicate-note` reports it once).
 * A note's content runs from its start tag (or, for an anchor `<a id>`, from
 * the anchor to the end of its paragraph) to its end, back-links left out.
 */
import {lastStartingBy} from '../src/citation-index/search.js'
import type {Candidate, Convention, DocumentView, Exclusion} from '../src/citation-index/convention.js'
import type {InPageLink, SourceSpan, Target} from '../src/citation-index/html-anchors.js'
import {readHtmlAnchors} from '../src/citation-index/html-anchors.js'

const shownNumber = /^\[?(\d{1,4})\]?$/
const noteId = /^(?:fn|ftnt|footnote|endnote|note|n)[-_:]?\d{1,5}$/i
const tags = /<[^<>]*>|&nbsp;|\s/g
const leadingMarkup = /^(?:\s|&nbsp;|<\/?[a-z][a-z\d-]*(?:\s[^<>]*)?>)*/i
const tagInside = /^\/?[a-z][a-z\d-]*(?:\s[^<>]*)?$/i
const idDigits = /\d{1,5}$/

/** A reference found: the link, the number it shows, the targets its id names. */
interface Found {
  readonly link: InPageLink & {readonly shown: NonNullable<InPageLink['shown']>}
  readonly number: number
  readonly targets: readonly Target[]
}

const convention: Convention = {
  meta: {
    id: 'html-footnotes',
    description: 'Raw-HTML notes in Markdown: `<sup><a href="#fn1">1</a></sup>` or `[1](#fn1)` with `<li id="fn1">`',
    formats: ['markdown']
  },
  *detect(document: DocumentView): Iterable<Candidate | Exclusion> {
    const anchors = readHtmlAnchors(document)
    if (!anchors) return
    const {source} = document
    const byId = new Map<string, Target[]>()
    for (const target of anchors.targets) {
      const list = byId.get(target.id)
      if (list) list.push(target)
      else byId.set(target.id, [target])
    }

    const found: Found[] = []
    const backLinks: InPageLink[] = []
    for (const link of anchors.links) {
      const targets = byId.get(link.id) ?? []
      const first = targets[0]
      if (first && first.span.start <= link.span.start) {
        backLinks.push(link)
        continue
      }
      const match = link.shown ? shownNumber.exec(link.shown.text) : null
      if (!match || !link.shown) continue
      if (!first && !(link.noteShaped || noteId.test(link.id))) continue
      found.push({link: {...link, shown: link.shown}, number: Number(match[1]), targets})
    }
    if (found.length === 0) return

    // The notes: targets a reference reaches, and targets of their kind after the first reference.
    const reached = new Set<Target>()
    const idsReached = new Set<string>()
    for (const item of found) {
      if (idsReached.has(item.link.id)) continue
      idsReached.add(item.link.id)
      for (const target of item.targets) reached.add(target)
    }
    const kinds = new Set([...reached].map(kindOf))
    const firstReference = found[0]!.link.span.start
    const notes = anchors.targets.filter((t) => reached.has(t) || (t.span.start > firstReference && kinds.has(kindOf(t))))

    // Labels: the number a note shows (else the number of the first reference reaching it, else the
    // number its id ends with), when no other note has it; else its id.
    const proposed = new Map<Target, string>()
    for (const note of notes) proposed.set(note, String(shownBy(note) ?? ''))
    for (const item of found) {
      if (item.targets.length !== 1) continue
      const note = item.targets[0]!
      if (proposed.get(note) === '') proposed.set(note, String(item.number))
    }
    for (const note of notes) {
      const digits = idDigits.exec(note.id)
      if (proposed.get(note) === '' && digits) proposed.set(note, String(Number(digits[0])))
    }
    const uses = new Map<string, number>()
    for (const label of proposed.values()) uses.set(label, (uses.get(label) ?? 0) + 1)
    const labelOf = (note: Target): string => {
      const label = proposed.get(note) ?? ''
      return label !== '' && uses.get(label) === 1 ? label : note.id
    }

    for (const item of found) {
      const {link} = item
      yield {exclude: true, start: link.span.start, end: link.span.end}
      const shown = {marker: link.shown.text, start: link.shown.span.start, end: link.shown.span.end}
      const target = item.targets.length === 1 ? item.targets[0]! : undefined
      const noteShows = target ? shownBy(target) : undefined
      if (target && noteShows !== undefined && noteShows !== item.number) {
        yield {role: 'reference', ...shown, label: String(item.number), style: 'malformed', syntax: 'html'}
        continue
      }
      const label = item.targets.length === 0 ? `#${link.id}` : target ? labelOf(target) : String(item.number)
      yield {role: 'reference', ...shown, label, style: 'arabic', syntax: 'html'}
    }

    for (const [i, note] of notes.entries()) {
      const next = notes[i + 1]
      const anchor = note.tag === 'a'
      if (anchor) yield {exclude: true, start: note.span.start, end: note.span.end}
      const inner = anchor ? {start: note.span.end, end: paragraphEnd(document, note.span.start, next)} : note.inner
      const content = contentOf(source, inner, backLinks)
      yield {
        role: 'note',
        marker: source.slice(note.attribute.start, note.attribute.end),
        label: labelOf(note),
        style: 'arabic',
        syntax: 'html',
        start: note.attribute.start,
        end: note.attribute.end,
        noteEnd: Math.max(note.attribute.end, anchor ? inner.end : note.span.end),
        content: content.text,
        contentStart: content.start,
        anchor: note.id
      }
    }
  }
}

/** A target's kind: its tag and its id with each run of digits as `#`. */
function kindOf(target: Target): string {
  return `${target.tag} ${target.id.replace(/\d+/g, '#')}`
}

/** The number a note shows: its `<ol>` position, or a first text that is a number (`[17]`, `17`). */
function shownBy(note: Target): number | undefined {
  if (note.ordinal !== undefined) return note.ordinal
  const match = note.firstText ? shownNumber.exec(note.firstText.text) : null
  return match ? Number(match[1]) : undefined
}

/**
 * Where a note written as an anchor (`<a id="ftnt1">[1]</a> text`) ends: at
 * the end of the paragraph holding it, or at the next note, whichever comes
 * first. Binary search over the blocks (in document order).
 */
function paragraphEnd(document: DocumentView, at: number, next: Target | undefined): number {
  const block = document.blocks[lastStartingBy(document.blocks, at)]
  const end = block && at < block.end ? block.end : (next?.span.start ?? document.source.length)
  return next ? Math.min(end, next.attribute.start) : end
}

/**
 * The content of a note in `inner`: back-links (links whose target comes
 * before them) left out at its start (`<a href="#ref1">[1]</a> text`) and
 * at its end (`text <a href="#fnref1">↩</a>`); trimmed. Back-links are in
 * document order: the scan starts at the first one in `inner` (binary search).
 */
function contentOf(source: string, inner: SourceSpan, backLinks: readonly InPageLink[]): {text: string; start: number} {
  let start = inner.start
  let end = inner.end
  let low = 0
  let high = backLinks.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (backLinks[mid]!.span.start < inner.start) low = mid + 1
    else high = mid
  }
  for (let i = low; i < backLinks.length && backLinks[i]!.span.start < inner.end; i++) {
    const link = backLinks[i]!
    if (link.span.end > inner.end) break
    if (source.slice(start, link.span.start).replace(tags, '') === '') start = link.span.end
    else {
      end = link.span.start
      break
    }
  }
  // Tags and blanks around the text (`<p>`, `&nbsp;`) are not content.
  const raw = source.slice(start, Math.max(start, end))
  const lead = leadingMarkup.exec(raw)![0].length
  const text = withoutTrailingMarkup(raw.slice(lead))
  return {text, start: start + lead}
}

/** `text` without the blanks, `&nbsp;` and tags it ends with. Linear: each step drops what it read. */
function withoutTrailingMarkup(text: string): string {
  let end = text.length
  for (;;) {
    if (end > 0 && /\s/.test(text.charAt(end - 1))) end--
    else if (text.endsWith('&nbsp;', end) || text.endsWith('&nbsp', end)) end -= text.endsWith('&nbsp;', end) ? 6 : 5
    else if (text.charAt(end - 1) === '>') {
      const open = text.lastIndexOf('<', end - 1)
      // A tag, not an autolink (`<https://...>`).
      if (open < 0 || !tagInside.test(text.slice(open + 1, end - 1))) break
      end = open
    } else break
  }
  return text.slice(0, end)
}

export default convention
