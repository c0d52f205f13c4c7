/**
 * The WordprocessingML layer of the DOCX reader (ECMA-376 Part 1, 17.3 and
 * 17.11): the parts' XML, read with the streaming parser sax (strict mode), into
 * paragraphs of visible text, the structural note references in them and
 * the notes. Pure: no I/O.
 *
 * What is visible: `w:t` text, `w:tab` (a tab), `w:br`/`w:cr` (a space: one
 * line per paragraph), `w:noBreakHyphen` (`-`), field results (field codes in
 * `w:instrText` are not text). Text inside `w:del` (a tracked deletion) is
 * gone, `w:ins` is there; comments (another part) are read only for
 * citelint's suppression directives (see `DocxDirective`);
 * `mc:Fallback` repeats `mc:Choice` and is skipped. A paragraph inside a
 * text box is emitted when it ends, so it comes before the paragraph
 * holding the text box.
 *
 * Word numbers note references itself (ECMA-376 17.11.14): each series
 * (footnotes, endnotes) counts its auto-numbered references in document
 * order; a reference with `w:customMarkFollows` takes no number (its mark is
 * the text that follows). Footnotes show arabic numbers and endnotes lower
 * roman ones, Word's defaults (`w:numFmt` in the settings is not read).
 *
 * A cross-reference to a note ("see note 5") is a NOTEREF field (ECMA-376
 * 17.16.5.41), simple (`w:fldSimple w:instr="NOTEREF _Ref123 \h"`) or
 * complex (`w:fldChar` begin, `w:instrText`, separate, result, end): its
 * result is the number Word cached when the field was last updated, and its
 * bookmark (`w:bookmarkStart w:name="_Ref123"`) wraps the note's reference
 * mark in the body. The reader records the result shown, where it is, and
 * the number Word gives that note now.
 */
import sax from 'sax'
import {DocxError} from './docx-zip.js'
import type {DocxParts} from './docx-zip.js'

/** A note reference or a typed superscript number, in a paragraph's visible text. */
export interface DocxMark {
  /** Paragraph number, 0-based, in the virtual text. */
  line: number
  /** UTF-16 offset in the paragraph's visible text. */
  column: number
  /** Length of the mark shown (0 for a custom mark, which is the text after it). */
  length: number
  /** `footnote:<w:id>`, `endnote:<w:id>`, or `superscript:<digits>` for a number typed in superscript. */
  label: string
}

/** A NOTEREF field's result in a paragraph's visible text, and the note its bookmark points to. */
export interface DocxCrossReference {
  /** Paragraph number, 0-based, in the virtual text. */
  line: number
  /** UTF-16 offset of the field's result in the paragraph's visible text, and its length. */
  column: number
  length: number
  /** The result as cached in the document (what a reader of the page sees). */
  shown: string
  /** The note (`footnote:<w:id>` or `endnote:<w:id>`) whose reference mark the bookmark wraps, if any. */
  target?: string
  /** Word's number for that note now (empty for a custom mark or an unknown target). */
  expected: string
}

/**
 * A suppression directive written as a Word comment (`word/comments.xml`,
 * ECMA-376 17.13.4) whose text starts with `citelint-disable` or
 * `citelint-disable-next-line`, then rule ids (none: all rules), anchored on
 * paragraphs `first` to `last` (0-based lines of the virtual text; the
 * comment's range, or the paragraph of its reference mark).
 */
export interface DocxDirective {
  verb: 'disable' | 'disable-next-line'
  /** Rule ids named, as written (separated by spaces or commas). */
  rules: string
  first: number
  last: number
}

/** A directive's text: the verb, then the rule ids. */
const directiveText = /^\s*citelint-(disable-next-line|disable)(?![\w-])([^]*)$/

