/**
 * One file's lint as a task: the step `lintFiles` runs either in the main
 * thread or in a worker of the pool (src/run/lint-pool.ts, src/run/lint-worker.ts),
 * and the shape in which its outcome crosses the thread boundary.
 *
 * Across threads, values go by the structured clone algorithm (HTML
 * standard, as Node's `postMessage` implements it), which copies plain
 * objects, arrays and strings but turns an `Error` subclass such as
 * `VFileMessage` into a plain `Error` without its own fields. Messages
 * therefore travel as their own enumerable fields (`reason`, `place`,
 * `ruleId`, `fatal`, `url`, `messageId`, `fix`, ...) and are rebuilt as
 * `VFileMessage`s on arrival; their `cause` (the second place of a
 * duplicate) likewise. One file's messages travel in one message, so a fix
 * shared by several messages stays one object (structured clone keeps
 * shared references), as `applyFixes` expects.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {ResolvedRule, RuleSetting} from '../engine/config.js'
import {resolveRules} from '../engine/config.js'
import type {CitelintMessage, LintResult, SuppressedMessage} from '../engine/engine.js'
import {lintText} from '../engine/engine.js'
import {fixText} from '../engine/fix.js'
import type {ProseOptions} from '../models/prose.js'
import type {Format} from '../citation-index/types.js'
import {formatOf} from '../readers/format.js'

/** The heavy per-file models: only `--include-notes` and `citelint summary` need them after the rules ran. */
export type LintModels = Pick<LintResult, 'index' | 'noteFields' | 'prose'>

/** What every task of one run shares (sent once, as the worker's `workerData`). */
export interface LintRunOptions {
  /** Folder reports name paths against; becomes each vfile's `cwd`. */
  readonly cwd: string
  readonly reportUnusedDisableDirectives: boolean
  readonly prose?: ProseOptions
}

/** The rule settings of one file, as data that can cross threads (see `Linter.selectionFor`). */
export interface RuleSelection {
  /** Equal keys mean equal settings from the same source: the worker resolves each key once. */
  readonly key: string
  /** Where the settings come from (a config file path or `configuration`), for error messages. */
  readonly source: string
  readonly settings: Readonly<Record<string, RuleSetting>>
  /** The format the config's `formats` gives the file's extension, if any. */
  readonly format?: Format
}

/** One file to lint. */
export interface LintTask {
  /** The path as linted (relative to `cwd` when given so). */
  readonly filePath: string
  /** The text as read (a byte order mark included). */
  readonly text: string
  readonly rules: RuleSelection
  /** Fix the text (`fixText`) instead of only linting it. */
  readonly fix: boolean
  /** Send back the models (index, note fields, prose model). */
  readonly models: boolean
}

/** One file linted, as streamed: the vfile and its messages, the models only when asked for. */
export interface FileReport {
  /** The file, its `value` the text linted (the fixed text with `fix`), `messages` set. */
  readonly file: VFile
  /** The messages, sorted by position (vfile-sort order). */
  readonly messages: readonly CitelintMessage[]
  /** The messages suppression comments turned off (see `LintResult.suppressedMessages`). */
  readonly suppressedMessages: readonly SuppressedMessage[]
  /** Whether the text began with a byte order mark (see `LintResult.bom`). */
  readonly bom: boolean
  /** With `fix`: the text as read (the input of the fix). */
  readonly source?: string
  /** With `fix`: the fixed text, when some fix applied. */
  readonly output?: string
  /** Only when asked for (`models: true`). */
  readonly models?: LintModels
  /** Set when the messages come from the lint cache (`--cache`), not from a lint. */
  readonly fromCache?: true
}

/** A message as it crosses threads: its own fields, and its cause when that is a message too. */
export interface WireMessage {
  readonly fields: Readonly<Record<string, unknown>>
  readonly cause?: WireMessage
}

/** A task's outcome as it crosses threads. */
export type WireOutcome =
  | {
      readonly ok: true
      readonly messages: readonly WireMessage[]
      /** The suppressed messages (their `suppressions` travel as own fields). */
      readonly suppressed: readonly WireMessage[]
      readonly bom: boolean
      readonly output?: string
      readonly models?: LintModels
    }
  | {
      readonly ok: false
      /** The thrown value's `message` (or the value as text), and its stack for `--debug`. */
      readonly message: string
      readonly name: string
      readonly stack?: string
    }

/** A leading U+FEFF removed. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Lint (with `task.fix`, fix) a text with rules already resolved. The one
 * place where a file's lint happens, in the main thread (`Linter.lint`,
 * serial runs) and in workers alike.
 *
 * @throws InternalError, or whatever citelint throws on the text.
 */
export function lintResolved(
  task: Pick<LintTask, 'filePath' | 'text' | 'fix'> & {readonly rules?: Pick<RuleSelection, 'format'>},
  rules: readonly ResolvedRule[],
  run: LintRunOptions
): LintResult & {readonly source?: string; readonly output?: string} {
  const options = {
    filePath: task.filePath,
    ...(task.rules?.format ? {format: task.rules.format} : {}),
    rules,
    reportUnusedDisableDirectives: run.reportUnusedDisableDirectives,
    ...(run.prose ? {prose: run.prose} : {})
  }
  // A DOCX or HTML page is linted as its virtual text (src/readers/docx.ts, html.ts): no fix can be written back into it.
  const format = task.rules?.format ?? formatOf(task.filePath)
  if (!task.fix || format === 'docx' || format === 'html') {
    const result = lintText(task.text, options)
    result.file.cwd = run.cwd
    return result
  }
  const fixed = fixText(task.text, options)
  fixed.result.file.cwd = run.cwd
  return fixed.changed ? {...fixed.result, source: task.text, output: fixed.output} : {...fixed.result, source: task.text}
}

