/**
 * The walk of the citation index: one pass over the reader's tree that
 * prepares what conventions read (`DocumentView`): the blocks of phrasing
 * content with the marker tokens of their prose text, the parser's GFM
 * footnote calls and link spans, and the GFM footnote definitions. Nodes the
 * reader calls not prose are never entered; nodes without positions are
 * skipped.
 */
import type {Heading, Nodes, Paragraph, Root} from 'mdast'
import type {Block, DefinitionNode, DocumentView} from './convention.js'
import type {MarkerToken} from './scanner.js'
import {scanMarkers} from './scanner.js'
import type {Format} from './types.js'

const linkTypes = new Set(['link', 'linkReference'])

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

  /** One paragraph or heading. */
  const phrasing = (node: Paragraph | Heading, inDefinition: number | undefined, notesAllowed: boolean): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const tokens: MarkerToken[] = []
    const calls: Array<{start: number; end: number; label: string}> = []
    const links: Array<{start: number; end: number}> = []
    const texts: Array<{start: number; end: number}> = []
    const stack: Nodes[] = [...node.children].reverse()
    while (stack.length > 0) {
      const child = stack.pop()!
      rawHtml(child)
      if (notProse.has(child.type)) continue
      const s = child.position?.start.offset
      const e = child.position?.end.offset
      if (child.type === 'footnoteReference') {
        if (s !== undefined && e !== undefined) calls.push({start: s, end: e, label: child.label ?? child.identifier})
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
    blocks.push({start, end, notesAllowed, inDefinition, tokens, calls, links, texts})
  }

  const stack: Array<{node: Nodes; inDefinition: number | undefined; inList: boolean}> = [
    {node: tree, inDefinition: undefined, inList: false}
  ]
  while (stack.length > 0) {
    const {node, inDefinition, inList} = stack.pop()!
    rawHtml(node)
    if (notProse.has(node.type)) continue
    if (node.type === 'paragraph') {
      phrasing(node, inDefinition, inDefinition === undefined && !inList)
      continue
    }
    if (node.type === 'heading') {
      phrasing(node, inDefinition, false)
      continue
    }
    let childDefinition = inDefinition
    if (node.type === 'footnoteDefinition') {
      const s = node.position?.start.offset
      const e = node.position?.end.offset
      if (s === undefined || e === undefined) continue
      definitions.push({start: s, end: e, label: node.label ?? node.identifier})
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
