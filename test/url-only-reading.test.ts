/**
 * The note model's URL-only reading: connectives, month names and a link
 * whose text is its own address name no source; a link text that names the
 * source does; a person's dates are a gloss, not an empty note.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {identifiesRecord, parseNoteText} from '../src/models/note-model.js'

const kinds: Array<[string, string]> = [
  ['As of March 2016. https://www.example.org/a', 'url-only'],
  ['See https://www.example.org/a', 'url-only'],
  ['Available at https://www.example.org/a', 'url-only'],
  ['See, for example: https://www.example.org/a', 'url-only'],
  ['https://www.example.org/a and https://www.example.org/b', 'url-only'],
  ['https://www.example.org/a Retrieved July 29', 'url-only'],
  ['[example.org/a/b](https://www.example.org/a/b)', 'url-only'],
  // A title-like path does not name a source; an issue or pull-request address is still URL-only
  // in the note model (the rule asks `identifiesRecord`).
  ['https://blog.example.org/2023/05/23/trusted-publishing-a-new-benchmark-for-packaging-security/', 'url-only'],
  ['<https://github.com/example/team/pull/671>', 'url-only'],
  ['<https://github.com/example/project/issues/20283>', 'url-only'],
  ['[Reuters](https://www.example.org/a), March 3, 2016.', 'citation'],
  ['See Reuters, https://www.example.org/a', 'citation'],
  ['Source: Reuters https://www.example.org/a', 'citation'],
  ['See above.', 'citation'],
  ['1680-1762.', 'gloss'],
  ['1822–1892', 'gloss'],
  ['2015.', 'empty'],
  [', October 7, 2015.', 'empty']
]

for (const [text, kind] of kinds) {
  test(`${JSON.stringify(text)} is ${kind}`, () => {
    assert.is(parseNoteText(text).kind, kind)
  })
}

test('identifiesRecord: an issue, pull request, commit, Bugzilla bug, encyclopedia article, DOI or RFC names its source; a news path does not', () => {
  const records = [
    'https://github.com/llvm/llvm-project/issues/20283',
    'https://github.com/rust-lang/team/pull/671',
    'https://gitlab.com/group/project/-/merge_requests/7',
    'https://github.com/example/repo/commit/52f349bdea92bf724bc453f37dbd32ea',
    'https://bugs.llvm.org/show_bug.cgi?id=50198',
    'https://en.wikipedia.org/wiki/Software_factory',
    'https://doi.org/10.1000/182',
    'https://www.rfc-editor.org/rfc/rfc9110',
    'https://datatracker.ietf.org/doc/html/rfc2119'
  ]
  const notRecords = [
    'https://blog.example.org/2023/05/23/trusted-publishing-a-new-benchmark-for-packaging-security/',
    'https://www.reuters.com/article/us-iran-talks/talks-stall-idUSKBN0T',
    'https://github.com/llvm/llvm-project',
    'https://github.com/example/repo/issues',
    'https://twitter.com/someone/status/1234567890',
    'https://www.linkedin.com/in/someone/',
    'https://example.org/wiki/',
    undefined
  ]
  assert.equal(records.filter((url) => !identifiesRecord(url)), [])
  assert.equal(notRecords.filter((url) => identifiesRecord(url)), [])
})

test.run()
