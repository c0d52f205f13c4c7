/**
 * Config files: discovery from a linted file's folder upwards, and loading a
 * file named with `--config`. lilconfig finds and caches them; the yaml
 * package parses YAML.
 *
 * Discovered files are data only, searched in this order in each folder:
 * `.citelintrc.json`, `.citelintrc.yaml`, `.citelintrc.yml`, and the
 * `citelint` key of `package.json`. A JavaScript config (`.js`, `.mjs`,
 * `.cjs`) is executed only when the user names it with `--config`.
 */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {lilconfig} from 'lilconfig'
import type {Loader} from 'lilconfig'
import type {Config} from '../engine/config.js'
import {ConfigError, validateConfig} from '../engine/config.js'

/** A configuration and where it came from. */
export interface LoadedConfig {
  readonly config: Config
  /** The config file, or `undefined` when none was found. */
  readonly filePath: string | undefined
  /** The folder override globs are relative to: the config file's, else the working folder. */
  readonly base: string
}

// A leading byte order mark (as some Windows editors save UTF-8) is not JSON: dropped (YAML allows it).
const parseJson: Loader = (filePath, raw) => {
  const content = raw.replace(/^\ufeff/, '')
  // A package.json belongs to other tools: one that is not valid JSON stops
  // the run only when it seems to hold a `"citelint"` config (an object,
  // array or null after the key; `"citelint": "^0.1.0"` in its dependencies
  // is not one); else it is passed over as holding no citelint config and
  // the search goes on above it.
  if (path.basename(filePath) === 'package.json' && !/"citelint"\s*:\s*[{[n]/.test(content)) {
    try {
      return JSON.parse(content) as unknown
    } catch {
      return {}
    }
  }
  return parseData(filePath, () => JSON.parse(content) as unknown, 'JSON')
}
// The YAML parser loads only when a YAML config is found (start-up stays lean).
const parseYamlFile: Loader = async (filePath, content) => {
  // `default`: yaml is CommonJS, whose exports Node and the bundle both give as the default export.
  const {parse} = (await import('yaml')).default
  // logLevel `error`: a warning (an unknown tag such as `!!js/function`) is
  // not printed to stderr by Node's emitWarning; the value is checked after.
  return parseData(filePath, () => parse(content, {logLevel: 'error'}) as unknown, 'YAML')
}

function parseData(filePath: string, read: () => unknown, kind: string): unknown {
  try {
    return read()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    // The yaml package's advice to call its API is no help to a user.
    const shown = (reason ?? '')
      .replace(/^Source contains multiple documents; please use YAML\.parseAllDocuments\(\)/, 'more than one YAML document (a config file holds one)')
      .replace(/:$/, '')
    throw new ConfigError(`${filePath}: invalid ${kind}: ${shown}`)
  }
}

const searchPlaces = ['.citelintrc.json', '.citelintrc.yaml', '.citelintrc.yml', 'package.json']

/**
 * @throws ConfigError when `file` exists and is not a regular file (a FIFO
 *   would block the read, a device such as /dev/zero never end it); `stat`
 *   opens nothing, and follows links.
 */
async function refuseSpecialFile(file: string, shown = file): Promise<void> {
  const info = await stat(file).catch(() => undefined)
  if (info && !info.isFile() && !info.isDirectory()) throw new ConfigError(`${shown}: not a regular file, cannot be read as a config file`)
}
const loaders = {'.json': parseJson, '.yaml': parseYamlFile, '.yml': parseYamlFile}

/**
 * Finds the config for linted files, caching per folder. Create one per run.
 */
export class ConfigFinder {
  // An empty config file is found (not passed over for one further up) and then refused by #validate.
  readonly #searcher = lilconfig('citelint', {searchPlaces, loaders, stopDir: path.parse(process.cwd()).root, ignoreEmptySearchPlaces: false})
  readonly #validated = new Map<string, LoadedConfig>()
  readonly #checked = new Set<string>()

  constructor(private readonly cwd: string) {}

  /**
   * The config for a file: the nearest config file in its folder or above.
   *
   * @throws ConfigError for an unreadable or invalid config file, naming it.
   */
  async forFile(filePath: string): Promise<LoadedConfig> {
    const folder = path.dirname(path.resolve(this.cwd, filePath))
    await this.#checkFolders(folder)
    const found = await this.#searcher.search(folder)
    if (!found) return {config: {}, filePath: undefined, base: this.cwd}
    return this.#validate(found.filepath, found.config, found.isEmpty)
  }

  /**
   * Load a config file named by the user (`--config`): JSON, YAML, or a
   * JavaScript module (executed, as the user asked for it).
   *
   * @throws ConfigError when the file is missing or invalid.
   */
  async load(filePath: string): Promise<LoadedConfig> {
    const absolute = path.resolve(this.cwd, filePath)
    await refuseSpecialFile(absolute, filePath)
    let found
    try {
      found = await this.#searcher.load(absolute)
    } catch (error) {
      if (error instanceof ConfigError) throw error
      const code = (error as NodeJS.ErrnoException).code
      const reason = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message.split('\n')[0] : String(error)
      throw new ConfigError(`${filePath}: cannot load config: ${reason}`)
    }
    return this.#validate(absolute, found?.config, found?.isEmpty)
  }

  /**
   * The config of `filePath`, checked once per file. An empty file (only
   * whitespace) and content that is not an object (`null` included) are
   * errors: a config file that says nothing is more likely a mistake than a
   * wish for the defaults.
   *
   * @throws ConfigError naming the file.
   */
  /**
   * Before lilconfig reads the config names in `folder` and above (it reads
   * them whole, blocking): a FIFO, socket or device under one of those
   * names is a ConfigError, not a hang or a read without end. Each folder is
   * checked once per run.
   */
  async #checkFolders(folder: string): Promise<void> {
    for (let dir = folder; !this.#checked.has(dir); dir = path.dirname(dir)) {
      this.#checked.add(dir)
      await Promise.all(searchPlaces.map((name) => refuseSpecialFile(path.join(dir, name))))
      if (path.dirname(dir) === dir) break
    }
  }

  #validate(filePath: string, raw: unknown, isEmpty = false): LoadedConfig {
    const cached = this.#validated.get(filePath)
    if (cached) return cached
    if (isEmpty) throw new ConfigError(`${filePath}: empty config file, expected an object such as {"rules": {}}`)
    const loaded = {config: validateConfig(raw, filePath), filePath, base: path.dirname(filePath)}
    this.#validated.set(filePath, loaded)
    return loaded
  }
}
