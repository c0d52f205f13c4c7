/**
 * Atomic file writes for `--fix`: write a temporary file in the same folder,
 * then rename it over the original (a rename within one file system is
 * atomic in POSIX), so a failure at any point leaves the original intact.
 */
import * as fs from 'node:fs/promises'
import path from 'node:path'

/** The file system calls `writeFileAtomic` uses; tests pass failing ones. */
export interface WriteOps {
  stat: typeof fs.stat
  writeFile: typeof fs.writeFile
  chmod: typeof fs.chmod
  rename: typeof fs.rename
  unlink: typeof fs.unlink
}

const nodeOps: WriteOps = {stat: fs.stat, writeFile: fs.writeFile, chmod: fs.chmod, rename: fs.rename, unlink: fs.unlink}

/**
 * Replace the content of `filePath` with `data` (UTF-8), keeping its mode.
 *
 * @throws the file system error; the original file is then unchanged and
 *   the temporary file removed.
 */
export async function writeFileAtomic(filePath: string, data: string, ops: WriteOps = nodeOps): Promise<void> {
  // Loaded on first use: node:crypto is not in Node's start-up snapshot, and only --fix writes.
  const {randomBytes} = await import('node:crypto')
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.citelint-${randomBytes(6).toString('hex')}.tmp`)
  const {mode} = await ops.stat(filePath)
  try {
    await ops.writeFile(temporary, data, {flag: 'wx'})
    await ops.chmod(temporary, mode)
    await ops.rename(temporary, filePath)
  } catch (error) {
    await ops.unlink(temporary).catch(() => undefined)
    throw error
  }
}