/** A message as a `WireMessage`. */
export function messageToWire(message: VFileMessage): WireMessage {
  const {cause, ...fields} = message
  return cause instanceof VFileMessage ? {fields, cause: messageToWire(cause)} : {fields: {...fields, cause}}
}

/** A `WireMessage` rebuilt as a `VFileMessage` with the same own fields. */
export function messageFromWire(wire: WireMessage): CitelintMessage {
  const message = new VFileMessage(String(wire.fields['reason'] ?? '')) as CitelintMessage
  Object.assign(message, wire.fields)
  if (wire.cause) message.cause = messageFromWire(wire.cause)
  return message
}

/**
 * Rebuild a task's result from what a worker sent back: the vfile (its
 * value is derived from the text the main thread already holds, so the text
 * does not travel back), its messages, and the models when they were asked.
 */
export function reportFromWire(task: LintTask, outcome: WireOutcome & {ok: true}, cwd: string): FileReport {
  const messages = outcome.messages.map(messageFromWire)
  const suppressedMessages = outcome.suppressed.map((wire) => messageFromWire(wire) as SuppressedMessage)
  // As lintText and fixText build it: the text linted last, without a byte order mark.
  const file = new VFile({value: withoutBom(outcome.output ?? task.text), path: task.filePath, cwd})
  file.messages = [...messages]
  return {
    file,
    messages,
    suppressedMessages,
    bom: outcome.bom,
    ...(task.fix ? {source: task.text} : {}),
    ...(outcome.output === undefined ? {} : {output: outcome.output}),
    ...(outcome.models ? {models: outcome.models} : {})
  }
}

/**
 * Run a task in a worker: resolve its rules (once per selection key), lint
 * with `lint` (default `lintResolved`; tests pass one that fails on
 * purpose), and turn the result into a `WireOutcome`. Never throws: a
 * failure becomes `{ok: false}`.
 */
export function runTask(
  task: LintTask,
  run: LintRunOptions,
  resolved: Map<string, ResolvedRule[]>,
  lint: typeof lintResolved = lintResolved
): WireOutcome {
  try {
    let rules = resolved.get(task.rules.key)
    if (!rules) {
      rules = resolveRules({rules: task.rules.settings}, task.rules.source)
      resolved.set(task.rules.key, rules)
    }
    const result = lint(task, rules, run)
    return {
      ok: true,
      messages: result.messages.map(messageToWire),
      suppressed: result.suppressedMessages.map(messageToWire),
      bom: result.bom,
      ...(result.output === undefined ? {} : {output: result.output}),
      ...(task.models ? {models: {index: result.index, noteFields: result.noteFields, prose: result.prose}} : {})
    }
  } catch (error) {
    return error instanceof Error
      ? {ok: false, message: error.message, name: error.name, ...(error.stack ? {stack: error.stack} : {})}
      : {ok: false, message: String(error), name: 'Error'}
  }
}

/** A task as the pool posts it: the task and its number in the run. */
export interface TaskMessage {
  readonly id: number
  readonly task: LintTask
}

/** What a worker posts back for task `id`. */
export interface OutcomeMessage {
  readonly id: number
  readonly outcome: WireOutcome
}

/** What a worker posts once, when it is ready to take tasks. */
export interface ReadyMessage {
  readonly ready: true
}

/**
 * Serve tasks in a worker thread: answer each `TaskMessage` from the parent
 * with an `OutcomeMessage` (after one `ReadyMessage`), using `handle` (default `runTask`; tests wrap it
 * to fail on purpose). `workerData` holds the run's `LintRunOptions`.
 *
 * @throws Error when called outside a worker thread.
 */
export function serveTasks(
  handle: (task: LintTask, run: LintRunOptions, resolved: Map<string, ResolvedRule[]>) => WireOutcome = (task, run, resolved) =>
    runTask(task, run, resolved)
): void {
  const port = parentPort
  if (!port) throw new Error('serveTasks runs in a worker thread')
  const run = workerData as LintRunOptions
  const resolved = new Map<string, ResolvedRule[]>()
  port.on('message', ({id, task}: TaskMessage) => {
    const outcome = handle(task, run, resolved)
    let reply: OutcomeMessage = {id, outcome}
    try {
      port.postMessage(reply)
    } catch (error) {
      // A value that cannot be cloned (a function in a rule's options, say).
      reply = {id, outcome: {ok: false, name: 'DataCloneError', message: `cannot send the result to the main thread: ${error instanceof Error ? error.message : String(error)}`}}
      port.postMessage(reply)
    }
  })
  const ready: ReadyMessage = {ready: true}
  port.postMessage(ready)
}

/** One linted file; with `fix`, also the fixed text. */
export type FileResult = LintResult & {
  /** The text as read (the input of the fix). */
  readonly source?: string
  /** The fixed text, when `fix` was asked and some fix applied. */
  readonly output?: string
}