/** A note: an entry of `word/footnotes.xml` or `word/endnotes.xml` that is not a separator. */
export interface DocxNote {
  /** `footnote:<w:id>` or `endnote:<w:id>`. */
  label: string
  /** First paragraph, 0-based, and the number of paragraphs. */
  line: number
  lines: number
  /** The note's own mark (`w:footnoteRef`) in its first paragraph: offset and length (0 when it has none). */
  markColumn: number
  markLength: number
  /**
   * The number a reader sees for the note, where the format shows one apart
   * from its label: an HTML note's number in its `<ol>` or written at its
   * start (`src/readers/html.ts`). Absent for Word notes (their label is their number).
   */
  shown?: string
  /** The series `shown` counts in (an HTML page's `<ol>`, or a run of notes that number themselves from 1). */
  series?: string
}

/** A Word document as citelint reads it. */
export interface DocxDocument {
  /** Visible text of each paragraph: the body's, then the footnotes', then the endnotes'. */
  paragraphs: string[]
  /** Paragraphs of the body (the first `body` of `paragraphs`). */
  body: number
  marks: DocxMark[]
  notes: DocxNote[]
  /** NOTEREF fields of the body, in document order. */
  crossReferences: DocxCrossReference[]
  /** Suppression directives written as comments, in the order of `word/comments.xml`. */
  directives: DocxDirective[]
}

const romans: ReadonlyArray<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']
]

/** `value` as a lower-case roman numeral. */
function lowerRoman(value: number): string {
  let out = ''
  for (const [n, s] of romans) while (value >= n) (out += s), (value -= n)
  return out
}

const on = (value: string | undefined): boolean => value !== undefined && value !== '0' && value !== 'false' && value !== 'off'

interface Open {
  text: string
  marks: Array<Omit<DocxMark, 'line'>>
  crossReferences: Array<{column: number; length: number; shown: string; bookmark: string}>
  /** Comment anchors in it: range starts and ends, and reference marks, by comment `w:id`. */
  comments?: Array<{id: string; kind: 'start' | 'end' | 'reference'}>
  /** Set when this paragraph holds a note's own mark. */
  noteMark?: {column: number; length: number}
}

/** An open field: its instruction so far, and where its result starts (after `separate`). */
interface Field {
  instr: string
  result?: {paragraph: Open; start: number}
}

/** The bookmark a NOTEREF instruction names (`NOTEREF _Ref123 \h`), or nothing for another field. */
function noteRefBookmark(instr: string): string | undefined {
  const match = /^\s*NOTEREF\s+"?([^\s"\\]+)/i.exec(instr)
  return match ? match[1]!.toLowerCase() : undefined
}

interface Run {
  superscript: boolean
  structural: boolean
  start: number
}

/**
 * Read one part's XML, calling back per paragraph. `numberOf` gives a
 * structural reference's shown mark; `noteStart`/`noteEnd` bracket a note of
 * a notes part (`series` set), whose `w:footnoteRef`/`w:endnoteRef` shows `noteMark(label)`.
 *
 * @throws DocxError for malformed XML.
 */
