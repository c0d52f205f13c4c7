/**
 * Atomic file writes for `--fix`: write a temporary file in the same folder,
 * then rename it over the original (a rename within one file system is
 * atomic in POSIX), so a failure at any point leaves the original intact.
 */
import * as fs from 'node:fs/promises'
import path from 'node:path'
import {readBytes} from './files.js'

/** The file system calls `writeFileAtomic` uses; tests pass failing ones. */
export interface WriteOps {
  stat: typeof fs.stat
  writeFile: typeof fs.writeFile
  chmod: typeof fs.chmod
  rename: typeof fs.rename
  unlink: typeof fs.unlink
  /** Optional so that older callers' ops still fit; `fs.realpath` when absent. */
  realpath?: typeof fs.realpath
  /** Optional; `fs.access` when absent. */
  access?: typeof fs.access
  /** Optional; `fs.chown` when absent. */
  chown?: typeof fs.chown
}

const nodeOps: WriteOps = {
  stat: fs.stat,
  writeFile: fs.writeFile,
  chmod: fs.chmod,
  rename: fs.rename,
  unlink: fs.unlink,
  realpath: fs.realpath,
  access: fs.access,
  chown: fs.chown
}

/** Thrown by `writeFileAtomic` when the file no longer holds the bytes it was expected to hold; nothing was written. */
export class FileChanged extends Error {
  constructor(readonly filePath: string) {
    super('changed while citelint ran; not fixed')
    this.name = 'FileChanged'
  }
}

/** Options of `writeFileAtomic`. */
export interface WriteOptions {
  /**
   * The bytes the file must still hold (the text that was linted and fixed).
   * The file is read again after the temporary file is written, just before
   * the rename; when it differs (edited, grown, removed or replaced in the
   * meantime), nothing is written and `FileChanged` is thrown. A change in
   * the instant between that check and the rename is not seen.
   */
  readonly expected?: Uint8Array
}

/**
 * Replace the content of `filePath` with `data` (UTF-8), keeping its mode.
 * A file that may not be written (mode, ownership) is not replaced, and
 * the new file keeps the owner and group where the system allows. A hard
 * link to the file keeps the old content (the rename gives the path a new
 * inode). A symbolic link is kept and its target written: the temporary file
 * (`.citelint-<12 hex digits>.tmp`, short, so that a long file name cannot
 * make it too long) is made beside the target and renamed over it.
 *
 * @throws FileChanged (see `WriteOptions.expected`), or the file system
 *   error (EACCES for a file that may not be written); the original file
 *   is then unchanged and the temporary file removed.
 */
export async function writeFileAtomic(filePath: string, data: string, ops: WriteOps = nodeOps, options: WriteOptions = {}): Promise<void> {
  // Loaded on first use: node:crypto is not in Node's start-up snapshot, and only --fix writes.
  const {randomBytes} = await import('node:crypto')
  const target = await (ops.realpath ?? fs.realpath)(filePath)
  const temporary = path.join(path.dirname(target), `.citelint-${randomBytes(6).toString('hex')}.tmp`)
  const {mode, uid, gid} = await ops.stat(target)
  // The rename needs only the folder to be writable: without this check a
  // read-only file would be replaced. EACCES ("permission denied") as an
  // in-place write would give.
  await (ops.access ?? fs.access)(target, fs.constants.W_OK)
  try {
    await ops.writeFile(temporary, data, {flag: 'wx'})
    await ops.chmod(temporary, mode)
    // Keep the owner and group where the system lets us (root, or a group
    // the user is in); otherwise the file takes the writer's, as any
    // replace-by-rename does.
    await (ops.chown ?? fs.chown)(temporary, uid, gid).catch(() => undefined)
    if (options.expected && !holds(target, options.expected)) throw new FileChanged(filePath)
    await ops.rename(temporary, target)
  } catch (error) {
    await ops.unlink(temporary).catch(() => undefined)
    throw error
  }
}

/** Whether the regular file `file` holds exactly `bytes` (read without blocking and at most one byte more). */
function holds(file: string, bytes: Uint8Array): boolean {
  try {
    return readBytes(file, bytes.length).equals(bytes)
  } catch {
    // Grown past the expected size, removed, or no longer a regular file.
    return false
  }
}
