/**
 * The resolver's document-wide decisions for the conventions of issue 14
 * parts 3 to 5, through the citation index: which group of markers a caret
 * reference list serves and how its notes are labelled, one reference per
 * note a multi-citation cites, and when named citations stand.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {buildCitationIndex} from '../src/citation-index/build.js'
import {parse} from '../src/readers/registry.js'
import type {CitationIndex, Format} from '../src/citation-index/types.js'

function index(text: string, format: Format = 'text'): CitationIndex {
  return buildCitationIndex(parse(text, format), new VFile({value: text}), format)
}

/** `marker->label of its note` for every reference (`marker->-` when unresolved). */
function resolved(text: string, format: Format = 'text'): string[] {
  const found = index(text, format)
  return found.references.map((r) => `${r.marker}->${r.note === undefined ? '-' : found.notes[r.note]!.label}`)
}

const wiki = [
  'Lit in 1896.[1] A lens,[2][nb 1] a log.[1][a] Rebuilt.[3]',
  '',
  'Footnotes[edit]',
  '^ The lens was of the fourth order.',
  'Notes[edit]',
  '^ The log is held by the county archive.',
  'References[edit]',
  '^ a b Halvorsen, Kari (2004). Lights of the North. p. 12.',
  '^ Dubois, Michel (1998). "French Lenses". Review. 14 (2).',
  '^ Lie, Per (2011). The War on the Coast. pp. 201–203.',
  ''
].join('\n')

test('caret lists go to the groups whose counts they match, labelled by their order', () => {
  assert.equal(resolved(wiki), ['[1]->1', '[2]->2', '[nb 1]->nb 1', '[1]->1', '[a]->a', '[3]->3'])
  const found = index(wiki)
  assert.equal(found.notes.map((n) => n.marker), ['^', '^', '^ a b', '^', '^'])
  assert.equal(found.notes[2]!.content, 'Halvorsen, Kari (2004). Lights of the North. p. 12.')
})

test('a caret list that matches no group is not read', () => {
  const text = 'A claim.[1] Another.[2]\n\nNotes\n^ One.\n^ Two.\n^ Three.\n^ Four.\n^ Five.\n'
  assert.equal(index(text).notes.length, 0)
})

test('a bracketed year does not count in the size of the numbered group', () => {
  const text = 'A claim.[1] Another.[2] In (1980) [1950].\n\nReferences\n^ One, 2001.\n^ Two, 2002.\n'
  // An original-year bracket is not a reference at all (bracket-shapes.ts).
  assert.equal(resolved(text), ['[1]->1', '[2]->2'])
})

test('a group with its own numbered notes takes no caret list', () => {
  const text = 'A claim.[1] Another.[2]\n\n[1] One, 2001.\n[2] Two, 2002.\n\nNotes\n^ Stray.\n^ Stray too.\n'
  assert.equal(index(text).notes.map((n) => n.marker), ['[1]', '[2]'])
})

const html2text = [
  '****** Lighthouse ******',
  'Lit in 1896.[1] A lens,[2][nb_1] a log.[1][a] Rebuilt.[3] Again.[4]',
  'Name     Years[n_1]',
  'Olsen    1896',
  '         [n_2]',
  '***** Footnotes[edit] *****',
  '   1. ^ The lens was of the fourth order.',
  '***** Notes[edit] *****',
  '   1. ^ The log is held by the county archive.',
  '  Notes',
  '   1. ^ Olsen was keeper for 25 years.',
  '   2. ^ The years are those of the county records.',
  'Later years.[n_1]',
  '  Notes',
  '   1. ^ A second table of the group n.',
  '***** References[edit] *****',
  '   1. ^ a bHalvorsen, Kari (2004). Lights of the North. p. 12.',
  '   2. .mw-parser-output cite.citation{font-style:inherit}',
  '   3. ^"French Lenses". Review. 14 (2).',
  '   4.',
  '      ISBN 978-0-00-000000-0.',
  '   5. ^ Lie, Per (2011). The War on the Coast. pp. 201–203.',
  '   6. ^ Berg, Ola (1999). Harbour Lights. p. 8.',
  ''
].join('\n')

