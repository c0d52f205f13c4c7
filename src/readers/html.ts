/**
 * The HTML reader (`.html`, `.htm`, `.xhtml`). The page is parsed with
 * rehype-parse (parse5: the HTML Living Standard's parsing algorithm, so
 * broken markup is repaired as browsers repair it) into hast with positions
 * into the HTML source. Like the DOCX reader, it then writes a *virtual
 * text*: the page's visible text, in which block elements end lines, with
 * the footnote structure found by the markups passed to `readHtml`
 * (`HtmlMarkup` descriptors, `html-markups.ts`; each declared by a
 * convention of `conventions/`, collected by `src/citation-index/conventions.ts`
 * and passed in by the engine: the reader knows no markup of its own) (which links
 * are references to which note, where each note begins and ends) in a
 * layout line of the DOCX reader's shape (`DocxLayout`), so every later
 * stage reads the page as it reads a DOCX. Beside it, `sourceOf` maps each
 * virtual offset back to an offset of the HTML source: the engine applies it
 * once to every message (`src/engine/html-positions.ts`), so findings are
 * reported at HTML source lines and columns. Each note carries the number
 * a reader sees for it (`html-numbers.ts`: its place in its `<ol>`, or the
 * number written at its start) as `DocxNote.shown`, for `broken-marker`
 * and `note-order`; a reference's shown text is its marker.
 *
 * Not prose (no text emitted): `head`, `script`, `style`, `noscript`,
 * `template`, `nav`, `header`, `footer`, `svg`, `math`, `iframe`, `select`,
 * `button`, elements with `hidden` or `aria-hidden="true"`, MediaWiki edit
 * links and tables of contents, and the back-links of notes.
 *
 * A page whose markup holds no reference and no note is linted as plain
 * text (its virtual text without layout), so the plain-text conventions
 * read its bracket and superscript markers; a `<sup>` holding only digits
 * is written with Unicode superscript digits, one for one, so that it
 * reads as a superscript.
 */
import type {Element, ElementContent, Nodes as HastNodes, Root as HastRoot} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import type {DocxLayout} from './docx.js'
import {layoutSeparator, parseDocxText} from './docx.js'
import type {DocxMark, DocxNote} from './docx-xml.js'
import {htmlExtensions} from './format.js'
import type {HtmlMarkup} from './html-markups.js'
import {isMarkerText} from './html-markups.js'
import {listNumber, writtenNumber} from './html-numbers.js'
import type {Reader} from './reader.js'

/** A suppression comment's place in the HTML source (offsets, end exclusive). */
export interface HtmlComment {
  readonly start: number
  readonly end: number
  /** The comment as written, `<!--` and `-->` included. */
  readonly value: string
}

/** An HTML page read for linting. */
export interface HtmlPage {
  /**
   * The virtual text: the visible text, then (when the page has footnote
   * markup) the layout line (`layoutSeparator` and a JSON `DocxLayout`).
   */
  readonly text: string
  /** Whether the page has footnote markup (else `text` is plain text). */
  readonly structured: boolean
  /** For each offset of `text` before the layout line: the offset in the HTML source it came from. */
  readonly sourceOf: Int32Array
  /** Virtual end offsets of references and notes mapped to the end of their element in the source. */
  readonly endOf: ReadonlyMap<number, number>
  /** The page's comments (suppression directives are among them). */
  readonly comments: readonly HtmlComment[]
}

const skipped = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'svg', 'math', 'iframe', 'select', 'button', 'textarea', 'object', 'canvas', 'audio', 'video', 'title'])
const skippedClasses = new Set(['mw-editsection', 'toc', 'mw-jump-link', 'navbox', 'noprint', 'mw-cite-backlink', 'cite-accessibility-label', 'reference-accessibility'])
const blocks = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'center', 'legend'
])
/** Blocks that may hold a note whose id sits on an anchor inside it. */
const noteBlocks = new Set(['p', 'li', 'div', 'aside', 'dd', 'section', 'td', 'blockquote', 'article', 'dt'])
const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** Class names of an element. */
function classesOf(element: Element): readonly string[] {
  const value = element.properties['className']
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? String(value).split(/\s+/) : []
}

