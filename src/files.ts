/**
 * Which files to lint, and reading them. Globs use tinyglobby (a small,
 * maintained wrapper over fdir and picomatch); directories are walked here,
 * so that an unreadable folder or a link loop met on the way is reported
 * (fdir drops such errors silently).
 */
import type {Dir, Dirent} from 'node:fs'
import {opendir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'

/** Extensions linted when walking a directory. */
export const lintedExtensions = ['md', 'markdown', 'txt'] as const
const linted = new RegExp(`\\.(${lintedExtensions.join('|')})$`, 'i')

/**
 * The file system calls used to walk folders and read files. Tests pass
 * failing ones (permission errors cannot be staged when running as root).
 */
export interface FileOps {
  readonly opendir: typeof opendir
}

/** The real file system. */
export const nodeFileOps: FileOps = {opendir}

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
  ignored: (filePath: string) => boolean = () => false,
  ops: FileOps = nodeFileOps
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
        const found = await walk(input, cwd, ops).catch((error: NodeJS.ErrnoException) => error)
        if (found instanceof Error) failures.push({filePath: input, reason: describeError(found)})
        else {
          failures.push(...found.failures)
          if (found.files.length === 0 && found.failures.length === 0) {
            failures.push({filePath: input, reason: 'no .md, .markdown or .txt files in this directory'})
          }
          for (const file of found.files) await add(file)
        }
      } else await add(input, true)
      continue
    }
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
 * Files under `directory` with a linted extension (any case), sorted,
 * skipping `node_modules` and hidden files and folders. Symbolic links are
 * followed; a folder reached twice (two links to it) is walked once.
 *
 * A folder that cannot be read, a link that loops (`ELOOP`, or a link to a
 * folder that contains it, even above `directory`) and a dangling link named like a linted file
 * become failures; the rest of the tree is still walked.
 *
 * @throws the file system error when `directory` itself cannot be read.
 */
async function walk(directory: string, cwd: string, ops: FileOps): Promise<{files: string[]; failures: FileFailure[]}> {
  const base = path.resolve(cwd, directory)
  const found: string[] = []
  const failures: FileFailure[] = []
  const shown = (relative: string): string => (relative ? path.join(directory, relative) : directory)
  interface Folder {
    readonly relative: string
    readonly real: string
  }
  const first = await ops.opendir(base)
  const seen = new Set<string>()
  const top: Folder = {relative: '', real: await realpath(base)}
  seen.add(top.real)
  const stack: Folder[] = [top]
  let handle: Dir | undefined = first
  while (stack.length > 0) {
    const folder = stack.pop()!
    const entries: Dirent[] = []
    try {
      const dir = handle ?? (await ops.opendir(path.join(base, folder.relative)))
      handle = undefined
      for await (const entry of dir) entries.push(entry)
    } catch (error) {
      failures.push({filePath: shown(folder.relative), reason: describeError(error as NodeJS.ErrnoException)})
      continue
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      let real: string | undefined
      if (entry.isSymbolicLink()) {
        const target = path.join(base, relative)
        try {
          const info = await stat(target)
          isDirectory = info.isDirectory()
          isFile = info.isFile()
          if (isDirectory) real = await realpath(target)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          if (code === 'ELOOP' || linted.test(entry.name)) {
            const reason = code === 'ENOENT' ? 'broken symbolic link' : describeError(error as NodeJS.ErrnoException)
            failures.push({filePath: shown(relative), reason})
          }
          continue
        }
      }
      if (isFile && linted.test(entry.name)) found.push(relative)
      if (!isDirectory) continue
      real ??= path.join(folder.real, entry.name)
      // A link to a folder that contains it (as find -L and ripgrep report).
      if (folder.real === real || folder.real.startsWith(real.endsWith(path.sep) ? real : real + path.sep)) {
        const target = path.relative(cwd, real) || '.'
        failures.push({filePath: shown(relative), reason: `symbolic link loop (points to ${target}, a folder that contains it), not followed`})
        continue
      }
      if (seen.has(real)) continue
      seen.add(real)
      stack.push({relative, real})
    }
  }
  return {files: found.sort().map((file) => path.join(directory, file)), failures}
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
