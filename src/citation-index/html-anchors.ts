/**
 * The anchors of raw HTML in a Markdown document: every element with an `id`
 * (or an `<a name>`), and every in-page link (`<a href="#id">`, and Markdown
 * links `[1](#id)`), with positions into the Markdown source. Read by the
 * HTML footnotes convention (`conventions/html-footnotes.ts`).
 *
 * The HTML is parsed with parse5 (the WHATWG HTML parser of the unified
 * ecosystem) over a masked copy of the source, of the same length: raw HTML
 * and prose text are kept, everything else (code, inline code, front matter,
 * Markdown syntax, autolinks) becomes spaces, line breaks kept. So offsets
 * into the copy are offsets into the source (UTF-16 code units, as parse5
 * counts), tags shown in code are never read, and the text of prose between
 * inline tags (`<sup><a href="#fn1">` `[1]` `</a></sup>`) is the anchors' text.
 */
import {parseFragment} from 'parse5'
import type {DefaultTreeAdapterMap} from 'parse5'
import type {DocumentView} from './convention.js'

type Element = DefaultTreeAdapterMap['element']
type ChildNode = DefaultTreeAdapterMap['childNode']

/** A span of the source, end exclusive. */
export interface SourceSpan {
  readonly start: number
  readonly end: number
}

/** An element that links can reach: it has an `id`, or it is an `<a name>`. */
export interface Target {
  readonly id: string
  readonly tag: string
  /** The whole element (to its end tag, or where the parser closed it). */
  readonly span: SourceSpan
  /** The `id="..."` (or `name="..."`) attribute as written. */
  readonly attribute: SourceSpan
  /** After the start tag, and before the end tag (or the element's end). */
  readonly inner: SourceSpan
  /** For an `<li>` of an `<ol>`: the number the list shows for it (`start` counted). */
  readonly ordinal: number | undefined
  /** The first text inside it (trimmed), with its span; empty when none. */
  readonly firstText: {readonly text: string; readonly span: SourceSpan} | undefined
}

/** An in-page link: `<a href="#id">` or `[text](#id)`. */
export interface InPageLink {
  /** The target id, percent-decoded when it can be. */
  readonly id: string
  readonly span: SourceSpan
  /** The text it shows (trimmed) and its span, e.g. `[1]` or `1`; undefined when it shows no text. */
  readonly shown: {readonly text: string; readonly span: SourceSpan} | undefined
  /** Whether a `<sup>` holds it, or it holds one, or its markup says footnote (`rel`, `role`, `class`). */
  readonly noteShaped: boolean
}

/** The anchors of a document. */
export interface HtmlAnchors {
  /** In document order, as are `links`. */
  readonly targets: readonly Target[]
  readonly links: readonly InPageLink[]
}

