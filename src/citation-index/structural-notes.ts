/**
 * Candidates of a reader whose notes are structural (DOCX, HTML): the reader
 * hands over reference nodes (the walk's `calls`) and note nodes (the
 * walk's `definitions`), each resolved by identifier in the GFM namespace.
 * Shared by `conventions/word-footnotes.ts` and `conventions/html-notes.ts`,
 * which differ only in how they name a reference and a note, and in where a
 * note's own mark may end.
 */
import type {Candidate, DocumentView} from './convention.js'

/** How one convention names what the reader marked. */
export interface StructuralNaming {
  /** The marker of a reference labelled `label`, whose source is `shown`. */
  reference(label: string, shown: string): string
  /** The marker of a note labelled `label`, whose own mark reads `mark` (maybe empty). */
  note(label: string, mark: string): string
  /**
   * Where a note's mark (its first run of non-space characters) may end:
   * `content` stops at the note's first block (a Word note's number), `note`
   * at the note's end, with at least one character (an HTML note element).
   */
  readonly markBound: 'content' | 'note'
}

/**
 * One reference candidate per call and one note candidate per definition,
 * style `caret` and syntax `gfm`, with offsets into `document.source`
 * (UTF-16 code units). Linear in the number of blocks and definitions.
 */
export function* structuralCandidates(document: DocumentView, naming: StructuralNaming): Iterable<Candidate> {
  const {source} = document
  for (const [block, {calls}] of document.blocks.entries()) {
    for (const call of calls) {
      yield {role: 'reference', marker: naming.reference(call.label, source.slice(call.start, call.end)), label: call.label, style: 'caret', syntax: 'gfm', start: call.start, end: call.end, block}
    }
  }
  // The first block of each note, by the note's start: one pass, not a search per note.
  const firstBlock = new Map<number, {readonly start: number}>()
  for (const block of document.blocks) if (block.inDefinition !== undefined && !firstBlock.has(block.inDefinition)) firstBlock.set(block.inDefinition, block)
  for (const definition of document.definitions) {
    const {start, end} = definition
    const first = firstBlock.get(start)
    const contentStart = first ? first.start : end
    const bound = naming.markBound === 'content' ? contentStart : end
    let markEnd = start
    while (markEnd < bound && !/\s/.test(source.charAt(markEnd))) markEnd++
    yield {
      role: 'note',
      marker: naming.note(definition.label, source.slice(start, markEnd)),
      label: definition.label,
      style: 'caret',
      syntax: 'gfm',
      start,
      end: naming.markBound === 'note' ? Math.max(markEnd, start + 1) : markEnd,
      noteEnd: end,
      content: source.slice(contentStart, end).trim(),
      contentStart,
      ...(definition.shown === undefined ? {} : {shown: definition.shown}),
      ...(definition.series === undefined ? {} : {series: definition.series})
    }
  }
}