test('numbered caret lists (html2text, Markdown): notes numbered by their carets, debris items skipped, a group restarting into its next list', () => {
  assert.equal(resolved(html2text, 'markdown'), ['[1]->1', '[2]->2', '[nb_1]->nb 1', '[1]->1', '[a]->a', '[3]->3', '[4]->4', '[n_1]->n 1', '[n_2]->n 2', '[n_1]->n 1'])
  const found = index(html2text, 'markdown')
  assert.equal(found.notes.map((n) => `${n.label}:${n.marker}`), ['nb 1:^', 'a:^', 'n 1:^', 'n 2:^', 'n 1:^', '1:^ a b', '2:^', '3:^', '4:^'])
  assert.equal(found.notes[5]!.content, 'Halvorsen, Kari (2004). Lights of the North. p. 12.')
  // The second [n_1] resolves to the second list of group n, right after it.
  const second = found.references[9]!
  assert.equal(found.notes[second.note!]!.content, 'A second table of the group n.')
  assert.equal(found.notes.filter((n) => n.references.length === 0).length, 0)
})

test('numbered caret lists stand only with markers whose count they match, and not without a notes heading', () => {
  const unmatched = 'Stalled.[1]\n\n***** References[edit] *****\n   1. ^ One.\n   2. ^ Two.\n   3. ^ Three.\n   4. ^ Four.\n   5. ^ Five.\n'
  assert.equal(index(unmatched, 'markdown').notes.length, 0)
  assert.equal(index(unmatched, 'markdown').references.length, 0)
  const unheaded = 'Stalled.[1] Then.[2]\n\nSteps\n\n1. ^ Press the key.\n2. ^ Turn it.\n'
  assert.equal(index(unheaded, 'markdown').references.length, 0)
})

test('code indexes are no references of a numbered caret list', () => {
  const text = 'Set `x[2]` and y[2] first. Stalled.[1]\n\n```\nx[2] = 1\n```\n\n***** Notes *****\n   1. ^ Smith 2004.\n'
  assert.equal(resolved(text, 'markdown'), ['[1]->1'])
})

test('a letter marker wrapped to a line start after a sentence end is a reference; after a legend line it is nothing', () => {
  assert.equal(resolved('It decays slowly.)\n[i] The four isotopes.\n\nNotes\n\n[i] Source, 2003.\n'), ['[i]->i'])
  assert.equal(resolved('Cited.[1] Macron ("long" mark)\n    [n] small raised n\n\nNotes\n\n[1] Source, 2003.\n'), ['[1]->1'])
})

test('a multi-citation is one reference per cited note, sharing the span', () => {
  const text = 'Found.[2, 4–5] Then.[1]\n\n[1] A.\n[2] B.\n[3] C.\n[4] D.\n[5] E.\n'
  const found = index(text)
  assert.equal(resolved(text), ['[2, 4–5]->2', '[2, 4–5]->4', '[2, 4–5]->5', '[1]->1'])
  assert.equal(new Set(found.references.slice(0, 3).map((r) => r.span.start.offset)).size, 1)
  assert.equal(found.notes[2]!.references, [])
})

test('note groups match whether written with a space or an underscore', () => {
  assert.equal(resolved('A claim.[n_1]\n\n[n 1] The note.\n'), ['[n_1]->n 1'])
})

test('named citations stand only when some key has an entry', () => {
  assert.equal(resolved('See [RFC2119] and [TODO].\n\n[RFC2119] Bradner, S., 1997.\n'), ['[RFC2119]->RFC2119'])
  assert.equal(resolved('See [RFC2119], [ISO8601] and [KEYWORDS].\n\nNo references here.\n'), [])
  assert.equal(resolved('See [RFC2119] and [ISO8601].\n\n[RFC2119] Bradner, S., 1997.\n'), ['[RFC2119]->RFC2119', '[ISO8601]->-'])
})

test.run()
