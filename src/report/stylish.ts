/**
 * The default, human-readable output: vfile-reporter's lint style (a file
 * header, then `line:column-endLine:endColumn  severity  message  rule-id`,
 * then a line counting errors and warnings). Files without messages are left
 * out.
 *
 * Files come in the order given (input order), as in the other formats.
 * vfile-reporter sorts files by `path` with `localeCompare`, whose order
 * depends on the machine's locale (`-a.txt`, `[b].txt`, `B.txt`, `ä.txt`),
 * and heads each file with the first path of its history. So each file is
 * passed as a copy whose history starts with its own path and ends with a
 * key that sorts in input order: the headers are unchanged and the order
 * is the input's on every machine.
 *
 * For a format without lines of its own (DOCX: a line is a paragraph), each
 * message gets a second line, dimmed, with the first words of its paragraph
 * (`¶ "Talks stalled in October…"`), so a person can find the place.
 */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {CitelintMessage, LintResult} from '../engine/engine.js'
import type {Locator} from './snippet.js'
import {lineOf, locatorOf} from './snippet.js'

/** Format results for a terminal; `color` adds ANSI colours. */
export function formatStylish(results: readonly Pick<LintResult, 'file' | 'messages'>[], color: boolean): string {
  const width = String(results.length).length
  const files = results.map(({file}, position) => {
    const copy = new VFile({history: [...file.history], cwd: file.cwd})
    const locate = file.messages.length > 0 ? locatorOf(file) : undefined
    copy.messages = locate ? file.messages.map((message) => withSnippet(message as CitelintMessage, locate, color)) : file.messages
    // The sort key: digits of one width sort in input order under any comparison.
    copy.path = String(position).padStart(width, '0')
    return copy
  })
  return reporter(files, {color, quiet: true})
}

/**
 * A copy of `message` whose text (vfile-reporter prints `stack`, else
 * `message`, and each line after the first below the message's row) ends
 * with a line holding the first words of its paragraph.
 */
function withSnippet(message: CitelintMessage, locate: Locator, color: boolean): CitelintMessage {
  const line = lineOf(message.place)
  const words = line === undefined ? undefined : locate(line)
  if (words === undefined) return message
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as CitelintMessage, message)
  const text = `  ¶ "${words}"`
  copy.stack = `${message.stack || message.message}\n${color ? `\u001B[2m${text}\u001B[22m` : text}`
  return copy
}
