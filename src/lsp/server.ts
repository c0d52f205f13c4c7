/**
 * The language server: `citelint --lsp` (or `citelint-lsp`) speaks the
 * Language Server Protocol 3.17, over stdio unless the command line names
 * another transport of vscode-languageserver (`--node-ipc`, `--socket=N`,
 * `--pipe=NAME`). It publishes diagnostics on open and save at once, and
 * on change after a short pause; it offers code actions that apply a
 * rule's fix and, in Markdown and HTML, that add a `citelint-disable-next-line`
 * comment where that comment cannot change the document's structure. A
 * finding of a fixable rule that has no fix gets a disabled action (LSP
 * 3.16 `CodeAction.disabled`, for clients that declare `disabledSupport`)
 * titled with the reason (`No fix: renumbering is withheld while ...`).
 * Configuration comes from the same files as the CLI, read afresh for each
 * check so edits to them apply at once; one config file for every document
 * can be named instead, by the client (`initializationOptions.configPath`)
 * or on the command line (`--config PATH`, see `configFileOf`).
 *
 * Code actions never trust what the client sends back: each diagnostic in
 * the request is matched (rule id, message, range) against the findings
 * for the document's current version, linted afresh when the last check is
 * older, and the actions are built from the current finding. A diagnostic
 * that no longer matches the text gets no action.
 *
 * Positions: LSP's default position encoding is UTF-16 code units, the unit
 * of citelint's offsets; lines and characters are 0-based there.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  DiagnosticSeverity,
  ErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection
} from 'vscode-languageserver/node.js'
import type {CodeAction, Diagnostic, Range, TextEdit as LspTextEdit, WorkspaceEdit} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {ConfigError} from '../engine/config.js'
import {Linter, failureOf} from '../run/lint-files.js'
import {formatOf} from '../readers/format.js'
import {isRefusal, listMarkerEnd} from '../readers/markdown-nesting.js'
import type {Fix} from '../engine/rule.js'

/** Pause after the last change before checking again, in milliseconds. */
export const debounceMs = 200

/**
 * The transport the server talks over, as vscode-languageserver's
 * `createConnection` reads it from the command line (lib/node/main.js of
 * vscode-languageserver 9): the first of `--node-ipc`, `--stdio`,
 * `--socket=PORT` (or `--socket PORT`), `--pipe=NAME` (or `--pipe NAME`).
 * `named` is false when none is given: citelint then uses stdio, as its
 * `--help` says and as servers such as clangd and rust-analyzer do.
 */
export type LspTransport =
  | {readonly kind: 'stdio'; readonly named: boolean}
  | {readonly kind: 'node-ipc'}
  | {readonly kind: 'socket'; readonly port: number}
  | {readonly kind: 'pipe'; readonly name: string}

/**
 * The transport `argv` (the arguments after the script path) asks for, or
 * a one-line usage problem: a port that is not an integer from 1 to 65535,
 * an empty pipe name, or `--node-ipc` in a process without an IPC channel.
 *
 * @param hasIpc whether the process has an IPC channel to its parent
 *   (`process.send` exists when a Node.js parent forked it with one).
 */
export function transportOf(argv: readonly string[], hasIpc: boolean): LspTransport | {readonly kind: 'usage'; readonly message: string} {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--stdio') return {kind: 'stdio', named: true}
    if (arg === '--node-ipc') {
      return hasIpc ? {kind: 'node-ipc'} : {kind: 'usage', message: '--node-ipc: this process has no IPC channel to a parent, use --stdio'}
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined]
    if (flag !== '--socket' && flag !== '--pipe') continue
    const value = inline ?? argv[i + 1] ?? ''
    if (flag === '--pipe') return value ? {kind: 'pipe', name: value} : {kind: 'usage', message: '--pipe: expected a pipe name, such as --pipe=/tmp/citelint.sock'}
    if (value === '') return {kind: 'usage', message: '--socket: expected a port number, such as --socket=5007'}
    const port = /^\d{1,5}$/.test(value) ? Number(value) : 0
    if (port >= 1 && port <= 65_535) return {kind: 'socket', port}
    return {kind: 'usage', message: `--socket: invalid port \`${value}\`, expected a number from 1 to 65535`}
  }
  return {kind: 'stdio', named: false}
}

