/**
 * The DOCX reader (`.docx`, `.docm`). A DOCX has no lines, so citelint lints
 * a *virtual text* in which line N is paragraph N (1-based, document order:
 * the body's paragraphs, table cells included; then the footnotes'
 * paragraphs; then the endnotes') and column C is the UTF-16 offset in that
 * paragraph's visible text plus 1. A structural note reference shows Word's
 * number for it (`3`, or `iii` for an endnote); a note's first paragraph
 * starts with its own mark. Every stage after the reader (walk, conventions,
 * resolver, rules, reporters, summary) works on that text unchanged.
 *
 * What the text cannot say (which marks are structural references, where
 * each note begins) follows the last paragraph as one line starting with a
 * NUL character (which XML 1.0 cannot hold, so no paragraph can): a JSON
 * `DocxLayout`. It is no node of the tree, so no convention or rule sees it.
 *
 * `docxToText` (bytes to virtual text) is pure; reading the bytes is
 * `src/run/files.ts`'s.
 */
import type {FootnoteDefinition, FootnoteReference, Html, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import type {Point} from 'unist'
import {readDocxParts} from './docx-zip.js'
import type {DocxCrossReference, DocxDirective, DocxMark, DocxNote} from './docx-xml.js'
import {readDocxDocument} from './docx-xml.js'
import {docxExtensions} from './format.js'
import type {Reader} from './reader.js'

export {DocxError, maxEntries, maxInflatedBytes} from './docx-zip.js'

declare module 'mdast' {
  interface FootnoteDefinitionData {
    /** The number a reader sees for the note, when the format shows one apart from its label (see `DocxNote.shown`). */
    shown?: string
    /** The series `shown` counts in (see `DocxNote.series`). */
    series?: string
  }
}

/** The structure of a virtual text (see the module comment); lines are 0-based. */
export interface DocxLayout {
  readonly body: number
  readonly marks: readonly DocxMark[]
  readonly notes: readonly DocxNote[]
  /** NOTEREF fields of the body (absent in a layout written before they were read). */
  readonly crossReferences?: readonly DocxCrossReference[]
  /** Suppression directives written as Word comments (absent: none). */
  readonly directives?: readonly DocxDirective[]
}

/**
 * A NOTEREF field's result as a node of the tree (not mdast: the walk and
 * the conventions skip it, so its number is never read as a marker):
 * `value` is the result shown, `data` the note its bookmark points to
 * (`footnote:<w:id>`) and Word's number for that note now.
 */
export interface CrossReferenceNode {
  readonly type: 'crossReference'
  readonly value: string
  readonly data: {readonly target?: string; readonly expected: string}
  readonly position: {readonly start: Point; readonly end: Point}
}

/** The line that starts the layout: a line feed and a NUL character. */
export const layoutSeparator = '\n\u0000'

/**
 * The virtual text of the DOCX in `bytes`: its paragraphs one per line,
 * then the layout line.
 *
 * @throws DocxError (one line, for a report) for bytes that are not a
 *   readable DOCX: see `readDocxParts` and `readDocxDocument`.
 */
export function docxToText(bytes: Uint8Array): string {
  const document = readDocxDocument(readDocxParts(bytes))
  const layout: DocxLayout = {
    body: document.body,
    marks: document.marks,
    notes: document.notes,
    crossReferences: document.crossReferences,
    ...(document.directives.length > 0 ? {directives: document.directives} : {})
  }
  return document.paragraphs.join('\n') + layoutSeparator + JSON.stringify(layout)
}

/** The paragraphs' text and layout of a virtual text (a text without a layout line has no structure). */
export function splitVirtualText(text: string): {visible: string; layout: DocxLayout} {
  const at = text.lastIndexOf(layoutSeparator)
  const empty: DocxLayout = {body: Number.POSITIVE_INFINITY, marks: [], notes: []}
  if (at < 0) return {visible: text, layout: empty}
  try {
    const layout = JSON.parse(text.slice(at + layoutSeparator.length)) as DocxLayout
    return {visible: text.slice(0, at), layout}
  } catch {
    return {visible: text.slice(0, at), layout: empty}
  }
}

/**
 * Parse a virtual text into mdast: a paragraph per non-empty line, holding
 * text and `footnoteReference` nodes (a structural reference, identifier
 * `footnote:<w:id>` or `endnote:<w:id>`; a typed superscript number,
 * `superscript:<digits>`) and `crossReference` nodes (a NOTEREF field's
 * result, see {@link CrossReferenceNode}), and per note a `footnoteDefinition` (identifier as
 * its references') from its own mark to the end of its last paragraph,
 * holding its paragraphs (the first one after the mark). Never throws.
 */
export function parseDocxText(text: string): Root {
  const {visible, layout} = splitVirtualText(text)
  const starts: number[] = [0]
  for (let i = visible.indexOf('\n'); i >= 0; i = visible.indexOf('\n', i + 1)) starts.push(i + 1)
  const lineEnd = (line: number): number => (line + 1 < starts.length ? starts[line + 1]! - 1 : visible.length)
  const at = (line: number, column: number): Point => ({line: line + 1, column: column + 1, offset: starts[line]! + column})
  const marksOf = new Map<number, Array<DocxMark | DocxCrossReference>>()
  for (const mark of [...layout.marks, ...(layout.crossReferences ?? [])]) {
    if (mark.line < 0 || mark.line >= starts.length) continue
    const list = marksOf.get(mark.line) ?? []
    list.push(mark)
    marksOf.set(mark.line, list)
  }

  /** A paragraph of line `line` from column `from`, or nothing when it holds no text. */
  const paragraph = (line: number, from: number): Paragraph | undefined => {
    const length = lineEnd(line) - starts[line]!
    const source = visible.slice(starts[line]! + from, lineEnd(line))
    const lead = source.length - source.trimStart().length
    const trail = source.length - source.trimEnd().length
    const start = from + lead
    const end = length - trail
    const marks = (marksOf.get(line) ?? []).filter((m) => m.column >= start && m.column + m.length <= end)
    if (start >= end && marks.length === 0) return undefined
    const children: PhrasingContent[] = []
    let cursor = start
    const textTo = (to: number): void => {
      if (to > cursor) {
        const node: Text = {type: 'text', value: visible.slice(starts[line]! + cursor, starts[line]! + to), position: {start: at(line, cursor), end: at(line, to)}}
        children.push(node)
      }
    }
    for (const mark of marks.sort((a, b) => a.column - b.column)) {
      if (mark.column < cursor) continue
      textTo(mark.column)
      const position = {start: at(line, mark.column), end: at(line, mark.column + mark.length)}
      if ('label' in mark) {
        const node: FootnoteReference = {type: 'footnoteReference', identifier: mark.label, label: mark.label, position}
        children.push(node)
      } else {
        const node: CrossReferenceNode = {type: 'crossReference', value: mark.shown, data: {...(mark.target === undefined ? {} : {target: mark.target}), expected: mark.expected}, position}
        children.push(node as unknown as PhrasingContent)
      }
      cursor = mark.column + mark.length
    }
    textTo(end)
    return {type: 'paragraph', children, position: {start: at(line, start), end: at(line, Math.max(start, end))}}
  }

  const children: RootContent[] = []
  const noteAt = new Map<number, DocxNote>()
  for (const note of layout.notes) if (note.line >= 0 && note.line + note.lines <= starts.length && note.lines > 0) noteAt.set(note.line, note)
  for (let line = 0; line < starts.length; line++) {
    const note = noteAt.get(line)
    if (!note) {
      const node = paragraph(line, 0)
      if (node) children.push(node)
      continue
    }
    const inner: Paragraph[] = []
    const first = paragraph(line, note.markColumn + note.markLength)
    if (first) inner.push(first)
    for (let next = line + 1; next < line + note.lines; next++) {
      const node = paragraph(next, 0)
      if (node) inner.push(node)
    }
    const last = line + note.lines - 1
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: note.label,
      label: note.label,
      children: inner,
      position: {start: at(line, note.markColumn), end: at(last, lineEnd(last) - starts[last]!)},
      ...(note.shown === undefined ? {} : {data: {shown: note.shown, ...(note.series === undefined ? {} : {series: note.series})}})
    }
    children.push(definition)
    line = last
  }
  // Directives as the suppression step reads them (`<!-- citelint-... -->`
  // html nodes, empty, at their paragraphs): `disable` from the first
  // paragraph's start to the last one's end, `disable-next-line` at the last.
  for (const directive of layout.directives ?? []) {
    const {first, last} = directive
    if (first < 0 || last < first || last >= starts.length) continue
    const rules = directive.rules ? ` ${directive.rules}` : ''
    const marker = (value: string, line: number, column: number): Html => ({type: 'html', value, position: {start: at(line, column), end: at(line, column)}})
    if (directive.verb === 'disable-next-line') children.push(marker(`<!-- citelint-disable-next-line${rules} -->`, last, 0))
    else {
      children.push(marker(`<!-- citelint-disable${rules} -->`, first, 0))
      children.push({...marker(`<!-- citelint-enable${rules} -->`, last, lineEnd(last) - starts[last]!), data: {closing: true}} as Html)
    }
  }
  const lastLine = starts.length - 1
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: at(lastLine, lineEnd(lastLine) - starts[lastLine]!)}}
}

