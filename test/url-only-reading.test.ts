/**
 * The note model's URL-only reading: connectives, month names and a link
 * whose text is its own address name no source; a link text that names the
 * source does; a person's dates are a gloss, not an empty note.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {parseNoteText} from '../src/models/note-model.js'

const kinds: Array<[string, string]> = [
  ['As of March 2016. https://www.example.org/a', 'url-only'],
  ['See https://www.example.org/a', 'url-only'],
  ['Available at https://www.example.org/a', 'url-only'],
  ['See, for example: https://www.example.org/a', 'url-only'],
  ['https://www.example.org/a and https://www.example.org/b', 'url-only'],
  ['https://www.example.org/a Retrieved July 29', 'url-only'],
  ['[example.org/a/b](https://www.example.org/a/b)', 'url-only'],
  // A URL is not read for a name: a title-like path, an issue or pull-request number.
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

test.run()
