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
 */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {LintResult} from '../engine/engine.js'

/** Format results for a terminal; `color` adds ANSI colours. */
export function formatStylish(results: readonly Pick<LintResult, 'file' | 'messages'>[], color: boolean): string {
  const width = String(results.length).length
  const files = results.map(({file}, position) => {
    const copy = new VFile({history: [...file.history], cwd: file.cwd})
    copy.messages = file.messages
    // The sort key: digits of one width sort in input order under any comparison.
    copy.path = String(position).padStart(width, '0')
    return copy
  })
  return reporter(files, {color, quiet: true})
}