function readPart(
  xml: string,
  part: string,
  emit: (paragraph: Open) => void,
  reference: (label: string, custom: boolean, deleted: boolean) => string,
  notes?: {series: 'footnote' | 'endnote'; start: (label: string) => boolean; end: () => void; mark: () => string},
  bookmarked?: (name: string, label: string) => void,
  commentEnd?: (id: string) => void
): void {
  const parser = sax.parser(true, {position: false})
  const stack: Open[] = []
  let run: Run | undefined
  let deleted = 0
  let skipped = 0
  let inText = false
  let noteOpen = false
  let inInstr = false
  const fields: Field[] = []
  /** Comment ranges started between paragraphs: they start at the next one. */
  let pendingStarts: string[] = []
  const anchor = (id: string, kind: 'start' | 'end' | 'reference'): void => {
    const top = stack.at(-1)
    if (top) (top.comments ??= []).push({id, kind})
    else if (kind === 'start') pendingStarts.push(id)
    else commentEnd?.(id)
  }
  /** Bookmarks open in the body and holding no note reference yet, by `w:id`: their lower-cased names. */
  const bookmarks = new Map<string, string>()
  const endField = (field: Field | undefined): void => {
    const bookmark = field ? noteRefBookmark(field.instr) : undefined
    if (!field?.result || bookmark === undefined || stack.at(-1) !== field.result.paragraph) return
    const {paragraph, start} = field.result
    const shown = paragraph.text.slice(start)
    if (shown.trim()) paragraph.crossReferences.push({column: start, length: shown.length, shown, bookmark})
  }
  const add = (text: string): void => {
    const top = stack.at(-1)
    if (top && deleted === 0 && skipped === 0) top.text += text.replace(/[\r\n\u2028\u2029]/g, ' ')
  }
  parser.onopentag = (tag) => {
    const name = tag.name
    const attr = tag.attributes as Record<string, string>
    if (skipped > 0) {
      skipped++
      return
    }
    switch (name) {
      case 'mc:Fallback':
        skipped = 1
        return
      case 'w:footnote':
      case 'w:endnote':
        if (notes) {
          if (attr['w:type'] !== undefined && attr['w:type'] !== 'normal') skipped = 1
          else if (!notes.start(`${notes.series}:${attr['w:id'] ?? ''}`)) skipped = 1
          else noteOpen = true
        }
        return
      case 'w:del':
      case 'w:moveFrom':
        deleted++
        return
      case 'w:p':
        stack.push({text: '', marks: [], crossReferences: [], ...(pendingStarts.length > 0 ? {comments: pendingStarts.map((id) => ({id, kind: 'start' as const}))} : {})})
        pendingStarts = []
        return
      case 'w:commentRangeStart':
        anchor(attr['w:id'] ?? '', 'start')
        return
      case 'w:commentRangeEnd':
        anchor(attr['w:id'] ?? '', 'end')
        return
      case 'w:commentReference':
        anchor(attr['w:id'] ?? '', 'reference')
        return
      case 'w:bookmarkStart':
        if (bookmarked && attr['w:name'] !== undefined && deleted === 0) bookmarks.set(attr['w:id'] ?? '', attr['w:name'].toLowerCase())
        return
      case 'w:bookmarkEnd':
        bookmarks.delete(attr['w:id'] ?? '')
        return
      case 'w:fldSimple': {
        const top = stack.at(-1)
        fields.push({instr: attr['w:instr'] ?? '', ...(top && deleted === 0 ? {result: {paragraph: top, start: top.text.length}} : {})})
        return
      }
      case 'w:fldChar': {
        const kind = attr['w:fldCharType']
        const top = stack.at(-1)
        if (kind === 'begin') fields.push({instr: ''})
        else if (kind === 'separate' && fields.length > 0 && top && deleted === 0) fields.at(-1)!.result = {paragraph: top, start: top.text.length}
        else if (kind === 'end') endField(fields.pop())
        return
      }
      case 'w:instrText':
        inInstr = true
        return
      case 'w:r':
        run = {superscript: false, structural: false, start: stack.at(-1)?.text.length ?? 0}
        return
      case 'w:vertAlign':
        if (run && attr['w:val'] === 'superscript') run.superscript = true
        return
      case 'w:t':
        inText = true
        return
      case 'w:tab':
        add('\t')
        return
      case 'w:br':
      case 'w:cr':
        add(' ')
        return
      case 'w:noBreakHyphen':
        add('-')
        return
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        if (run) run.structural = true
        const series = name === 'w:footnoteReference' ? 'footnote' : 'endnote'
        const label = `${series}:${attr['w:id'] ?? ''}`
        const custom = on(attr['w:customMarkFollows'])
        const shown = reference(label, custom, deleted > 0)
        if (bookmarked && deleted === 0 && bookmarks.size > 0) {
          // This is the first reference inside every bookmark open here: each binds once (linear).
          for (const name of bookmarks.values()) bookmarked(name, label)
          bookmarks.clear()
        }
        const top = stack.at(-1)
        if (top && deleted === 0) {
          top.marks.push({column: top.text.length, length: shown.length, label})
          top.text += shown
        }
        return
      }
      case 'w:footnoteRef':
      case 'w:endnoteRef': {
        if (run) run.structural = true
        const top = stack.at(-1)
        if (top && notes && noteOpen && deleted === 0 && !top.noteMark) {
          const shown = notes.mark()
          top.noteMark = {column: top.text.length, length: shown.length}
          top.text += shown
        }
        return
      }
      default:
    }
  }
  parser.ontext = (text) => {
    if (inText) add(text)
    else if (inInstr && skipped === 0 && fields.length > 0) fields.at(-1)!.instr += text
  }
  parser.onclosetag = (name) => {
    if (skipped > 0) {
      skipped--
      return
    }
    switch (name) {
      case 'w:t':
        inText = false
        return
      case 'w:instrText':
        inInstr = false
        return
      case 'w:fldSimple':
        endField(fields.pop())
        return
      case 'w:del':
      case 'w:moveFrom':
        deleted--
        return
      case 'w:r': {
        const top = stack.at(-1)
        // A field's result (a NOTEREF's `\f` number is superscript) is no typed note number.
        if (run && top && run.superscript && !run.structural && deleted === 0 && fields.length === 0) {
          const typed = top.text.slice(run.start)
          const before = top.text.charAt(run.start - 1)
          if (/^[1-9]\d{0,2}$/.test(typed) && /[.,;:!?)\]"'\u2019\u201d]/.test(before)) {
            top.marks.push({column: run.start, length: typed.length, label: `superscript:${typed}`})
          }
        }
        run = undefined
        return
      }
      case 'w:p': {
        const top = stack.pop()
        if (top) emit(top)
        return
      }
      case 'w:footnote':
      case 'w:endnote':
        if (notes && noteOpen) {
          noteOpen = false
          notes.end()
        }
        return
      default:
    }
  }
  parser.onerror = (error) => {
    throw error
  }
  try {
    parser.write(xml).close()
  } catch (error) {
    throw new DocxError(`malformed XML in ${part}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}, skipped`)
  }
}