/**
 * The config file `argv` (the arguments after the script path) names for
 * every document, as the CLI's option does: `--config PATH` or
 * `--config=PATH` (the last one wins), `--no-config` for none (`false`);
 * `undefined` when neither is given (each document's config is then found
 * from its folder upwards). A `--config` without a path is a one-line usage
 * problem.
 */
export function configFileOf(argv: readonly string[]): string | false | undefined | {readonly kind: 'usage'; readonly message: string} {
  let configFile: string | false | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--no-config') configFile = false
    else if (arg === '--config' || arg.startsWith('--config=')) {
      const value = arg === '--config' ? (argv[++i] ?? '') : arg.slice('--config='.length)
      if (value === '' || value.startsWith('--')) return {kind: 'usage', message: '--config: expected a config file path, such as --config=.citelintrc.json'}
      configFile = value
    }
  }
  return configFile
}

/** Options of `startServer`. */
export interface LspOptions {
  /**
   * A config file for every document instead of discovery (`--config`),
   * relative to the process's working folder; `false` uses none
   * (`--no-config`). A client's `initializationOptions.configPath` wins.
   */
  readonly configFile?: string | false
}

/**
 * The config file a client names in `initializationOptions` (`{configPath:
 * string}`, as the VS Code extension sends its `citelint.configPath`
 * setting), resolved against `root` (the workspace folder); `undefined`
 * when it names none (absent, or an empty string), `'invalid'` when
 * `configPath` is there but not a string.
 */
export function clientConfigFile(initializationOptions: unknown, root: string): string | undefined | 'invalid' {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return undefined
  const configPath: unknown = (initializationOptions as {configPath?: unknown}).configPath
  if (configPath === undefined || configPath === null) return undefined
  if (typeof configPath !== 'string') return 'invalid'
  return configPath.trim() === '' ? undefined : path.resolve(root, configPath)
}

/**
 * Start the server; it runs until the client sends `exit` (or, over stdio,
 * until its input ends). The transport comes from the process's command
 * line (see `transportOf`); with none there it talks over stdio.
 *
 * @throws TypeError with a one-line usage message when the command line
 *   names a transport that cannot work; callers check with `transportOf`
 *   first to print it.
 */
