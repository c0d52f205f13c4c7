/**
 * # duplicate-note
 *
 * Checks that no two notes share an identifier (labels compared as GFM
 * compares them: case-insensitive, whitespace collapsed; `[2]` in a notes
 * list and `[^2]:` are different conventions and never clash). A later note
 * with the label of an earlier one is reported when no reference resolves to
 * it; the message's `cause` points at the first note with the label.
 *
 * Raw-HTML notes in Markdown are reached by an id: when several notes carry
 * one id (`<li id="fn">` for every note, a template that named every anchor
 * alike), links cannot tell them apart. Each reference is then resolved by
 * the number it shows, and the shared id is reported once, at the second
 * note that carries it, not once per note or per reference.
 *
 * Why: the later note is unreachable and its source silently lost (GFM
 * renders only the first definition); with a shared id every link lands on
 * the first note. Numbering that restarts per chapter or page, each note
 * with its own reference before it (Project Gutenberg's `[Footnote 1:
 * ...]`), is not a duplicate: each reference resolves to the nearest note
 * after it. Nor are bare note numbers of a run
 * that starts again (an appendix numbered from 1 after the chapter's notes
 * 1 to 3), cited or not: each run is its own series (`Note.run`).
 *
 * Fails:
 *
 *     [2] Fars (Iran), October 3, 2015.
 *     [2] Tasnim (Iran), October 4, 2015.
 *
 * Passes: the second note numbered `[3]`, and cited.
 *
 * Options: none. Fixable: no.
 */
import type {Rule} from '../src/engine/rule.js'
import {noteName} from '../src/citation-index/names.js'
import type {Note} from '../src/citation-index/types.js'

const rule: Rule = {
  meta: {
    id: 'duplicate-note',
    description: 'Two notes must not share a label',
    severity: 'error',
    fix: 'none',
    messages: {
      duplicate: 'Duplicate {note}: an earlier note has the same label, expected one note per label',
      first: 'First {note} is here',
      sharedAnchor:
        'Duplicate id on {note}: {count} notes carry it, so links cannot tell them apart (each reference was read by the number it shows), expected one id per note',
      firstWithAnchor: 'First note with the id `#{anchor}` is here'
    },
    defaults: {}
  },
  check(context) {
    const {notes} = context.index
    const byAnchor = new Map<string, Note[]>()
    for (const note of notes) {
      if (note.anchor !== undefined) {
        const list = byAnchor.get(note.anchor)
        if (list) list.push(note)
        else byAnchor.set(note.anchor, [note])
      }
      if (note.firstWithKey === note.index || note.references.length > 0) continue
      const first = notes[note.firstWithKey]
      if (!first) continue
      context.report({
        messageId: 'duplicate',
        data: {note: noteName(note, context.index)},
        span: note.markerSpan,
        related: {span: first.markerSpan, messageId: 'first', data: {note: noteName(first, context.index)}}
      })
    }
    for (const [anchor, sharing] of byAnchor) {
      const [first, second] = sharing
      if (!first || !second) continue
      context.report({
        messageId: 'sharedAnchor',
        data: {note: noteName(second, context.index), count: sharing.length},
        span: second.markerSpan,
        related: {span: first.markerSpan, messageId: 'firstWithAnchor', data: {anchor}}
      })
    }
  }
}

export default rule
