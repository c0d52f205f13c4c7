/**
 * The citelint extension for VS Code: a language client
 * (vscode-languageclient) that starts citelint's language server, the one
 * bundled inside the extension unless `citelint.serverPath` names another,
 * for the documents of `documentSelector`. The server publishes the
 * findings as diagnostics and offers the quick fixes; the client adds
 * nothing of its own.
 *
 * A change to `citelint.serverPath` or `citelint.configPath` starts a new
 * client with the new settings. Both settings are restricted in untrusted
 * workspaces (package.json `capabilities`): a workspace cannot name a
 * program to run, nor a JavaScript config file, which citelint executes.
 */
import * as vscode from 'vscode'
import {LanguageClient} from 'vscode-languageclient/node.js'
import {documentSelector, initializationOptionsOf, serverOptionsOf, settingsOf} from './server-options.mjs'

let client: LanguageClient | undefined
/** The "citelint" output channel, one for the clients of every restart. */
let outputChannel: vscode.OutputChannel | undefined

/** Called by VS Code on the first document of a selected language (package.json `activationEvents`). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel('citelint')
  context.subscriptions.push(
    outputChannel,
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('citelint.serverPath') && !event.affectsConfiguration('citelint.configPath')) return
      await stopClient()
      await startClient(context)
    })
  )
  await startClient(context)
}

/** Called by VS Code when the extension stops: stop the server. */
export async function deactivate(): Promise<void> {
  await stopClient()
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('citelint')
  const settings = settingsOf((key) => configuration.get(key))
  const serverOptions = serverOptionsOf(settings, {
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    platform: process.platform
  })
  client = new LanguageClient('citelint', 'citelint', serverOptions, {
    documentSelector: [...documentSelector],
    initializationOptions: initializationOptionsOf(settings),
    ...(outputChannel ? {outputChannel} : {})
  })
  try {
    await client.start()
  } catch (error) {
    const server = settings.serverPath === '' ? 'the bundled language server' : `citelint.serverPath \`${settings.serverPath}\``
    void vscode.window.showErrorMessage(`citelint: could not start ${server}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Stop the server and drop the client; a client whose server never started has nothing to stop. */
async function stopClient(): Promise<void> {
  const previous = client
  client = undefined
  await previous?.dispose().catch(() => undefined)
}
