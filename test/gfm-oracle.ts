/**
 * The oracle of the differential test: what GitHub shows for a Markdown
 * document's GFM footnotes, taken from micromark's HTML rendering with the
 * GFM footnote and table extensions (GitHub renders tables, so a call split
 * by a cell's pipe is no call there either), and what citelint's index says
 * about the same document, both as sorted lists of footnote ids (the
 * `user-content-fn-<id>` of the rendering: `sanitizeUri` of the lowercased
 * normalised label), each call with its offset (`id@offset`).
 *
 * - `resolved`: the calls the parser makes (`gfmFootnoteCall` tokens of
 *   micromark's events: the rendering shows those outside definitions no
 *   call cites too).
 * - `literal`: the calls it leaves as text that a definition would resolve:
 *   the calls gained when a definition of every label in `labels` is put
 *   before the document.
 * - `rendered`: the notes listed under Footnotes of the HTML rendering (the
 *   notes some call cites).
 */
import {micromark, parse, postprocess, preprocess} from 'micromark'
import {gfmFootnote, gfmFootnoteHtml} from 'micromark-extension-gfm-footnote'
import {gfmTable, gfmTableHtml} from 'micromark-extension-gfm-table'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import {sanitizeUri} from 'micromark-util-sanitize-uri'
import {VFile} from 'vfile'
import {buildCitationIndex} from '../src/citation-index/build.js'
import {parseMarkdown} from '../src/readers/markdown.js'

/** The footnote facts of one document, each a sorted list of ids. */
export interface FootnoteFacts {
  readonly resolved: readonly string[]
  readonly literal: readonly string[]
  readonly rendered: readonly string[]
}

const notePattern = /<li id="user-content-fn-([^"]*)">/g

const extensions = () => [gfmFootnote(), gfmTable()]

function render(text: string): string {
  return micromark(text, {extensions: extensions(), htmlExtensions: [gfmFootnoteHtml(), gfmTableHtml()], allowDangerousHtml: true})
}

function ids(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1]!).sort()
}

/** `id@offset` of every call the parser makes in `text`, offsets less `shift`. */
function calls(text: string, shift: number): string[] {
  const events = postprocess(parse({extensions: extensions()}).document().write(preprocess()(text, undefined, true)))
  const found: string[] = []
  for (const [kind, token] of events) {
    if (kind !== 'enter' || token.type !== 'gfmFootnoteCall') continue
    const start = token.start.offset
    const label = text.slice(start + 2, token.end.offset - 1)
    found.push(`${idOf(normalizeIdentifier(label))}@${start - shift}`)
  }
  return found.sort()
}

/** `after` less one of each id in `before` (multiset difference), sorted. */
function difference(after: readonly string[], before: readonly string[]): string[] {
  const left = [...after]
  for (const id of before) {
    const at = left.indexOf(id)
    if (at >= 0) left.splice(at, 1)
  }
  return left.sort()
}

/**
 * What the rendering shows for `text`; `labels` are the labels calls may
 * have. The definitions added for `literal` come first, each closed by a
 * blank line, then an HTML comment and a blank line, so that the document's
 * first block starts as it would alone.
 */
export function oracleFacts(text: string, labels: readonly string[]): FootnoteFacts {
  const html = render(text)
  const resolved = calls(text, 0)
  // A label with white space defines no footnote; its `[^a b]: d` would define a link.
  const prefix = labels.filter((label) => !/\s/.test(label) && text.includes(`[^${label}`)).map((label) => `[^${label}]: d\n\n`).join('') + '<!-- -->\n\n'
  const augmented = calls(prefix + text, prefix.length)
  return {resolved, literal: difference(augmented, resolved), rendered: [...new Set(ids(html, notePattern))].sort()}
}

/** The id of a GFM identifier as the rendering writes it. */
function idOf(identifier: string): string {
  return sanitizeUri(identifier.toLowerCase())
}

/** What citelint's citation index says about `text`, in the oracle's terms. */
export function citelintFacts(text: string): FootnoteFacts {
  const index = buildCitationIndex(parseMarkdown(text), new VFile({value: text}), 'markdown')
  const resolved: string[] = []
  const literal: string[] = []
  const rendered = new Set<string>()
  for (const reference of index.references) {
    if (reference.syntax !== 'gfm') continue
    if (reference.note !== undefined) {
      resolved.push(`${idOf(reference.identifier)}@${reference.span.start.offset}`)
      rendered.add(idOf(index.notes[reference.note]!.identifier))
    } else if (reference.style === 'caret') literal.push(`${idOf(reference.identifier)}@${reference.span.start.offset}`)
  }
  return {resolved: resolved.sort(), literal: literal.sort(), rendered: [...rendered].sort()}
}
