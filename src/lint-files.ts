/**
 * `lintFiles`: expand paths, find each file's config, read it, lint it. The
 * CLI uses it; so can scripts and editors that want files linted without a
 * process.
 */
import type {Config, ResolvedRule, RuleSetting} from './config.js'
import {resolveRules, settingsFor} from './config.js'
import {ConfigFinder} from './config-file.js'
import type {LoadedConfig} from './config-file.js'
import type {CitelintMessage, LintResult} from './engine.js'
import {lintText} from './engine.js'
import type {FileFailure} from './files.js'
import {expandPaths, readText} from './files.js'
import {loadIgnore} from './ignore-file.js'

/** Options of `lintFiles`. */
export interface LintFilesOptions {
  /** Folder that relative paths are resolved against (default: `process.cwd()`). */
  readonly cwd?: string
  /**
   * A configuration object to use for every file. When given, no config file
   * is searched or loaded.
   */
  readonly config?: Config
  /**
   * A config file to use instead of discovery (`--config`); `false` uses no
   * config file (`--no-config`). By default each file's config is the
   * nearest `.citelintrc.json`, `.citelintrc.yaml`, `.citelintrc.yml` or
   * `package.json` `citelint` key in its folder or above.
   */
  readonly configFile?: string | false
  /** Rule settings that win over any config (`--rule`). */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>
  /** Read `.citelintignore` (or `ignorePath`); default true. */
  readonly ignore?: boolean
  /** An ignore file to use instead of `.citelintignore`. */
  readonly ignorePath?: string
  /** Report suppression comments that suppress nothing. */
  readonly reportUnusedDisableDirectives?: boolean
}

/** Results of `lintFiles`: one per linted file, and the paths that could not be linted. */
export interface LintFilesResult {
  readonly results: LintResult[]
  readonly failures: FileFailure[]
}

/**
 * Lint files, directories and globs (see `expandPaths`). A path that cannot
 * be read, or a file citelint fails on (reason `internal error: ...`, with
 * the thrown value in `error`), becomes a failure; the other files are still
 * linted. A file named explicitly but ignored by `.citelintignore` gets a
 * result with one warning, as in ESLint.
 *
 * @throws ConfigError for an invalid config file, `--rule` setting or
 *   ignore file (a usage error: the run stops).
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd()
  const finder = new ConfigFinder(cwd)
  const fixed: LoadedConfig | undefined = options.config
    ? {config: options.config, filePath: undefined, base: cwd}
    : options.configFile === false
      ? {config: {}, filePath: undefined, base: cwd}
      : options.configFile
        ? await finder.load(options.configFile)
        : undefined
  // Check --rule settings once, before any file is read.
  resolveRules({rules: options.ruleSettings ?? {}}, '--rule')

  const ignored = options.ignore === false ? undefined : await loadIgnore(cwd, options.ignorePath)
  const {files, failures, ignoredExplicitly} = await expandPaths(paths, cwd, ignored)
  const results: LintResult[] = []
  const resolved = new Map<string, ResolvedRule[]>()

  for (const filePath of ignoredExplicitly) {
    const result = lintText('', {filePath, rules: []})
    const message = result.file.message(
      'File ignored because of a matching ignore pattern, use --no-ignore to lint it'
    ) as CitelintMessage
    message.fatal = false
    message.messageId = 'ignoredFile'
    result.file.cwd = cwd
    results.push({...result, messages: [message]})
  }

  for (const filePath of files) {
    const loaded = fixed ?? (await finder.forFile(filePath))
    const settings = {...settingsFor(loaded.config, filePath, loaded.base), ...options.ruleSettings}
    const key = `${loaded.filePath ?? ''}\0${JSON.stringify(settings)}`
    let rules = resolved.get(key)
    if (!rules) {
      rules = resolveRules({rules: settings}, loaded.filePath ?? 'configuration')
      resolved.set(key, rules)
    }
    const text = await readText(filePath, cwd)
    if (typeof text !== 'string') {
      failures.push(text)
      continue
    }
    try {
      const result = lintText(text, {
        filePath,
        rules,
        reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? false
      })
      result.file.cwd = cwd
      results.push(result)
    } catch (error) {
      // Any failure on one file (a rule bug, a stack overflow) is that file's;
      // the other files are still linted.
      const reason = error instanceof Error ? error.message : String(error)
      failures.push({filePath, reason: `internal error: ${reason}`, error})
    }
  }
  return {results, failures}
}
