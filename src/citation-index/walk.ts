/**
 * The walk of the citation index: one pass over the reader's tree that
 * prepares what conventions read (`DocumentView`): the blocks of phrasing
 * content with the marker tokens of their prose text, the parser's GFM
 * footnote calls and link spans, and the GFM footnote definitions. Nodes the
 * reader calls not prose are never entered; nodes without positions are
 * skipped.
 */
import type {Heading, Nodes, Paragraph, Root, TableCell} from 'mdast'
import type {Block, DefinitionNode, DocumentView} from './convention.js'
import type {SourceSpan} from './gfm-calls.js'
import {callShapes, imageLabelEnd, labelEnd} from './gfm-calls.js'
import type {MarkerToken} from './scanner.js'
import {scanMarkers} from './scanner.js'
import type {Format} from './types.js'

const linkTypes = new Set(['link', 'linkReference'])
const imageTypes = new Set(['image', 'imageReference'])
/** Inline nodes whose source the inline parser reads as a whole: no GFM call starts inside. */
const opaqueTypes = new Set(['inlineCode', 'html'])

/**
 * The source label of a Markdown GFM call or definition starting at `start` (its
 * `[`), up to `end`: the text between `[^` and the closing `]`, as written
 * (escapes and character references not decoded). Other readers' footnote
 * nodes (DOCX) carry their label on the node.
 */
function sourceLabel(source: string, start: number, end: number): string {
  const close = labelEnd(source, start + 2, end)
  return close < 0 ? source.slice(start + 2, end) : source.slice(start + 2, close)
}

/**
 * Walk `tree` (parsed from `source` in `format`), never entering node types
 * in `notProse`. Uses explicit stacks: deeply nested block quotes and lists
 * must not overflow the call stack.
 */
export function walkDocument(tree: Root, source: string, format: Format, notProse: ReadonlySet<string>): DocumentView {
  const blocks: Block[] = []
  const definitions: DefinitionNode[] = []
  const html: Array<{start: number; end: number}> = []
  /** Record a raw HTML node (never prose, but conventions may read its markup). */
  const rawHtml = (node: Nodes): void => {
    const s = node.position?.start.offset
    const e = node.position?.end.offset
    if (node.type === 'html' && s !== undefined && e !== undefined) html.push({start: s, end: e})
  }

  /**
   * One paragraph, heading or table cell. Images are not prose, but the GFM
   * calls in their alt text are read (GitHub renders them); code spans, raw
   * HTML, autolinks and the destinations of links and images are opaque to
   * the GFM call syntax.
   */
  const phrasing = (node: Paragraph | Heading | TableCell, inDefinition: number | undefined, notesAllowed: boolean): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const tokens: MarkerToken[] = []
    const calls: Array<{start: number; end: number; label: string}> = []
    const links: Array<{start: number; end: number}> = []
    const opaque: SourceSpan[] = []
    const texts: Array<{start: number; end: number}> = []
    const stack: Nodes[] = [...node.children].reverse()
    while (stack.length > 0) {
      const child = stack.pop()!
      rawHtml(child)
      const s = child.position?.start.offset
      const e = child.position?.end.offset
      if (format === 'markdown' && s !== undefined && e !== undefined) {
        if (opaqueTypes.has(child.type)) opaque.push({start: s, end: e})
        else if (imageTypes.has(child.type)) {
          opaque.push({start: s, end: s + 2})
          opaque.push({start: imageLabelEnd(source, s, e), end: e})
        } else if (child.type === 'link' && source.charCodeAt(s) === 60) opaque.push({start: s, end: e})
        else if (linkTypes.has(child.type) && 'children' in child) {
          const last = child.children.at(-1)?.position?.end.offset ?? s + 1
          opaque.push({start: last, end: e})
        }
      }
      if (notProse.has(child.type)) continue
      if (child.type === 'footnoteReference') {
        if (s !== undefined && e !== undefined) calls.push({start: s, end: e, label: format === 'markdown' ? sourceLabel(source, s, e) : (child.label ?? child.identifier)})
      } else if (child.type === 'text') {
        if (s !== undefined && e !== undefined) {
          scanMarkers(source, s, e, start, tokens)
          texts.push({start: s, end: e})
        }
      } else if ('children' in child) {
        if (linkTypes.has(child.type) && s !== undefined && e !== undefined) links.push({start: s, end: e})
        for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as Nodes)
      }
    }
    opaque.sort((a, b) => a.start - b.start)
    const shapes = format === 'markdown' ? callShapes(source, start, end, opaque) : []
    const table = node.type === 'tableCell' ? {table: true} : {}
    blocks.push({start, end, notesAllowed, inDefinition, tokens, calls, links, callShapes: shapes, texts, ...table})
  }

  /**
   * An indented code block (a fenced block starts with ``` or ~~~): scanned
   * for marker tokens as a block of its own where no note may start.
   */
  const verbatim = (node: Nodes): void => {
    const s = node.position?.start.offset
    const e = node.position?.end.offset
    if (s === undefined || e === undefined || /^[ \t>]*(`{3}|~{3})/.test(source.slice(s, s + 64))) return
    const tokens: MarkerToken[] = []
    scanMarkers(source, s, e, s, tokens)
    if (tokens.length > 0) blocks.push({start: s, end: e, notesAllowed: false, inDefinition: undefined, tokens, calls: [], links: [], callShapes: [], texts: [], verbatim: true})
  }

  const stack: Array<{node: Nodes; inDefinition: number | undefined; inList: boolean}> = [
    {node: tree, inDefinition: undefined, inList: false}
  ]
  while (stack.length > 0) {
    const {node, inDefinition, inList} = stack.pop()!
    rawHtml(node)
    if (notProse.has(node.type)) {
      if (node.type === 'code' && format === 'markdown' && inDefinition === undefined) verbatim(node)
      continue
    }
    if (node.type === 'paragraph') {
      phrasing(node, inDefinition, inDefinition === undefined && !inList)
      continue
    }
    if (node.type === 'heading' || node.type === 'tableCell') {
      phrasing(node, inDefinition, false)
      continue
    }
    let childDefinition = inDefinition
    if (node.type === 'footnoteDefinition') {
      const s = node.position?.start.offset
      const e = node.position?.end.offset
      if (s === undefined || e === undefined) continue
      const {shown, series} = node.data ?? {}
      definitions.push({start: s, end: e, label: format === 'markdown' ? sourceLabel(source, s, e) : (node.label ?? node.identifier), ...(shown === undefined ? {} : {shown}), ...(series === undefined ? {} : {series})})
      childDefinition = s
    }
    if ('children' in node) {
      const list = inList || node.type === 'listItem'
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push({node: node.children[i] as Nodes, inDefinition: childDefinition, inList: list})
      }
    }
  }
  html.sort((a, b) => a.start - b.start)
  return {source, format, blocks, definitions, html}
}
