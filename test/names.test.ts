/**
 * How messages name a note (`src/citation-index/names.ts`): by its marker as
 * code when it is written, else by what a reader finds in the text: the
 * number of a note its list numbers by order (`↩` paragraphs, `^` lines),
 * the link target of a raw-HTML note, the order of a pandoc inline note.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'
import {expectedReference, missingTarget, noteMark, noteName} from '../src/citation-index/names.js'

const reasons = (text: string, filePath: string): string[] => lintText(text, {filePath}).messages.map((m) => `${m.ruleId} ${m.reason}`)

test('`↩` notes under a Notes heading: named by their number, never by an empty marker', () => {
  const text = [
    'The reform passed the senate after a long debate.1 The premiums rose sharply in the first year.2 Ankara said the talks stalled again.3 A report followed.4',
    '',
    'Notes',
    '',
    'Smith, "Reform," Daily Ledger, May 1, 2015.↩',
    '',
    'Jones, "Premiums," Harbour Gazette, June 2, 2015.↩',
    '',
    'Lee, "Talks," Coastal Times, July 3, 2015.↩',
    '',
    'https://example.org/report↩',
    ''
  ].join('\n')
  assert.equal(reasons(text, 'arrows.txt'), [
    'url-only-source URL-only note 4: it names no outlet or title, expected the outlet and title beside the URL'
  ])
})

test('pandoc inline notes: named by their order, not by `[`', () => {
  assert.equal(reasons('A claim made in the text.^[] Another claim.^[https://example.org/x]\n', 'inline.md'), [
    'empty-source Empty inline note 1: nothing follows the marker, expected an outlet, author or title',
    'url-only-source URL-only inline note 2: it names no outlet or title, expected the outlet and title beside the URL'
  ])
})

test('raw-HTML notes by their link target; a link to no id names that id', () => {
  const text = [
    'A claim.<sup><a href="#fn1">[1]</a></sup> Another.<sup><a href="#fn5">[5]</a></sup>',
    '',
    '<ol>',
    '  <li id="fn1">Smith, "Reform," Daily Ledger, May 1, 2015.</li>',
    '  <li id="fn2">Jones, "Premiums," Harbour Gazette, June 2, 2015.</li>',
    '</ol>',
    ''
  ].join('\n')
  const result = lintText(text, {filePath: 'notes.md'})
  const [first, second] = result.index.notes
  assert.is(noteName(second!, result.index), 'note `#fn2`')
  assert.is(noteMark(second!, result.index), 'note `#fn2`')
  assert.is(expectedReference(second!, result.index), 'a link to `#fn2`')
  assert.is(noteMark(first!, result.index), 'note `#fn1`')
  assert.equal(result.index.references.map((r) => missingTarget(r) ?? null), [null, '#fn5'])
  assert.equal(reasons(text, 'notes.md'), [
    'undefined-reference Undefined reference `[5]` to `#fn5`, expected a note with the id `fn5`',
    'unused-note Unused note `#fn2`: no reference cites it, expected a link to `#fn2` in the text'
  ])
})

test('written markers keep their form: `[2]`, `[^a]`; a list count names the first by its marker', () => {
  const result = lintText('A claim.[1]\n\n[1] Daily Ledger, May 1, 2015.\n[2] Harbour Gazette, June 2, 2015.\n', {filePath: 'plain.txt'})
  const note = result.index.notes[1]!
  assert.equal([noteName(note, result.index), noteMark(note, result.index), expectedReference(note, result.index)], ['note `[2]`', '`[2]`', 'a reference `[2]`'])
  const gfm = lintText('A claim.[^a]\n\n[^a]: Daily Ledger, May 1, 2015.\n[^b]: Harbour Gazette, June 2, 2015.\n', {filePath: 'gfm.md'})
  assert.is(expectedReference(gfm.index.notes[1]!, gfm.index), 'a reference `[^b]`')
})

test.run()