export function startServer(options: LspOptions = {}): void {
  const argv = process.argv.slice(2)
  const transport = transportOf(argv, typeof process.send === 'function')
  if (transport.kind === 'usage') throw new TypeError(transport.message)
  // createConnection reads the transport from process.argv itself; naming
  // stdio there (rather than passing the streams) keeps what it does for
  // --stdio: console output goes to the client's log, not into the protocol.
  if (transport.kind === 'stdio' && !transport.named) process.argv.push('--stdio')
  const connection = createConnection(ProposedFeatures.all)
  const documents = new TextDocuments(TextDocument)
  const timers = new Map<string, NodeJS.Timeout>()
  const justOpened = new Set<string>()
  /** The findings of the last check of each open document, with the version they were made for. */
  const latest = new Map<string, {readonly version: number; readonly findings: readonly Finding[]}>()
  /** Documents whose file URI names another host; warned about once. */
  const warnedHosts = new Set<string>()
  let cwd = process.cwd()
  /** The config file for every document (resolved now, against the working folder), or `false` for none. */
  let configFile = typeof options.configFile === 'string' ? path.resolve(cwd, options.configFile) : options.configFile
  let versionedEdits = false
  /** Whether the client shows disabled code actions with their reason (LSP 3.16). */
  let disabledActions = false

  const targetOf = (document: TextDocument): string => {
    const target = lintTarget(document.uri, document.languageId, cwd)
    if (target.otherHost && !warnedHosts.has(document.uri)) {
      warnedHosts.add(document.uri)
      // A notification, not window.showWarningMessage (a request that waits for an answer).
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `citelint: ${document.uri} is on another host; linted as ${path.basename(target.filePath)} with the config of ${cwd}`
      })
    }
    return target.filePath
  }

  /** The findings for `document`'s text as it is now (never throws). */
  const lintNow = async (document: TextDocument): Promise<{version: number; findings: Finding[]}> => {
    // The document object is updated in place by later changes: lint a copy.
    const snapshot = TextDocument.create(document.uri, document.languageId, document.version, document.getText())
    const filePath = targetOf(snapshot)
    const lint = {cwd, ...(configFile === undefined ? {} : {configFile})}
    return {version: snapshot.version, findings: await findingsOf(snapshot, filePath, lint, (text) => connection.console.error(text))}
  }

  const check = async (document: TextDocument): Promise<void> => {
    clearTimeout(timers.get(document.uri))
    timers.delete(document.uri)
    const {version, findings} = await lintNow(document)
    // Closed or changed while it was linted: a newer check follows, if any.
    if (documents.get(document.uri)?.version !== version) return
    latest.set(document.uri, {version, findings})
    await connection.sendDiagnostics({uri: document.uri, version, diagnostics: findings.map((finding) => finding.diagnostic)})
  }

  /** Whether `initialize` was received (requests before it are refused, LSP 3.17). */
  let initialized = false

  connection.onInitialize((params) => {
    initialized = true
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri
    if (root?.startsWith('file:')) {
      try {
        cwd = fileURLToPath(root)
      } catch {
        // A root on another host: keep the working directory.
      }
    }
    const fromClient = clientConfigFile(params.initializationOptions, cwd)
    if (fromClient === 'invalid') {
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: 'citelint: initializationOptions.configPath is not a string; ignored'
      })
    } else if (fromClient !== undefined) configFile = fromClient
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true
    disabledActions = params.capabilities.textDocument?.codeAction?.disabledSupport === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]}
      },
      serverInfo: {name: 'citelint'}
    }
  })

  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri)
    void check(event.document)
  })
  documents.onDidChangeContent((event) => {
    const {uri} = event.document
    // Opening a document also fires a change; it was checked already.
    if (justOpened.delete(uri)) return
    clearTimeout(timers.get(uri))
    timers.set(uri, setTimeout(() => void check(event.document), debounceMs))
  })
  documents.onDidSave((event) => void check(event.document))
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri))
    timers.delete(event.document.uri)
    latest.delete(event.document.uri)
    warnedHosts.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onCodeAction(async (params) => {
    // LSP 3.17: a request before `initialize` is answered with ServerNotInitialized.
    if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'textDocument/codeAction before initialize')
    const requested: unknown = params?.context?.diagnostics
    if (!Array.isArray(requested) || typeof params.textDocument?.uri !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction: expected textDocument.uri and context.diagnostics (an array)')
    }
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const ours = requested.filter((diagnostic): diagnostic is Diagnostic => isDiagnostic(diagnostic) && diagnostic.source === 'citelint')
    if (ours.length === 0) return []
    let current = latest.get(document.uri)
    if (current?.version !== document.version) {
      current = await lintNow(document)
      // Changed while it was linted: offer nothing rather than edits for an older text.
      if (documents.get(document.uri)?.version !== current.version) return []
      // Kept for the next requests until the pending check publishes the same findings.
      latest.set(document.uri, current)
    }
    const format = formatOf(targetOf(document))
    const actions: CodeAction[] = []
    for (const diagnostic of ours) {
      const finding = current.findings.find((candidate) => sameDiagnostic(candidate.diagnostic, diagnostic))
      if (!finding) continue
      const editOf = (edits: LspTextEdit[]): WorkspaceEdit =>
        versionedEdits
          ? {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}]}
          : {changes: {[document.uri]: edits}}
      if (finding.fix) {
        const shift = finding.shift
        actions.push({
          title: `Fix: ${diagnostic.message}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: editOf(
            finding.fix.edits.map((edit) => ({range: range(document, edit.start + shift, edit.end + shift), newText: edit.text}))
          )
        })
      } else if (finding.fixWithheld !== undefined && disabledActions) {
        actions.push({
          title: `No fix: ${finding.fixWithheld}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          disabled: {reason: `Not fixed: ${finding.fixWithheld}`}
        })
      }
      const line = finding.diagnostic.range.start.line
      const disable = !finding.ruleId
        ? undefined
        : format === 'markdown'
          ? disableNextLine(document, line, finding.ruleId)
          : format === 'html'
            ? disableNextLineHtml(document, line, finding.ruleId)
            : undefined
      if (disable) {
        actions.push({title: `Disable ${finding.ruleId} for the next line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editOf([disable])})
      }
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
}

/** One finding of a check: the diagnostic published and what its code actions need. */
interface Finding {
  readonly diagnostic: Diagnostic
  readonly ruleId: string | undefined
  readonly fix: Fix | undefined
  /** Why a fixable rule gave this finding no fix (see `CitelintMessage.fixWithheld`). */
  readonly fixWithheld?: string | undefined
  /** 1 when the document starts with a byte order mark (citelint's offsets count after it). */
  readonly shift: number
}

/**
 * The path a document is linted as: its own for a local `file:` URI (format
 * from its extension, config found from its folder, as the CLI does); for
 * any other URI (`untitled:`, a `file:` URI naming another host), its last
 * path segment in `cwd`, with the format from the document's language id
 * (`markdown`: Markdown, anything else: plain text).
 */
export function lintTarget(uri: string, languageId: string, cwd: string): {readonly filePath: string; readonly otherHost: boolean} {
  let otherHost = false
  if (uri.startsWith('file:')) {
    try {
      return {filePath: fileURLToPath(uri), otherHost: false}
    } catch {
      otherHost = true
    }
  }
  let name = ''
  try {
    name = decodeURIComponent(new URL(uri).pathname.split('/').at(-1) ?? '')
  } catch {
    // Not a URL nor percent-encoded: keep the default name.
  }
  name = path.basename(name)
  if (name === '' || name === '.' || name === '..') name = 'untitled'
  const markdown = languageId === 'markdown'
  if (languageId === 'html') {
    if (formatOf(name) !== 'html') name += '.html'
  } else if (markdown !== (formatOf(name) === 'markdown')) name += markdown ? '.md' : '.txt'
  return {filePath: path.join(cwd, name), otherHost}
}

/**
 * Lint `document` as `filePath`, with the working folder and config file
 * (if one is named) in `lint`. A text citelint cannot lint (config error,
 * refused Markdown, internal error) gives one error diagnostic, so that
 * stale findings are replaced: on the line the parser refused, else at the
 * start of the document, worded as the CLI words it.
 */
async function findingsOf(
  document: TextDocument,
  filePath: string,
  lint: {readonly cwd: string; readonly configFile?: string | false},
  log: (text: string) => void
): Promise<Finding[]> {
  const text = document.getText()
  try {
    const result = await new Linter(lint).lint(filePath, text)
    const shift = result.bom ? 1 : 0
    return result.messages.map((message): Finding => {
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'end' in place ? place.end : start
      const diagnostic: Diagnostic = {
        range: range(document, (start?.offset ?? 0) + shift, (end?.offset ?? 0) + shift),
        severity: message.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'citelint',
        message: message.reason,
        ...(message.ruleId ? {code: message.ruleId} : {}),
        ...(message.url ? {codeDescription: {href: message.url}} : {}),
        data: {ruleId: message.ruleId, version: document.version}
      }
      return {diagnostic, ruleId: message.ruleId, fix: message.fix, fixWithheld: message.fixWithheld, shift}
    })
  } catch (error) {
    let reason: string
    let line = 0
    if (error instanceof ConfigError) reason = `${error.message}; not linted`
    else {
      reason = failureOf(filePath, error).reason
      if (isRefusal(error)) line = Math.max(0, ((error as {line?: number}).line ?? 1) - 1)
      else log(`citelint: ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    }
    const at = {line, character: 0}
    return [{diagnostic: {range: {start: at, end: at}, severity: DiagnosticSeverity.Error, source: 'citelint', message: reason}, ruleId: undefined, fix: undefined, shift: 0}]
  }
}

