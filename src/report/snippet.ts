/**
 * Snippets for formats without lines of their own: the reporters ask the
 * file's reader for the first words of a message's line (see
 * `Reader.locate`; DOCX: a line is a paragraph), so a person can find the
 * place in the document. Formats whose lines an editor shows get none.
 */
import type {VFile} from 'vfile'
import type {CitelintMessage} from '../engine/rule.js'
import {formatOf, readerOf} from '../readers/registry.js'

/** A line's first words, by 1-based line; `undefined` when there are none. */
export type Locator = (line: number) => string | undefined

/**
 * The locator of `file`: the snippets kept in `file.data.snippets` (see
 * {@link keepSnippets}), else its reader's over its `value` (the text
 * linted; the format from its path's extension); `undefined` when its
 * reader has no `locate` or the file has neither.
 */
export function locatorOf(file: VFile): Locator | undefined {
  const kept = file.data['snippets'] as Readonly<Record<number, string>> | undefined
  if (kept) return (line) => kept[line]
  if (file.value === undefined) return undefined
  const locate = readerOf(formatOf(file.path)).locate
  return locate?.(String(file.value))
}

/**
 * Keep on `target` (as `data.snippets`, by line) the snippets of the lines
 * `messages` (their causes and related places too) name in `source`, for a
 * report that drops the text; nothing when `source`'s format has none.
 */
export function keepSnippets(source: VFile, messages: readonly CitelintMessage[], target: VFile): void {
  if (messages.length === 0) return
  const locate = locatorOf(source)
  if (!locate) return
  const snippets: Record<number, string> = {}
  const keep = (line: number | undefined): void => {
    const text = line === undefined ? undefined : locate(line)
    if (line !== undefined && text !== undefined) snippets[line] = text
  }
  for (const message of messages) {
    keep(lineOf(message.place))
    const cause = message.cause as {place?: Parameters<typeof lineOf>[0]} | undefined
    if (cause && typeof cause === 'object') keep(lineOf(cause.place))
    for (const related of message.related ?? []) keep(lineOf(related.place))
  }
  target.data['snippets'] = snippets
}

/** The line of a vfile place (a point or a position), if any. */
export function lineOf(place: {readonly line?: number} | {readonly start: {readonly line?: number}} | undefined): number | undefined {
  if (!place) return undefined
  return 'start' in place ? place.start.line : place.line
}