/** A string property (attribute) of an element, or `undefined`. */
function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/** ARIA role, EPUB type and HTMLBook data type of an element, as words. */
function typesOf(element: Element): string[] {
  const words: string[] = []
  for (const name of ['role', 'epub:type', 'dataType']) {
    const value = attribute(element, name)
    if (value) words.push(...value.toLowerCase().split(/\s+/))
  }
  return words
}

/** The id of a same-page link (`#x`, decoded), or `undefined`. */
function fragmentOf(element: Element): string | undefined {
  const href = attribute(element, 'href')
  if (!href) return undefined
  const hash = href.indexOf('#')
  if (hash !== 0) return undefined
  try {
    return decodeURIComponent(href.slice(1))
  } catch {
    return href.slice(1)
  }
}

/** The text content of a hast node (all text, nothing skipped). */
function textOf(node: HastNodes): string {
  let out = ''
  const stack: HastNodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'text') out += current.value
    else if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as HastNodes)
  }
  return out
}

/** Whether an element's text holds more than a marker (a label, brackets, a number). */
function hasWords(element: Element): boolean {
  return /[^\s\d[\]().^*†‡§↩︎]/u.test(textOf(element).replace(/^\s*\[?\s*\w{0,2}\s*\]?\.?/, ''))
}

/** Whether an element is not prose by its tag, attributes or class. */
function isSkipped(element: Element): boolean {
  if (skipped.has(element.tagName)) return true
  if (element.properties['hidden'] !== undefined && element.properties['hidden'] !== false) return true
  if (attribute(element, 'ariaHidden') === 'true') return true
  return classesOf(element).some((name) => skippedClasses.has(name))
}

/** What the structure pass found: notes by element, references by link. */
interface Structure {
  /** Note elements and their labels. */
  readonly notes: Map<Element, string>
  /** Reference links and the label of the note they target (the href id when nothing is there). */
  readonly references: Map<Element, string>
  /** Back-links inside notes (no prose). */
  readonly backlinks: Set<Element>
  /** The number a reader sees for each note that shows one (`html-numbers.ts`), and the series it counts in (its `<ol>`, or a run of written numbers from 1). */
  readonly shown: ReadonlyMap<Element, {readonly number: string; readonly series: string}>
}

/**
 * Find the footnote structure: notes (in a notes container, with a note id
 * pattern or role, or targeted by a reference), references (links with a
 * markup's signal, or a marker-like link into a note) and back-links.
 */
