/**
 * Ignore files: `.citelintignore` in the working folder, or the file named
 * with `--ignore-path`, in gitignore syntax, matched with the `ignore`
 * package (the matcher ESLint uses). Patterns are relative to the working
 * folder.
 */
import path from 'node:path'
import {ConfigError} from '../engine/config.js'
import {NotRegularFile, defaultMaxFileSize, describeError, readBytes} from './files.js'

/** Decides whether a path (relative to the working folder, or absolute) is ignored. */
export type IgnoreTest = (filePath: string) => boolean

/**
 * Load the ignore rules.
 *
 * @param ignorePath a file named by the user; missing is an error.
 * @returns a test, or `undefined` when there is nothing to ignore.
 * @throws ConfigError when `ignorePath` cannot be read.
 */
export async function loadIgnore(cwd: string, ignorePath?: string): Promise<IgnoreTest | undefined> {
  const file = path.resolve(cwd, ignorePath ?? '.citelintignore')
  let text: string
  try {
    // As linted files are read: never blocking on a FIFO, never past the size limit.
    text = readBytes(file, defaultMaxFileSize).toString('utf8')
  } catch (error) {
    if (ignorePath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    const reason =
      error instanceof NotRegularFile
        ? 'not a regular file'
        : (error as NodeJS.ErrnoException).code
          ? describeError(error as NodeJS.ErrnoException)
          : (error as Error).message.split('\n')[0]
    throw new ConfigError(`${ignorePath ?? file}: cannot read ignore file: ${reason}`)
  }
  // Loaded only when there is an ignore file (start-up stays lean without one).
  const {default: ignore} = await import('ignore')
  const matcher = ignore().add(text)
  return (filePath) => {
    const relative = path.relative(cwd, path.resolve(cwd, filePath)).split(path.sep).join('/')
    // Paths outside the working folder cannot be matched by its patterns.
    if (!relative || relative.startsWith('../') || path.isAbsolute(relative)) return false
    return matcher.ignores(relative)
  }
}
