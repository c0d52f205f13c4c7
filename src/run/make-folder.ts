/**
 * Create a folder and its missing parents, for `--output-file` and
 * `--cache-location`. Node's own `mkdir(..., {recursive: true})` never
 * returns for a path under a pseudo file system that refuses new entries
 * (Node 20: `/proc/nope` spins at full CPU), so each level is made here
 * with a plain `mkdir`, from the deepest folder that exists down.
 */
import {mkdir, stat} from 'node:fs/promises'
import path from 'node:path'

/**
 * Make `folder` (absolute) and its missing parents.
 *
 * @throws the file system error of the first level that cannot be made
 *   (`ENOENT` under `/proc`, `EACCES`), `EEXIST` when `folder` is a file,
 *   `ENOTDIR` when a parent is; nothing when `folder` is already a folder.
 */
export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = []
  let current = folder
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => error)
    if (!(info instanceof Error)) {
      if (info.isDirectory()) break
      // A file where a folder should be: as mkdir says it (the folder itself, or a parent).
      const code = current === folder ? 'EEXIST' : 'ENOTDIR'
      throw Object.assign(new Error(`${code}: not a folder, mkdir '${folder}'`), {code, syscall: 'mkdir', path: folder})
    }
    if (info.code !== 'ENOENT') throw info
    const parent = path.dirname(current)
    if (parent === current) throw info
    missing.push(current)
    current = parent
  }
  for (const level of missing.reverse()) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      // Made meanwhile by another process: fine.
      if (error.code !== 'EEXIST') throw error
    })
  }
}