/** Characters of a paragraph shown to find it (see {@link locateParagraph}). */
export const snippetLength = 60

/**
 * A paragraph's first words, for a person to find it in Word: its text with
 * runs of white space as one space, cut at a word boundary before
 * `snippetLength` characters and ended with `…` when cut (or when `more`
 * says `text` is itself cut from a longer paragraph).
 */
export function firstWords(text: string, more = false): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= snippetLength) return more && flat ? `${flat}…` : flat
  const cut = flat.lastIndexOf(' ', snippetLength)
  return `${flat.slice(0, cut > snippetLength / 2 ? cut : snippetLength).trimEnd()}…`
}

/**
 * The first words of each paragraph of a virtual text, by line (1-based, as
 * in messages); `undefined` for a line past the last paragraph or an empty
 * one. One pass over the text, then O(1) per line (the words of a line are
 * computed when first asked for).
 */
export function locateParagraph(text: string): (line: number) => string | undefined {
  const {visible} = splitVirtualText(text)
  const starts: number[] = [0]
  for (let i = visible.indexOf('\n'); i >= 0; i = visible.indexOf('\n', i + 1)) starts.push(i + 1)
  return (line) => {
    const start = starts[line - 1]
    if (start === undefined) return undefined
    const end = line < starts.length ? starts[line]! - 1 : visible.length
    // A long paragraph: only its opening is read.
    const read = Math.min(end, start + snippetLength * 4)
    return firstWords(visible.slice(start, read), read < end) || undefined
  }
}

/**
 * The DOCX reader: a virtual text (see the module comment) parsed by
 * {@link parseDocxText}. No fix is offered (the virtual text is not the
 * file), a note's findings are shown at its reference, a paragraph's first
 * words locate a line, and Word comments `citelint-disable [rules]` (on the
 * paragraphs they cover) and `citelint-disable-next-line [rules]` (on the
 * paragraph after) turn findings off.
 */
export const docxReader: Reader = Object.freeze({
  format: 'docx',
  extensions: docxExtensions,
  parse: parseDocxText,
  notProse: new Set<string>(),
  fixable: false,
  notesAtReferences: true,
  directives: true,
  locate: locateParagraph
})
