/**
 * Cross-references to notes: the `crossReference` nodes a reader puts in
 * its tree (the DOCX reader, for Word's NOTEREF fields; see
 * `src/readers/docx.ts`), each tied to the note its bookmark points to.
 */
import type {Root} from 'mdast'
import type {CrossReference, Note, Span} from './types.js'

/** The shape of a `crossReference` node, as far as this stage reads it. */
interface CrossReferenceNode {
  readonly type: 'crossReference'
  readonly value: string
  readonly data?: {readonly target?: string; readonly expected?: string}
  readonly position?: {readonly start: {readonly offset?: number}; readonly end: {readonly offset?: number}}
}

/**
 * The cross-references of `tree`, in document order; `note` is the index of
 * the note whose label is the node's `data.target` (the first such note).
 * Nodes without offsets are skipped. Linear in the tree's size.
 */
export function crossReferencesOf(tree: Root, notes: readonly Note[], span: (start: number, end: number) => Span): CrossReference[] {
  const byLabel = new Map<string, number>()
  for (const note of notes) if (!byLabel.has(note.label)) byLabel.set(note.label, note.index)
  const found: CrossReference[] = []
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop() as {type: string; children?: unknown[]}
    if (node.type === 'crossReference') {
      const {value, data, position} = node as unknown as CrossReferenceNode
      const start = position?.start.offset
      const end = position?.end.offset
      if (start === undefined || end === undefined) continue
      const note = data?.target === undefined ? undefined : byLabel.get(data.target)
      found.push(Object.freeze({span: span(start, end), shown: value, note, expected: note === undefined ? '' : (data?.expected ?? '')}))
    } else if (node.children) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
    }
  }
  return found
}
