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
  readStdin: async (maxBytes) => {
    // Node reads a directory given as standard input as empty: say what it is.
    const {fstatSync} = await import('node:fs')
    let isDirectory = false
    try {
      isDirectory = fstatSync(0).isDirectory()
    } catch {
      // No descriptor 0: reading below says so.
    }
    if (isDirectory) throw Object.assign(new Error('standard input is a directory'), {code: 'EISDIR'})
    const chunks = []
    let total = 0
    for await (const chunk of process.stdin) {
      chunks.push(chunk)
      total += chunk.length
      // Past the limit the input is refused: the rest is not read.
      if (maxBytes !== undefined && total > maxBytes) break
    }
    return Buffer.concat(chunks)
  }
})
process.exitCode = code
