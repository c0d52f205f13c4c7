/**
 * Which files to lint, and reading them. Directory walking and globs use
 * tinyglobby (a small, maintained wrapper over fdir and picomatch), loaded
 * only when a directory or glob is given.
 */
import {opendir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'

/** Extensions linted when walking a directory. */
export const lintedExtensions = ['md', 'markdown', 'txt'] as const
const linted = new RegExp(`\\.(${lintedExtensions.join('|')})$`, 'i')

/** A path that could not be linted, with a one-line reason. */
export interface FileFailure {
  readonly filePath: string
  readonly reason: string
  /** The thrown value, for an internal error (shown with `--debug`). */
  readonly error?: unknown
}

/**
 * Expand command-line paths into files: a file is taken as named (whatever
 * its extension); a directory is walked for `.md`, `.markdown` and `.txt`,
 * skipping `node_modules` and hidden folders; anything else is a glob, of
 * whose matches only those files are taken.
 * Paths come back relative to `cwd` when given relative, sorted per input,
 * without duplicates. Paths for which `ignored` is true are left out; those
 * named explicitly are listed in `ignoredExplicitly`.
 */
export async function expandPaths(
  inputs: readonly string[],
  cwd: string,
  ignored: (filePath: string) => boolean = () => false
): Promise<{files: string[]; failures: FileFailure[]; ignoredExplicitly: string[]}> {
  const files: string[] = []
  const failures: FileFailure[] = []
  const ignoredExplicitly: string[] = []
  const seen = new Set<string>()
  // Deduplicate by real path: a file reached through a symbolic link (or a
  // link loop) is linted once.
  const add = async (file: string, explicit = false): Promise<void> => {
    if (ignored(file)) {
      if (explicit) ignoredExplicitly.push(file)
      return
    }
    const resolved = path.resolve(cwd, file)
    const key = await realpath(resolved).catch(() => resolved)
    if (seen.has(key)) return
    seen.add(key)
    files.push(file)
  }
  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch((error: NodeJS.ErrnoException) => error)
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const found = await walk(input, cwd).catch((error: NodeJS.ErrnoException) => error)
        if (found instanceof Error) failures.push({filePath: input, reason: describeError(found)})
        else if (found.length === 0) failures.push({filePath: input, reason: 'no .md, .markdown or .txt files in this directory'})
        else for (const file of found) await add(file)
      } else await add(input, true)
      continue
    }
    const {glob, isDynamicPattern} = await import('tinyglobby')
    if (info.code !== 'ENOENT' || !isDynamicPattern(input)) {
      failures.push({filePath: input, reason: describeError(info)})
      continue
    }
    const matches = (await glob(input, {cwd, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false})).filter(
      (file) => linted.test(file)
    )
    if (matches.length === 0) failures.push({filePath: input, reason: 'no .md, .markdown or .txt files match this pattern'})
    for (const file of matches.sort()) await add(file)
  }
  return {files, failures, ignoredExplicitly}
}

/**
 * Files under `directory` with a linted extension (any case), following
 * symbolic links (fdir resolves them and skips loops).
 *
 * @throws the file system error when `directory` itself cannot be read.
 */
async function walk(directory: string, cwd: string): Promise<string[]> {
  const {glob} = await import('tinyglobby')
  const base = path.resolve(cwd, directory)
  await (await opendir(base)).close()
  const found = await glob(`**/*.{${lintedExtensions.join(',')}}`, {
    cwd: base,
    dot: false,
    ignore: ['**/node_modules/**'],
    caseSensitiveMatch: false,
    followSymbolicLinks: true
  })
  return found.sort().map((file) => path.join(directory, file))
}

/**
 * Read a file as UTF-8 text.
 *
 * @returns the text, or a failure for a missing or unreadable file or a
 *   binary one (NUL bytes). Invalid UTF-8 sequences become U+FFFD.
 */
export async function readText(filePath: string, cwd: string): Promise<string | FileFailure> {
  const buffer = await readFile(path.resolve(cwd, filePath)).catch((error: NodeJS.ErrnoException) => error)
  if (buffer instanceof Error) return {filePath, reason: describeError(buffer)}
  if (buffer.includes(0)) return {filePath, reason: 'binary file (contains NUL bytes), skipped'}
  return new TextDecoder('utf-8', {fatal: false, ignoreBOM: true}).decode(buffer)
}

/** A one-line reason for a file system error. */
export function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ELOOP':
      return 'too many symbolic links (loop)'
    default:
      return error.message.split('\n')[0] ?? String(error.code)
  }
}
