/**
 * The registry of marker conventions: every file of `conventions/`, in the
 * order they run (the order does not change the result: the resolver sorts
 * candidates by position). A test checks it equals the folder.
 */
import type {Convention} from './convention.js'
import bracketNotes from '../../conventions/bracket-notes.js'
import gfmFootnotes from '../../conventions/gfm-footnotes.js'
import gutenbergFootnotes from '../../conventions/gutenberg-footnotes.js'
import linkReferences from '../../conventions/link-references.js'
import symbolNotes from '../../conventions/symbol-notes.js'
import wordFootnotes from '../../conventions/word-footnotes.js'

/** Every convention. */
export const conventions: readonly Convention[] = [gfmFootnotes, linkReferences, bracketNotes, symbolNotes, gutenbergFootnotes,
  wordFootnotes]
