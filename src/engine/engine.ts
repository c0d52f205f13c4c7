/**
 * The engine: text in, messages out. `file/stdin -> parse -> citation index
 * (+ note model, prose model) -> rules -> vfile messages`, one direction, no
 * I/O here.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'
import {buildCitationIndex} from '../citation-index/build.js'
import {htmlMarkups} from '../citation-index/conventions.js'
import type {Config, ResolvedRule} from './config.js'
import {extensionFormats, resolveRules} from './config.js'
import type {NoteFields} from '../models/note-model.js'
import {describeNotes} from '../models/note-model.js'
import type {ProseModel, ProseOptions} from '../models/prose.js'
import {buildProseModel} from '../models/prose.js'
import {formatOf, parse, readerOf} from '../readers/registry.js'
import {editsFit} from './edits.js'
import {notePlacer} from './note-places.js'
import {applySuppressions} from './suppress.js'
import {commentTree, mapMessagesToSource, sourceMapper} from './html-positions.js'
import {readHtml} from '../readers/html.js'
import type {CitelintMessage, Fix, Report, SuppressedMessage} from './rule.js'
import {formatMessage} from './rule.js'
import {ruleDocsUrl} from './rule-docs.js'
import type {CitationIndex, Format, Span} from '../citation-index/types.js'

/** Options of `lintText`. */
export interface LintTextOptions {
  /** Path shown in reports; its extension picks the format when `format` is not given. */
  readonly filePath?: string
  /** Force a format instead of inferring it from `filePath`. */
  readonly format?: Format
  /** Rule settings; ignored when `rules` is given. */
  readonly config?: Config
  /** Rules already resolved from a config (lets `lintFiles` resolve once). */
  readonly rules?: readonly ResolvedRule[]
  /**
   * Deep-freeze the tree before the rules run, so a rule that mutates it
   * throws (tests use it; it costs a walk over the tree).
   */
  readonly freezeTree?: boolean
  /** Report suppression comments that suppress nothing (Markdown). */
  readonly reportUnusedDisableDirectives?: boolean
  /** Thresholds of the prose model (words in a prose paragraph, in a quotation); defaults 20 and 5. */
  readonly prose?: ProseOptions
}

export type {CitelintMessage, SuppressedMessage, Suppression} from './rule.js'

/** The outcome of linting one text. */
export interface LintResult {
  /**
   * The file, with its messages sorted by position (vfile-sort order). A
   * message's `fatal` is `true` for errors and `false` for warnings, as
   * vfile-reporter expects; `place` is the span it names.
   */
  readonly file: VFile
  readonly messages: readonly CitelintMessage[]
  /**
   * The messages that suppression comments turned off (Markdown), sorted
   * as `messages`, each with its `suppressions` (ESLint's
   * `suppressedMessages`); empty for other formats.
   */
  readonly suppressedMessages: readonly SuppressedMessage[]
  readonly index: CitationIndex
  readonly noteFields: readonly NoteFields[]
  /** The prose model: paragraphs, sentences, quotations, marker groups, the report's date. */
  readonly prose: ProseModel
  /** Whether the text began with a byte order mark (removed before parsing). */
  readonly bom: boolean
}

export {ruleDocsUrl}

/** Thrown when a rule itself fails: a citelint bug, never a finding. */
export class InternalError extends Error {
  override name = 'InternalError'
}