/** Whether `value` has the shape of an LSP diagnostic (the client may send anything). */
function isDiagnostic(value: unknown): value is Diagnostic {
  const candidate = value as Partial<Diagnostic> | null
  return typeof candidate === 'object' && candidate !== null && typeof candidate.message === 'string' && isRange(candidate.range)
}

function isRange(value: unknown): value is Range {
  const candidate = value as Partial<Range> | null | undefined
  const isPosition = (p: unknown): boolean =>
    typeof p === 'object' && p !== null && Number.isInteger((p as {line?: unknown}).line) && Number.isInteger((p as {character?: unknown}).character)
  return typeof candidate === 'object' && candidate !== null && isPosition(candidate.start) && isPosition(candidate.end)
}

/** Same rule, message and range: the client's diagnostic still names this finding. */
function sameDiagnostic(ours: Diagnostic, theirs: Diagnostic): boolean {
  return (
    ours.code === theirs.code &&
    ours.message === theirs.message &&
    ours.range.start.line === theirs.range.start.line &&
    ours.range.start.character === theirs.range.start.character &&
    ours.range.end.line === theirs.range.end.line &&
    ours.range.end.character === theirs.range.end.character
  )
}

/**
 * The edit that inserts `<!-- citelint-disable-next-line rule -->` above
 * line `line` (0-based), or undefined where the inserted line could change
 * the document's structure. An HTML comment at the start of a line begins
 * an HTML block (CommonMark 4.6, kind 2), which interrupts a paragraph, a
 * footnote definition's text and a list: so the comment goes only above a
 * line that starts a block after a blank line (or the start of the
 * document), and not above a list item, where it would end the list.
 * It takes the line's indent, to stay inside a list item or footnote
 * definition that the line continues.
 */