function findStructure(tree: HastRoot, htmlMarkups: readonly HtmlMarkup[]): Structure {
  const union = (pick: (markup: HtmlMarkup) => readonly string[] | undefined): ReadonlySet<string> => new Set(htmlMarkups.flatMap((markup) => pick(markup) ?? []))
  const referenceTypes = union((m) => m.referenceTypes)
  const noteTypes = union((m) => m.noteTypes)
  const notesTypes = union((m) => m.notesTypes)
  const backlinkTypes = union((m) => m.backlinkTypes)
  const hasAttribute = (element: Element, pick: (markup: HtmlMarkup) => readonly string[] | undefined): boolean => htmlMarkups.some((m) => pick(m)?.some((name) => attribute(element, name) !== undefined))
  const parent = new Map<Element, Element | undefined>()
  const elements: Element[] = []
  const ids = new Map<string, Element>()
  const stack: Array<{node: HastRoot | Element; up: Element | undefined}> = [{node: tree, up: undefined}]
  while (stack.length > 0) {
    const {node, up} = stack.pop()!
    if (node.type === 'element') {
      parent.set(node, up)
      elements.push(node)
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!
      if (child.type === 'element') stack.push({node: child, up: node.type === 'element' ? node : undefined})
    }
  }
  for (const element of elements) {
    for (const key of ['id', 'name']) {
      const id = attribute(element, key)
      if (id && !ids.has(id)) ids.set(id, element)
    }
  }
  const ancestors = function* (element: Element): Generator<Element> {
    for (let up = parent.get(element); up; up = parent.get(up)) yield up
  }
  const isNotesContainer = (element: Element): boolean => {
    const classes = classesOf(element)
    if (typesOf(element).some((word) => notesTypes.has(word))) return true
    if (hasAttribute(element, (m) => m.notesAttribute)) return true
    if (htmlMarkups.some((m) => m.notesContainerId?.test(attribute(element, 'id') ?? '')) && element.tagName !== 'a') return true
    return htmlMarkups.some((markup) => markup.notesClass?.some((name) => classes.includes(name) && element.tagName !== 'p' && element.tagName !== 'a' && element.tagName !== 'span' && element.tagName !== 'sup'))
  }
  /** The block that is the note for a target element. */
  const noteBlockOf = (target: Element): Element => {
    const up0 = parent.get(target)
    if (noteBlocks.has(target.tagName) && (hasWords(target) || (up0 !== undefined && isNotesContainer(up0)))) return target
    let first: Element | undefined
    let depth = 0
    for (const up of ancestors(target)) {
      if (isNotesContainer(up) && !classesOf(up).includes('footnote')) break
      if (++depth > 4) break
      if (!noteBlocks.has(up.tagName)) continue
      first ??= up
      // A block holding only the note's anchor and label (`[85]`): the note is the block around it.
      if (hasWords(up)) return up
    }
    return first ?? target
  }
  const notes = new Map<Element, string>()
  const noteIdMatches = (id: string, markup: HtmlMarkup): boolean => markup.noteId?.test(id) ?? false
  for (const element of elements) {
    const id = attribute(element, 'id') ?? (element.tagName === 'a' ? attribute(element, 'name') : undefined)
    if (!id) continue
    const inContainer = element.tagName === 'li' && parent.get(element) !== undefined && [...ancestors(element)].slice(0, 2).some(isNotesContainer)
    const typed = typesOf(element).some((word) => noteTypes.has(word))
    const byId = htmlMarkups.some((markup) => noteIdMatches(id, markup)) && [...ancestors(element)].some((up) => isNotesContainer(up) || typesOf(up).some((w) => noteTypes.has(w))) || htmlMarkups.some((markup) => markup.certainNoteId?.test(id)) && element.tagName !== 'sup'
    if (inContainer || typed || byId) {
      const block = noteBlockOf(element)
      if (!notes.has(block)) notes.set(block, id)
    }
  }
  const inNote = (element: Element): boolean => {
    if (notes.has(element)) return true
    for (const up of ancestors(element)) if (notes.has(up)) return true
    return false
  }
  const references = new Map<Element, string>()
  const backlinks = new Set<Element>()
  const brokenBacklinks = new Map<Element, string>()
  for (const element of elements) {
    if (element.tagName !== 'a') continue
    const target = fragmentOf(element)
    if (target === undefined || target === '') continue
    const text = textOf(element)
    const up = parent.get(element)
    const classes = [...classesOf(element), ...(up && (up.tagName === 'sup' || up.tagName === 'span') ? classesOf(up) : [])]
    const types = [...typesOf(element), ...(up ? typesOf(up) : [])]
    const targetElement = ids.get(target)
    const targetNote = targetElement ? noteBlockOf(targetElement) : undefined
    const citesAnotherNote = targetNote !== undefined && notes.has(targetNote) && targetNote !== element && ![...ancestors(element)].includes(targetNote)
    if (inNote(element) && !(citesAnotherNote && isMarkerText(text))) {
      if (types.some((word) => backlinkTypes.has(word)) || hasAttribute(element, (m) => m.backlinkAttribute) || htmlMarkups.some((m) => m.backlinkClass?.some((c) => classes.includes(c))) || /^[\^↩↑⤴︎\u{fe0e}\s]+$/u.test(text.trim()) || isMarkerText(text)) {
        // A back-link to nothing (its reference's id is gone) is a reference to nothing: undefined-reference (decided below).
        if (targetElement === undefined && text.trim() !== '') brokenBacklinks.set(element, `#${target}`)
        else backlinks.add(element)
      }
      continue
    }
    if (!isMarkerText(text)) continue
    const ownId = attribute(element, 'id') ?? attribute(element, 'name') ?? (up ? attribute(up, 'id') : undefined) ?? ''
    const signal =
      types.some((word) => referenceTypes.has(word)) ||
      hasAttribute(element, (m) => m.referenceAttribute) ||
      htmlMarkups.some((m) => m.referenceHref?.test(target) || (ownId !== '' && m.referenceId?.test(ownId)) || m.referenceClass?.some((c) => classes.includes(c)))
    const found = ids.get(target)
    const superscript = up?.tagName === 'sup' || element.children.some((child) => child.type === 'element' && child.tagName === 'sup')
    const bracketed = text.trim().startsWith('[') && text.trim().endsWith(']')
    const noteTarget = found ? noteBlockOf(found) : undefined
    const generic = noteTarget !== undefined && (superscript || bracketed) && (notes.has(noteTarget) || [...ancestors(noteTarget)].some(isNotesContainer))
    if (!signal && !generic) continue
    if (noteTarget && !notes.has(noteTarget) && noteTarget.tagName !== 'body' && noteTarget.tagName !== 'html') notes.set(noteTarget, target)
    references.set(element, noteTarget && notes.has(noteTarget) ? notes.get(noteTarget)! : `#${target}`)
  }
  // A note holding a reference's own element (a link to itself) is no note.
  for (const [note] of notes) if (references.has(note)) notes.delete(note)
  // A note inside another note (Word's `<div id=ftn1>` around `<a name=_ftn1>`'s paragraph) is that note.
  const outer = new Map<string, string>()
  for (const [note, label] of notes) {
    for (const up of ancestors(note)) {
      const upper = notes.get(up)
      if (upper !== undefined) {
        outer.set(label, upper)
        notes.delete(note)
        break
      }
    }
  }
  for (const [reference, label] of references) {
    const canonical = outer.get(label)
    if (canonical !== undefined) references.set(reference, canonical)
  }
  // A broken back-link in a note that no reference cites is the same fault as
  // that unused note (its reference was deleted, and the back-link's target
  // with it): it is reported once, as unused-note, and the link is no prose.
  const cited = new Set(references.values())
  for (const [link, target] of brokenBacklinks) {
    const note = [...ancestors(link)].find((up) => notes.has(up))
    if (note !== undefined && !cited.has(notes.get(note)!)) backlinks.add(link)
    else references.set(link, target)
  }
  const shown = new Map<Element, {number: string; series: string}>()
  const lists = new Map<Element, number>()
  let run = 0
  let written = 0
  const inOrder = [...notes.keys()].sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0))
  for (const note of inOrder) {
    // A note that is its list item, or that opens it (`<li><p id="fn1">`): the item's number.
    const up = parent.get(note)
    const item = up?.tagName === 'li' && up.children.find((child) => child.type === 'element') === note ? up : note
    const list = parent.get(item)
    const inList = list !== undefined ? listNumber(item, list) : undefined
    if (inList !== undefined) {
      if (!lists.has(list!)) lists.set(list!, lists.size)
      shown.set(note, {number: inList, series: `list ${lists.get(list!)!}`})
      continue
    }
    const number = writtenNumber(note)
    if (number === undefined) continue
    // Written numbers that start again at 1 start a new series (a book's chapters).
    if (Number(number) === 1 && written > 0) run++
    written++
    shown.set(note, {number, series: `run ${run}`})
  }
  return {notes, references, backlinks, shown}
}