/**
 * Lint one text: parse, build the citation index and the note model, run
 * the rules, then drop what suppression comments turn off (Markdown).
 *
 * A leading byte order mark is removed first, so line 1 column 1 is the
 * first visible character, as in editors.
 *
 * @throws ConfigError when `config` is invalid.
 * A fix that cannot be applied (edits overlapping one another or outside
 * the text) is dropped from its message; the message is still reported.
 *
 * @throws InternalError when a rule throws (a bug in citelint).
 */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const bom = text.charCodeAt(0) === 0xfeff
  const value = bom ? text.slice(1) : text
  const format = options.format ?? formatOf(options.filePath, options.config ? extensionFormats(options.config) : undefined)
  // An HTML page is linted as its virtual text (src/readers/html.ts); its
  // messages move back to the HTML source below, in one place.
  const page = format === 'html' ? readHtml(value, htmlMarkups) : undefined
  const linted = page ? page.text : value
  const lintedFormat: Format = page && !page.structured ? 'text' : format
  const file = new VFile({value: linted, path: options.filePath})
  const tree = parse(linted, lintedFormat)
  if (options.freezeTree) deepFreeze(tree)
  const index = buildCitationIndex(tree, file, lintedFormat)
  const noteFields = describeNotes(index, file)
  const prose = buildProseModel(tree, file, index, options.prose)
  const messages: CitelintMessage[] = []
  const reader = readerOf(format)
  const place = reader.notesAtReferences ? notePlacer(index) : (span: Span): Span => span
  const fitting = new WeakMap<Fix, boolean>()

  for (const {rule, severity, options: ruleOptions} of options.rules ?? resolveRules(options.config)) {
    const {meta} = rule
    const url = ruleDocsUrl(meta.id)
    const template = (messageId: string): string => {
      const found = meta.messages[messageId]
      if (found === undefined) throw new InternalError(`Rule \`${meta.id}\` reported unknown message id \`${messageId}\``)
      return found
    }
    // One marker may be several references (`[4, 5]`, see the citation
    // index's `Reference`): a rule's same message on the same span counts once.
    const reported = new Set<string>()
    const report = (found: Report): void => {
      const key = `${found.span.start.offset}:${found.span.end.offset}:${found.messageId}:${JSON.stringify(found.data ?? {})}`
      if (reported.has(key)) return
      reported.add(key)
      // A lint message needs no stack trace (VFileMessage is an Error, and
      // capturing one costs more than the rest of the message).
      const stackTraceLimit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      try {
        reportMessage(found)
      } finally {
        Error.stackTraceLimit = stackTraceLimit
      }
    }
    const reportMessage = (found: Report): void => {
      let cause: CitelintMessage | undefined
      const related = found.related === undefined ? [] : 'span' in found.related ? [found.related] : found.related
      const first = related[0]
      if (first) {
        // The second place is in the same file; `file` names it as on the message.
        cause = new VFileMessage(formatMessage(template(first.messageId), first.data), {
          place: place(first.span)
        }) as CitelintMessage
        cause.file = file.path
        cause.messageId = first.messageId
      }
      const message = file.message(formatMessage(template(found.messageId), found.data), {
        place: place(found.span),
        ruleId: meta.id,
        cause
      }) as CitelintMessage
      message.fatal = severity === 2
      message.url = url
      message.messageId = found.messageId
      if (found.related !== undefined && !('span' in found.related)) {
        message.related = related.map((related) => ({
          reason: formatMessage(template(related.messageId), related.data),
          messageId: related.messageId,
          place: place(related.span)
        }))
      }
      if (found.fix && reader.fixable !== false) {
        if (meta.fix === 'none') throw new InternalError(`Rule \`${meta.id}\` offered a fix but its meta.fix is "none"`)
        // A fix whose edits overlap one another or lie outside the text
        // cannot be applied: the message is kept without it, so that a bad
        // fix never costs the file its findings (nor reaches an editor).
        // One fix shared by many messages (note-order's renumbering) is checked once.
        let fits = fitting.get(found.fix)
        if (fits === undefined) fitting.set(found.fix, (fits = editsFit(found.fix.edits, linted.length)))
        if (fits) message.fix = found.fix
        else message.fixWithheld = 'the rule’s fix has overlapping edits or edits outside the text, a citelint bug'
      } else if (found.fixWithheld !== undefined && meta.fix !== 'none') message.fixWithheld = found.fixWithheld
      messages.push(message)
    }
    try {
      rule.check({file, tree, index, noteFields, prose, options: ruleOptions, report})
    } catch (error) {
      if (error instanceof InternalError) throw error
      throw new InternalError(`Rule \`${meta.id}\` failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error
      })
    }
  }

  if (page) {
    mapMessagesToSource(messages, sourceMapper(page, value))
    const sourceFile = new VFile({value, path: options.filePath})
    const {kept, suppressed} = applySuppressions(messages, commentTree(page, value), sourceFile, options.reportUnusedDisableDirectives ?? false)
    kept.sort(compareMessage)
    suppressed.sort(compareMessage)
    sourceFile.messages = [...kept]
    return {file: sourceFile, messages: kept, suppressedMessages: suppressed, index, noteFields, prose, bom}
  }
  const {kept, suppressed} = reader.directives
    ? applySuppressions(messages, tree, file, options.reportUnusedDisableDirectives ?? false)
    : {kept: messages, suppressed: []}
  kept.sort(compareMessage)
  suppressed.sort(compareMessage)
  file.messages = [...kept]
  return {file, messages: kept, suppressedMessages: suppressed, index, noteFields, prose, bom}
}


function deepFreeze(value: object): void {
  Object.freeze(value)
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object' && !Object.isFrozen(child)) deepFreeze(child as object)
  }
}
