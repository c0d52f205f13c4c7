/**
 * Test helpers: paths of the repository and of `../shared`, and the
 * SKIP-or-fail policy for inputs that may be absent.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository root (tests run from `dist/test`). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** `../shared` beside the repository. */
export const shared = path.resolve(root, '../shared')

/**
 * Whether an optional input is present. When it is absent, print SKIP and
 * return false on a user's machine; under `CI=true` throw instead, because
 * CI always has `../shared`.
 */
export function available(file: string, what: string): boolean {
  if (existsSync(file)) return true
  if (process.env['CI'] === 'true') throw new Error(`${what} is missing at ${file} (required under CI=true)`)
  console.log(`SKIP ${what}: ${file} not found`)
  return false
}

/** What the CLI printed and returned. */
export interface CliRun {
  readonly code: number
  readonly out: string
  readonly err: string
}

/** Run the CLI in-process with `args`, in `cwd`, with `stdin` as standard input. */
export async function runCli(args: readonly string[], cwd = root, stdin: string | Uint8Array = ''): Promise<CliRun> {
  const {run} = await import('../src/cli/main.js')
  let out = ''
  let err = ''
  const code = await run(args, {
    cwd,
    env: {},
    stdoutIsTTY: false,
    writeOut: (text) => (out += typeof text === 'string' ? text : Buffer.from(text).toString('latin1')),
    writeErr: (text) => (err += text),
    readStdin: async () => stdin
  })
  return {code, out, err}
}