const hasInPageHref = /href\s*=\s*["']?#/i
const hasId = /\b(?:id|name)\s*=/i
const footnoteMarkup = /footnote|noteref/i
const markdownLink = /^\[(\[?[^[\]\r\n]{1,20}\]?)\]\(\s*#([^()\s]+)\s*\)$/

/**
 * The anchors of `document`, or `undefined` when its raw HTML holds no
 * in-page link (then nothing is parsed). Linear in the source length.
 */
export function readHtmlAnchors(document: DocumentView): HtmlAnchors | undefined {
  const {source} = document
  const html = document.html ?? []
  const markdownLinks: InPageLink[] = []
  for (const block of document.blocks) {
    for (const link of block.links) {
      const match = markdownLink.exec(source.slice(link.start, link.end))
      if (!match) continue
      const text = match[1]!.trim()
      const at = source.indexOf(text, link.start + 1)
      markdownLinks.push({id: decodeId(match[2]!), span: link, shown: {text, span: {start: at, end: at + text.length}}, noteShaped: false})
    }
  }
  const holds = (pattern: RegExp): boolean => html.some((node) => pattern.test(source.slice(node.start, node.end)))
  if (!holds(hasInPageHref) && !(markdownLinks.length > 0 && holds(hasId))) {
    return undefined
  }

  const kept: SourceSpan[] = [...html]
  for (const block of document.blocks) for (const text of block.texts ?? []) kept.push(text)
  const fragment = parseFragment(masked(source, kept), {sourceCodeLocationInfo: true})

  const targets: Target[] = []
  const links: InPageLink[] = []
  const ordinals = new Map<Element, Map<Element, number>>()
  const stack: Array<{node: ChildNode; sup: boolean}> = fragment.childNodes.map((node) => ({node, sup: false})).reverse()
  while (stack.length > 0) {
    const {node, sup} = stack.pop()!
    if (!('tagName' in node)) continue
    const location = node.sourceCodeLocation
    if (!location) continue
    const attrs = new Map(node.attrs.map((attr) => [attr.name, attr.value]))
    const inSup = sup || node.tagName === 'sup'
    const idName = attrs.has('id') ? 'id' : node.tagName === 'a' && attrs.has('name') ? 'name' : undefined
    const href = node.tagName === 'a' ? attrs.get('href') : undefined
    if (href !== undefined && href.startsWith('#') && href.length > 1) {
      const shown = firstText(node, source)
      const markup = `${attrs.get('rel') ?? ''} ${attrs.get('role') ?? ''} ${attrs.get('class') ?? ''}`
      const holdsSup = node.childNodes.some((child) => 'tagName' in child && child.tagName === 'sup')
      links.push({id: decodeId(href.slice(1)), span: spanOf(location), shown, noteShaped: inSup || holdsSup || footnoteMarkup.test(markup)})
    }
    if (idName !== undefined) {
      const attribute = location.attrs?.[idName]
      const start = location.startTag?.endOffset ?? location.startOffset
      const end = location.endTag?.startOffset ?? location.endOffset
      const target: Target = {
        id: attrs.get(idName)!,
        tag: node.tagName,
        span: spanOf(location),
        attribute: attribute ? spanOf(attribute) : spanOf(location.startTag ?? location),
        inner: {start, end: Math.max(start, end)},
        ordinal: ordinalOf(node, ordinals),
        firstText: firstText(node, source)
      }
      targets.push(target)
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({node: node.childNodes[i]!, sup: inSup})
  }
  const byStart = (a: {span: SourceSpan}, b: {span: SourceSpan}): number => a.span.start - b.span.start
  return {targets: targets.sort(byStart), links: [...links, ...markdownLinks].sort(byStart)}
}

/** A copy of `source` with only the `kept` spans; the rest spaces, line breaks kept. */
function masked(source: string, kept: readonly SourceSpan[]): string {
  const spans = [...kept].sort((a, b) => a.start - b.start)
  const parts: string[] = []
  let at = 0
  const blank = (from: number, to: number): void => {
    if (to > from) parts.push(source.slice(from, to).replace(/[^\r\n]/g, ' '))
  }
  for (const span of spans) {
    if (span.end <= at) continue
    const start = Math.max(span.start, at)
    blank(at, start)
    parts.push(source.slice(start, span.end))
    at = span.end
  }
  blank(at, source.length)
  return parts.join('')
}

/** The first non-blank text inside `element` (among its first 64 nodes), trimmed, with its span. */
function firstText(element: Element, source: string): InPageLink['shown'] {
  const stack: ChildNode[] = [...element.childNodes].reverse()
  // A bounded look: a shown number is near the start tag; deep empty markup must not cost its size per element.
  for (let visits = 0; stack.length > 0 && visits < 64; visits++) {
    const node = stack.pop()!
    if (node.nodeName === '#text' && 'value' in node && node.sourceCodeLocation) {
      const {startOffset, endOffset} = node.sourceCodeLocation
      const raw = source.slice(startOffset, endOffset)
      const text = raw.trim()
      if (text) {
        const start = startOffset + (raw.length - raw.trimStart().length)
        return {text, span: {start, end: start + text.length}}
      }
    }
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!)
  }
  return undefined
}

/**
 * The number an `<ol>` shows for the `<li>` `element` (its `start` counted),
 * else undefined. Each list is numbered once, into `cache`.
 */
function ordinalOf(element: Element, cache: Map<Element, Map<Element, number>>): number | undefined {
  const list = element.parentNode
  if (element.tagName !== 'li' || !list || !('tagName' in list) || list.tagName !== 'ol') return undefined
  let numbers = cache.get(list)
  if (!numbers) {
    numbers = new Map()
    const start = Number.parseInt(list.attrs.find((attr) => attr.name === 'start')?.value ?? '1', 10)
    let number = Number.isFinite(start) ? start : 1
    for (const child of list.childNodes) if ('tagName' in child && child.tagName === 'li') numbers.set(child, number++)
    cache.set(list, numbers)
  }
  return numbers.get(element)
}

function spanOf(location: {startOffset: number; endOffset: number}): SourceSpan {
  return {start: location.startOffset, end: location.endOffset}
}

/** `id` percent-decoded (`fn%3A1` is `fn:1`), or as written when it is not valid percent-encoding. */
function decodeId(id: string): string {
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}
