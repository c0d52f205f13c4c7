#!/usr/bin/env node
// The language server alone: `citelint-lsp`, the same as `citelint --lsp`. It talks over
// stdio unless the command line names another transport of vscode-languageserver
// (--node-ipc, --socket=PORT, --pipe=NAME); a transport that cannot work is a one-line
// usage error (exit 2). It runs the bundle (dist/bundle/, built by scripts/bundle.mjs).
import {startServer, transportOf} from '../dist/bundle/lsp.js'

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: citelint-lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nRun the citelint language server (default: over stdio).\n')
} else {
  const transport = transportOf(args, typeof process.send === 'function')
  if (transport.kind === 'usage') {
    process.stderr.write(`citelint-lsp: ${transport.message}\nRun \`citelint-lsp --help\` for usage.\n`)
    process.exitCode = 2
  } else startServer()
}
