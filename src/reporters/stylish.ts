/**
 * The default, human-readable output: vfile-reporter's lint style (a file
 * header, then `line:column-endLine:endColumn  severity  message  rule-id`,
 * then a line counting errors and warnings). Files without messages are left
 * out.
 */
import {reporter} from 'vfile-reporter'
import type {LintResult} from '../engine.js'

/** Format results for a terminal; `color` adds ANSI colours. */
export function formatStylish(results: readonly Pick<LintResult, 'file' | 'messages'>[], color: boolean): string {
  return reporter(
    results.map((result) => result.file),
    {color, quiet: true}
  )
}
