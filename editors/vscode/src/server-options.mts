/**
 * What the VS Code extension hands to vscode-languageclient, built from the
 * extension's settings without touching VS Code, so that tests can check
 * it: the documents the client sends to the server, how the server is
 * started, and the options sent with `initialize`.
 *
 * Types only from vscode-languageclient (its values load the `vscode`
 * module, which exists only inside VS Code); the numbers of its
 * `TransportKind` enum are repeated here and checked against the enum by
 * the compiler.
 */
import path from 'node:path'
import type {DocumentFilter, Executable, NodeModule, ServerOptions, TransportKind} from 'vscode-languageclient/node.js'

/** `TransportKind.stdio` and `TransportKind.ipc` of vscode-languageclient 9 (lib/node/main.d.ts). */
const stdio: TransportKind.stdio = 0
const ipc: TransportKind.ipc = 1

/**
 * The language server shipped inside the extension, relative to the
 * extension's folder: the package's own `bin/citelint-lsp.js` beside the
 * bundle it runs (`server/dist/bundle/`), as `npm run vsix` lays them out.
 */
export const bundledServer = 'server/bin/citelint-lsp.js'

/**
 * The extension's settings, as the user wrote them (see `settingsOf`).
 * `serverPath`: the language server to run instead of the bundled one, ''
 * for the bundled one. `configPath`: one citelint config file for every
 * document, '' to find each document's own as the CLI does.
 */
export interface CitelintSettings {
  readonly serverPath: string
  readonly configPath: string
}

/**
 * The settings from `get` (VS Code's `workspace.getConfiguration('citelint').get`),
 * trimmed; a value that is not a string counts as not set ('').
 */
export function settingsOf(get: (key: 'serverPath' | 'configPath') => unknown): CitelintSettings {
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
  return {serverPath: text(get('serverPath')), configPath: text(get('configPath'))}
}

/**
 * The documents citelint lints, on disk (`file:`) and unsaved
 * (`untitled:`), by VS Code language id: Markdown, plain text and HTML
 * (VS Code's own ids), and R Markdown (`rmd`) and Quarto (`quarto`), ids
 * that the R and Quarto extensions give `.Rmd` and `.qmd` files. Without
 * those extensions VS Code opens such files as plain text, which is
 * selected too; the server takes the format from the file's extension.
 * Other schemes (`git:`, `vscode-notebook-cell:`...) are left alone.
 */
export const documentSelector: readonly DocumentFilter[] = ['markdown', 'plaintext', 'html', 'rmd', 'quarto'].flatMap((language) => [
  {scheme: 'file', language},
  {scheme: 'untitled', language}
])

/** Where the server options are built: paths of the extension and of the first workspace folder (if any), and the platform (`process.platform`). */
export interface ServerPlace {
  readonly extensionPath: string
  readonly workspaceFolder?: string | undefined
  readonly platform: NodeJS.Platform
}

/**
 * How vscode-languageclient starts the server:
 *
 * - no `serverPath`: the bundled server (`bundledServer`) as a Node.js
 *   module, which the client forks with VS Code's own Node.js runtime and
 *   talks to over IPC (`--node-ipc`), so neither Node.js nor citelint
 *   needs to be installed;
 * - a `serverPath` ending in `.js`, `.mjs` or `.cjs`: that module, the
 *   same way (for example a project's `node_modules/citelint/bin/citelint-lsp.js`);
 * - any other `serverPath`: that executable (such as `citelint-lsp`
 *   installed with npm), over stdio (the client adds `--stdio`); on
 *   Windows a `.cmd` or `.bat` file (as npm installs bins) runs through
 *   the shell, which Node.js requires for them.
 *
 * A `serverPath` with a folder in it and not absolute is relative to the
 * workspace folder; a bare name (`citelint-lsp`) is looked up on PATH.
 * Paths follow the rules of `place.platform` (Windows or POSIX).
 */
export function serverOptionsOf(settings: CitelintSettings, place: ServerPlace): ServerOptions {
  const {serverPath} = settings
  // The platform's path rules, whichever platform runs this.
  const paths = place.platform === 'win32' ? path.win32 : path.posix
  if (serverPath === '') return both({module: paths.join(place.extensionPath, bundledServer), transport: ipc})
  const hasFolder = /[\\/]/.test(serverPath)
  const resolved = hasFolder && !paths.isAbsolute(serverPath) && place.workspaceFolder ? paths.resolve(place.workspaceFolder, serverPath) : serverPath
  if (/\.[cm]?js$/i.test(resolved)) return both({module: resolved, transport: ipc})
  const shell = place.platform === 'win32' && /\.(cmd|bat)$/i.test(resolved)
  return both({command: resolved, transport: stdio, ...(shell ? {options: {shell: true}} : {})})
}

/** The same options for running and for debugging the extension. */
function both<T extends NodeModule | Executable>(options: T): {run: T; debug: T} {
  return {run: options, debug: options}
}

/**
 * The `initializationOptions` of `initialize`: `{configPath}` when a config
 * file is set (the server resolves a relative path against the workspace
 * folder, and then uses that one file for every document), else none.
 */
export function initializationOptionsOf(settings: CitelintSettings): {readonly configPath?: string} {
  return settings.configPath === '' ? {} : {configPath: settings.configPath}
}