function disableNextLine(document: TextDocument, line: number, ruleId: string): LspTextEdit | undefined {
  const lineText = (n: number): string =>
    document.getText({start: {line: n, character: 0}, end: {line: n + 1, character: 0}})
  const text = lineText(line)
  if (line > 0 && !/^[ \t]*\r?\n?$/.test(lineText(line - 1))) return undefined
  // Not before a byte order mark.
  const character = line === 0 && text.startsWith('\uFEFF') ? 1 : 0
  const indent = /^[ \t]*/.exec(text.slice(character))?.[0] ?? ''
  // A list item's first line (the parser guard's reader of list markers, CommonMark 5.2).
  if (listMarkerEnd(text, character + indent.length) !== undefined) return undefined
  const eol = /\r\n$/.test(text) ? '\r\n' : '\n'
  const at = {line, character}
  return {range: {start: at, end: at}, newText: `${indent}<!-- citelint-disable-next-line ${ruleId} -->${eol}`}
}

/**
 * The edit that inserts `<!-- citelint-disable-next-line rule -->` above
 * line `line` (0-based) of an HTML page, or undefined where a comment there
 * would change what the page shows or be no comment: when the line starts
 * inside a tag (an attribute list that spans lines) or inside an element
 * whose text is raw or kept as written (`pre`, `textarea`, `script`,
 * `style`, `title`: HTML Living Standard, 13.1.2), or inside a comment. An
 * inserted comment and line break elsewhere is inter-element whitespace.
 * Linear in the text before the line.
 */
function disableNextLineHtml(document: TextDocument, line: number, ruleId: string): LspTextEdit | undefined {
  const before = document.getText({start: {line: 0, character: 0}, end: {line, character: 0}}).toLowerCase()
  if (before.lastIndexOf('<') > before.lastIndexOf('>')) return undefined
  if (before.lastIndexOf('<!--') > before.lastIndexOf('-->')) return undefined
  for (const tag of ['pre', 'textarea', 'script', 'style', 'title']) {
    const open = Math.max(before.lastIndexOf(`<${tag}>`), before.lastIndexOf(`<${tag} `), before.lastIndexOf(`<${tag}\n`))
    if (open > before.lastIndexOf(`</${tag}`)) return undefined
  }
  const text = document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}})
  const indent = /^[ \t]*/.exec(text)?.[0] ?? ''
  const eol = /\r\n$/.test(text) ? '\r\n' : '\n'
  const at = {line, character: 0}
  return {range: {start: at, end: at}, newText: `${indent}<!-- citelint-disable-next-line ${ruleId} -->${eol}`}
}

function range(document: TextDocument, start: number, end: number): Range {
  return {start: document.positionAt(start), end: document.positionAt(end)}
}