/**
 * The document in `parts`: paragraphs in the line scheme (body, then
 * footnotes, then endnotes), structural references with Word's numbers, and
 * the notes. A note all of whose references are tracked deletions is left
 * out (Word deletes it with its reference); a note no reference uses is kept.
 * The body's NOTEREF fields, with the number Word now gives the note each
 * one points to.
 *
 * @throws DocxError for malformed XML.
 */
export function readDocxDocument(parts: DocxParts): DocxDocument {
  const paragraphs: string[] = []
  const marks: DocxMark[] = []
  const notes: DocxNote[] = []
  const counters = {footnote: 0, endnote: 0}
  const numbers = new Map<string, string>()
  const live = new Set<string>()
  const dead = new Set<string>()
  const pending: Array<DocxCrossReference & {bookmark: string}> = []
  const anchors = new Map<string, {first?: number; last?: number; reference?: number}>()
  const anchorOf = (id: string): {first?: number; last?: number; reference?: number} => {
    let found = anchors.get(id)
    if (!found) anchors.set(id, (found = {}))
    return found
  }
  const commentEnd = (id: string): void => {
    if (paragraphs.length > 0) anchorOf(id).last ??= paragraphs.length - 1
  }
  const targets = new Map<string, string>()
  const emit = (paragraph: Open): void => {
    for (const mark of paragraph.marks) marks.push({...mark, line: paragraphs.length})
    for (const field of paragraph.crossReferences) pending.push({...field, line: paragraphs.length, expected: ''})
    for (const {id, kind} of paragraph.comments ?? []) {
      const found = anchorOf(id)
      if (kind === 'start') found.first ??= paragraphs.length
      else if (kind === 'end') found.last ??= paragraphs.length
      else found.reference ??= paragraphs.length
    }
    const current = notes.at(-1)
    if (current && current.lines === -1 && paragraph.noteMark) {
      current.markColumn = paragraph.noteMark.column
      current.markLength = paragraph.noteMark.length
    }
    paragraphs.push(paragraph.text)
  }
  const bodyReference = (label: string, custom: boolean, deleted: boolean): string => {
    if (deleted) {
      dead.add(label)
      return ''
    }
    live.add(label)
    if (custom) return ''
    const series = label.startsWith('footnote') ? 'footnote' : 'endnote'
    const number = ++counters[series]
    const shown = series === 'footnote' ? String(number) : lowerRoman(number)
    if (!numbers.has(label)) numbers.set(label, shown)
    return shown
  }
  const bookmarked = (name: string, label: string): void => {
    if (!targets.has(name)) targets.set(name, label)
  }
  readPart(parts['word/document.xml'] ?? '', 'word/document.xml', emit, bodyReference, undefined, bookmarked, commentEnd)
  const body = paragraphs.length
  // Fields in notes are read as text only: cross-references are the body's.
  const crossReferences = pending
    .filter((field) => field.line < body)
    .map(({bookmark, ...field}): DocxCrossReference => {
      const target = targets.get(bookmark)
      return target === undefined ? field : {...field, target, expected: numbers.get(target) ?? ''}
    })
  for (const series of ['footnote', 'endnote'] as const) {
    const part = series === 'footnote' ? 'word/footnotes.xml' : 'word/endnotes.xml'
    const xml = parts[part]
    if (xml === undefined) continue
    let label = ''
    readPart(xml, part, emit, (inner, custom, deleted) => bodyReference(inner, custom, deleted), {
      series,
      start: (found) => {
        label = found
        if (dead.has(found) && !live.has(found)) return false
        notes.push({label: found, line: paragraphs.length, lines: -1, markColumn: 0, markLength: 0})
        return true
      },
      end: () => {
        const note = notes.at(-1)!
        note.lines = paragraphs.length - note.line
      },
      mark: () => numbers.get(label) ?? ''
    }, undefined, commentEnd)
  }
  const directives: DocxDirective[] = []
  const comments = parts['word/comments.xml']
  if (comments !== undefined) {
    for (const [id, text] of readComments(comments)) {
      const match = directiveText.exec(text)
      const found = anchors.get(id)
      if (!match || !found) continue
      const first = found.first ?? found.reference ?? found.last
      const last = found.last ?? found.reference ?? first
      if (first === undefined || last === undefined) continue
      directives.push({verb: match[1] as DocxDirective['verb'], rules: match[2]!.replace(/--+>?|</g, ' ').trim(), first: Math.min(first, last), last: Math.max(first, last)})
    }
  }
  return {paragraphs, body, marks, notes: notes.filter((n) => n.lines > 0), crossReferences, directives}
}

/**
 * The text of each comment of `word/comments.xml` (its `w:t` runs, its
 * paragraphs joined by a space), by `w:id`, in document order.
 *
 * @throws DocxError for malformed XML.
 */
function readComments(xml: string): Array<[string, string]> {
  const parser = sax.parser(true, {position: false})
  const found: Array<[string, string]> = []
  let current: [string, string] | undefined
  let inText = false
  parser.onopentag = (tag) => {
    const attr = tag.attributes as Record<string, string>
    if (tag.name === 'w:comment') found.push((current = [attr['w:id'] ?? '', '']))
    else if (tag.name === 'w:t') inText = true
    else if (tag.name === 'w:p' && current && current[1]) current[1] += ' '
  }
  parser.ontext = (text) => {
    if (inText && current) current[1] += text
  }
  parser.onclosetag = (name) => {
    if (name === 'w:t') inText = false
    else if (name === 'w:comment') current = undefined
  }
  parser.onerror = (error) => {
    throw error
  }
  try {
    parser.write(xml).close()
  } catch (error) {
    throw new DocxError(`malformed XML in word/comments.xml: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}, skipped`)
  }
  return found
}
