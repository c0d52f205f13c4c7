/**
 * # broken-marker
 *
 * Checks for markers that fit no note and break the document's numbering
 * style: a roman `[v]` or a letter `[b]` among notes numbered 1 to 5, a
 * malformed number such as `[1a]` or `[ 3]`, an arabic `[3]` among notes
 * numbered i to v, a GFM call with a space in its label (`[^ 2]`).
 *
 * Why: such a marker is almost always a typo or a conversion accident (a
 * list style leaking into the text, a link stripped from a web page); the
 * reader cannot find its source. The message names the notes' style and,
 * where one can be inferred (the numeral's value, or the number after the
 * previous reference), the label that was probably meant.
 *
 * Each such marker is reported once, here, never also as
 * `undefined-reference`. In a document with no numbered notes, a roman,
 * letter or malformed marker is still reported (`none`): there is nothing it
 * could point to.
 *
 * In a Word document, a cross-reference to a note ("see note 5", a NOTEREF
 * field) shows the number Word cached when the field was last updated; once
 * notes are added or moved, it can name another note than the one its
 * bookmark points to. A cross-reference whose number is not the note's
 * number now is reported too (`crossReference`); one whose bookmark points
 * to no note is left alone (Word itself shows an error there on update).
 *
 * In Markdown, a GFM footnote definition written with the caret after its
 * label (`[1^]: Capers Jones, 1996.`, or `[1^] ...` with the colon lost
 * too) is a paragraph to GFM: the note is invisible and its calls `[^1]`
 * lead nowhere. When the document has such a call, the definition is
 * reported here, once (`definition`), and not its calls as
 * `undefined-reference` nor the note as `unused-note`; the fix rewrites its
 * label (`[^1]: `), after which the calls resolve.
 *
 * On an HTML page, a reference link shows a number and links to a note by
 * its id; the reader sees the note under another number: its place in its
 * `<ol>` (`start` and `value` honoured) or the number written at its start,
 * never a number in its id (GFM renderers renumber, so `#fn-4` may be shown
 * as note 2). A reference whose shown number is not its note's is reported
 * (`linked`): a renumbered list, a note moved or deleted by hand. A
 * reference that shows no number or label (`↩`, an icon) is not checked,
 * nor a number against a letter (a stylesheet may draw a list in letters).
 *
 * Fails (notes numbered 1 to 5):
 *
 *     he can hurt himself and others."[v] Rafsanjani posted
 *
 * Passes:
 *
 *     he can hurt himself and others."[5] Rafsanjani posted
 *
 * Fails (a call `[^1]` in the text):
 *
 *     [1^]: Capers Jones, Applied Software Measurement, 1996.
 *
 * Passes:
 *
 *     [^1]: Capers Jones, Applied Software Measurement, 1996.
 *
 * Options: none. Fixable: safe, for a malformed GFM definition only (its
 * label is written, only the caret is misplaced); other broken markers get
 * no fix (the intended label is a guess).
 */
import type {Rule} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'
import {fitsNumbering, markerFor, shownDiffers, shownLabel} from '../src/citation-index/numbering.js'
import type {Reference} from '../src/citation-index/types.js'

