/**
 * The rule contract. A rule is a plain object: `meta` (the single source of
 * truth for its id, docs line, default severity, fix kind, message templates
 * and options) and `check(context)`, which reads the citation index, the
 * note model and the prose model and calls `context.report`. A rule does no
 * I/O, keeps no module state, mutates nothing it is given and never reads
 * another rule's output.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {NoteFields} from '../models/note-model.js'
import type {ProseModel} from '../models/prose.js'
import type {CitationIndex, Span} from '../citation-index/types.js'

/** Severity names as configured; ESLint's numbers 0, 1, 2 are accepted too. */
export type SeverityName = 'off' | 'warn' | 'error'

/** Numeric severity as in ESLint's JSON output: 1 warning, 2 error (0 is off). */
export type Severity = 0 | 1 | 2

/** Metadata of a rule. `Options` is the shape of its options object. */
export interface RuleMeta<Options extends object = Record<string, never>> {
  /** Rule id, equal to the rule's file name in `rules/`. */
  readonly id: string
  /** One line: what the rule checks. */
  readonly description: string
  /** Severity when the configuration does not set one. */
  readonly severity: 'error' | 'warn'
  /** `safe` fixes change no meaning; `unsafe` ones may; `none`: not fixable. */
  readonly fix: 'none' | 'safe' | 'unsafe'
  /**
   * Message templates keyed by message id. `{name}` is replaced by
   * `data.name`; one sentence, problem word first, no final period.
   */
  readonly messages: Readonly<Record<string, string>>
  /** Default option values; `{}` when the rule takes none. */
  readonly defaults: Options
  /**
   * Validate user options merged over the defaults; return an error sentence
   * naming the bad key and the allowed values, or `undefined` when valid.
   */
  readonly validate?: (options: Options) => string | undefined
}

/**
 * One text edit: replace the source from `start` to `end` (UTF-16 offsets
 * into the text that was linted, `end` exclusive) with `text`.
 */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * A fix: edits applied together, never overlapping (renumbering touches a
 * reference on line 3 and its note on line 80: one fix, two edits).
 */
export interface Fix {
  readonly edits: readonly TextEdit[]
}

/** One finding, as a rule reports it. */
export interface Report {
  readonly messageId: string
  readonly data?: Readonly<Record<string, string | number>>
  /** Span of the marker or note the message names. */
  readonly span: Span
  /** A fix, only from rules whose `meta.fix` is not `none`. */
  readonly fix?: Fix
  /**
   * Why a fixable rule offers no fix for this finding, as a clause that
   * follows "not fixed: " (`renumbering is withheld while reference \`[7]\`
   * resolves to no note`); `--fix`, `--fix-dry-run` and the language server
   * say it. Ignored when `fix` is given.
   */
  readonly fixWithheld?: string
  /**
   * A second place, e.g. the first definition of a duplicate, with its own
   * message id from `meta.messages`; it becomes the message's `cause`. A
   * list (every note sharing a fault reported once) becomes the message's
   * `related` list, its first entry also the `cause`.
   */
  readonly related?: RelatedPlace | readonly RelatedPlace[]
}

/** A place related to a finding, with its own message id from `meta.messages`. */
export interface RelatedPlace {
  readonly span: Span
  readonly messageId: string
  readonly data?: Readonly<Record<string, string | number>>
}

/**
 * A related place as a message carries it: plain data (it crosses threads
 * as it is), in the same file as the message.
 */
export interface RelatedLocation {
  /** The place's own message, filled from its template. */
  readonly reason: string
  readonly messageId: string
  readonly place: Span
}

/** What a rule's `check` receives. Everything in it is read-only. */
export interface RuleContext<Options extends object = Record<string, never>> {
  readonly file: VFile
  readonly tree: Root
  readonly index: CitationIndex
  /** The note model, aligned with `index.notes`. */
  readonly noteFields: readonly NoteFields[]
  /** The prose model: paragraphs, sentences, quotations, marker groups, the report's date. */
  readonly prose: ProseModel
  readonly options: Readonly<Options>
  report(report: Report): void
}

/** A rule module's default export. */
export interface Rule<Options extends object = Record<string, never>> {
  readonly meta: RuleMeta<Options>
  check(context: RuleContext<Options>): void
}

/** Any rule, whatever its options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>

/**
 * Fill a message template: `{name}` becomes `data.name`. A placeholder with
 * no value throws, so a test exercising every message id finds typos.
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = data[name]
    if (value === undefined) throw new Error(`Missing value for {${name}} in message template: ${template}`)
    return String(value)
  })
}

/**
 * A message as citelint reports it: a VFileMessage with its rule's message
 * id, from fixable rules a fix, and for a grouped finding its related places.
 */
export type CitelintMessage = VFileMessage & {
  messageId: string
  fix?: Fix
  /**
   * Why the finding has no fix though its rule is fixable (see
   * `Report.fixWithheld`), or why its fix was not applied by a fix run (a
   * pass dropped because the re-parsed text changed its references or
   * notes); absent otherwise.
   */
  fixWithheld?: string
  /** Every related place of a finding reported once for many places (SARIF `relatedLocations`); absent otherwise. */
  related?: readonly RelatedLocation[]
}

/**
 * How a message was suppressed, as ESLint's `SuppressedLintMessage`
 * describes it (ESLint Node.js API, "SuppressedLintMessage type"): `kind`
 * `directive` for a suppression comment, `justification` the text after
 * ` -- ` in the comment (empty when none).
 */
export interface Suppression {
  readonly kind: 'directive'
  readonly justification: string
}

/** A message that a suppression comment turned off, with how. */
export type SuppressedMessage = CitelintMessage & {suppressions: readonly Suppression[]}
