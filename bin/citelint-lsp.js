#!/usr/bin/env node
// The language server alone: `citelint-lsp`, the same as `citelint --lsp`. It talks over
// stdio unless the command line names another transport of vscode-languageserver
// (--node-ipc, --socket=PORT, --pipe=NAME); a transport that cannot work is a one-line
// usage error (exit 2). `--config PATH` names one config file for every document
// (`--no-config`: none), as the CLI's option does. It runs the bundle (dist/bundle/,
// built by scripts/bundle.mjs).
import {configFileOf, startServer, transportOf} from '../dist/bundle/lsp.js'

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: citelint-lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME] [--config PATH | --no-config]\n' +
      'Run the citelint language server (default: over stdio).\n' +
      'A config file named with --config (or by the client, initializationOptions.configPath) applies to every document.\n'
  )
} else {
  const transport = transportOf(args, typeof process.send === 'function')
  const configFile = configFileOf(args)
  const usage = transport.kind === 'usage' ? transport : typeof configFile === 'object' ? configFile : undefined
  if (usage) {
    process.stderr.write(`citelint-lsp: ${usage.message}\nRun \`citelint-lsp --help\` for usage.\n`)
    process.exitCode = 2
  } else startServer({configFile})
}
