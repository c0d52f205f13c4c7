/**
 * The registry of marker conventions: every file of `conventions/`, in the
 * order they run (the order does not change the result: the resolver sorts
 * candidates by position). A test checks it equals the folder.
 */
import type {Convention, HtmlMarkup} from './convention.js'
import bracketNotes from '../../conventions/bracket-notes.js'
import caretReferenceList from '../../conventions/caret-reference-list.js'
import flattenedSuperscripts from '../../conventions/flattened-superscripts.js'
import gfmFootnotes from '../../conventions/gfm-footnotes.js'
import gutenbergFootnotes from '../../conventions/gutenberg-footnotes.js'
import htmlFootnotes from '../../conventions/html-footnotes.js'
import htmlNotes from '../../conventions/html-notes.js'
import htmlPandoc from '../../conventions/html-pandoc.js'
import htmlMediawiki from '../../conventions/html-mediawiki.js'
import htmlGutenberg from '../../conventions/html-gutenberg.js'
import htmlWord from '../../conventions/html-word.js'
import htmlGoogleDocs from '../../conventions/html-google-docs.js'
import htmlGithub from '../../conventions/html-github.js'
import htmlKramdown from '../../conventions/html-kramdown.js'
import htmlWordpress from '../../conventions/html-wordpress.js'
import htmlDpub from '../../conventions/html-dpub.js'
import htmlGeneric from '../../conventions/html-generic.js'
import letteredNotes from '../../conventions/lettered-notes.js'
import linkReferences from '../../conventions/link-references.js'
import multiCitations from '../../conventions/multi-citations.js'
import namedCitations from '../../conventions/named-citations.js'
import noteGroups from '../../conventions/note-groups.js'
import numberedCaretLists from '../../conventions/numbered-caret-lists.js'
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
  numberedCaretLists,
  noteGroups,
  namedCitations,
  htmlFootnotes,
  pandocInlineNotes,
  flattenedSuperscripts,
  numberedEndnotes,
  unicodeSuperscripts,
  wordFootnotes,
  htmlNotes,
  htmlPandoc,
  htmlMediawiki,
  htmlGutenberg,
  htmlWord,
  htmlGoogleDocs,
  htmlGithub,
  htmlKramdown,
  htmlWordpress,
  htmlDpub,
  htmlGeneric,
  typedTableNotes,
  letteredNotes
]

/**
 * The HTML footnote markups the conventions declare, in registry order: the
 * engine passes them to the HTML reader (`readHtml` in `src/readers/html.ts`).
 */
export const htmlMarkups: readonly HtmlMarkup[] = conventions.flatMap((convention) => (convention.htmlMarkup ? [convention.htmlMarkup] : []))
