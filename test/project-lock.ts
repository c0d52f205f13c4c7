/**
 * A package-lock.json for a throwaway project that installs the packed
 * citelint tarball (and root devDependencies beside it) with no network:
 * `npm install --offline` resolves a package without a lock from its
 * registry document (the packument), which `npm ci` never caches; with a
 * lock, npm needs only the tarballs, which the root `npm ci` put in the
 * cache (keyed by integrity). The entries are copied from the root
 * package-lock.json (npm lockfile v3, `packages` keyed by install path), so
 * the versions are exactly those the repository tests with.
 */

/** One entry of a v3 lockfile's `packages`. */
interface LockEntry {
  readonly version?: string
  readonly resolved?: string
  readonly integrity?: string
  readonly dependencies?: Readonly<Record<string, string>>
  readonly optionalDependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
  readonly [key: string]: unknown
}

/** The parts of a v3 lockfile read here. */
export interface Lockfile {
  readonly lockfileVersion: number
  readonly packages: Readonly<Record<string, LockEntry>>
}

/** The tarball to install: its file name in the project folder, its integrity (`npm pack --json`) and its package.json. */
export interface Tarball {
  readonly file: string
  readonly integrity: string
  readonly manifest: {
    readonly name: string
    readonly version: string
    readonly license?: string
    readonly dependencies?: Readonly<Record<string, string>>
    readonly bin?: Readonly<Record<string, string>>
    readonly engines?: Readonly<Record<string, string>>
  }
}

/**
 * The project's package.json and package-lock.json: `tarball` and the
 * packages named in `alongside` (name to version range) as dependencies,
 * with every package they need, placed where the root lock places them.
 * `overrides` must be the root's (package.json `overrides`): npm holds a
 * locked entry that an override chose (an alias, say) invalid without it.
 *
 * @throws Error when a needed package is not in `rootLock` (a name in
 *   `alongside` that is not a root dependency, say).
 */
export function projectFiles(
  rootLock: Lockfile,
  tarball: Tarball,
  alongside: Readonly<Record<string, string>> = {},
  overrides?: object
): {packageJson: object; lock: object} {
  if (rootLock.lockfileVersion < 2) throw new Error(`package-lock.json: lockfileVersion ${rootLock.lockfileVersion}, expected 2 or 3`)
  const {manifest} = tarball
  const dependencies = {[manifest.name]: `file:${tarball.file}`, ...alongside}
  const chosen = new Map<string, LockEntry>()

  /** Find `name` as Node would from the package at lock path `from` ('' for the project), and add it. */
  const visit = (from: string, name: string, optional: boolean): void => {
    let dir = from
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`
      if (rootLock.packages[candidate]) return add(candidate)
      if (!dir) break
      const at = dir.lastIndexOf('/node_modules/')
      dir = at < 0 ? '' : dir.slice(0, at)
    }
    if (!optional) throw new Error(`${name} (needed by ${from || 'the project'}) is not in the root package-lock.json`)
  }
  const add = (lockPath: string): void => {
    if (chosen.has(lockPath)) return
    const entry = rootLock.packages[lockPath]!
    // Dependency kinds are the project's: what is dev in the root is not here.
    const {dev: _dev, devOptional: _devOptional, peer: _peer, ...kept} = entry
    chosen.set(lockPath, kept)
    for (const name of Object.keys(entry.dependencies ?? {})) visit(lockPath, name, false)
    for (const name of Object.keys(entry.optionalDependencies ?? {})) visit(lockPath, name, true)
    for (const name of Object.keys(entry.peerDependencies ?? {})) visit(lockPath, name, true)
  }
  for (const name of Object.keys(manifest.dependencies ?? {})) visit('', name, false)
  for (const name of Object.keys(alongside)) visit('', name, false)

  const self: Record<string, unknown> = {
    version: manifest.version,
    resolved: `file:${tarball.file}`,
    integrity: tarball.integrity,
    license: manifest.license,
    dependencies: manifest.dependencies,
    bin: manifest.bin,
    engines: manifest.engines
  }
  const name = 'citelint-pack-test'
  const packages = Object.fromEntries(
    [...chosen.entries(), [`node_modules/${manifest.name}`, self] as const].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )
  return {
    packageJson: {name, version: '1.0.0', private: true, type: 'module', dependencies, ...(overrides ? {overrides} : {})},
    lock: {name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: {'': {name, version: '1.0.0', dependencies}, ...packages}}
  }
}