/** Thrown for a page nested deeper than the parser's recursion can go: refused with one line (a refusal, as `isRefusal` says). */
export class HtmlTooDeep extends Error {
  override name = 'HtmlTooDeep'
  constructor() {
    super('HTML nested too deep: the page opens more elements inside one another than can be parsed')
  }
}

/**
 * Parse an HTML page into hast with positions.
 *
 * @throws HtmlTooDeep when the nesting exhausts the call stack (parse5's
 *   tree is turned into hast recursively).
 */
export function parseHtml(source: string): HastRoot {
  try {
    return unified().use(rehypeParse).parse(source)
  } catch (error) {
    if (error instanceof RangeError) throw new HtmlTooDeep()
    throw error
  }
}

/**
 * Read an HTML page (its decoded source) into a virtual text (see the module
 * comment), finding references and notes by `markups` (the engine passes
 * every convention's, `htmlMarkups` of `src/citation-index/conventions.ts`;
 * with none, only the generic signals apply: a marker-like `<sup>` or
 * bracketed link into a notes block). parse5 repairs every input.
 *
 * @throws HtmlTooDeep for a page nested too deep to parse.
 */
export function readHtml(source: string, markups: readonly HtmlMarkup[]): HtmlPage {
  const tree = parseHtml(source)
  const {notes, references, backlinks, shown} = findStructure(tree, markups)
  const structured = notes.size > 0 || references.size > 0
  let capacity = Math.max(64, source.length + 16)
  let sourceOf = new Int32Array(capacity)
  let out: string[] = []
  let length = 0
  let lastChar = '\n'
  let line = 0
  let column = 0
  const endOf = new Map<number, number>()
  const push = (char: string, from: number): void => {
    if (length >= capacity) {
      capacity *= 2
      const grown = new Int32Array(capacity)
      grown.set(sourceOf)
      sourceOf = grown
    }
    sourceOf[length++] = from
    out.push(char)
    lastChar = char
    if (char === '\n') {
      line++
      column = 0
    } else column += char.length
  }
  /** The virtual offset of the last note-start space, which no line end removes. */
  let keptSpace = -1
  const newline = (from: number): void => {
    if (lastChar === ' ' && length - 1 !== keptSpace) {
      // Trailing space before a line end is dropped.
      out.pop()
      length--
      column--
      lastChar = out.at(-1) ?? '\n'
    }
    if (lastChar !== '\n') push('\n', from)
  }
  const marks: DocxMark[] = []
  const layoutNotes: DocxNote[] = []
  const comments: HtmlComment[] = []

  /** Emit a text node's value, collapsing white space unless `pre`, mapping each character to the source. */
  const emitText = (value: string, start: number | undefined, end: number | undefined, pre: boolean, superscript: boolean): void => {
    const raw = start !== undefined && end !== undefined ? source.slice(start, end) : undefined
    const exact = raw === value
    let j = start ?? 0
    for (let i = 0; i < value.length; i++) {
      let from = j
      if (start !== undefined && !exact && raw !== undefined) {
        // Align decoded text with the source: a character reference stands for one or two characters.
        while (j < end! && source.charAt(j) !== value.charAt(i) && source.charAt(j) !== '&') j++
        from = Math.min(j, end! - 1)
        if (source.charAt(j) === '&' && value.charAt(i) !== '&') {
          const semi = source.indexOf(';', j)
          j = semi > j && semi - j < 40 ? semi + 1 : j + 1
        } else j++
      } else if (start !== undefined) {
        from = start + i
      }
      let char = value.charAt(i)
      if (!pre && /\s/.test(char)) {
        if (char === '\n' && pre) push('\n', from)
        else if (lastChar !== ' ' && lastChar !== '\n') push(' ', from)
        continue
      }
      if (pre && char === '\r') continue
      if (superscript && char >= '0' && char <= '9') char = superscriptDigits.charAt(char.charCodeAt(0) - 48)
      push(char, from)
    }
  }

  interface Frame {
    readonly node: HastNodes
    readonly exit: boolean
    readonly pre: boolean
    readonly superscript: boolean
  }
  const openNotes: Array<{element: Element; line: number; label: string}> = []
  const openReferences: Array<{element: Element; start: number; line: number; column: number; label: string}> = []
  const stack: Frame[] = [{node: tree, exit: false, pre: false, superscript: false}]
  while (stack.length > 0) {
    const {node, exit, pre, superscript} = stack.pop()!
    const start = node.position?.start.offset ?? (length > 0 ? sourceOf[length - 1]! : 0)
    const end = node.position?.end.offset ?? start
    if (node.type === 'comment') {
      if (node.position && /^\s*citelint-/.test(node.value)) comments.push({start, end, value: source.slice(start, end)})
      continue
    }
    if (node.type === 'text') {
      emitText(node.value, node.position?.start.offset, node.position?.end.offset, pre, superscript)
      continue
    }
    if (node.type !== 'element' && node.type !== 'root') continue
    if (node.type === 'element') {
      const element = node
      if (exit) {
        const reference = openReferences.at(-1)
        if (reference && reference.element === element) {
          openReferences.pop()
          // Trailing white space is not part of the mark.
          const markEnd = lastChar === ' ' ? length - 1 : length
          const markLength = line === reference.line ? markEnd - reference.start : 0
          if (markLength > 0) {
            marks.push({line: reference.line, column: reference.column, length: markLength, label: reference.label})
            endOf.set(markEnd, end)
            sourceOf[reference.start] = start0(element, sourceOf[reference.start]!)
          }
        }
        const note = openNotes.at(-1)
        if (note && note.element === element) {
          openNotes.pop()
          newline(end)
          // An empty note keeps one empty line, so that it is read (and found empty).
          if (line === note.line) push('\n', start0(element, end))
          const lines = line - note.line
          if (lines > 0) {
            const number = shown.get(element)
            layoutNotes.push({label: note.label, line: note.line, lines, markColumn: 0, markLength: 0, ...(number === undefined ? {} : {shown: number.number, series: number.series})})
            endOf.set(length - 1, end)
          }
        }
        if (blocks.has(element.tagName)) newline(end)
        continue
      }
      if (isSkipped(element) || backlinks.has(element)) continue
      if (element.tagName === 'br') {
        newline(start)
        continue
      }
      if (element.tagName === 'img') continue
      if (blocks.has(element.tagName)) newline(start)
      const noteLabel = notes.get(element)
      if (noteLabel !== undefined && openNotes.length === 0) {
        newline(start)
        openNotes.push({element, line, label: noteLabel})
        // A space that stands for the note's element: the note starts there (its first
        // text may be a back-link, reported at its own element).
        push(' ', start)
        keptSpace = length - 1
        // The note's marker span (this space) ends where the element ends.
        endOf.set(length, end)
      }
      const referenceLabel = references.get(element)
      if (referenceLabel !== undefined && openReferences.length === 0) {
        openReferences.push({element, start: length, line, column, label: referenceLabel})
      }
      const isPre = pre || element.tagName === 'pre'
      const isSup = element.tagName === 'sup' && referenceLabel === undefined && openReferences.length === 0 && !hasReference(element, references) && /^\s*\d{1,3}\s*$/.test(textOf(element))
      stack.push({node, exit: true, pre, superscript})
      const children: ElementContent[] = element.tagName === 'template' ? [] : element.children
      for (let i = children.length - 1; i >= 0; i--) stack.push({node: children[i]!, exit: false, pre: isPre, superscript: superscript || isSup})
      continue
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({node: node.children[i]!, exit: false, pre, superscript})
  }
  newline(source.length)
  const visible = out.join('')
  out = []
  const layout: DocxLayout = {body: line + 1, marks, notes: layoutNotes}
  const text = structured ? visible + layoutSeparator + JSON.stringify(layout) : visible
  return {text, structured, sourceOf: sourceOf.subarray(0, visible.length), endOf, comments}
}

/** The source start of an element that is a reference (its `<sup>` parent's, when the link is all the `<sup>` holds). */
function start0(element: Element, fallback: number): number {
  return element.position?.start.offset ?? fallback
}

/** Whether an element holds a reference link. */
function hasReference(element: Element, references: ReadonlyMap<Element, string>): boolean {
  const stack: ElementContent[] = [...element.children]
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.type !== 'element') continue
    if (references.has(child)) return true
    stack.push(...child.children)
  }
  return false
}

/**
 * The HTML reader. Its `parse` takes the *virtual text* of a page (see
 * `readHtml`; the engine makes it from the HTML source) and parses it as
 * the DOCX reader parses its virtual text.
 */
export const htmlReader: Reader = Object.freeze({
  format: 'html',
  extensions: htmlExtensions,
  parse: parseDocxText,
  notProse: new Set<string>(),
  fixable: false
})