const rule: Rule = {
  meta: {
    id: 'broken-marker',
    description: 'A marker must be written in the notes’ numbering style',
    severity: 'error',
    fix: 'safe',
    messages: {
      number: 'Broken marker `{marker}`: the notes are numbered {from} to {to}, expected a number such as `{expected}`',
      gap: 'Broken marker `{marker}`: the notes are numbered {from} to {to} and have no note {number}, expected `{expected}` and its note',
      numberRange: 'Broken marker `{marker}`: the notes are numbered {from} to {to}, expected a number in that range',
      letter: 'Broken marker `{marker}`: the notes are lettered {from} to {to}, expected a letter in that range',
      caret: 'Broken marker `{marker}`: a GFM footnote label has no spaces, expected `{expected}`',
      definition: 'Broken marker `{marker}`: a GFM footnote definition is written `[^label]:`, expected `{expected}`',
      none: 'Broken marker `{marker}`: the document has no numbered notes, expected a note `{marker}` or no marker',
      linked: 'Broken marker `{marker}`: it links to {note}, shown as note {shown}, expected `{expected}`',
      crossReference: 'Broken cross-reference `{marker}`: the NOTEREF field points to {note}, expected `{expected}` (update the field)'
    },
    defaults: {}
  },
  check(context) {
    const {index} = context
    for (const cross of index.crossReferences) {
      const note = cross.note === undefined ? undefined : index.notes[cross.note]
      if (!note || cross.expected === '' || cross.shown.trim() === cross.expected) continue
      context.report({messageId: 'crossReference', data: {marker: cross.shown.trim(), note: note.marker, expected: cross.expected}, span: cross.span})
    }
    for (const note of index.notes) {
      if (note.meant === undefined) continue
      // From the marker to the content: only blanks and the colon, if any (see conventions/gfm-footnotes.ts).
      const expected = `[^${note.meant}]:`
      const text = note.content === '' ? expected : `${expected} `
      const edit = {start: note.markerSpan.start.offset, end: note.contentSpan.start.offset, text}
      context.report({messageId: 'definition', data: {marker: note.marker, expected}, span: note.markerSpan, fix: {edits: [edit]}})
    }
    const numbers = new Set(
      index.notes
        .filter((note) => (note.syntax === 'bracket' || note.syntax === 'numeral') && note.style === index.numberingStyle && note.number !== undefined)
        .map((note) => note.number!)
    )
    let previous: number | undefined
    let letters: string[] | undefined
    for (const reference of index.references) {
      const linked = reference.note === undefined ? undefined : index.notes[reference.note]
      if (linked?.shown !== undefined) {
        const label = shownLabel(reference.marker)
        if (label !== undefined && shownDiffers(label, linked.shown)) {
          const at = reference.marker.lastIndexOf(label)
          const expected = reference.marker.slice(0, at) + linked.shown + reference.marker.slice(at + label.length)
          context.report({messageId: 'linked', data: {marker: reference.marker, note: noteName(linked, index), shown: linked.shown, expected}, span: reference.span})
        }
      }
      if (reference.note !== undefined) {
        if (reference.inNote === undefined && reference.number !== undefined) previous = reference.number
        continue
      }
      if (fitsNumbering(reference, index)) continue
      const marker = reference.marker
      if (index.numberingStyle === 'none') {
        context.report({messageId: 'none', data: {marker}, span: reference.span})
        continue
      }
      if (reference.syntax === 'gfm') {
        const expected = `[^${reference.label.replace(/\s+/g, '')}]`
        context.report({messageId: 'caret', data: {marker, expected}, span: reference.span})
        continue
      }
      if (index.numberingStyle === 'letter' || index.numberingStyle === 'caret') {
        // Sorted once per file, not per broken marker.
        letters ??= index.notes.filter((n) => n.style === 'letter').map((n) => n.label).sort()
        const from = letters[0] ?? ''
        const to = letters.at(-1) ?? ''
        context.report({messageId: 'letter', data: {marker, from, to}, span: reference.span})
        continue
      }
      const range = index.numberRange
      const from = range ? markerFor(range.min, index).slice(1, -1) : ''
      const to = range ? markerFor(range.max, index).slice(1, -1) : ''
      const own = reference.number
      if (range && own !== undefined && !numbers.has(own) && own > range.min && own < range.max) {
        const data = {marker, from, to, number: String(own), expected: markerFor(own, index)}
        context.report({messageId: 'gap', data, span: reference.span})
        continue
      }
      const expected = likelyNumber(reference, numbers, previous)
      if (expected === undefined) context.report({messageId: 'numberRange', data: {marker, from, to}, span: reference.span})
      else context.report({messageId: 'number', data: {marker, from, to, expected: markerFor(expected, index)}, span: reference.span})
    }
  }
}

/**
 * The number the writer probably meant: the marker's own value (`v` is 5,
 * `[ 3]` is 3) when a note has it, else the number after the
 * previous resolved reference when a note has that.
 */
function likelyNumber(reference: Reference, numbers: ReadonlySet<number>, previous: number | undefined): number | undefined {
  const own = reference.number
  if (own !== undefined && numbers.has(own)) return own
  if (previous !== undefined && numbers.has(previous + 1)) return previous + 1
  return undefined
}

export default rule
