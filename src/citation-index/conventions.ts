/**
 * The registry of marker conventions: every file of `conventions/`, in the
 * order they run (the order does not change the result: the resolver sorts
 * candidates by position). A test checks it equals the folder.
 */
import type {Convention} from './convention.js'
import bracketNotes from '../../conventions/bracket-notes.js'
import caretReferenceList from '../../conventions/caret-reference-list.js'
import flattenedSuperscripts from '../../conventions/flattened-superscripts.js'
import gfmFootnotes from '../../conventions/gfm-footnotes.js'
import gutenbergFootnotes from '../../conventions/gutenberg-footnotes.js'
import htmlFootnotes from '../../conventions/html-footnotes.js'
import htmlNotes from '../../conventions/html-notes.js'
import linkReferences from '../../conventions/link-references.js'
import multiCitations from '../../conventions/multi-citations.js'
import namedCitations from '../../conventions/named-citations.js'
import noteGroups from '../../conventions/note-groups.js'
import numberedEndnotes from '../../conventions/numbered-endnotes.js'
import pandocInlineNotes from '../../conventions/pandoc-inline-notes.js'
import symbolNotes from '../../conventions/symbol-notes.js'
import typedTableNotes from '../../conventions/typed-table-notes.js'
import unicodeSuperscripts from '../../conventions/unicode-superscripts.js'
import wordFootnotes from '../../conventions/word-footnotes.js'

/** Every convention. */
export const conventions: readonly Convention[] = [
  gfmFootnotes,
  linkReferences,
  bracketNotes,
  symbolNotes,
  gutenbergFootnotes,
  multiCitations,
  caretReferenceList,
  noteGroups,
  namedCitations,
  htmlFootnotes,
  pandocInlineNotes,
  flattenedSuperscripts,
  numberedEndnotes,
  unicodeSuperscripts,
  wordFootnotes,
  htmlNotes,
  typedTableNotes
]
