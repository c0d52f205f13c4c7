#!/usr/bin/env node
// The only file that touches `process`: run the CLI and set the exit code.
// It runs the bundle (dist/bundle/, built by scripts/bundle.mjs); under
// --debug, stack traces are mapped back to the TypeScript sources.
const args = process.argv.slice(2)
if (args.includes('--debug')) process.setSourceMapsEnabled(true)
const {run} = await import('../dist/bundle/cli.js')

const code = await run(args, {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks = []
    for await (const chunk of process.stdin) chunks.push(chunk)
    return Buffer.concat(chunks)
  }
})
process.exitCode = code
