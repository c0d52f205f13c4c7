/**
 * The language server: `citelint --lsp --stdio` (or `citelint-lsp --stdio`)
 * speaks the Language Server Protocol 3.17 over stdio, using
 * vscode-languageserver. It publishes diagnostics on open and save at once,
 * and on change after a short pause; it offers code actions that apply a
 * rule's fix and, in Markdown, that add a `citelint-disable-next-line`
 * comment. Configuration comes from the same files as the CLI, read afresh
 * for each check so edits to them apply at once.
 *
 * Positions: LSP's default position encoding is UTF-16 code units, the unit
 * of citelint's offsets; lines and characters are 0-based there.
 */
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection
} from 'vscode-languageserver/node.js'
import type {CodeAction, Diagnostic, Range} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {Linter} from './lint-files.js'
import {formatOf} from './parse/format.js'
import {BlockTooLong, NestingTooDeep} from './parse/nesting.js'
import type {Fix} from './rule.js'

/** Pause after the last change before checking again, in milliseconds. */
export const debounceMs = 200

/** What a diagnostic carries for its code actions. */
interface DiagnosticData {
  readonly ruleId: string | undefined
  readonly fix: Fix | undefined
  /** 1 when the document starts with a byte order mark (offsets count after it). */
  readonly shift: number
}

/** Start the server on stdio; it runs until the client sends `exit`. */
export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all)
  const documents = new TextDocuments(TextDocument)
  const timers = new Map<string, NodeJS.Timeout>()
  const justOpened = new Set<string>()
  let cwd = process.cwd()

  const pathOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri)

  const check = async (document: TextDocument): Promise<void> => {
    clearTimeout(timers.get(document.uri))
    timers.delete(document.uri)
    let diagnostics: Diagnostic[]
    try {
      const result = await new Linter({cwd}).lint(pathOf(document.uri), document.getText())
      const shift = result.bom ? 1 : 0
      diagnostics = result.messages.map((message): Diagnostic => {
        const place = message.place
        const start = place && 'start' in place ? place.start : place
        const end = place && 'end' in place ? place.end : start
        const data: DiagnosticData = {ruleId: message.ruleId, fix: message.fix, shift}
        return {
          range: {
            start: document.positionAt((start?.offset ?? 0) + shift),
            end: document.positionAt((end?.offset ?? 0) + shift)
          },
          severity: message.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          source: 'citelint',
          message: message.reason,
          ...(message.ruleId ? {code: message.ruleId} : {}),
          ...(message.url ? {codeDescription: {href: message.url}} : {}),
          data
        }
      })
    } catch (error) {
      if (!(error instanceof NestingTooDeep || error instanceof BlockTooLong)) {
        connection.console.error(`citelint: ${document.uri}: ${error instanceof Error ? error.message : String(error)}`)
        return
      }
      // The parser refuses the text: say so on its line, in place of stale findings.
      const line = {line: error.line - 1, character: 0}
      diagnostics = [{range: {start: line, end: line}, severity: DiagnosticSeverity.Error, source: 'citelint', message: `${error.message}; not linted`}]
    }
    await connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
  }

  connection.onInitialize((params) => {
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri
    if (root?.startsWith('file:')) cwd = fileURLToPath(root)
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
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const markdown = formatOf(pathOf(document.uri)) === 'markdown'
    const actions: CodeAction[] = []
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'citelint') continue
      const data = diagnostic.data as DiagnosticData | undefined
      if (data?.fix) {
        actions.push({
          title: `Fix: ${diagnostic.message}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: {
            changes: {
              [document.uri]: data.fix.edits.map((edit) => ({
                range: range(document, edit.start + data.shift, edit.end + data.shift),
                newText: edit.text
              }))
            }
          }
        })
      }
      if (markdown && data?.ruleId) {
        const line = diagnostic.range.start.line
        const text = document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}})
        const indent = /^[ \t]*/.exec(text)?.[0] ?? ''
        const eol = /\r\n$/.test(text) ? '\r\n' : '\n'
        actions.push({
          title: `Disable ${data.ruleId} for the next line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: {
            changes: {
              [document.uri]: [
                {
                  range: {start: {line, character: 0}, end: {line, character: 0}},
                  newText: `${indent}<!-- citelint-disable-next-line ${data.ruleId} -->${eol}`
                }
              ]
            }
          }
        })
      }
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
}

function range(document: TextDocument, start: number, end: number): Range {
  return {start: document.positionAt(start), end: document.positionAt(end)}
}
