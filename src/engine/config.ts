/**
 * Configuration: which rules run, at which severity, with which options.
 * The shape follows ESLint's: `rules` maps a rule id to a severity (`"off"`,
 * `"warn"`, `"error"`, or 0, 1, 2) or to `[severity, options]`; `overrides`
 * apply other rule settings to files matching globs (the way plain-text
 * reports, which have no comments, turn rules off per file).
 */
import path from 'node:path'
import picomatch from 'picomatch'
import type {AnyRule, Severity} from './rule.js'
import {rulesById} from './registry.js'
import type {Format} from '../citation-index/types.js'

/** One rule's setting as written in a configuration. */
export type RuleSetting = SeverityValue | [SeverityValue] | [SeverityValue, Record<string, unknown>]
/** A severity as written: a name or ESLint's number. */
export type SeverityValue = 'off' | 'warn' | 'error' | 0 | 1 | 2

/** Rule settings for the files matching `files`. */
export interface Override {
  /** Globs (picomatch syntax), relative to the folder of the config file (or the working folder). */
  readonly files: string | readonly string[]
  readonly rules: Readonly<Record<string, RuleSetting>>
}

/** A configuration object, as passed to `lintText` or read from a file. */
export interface Config {
  /** Rule settings keyed by rule id; rules not named run at their default severity. */
  readonly rules?: Readonly<Record<string, RuleSetting>>
  /** Later entries win over earlier ones and over `rules`. */
  readonly overrides?: readonly Override[]
  /**
   * File name extensions (without the dot, any case) read in another format
   * than their own: `{"mdx": "markdown", "text": "text"}`. Applies to the
   * files linted; directory walks still take only the built-in extensions.
   */
  readonly formats?: Readonly<Record<string, Format>>
}

/** A rule ready to run. */
export interface ResolvedRule {
  readonly rule: AnyRule
  readonly severity: 1 | 2
  readonly options: Readonly<Record<string, unknown>>
}

/** A configuration that cannot be used; the CLI reports it as a usage error (exit 2). */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const severities: Readonly<Record<string, Severity>> = {off: 0, warn: 1, error: 2, 0: 0, 1: 1, 2: 2}
const allowedSeverities = '"off", "warn", "error", 0, 1 or 2'

/**
 * Check a configuration read from `source` (a file path, or a word such as
 * `--rule` for settings from elsewhere) and return it typed.
 *
 * @throws ConfigError naming `source`, the key and the allowed values, for
 *   an unknown key, an unknown rule id, a bad severity or bad options.
 */
export function validateConfig(raw: unknown, source: string): Config {
  if (!isObject(raw)) {
    throw new ConfigError(`${source}: the configuration must be an object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`)
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'rules' && key !== 'overrides' && key !== 'formats') {
      throw new ConfigError(`${source}: unknown key \`${key}\`, expected "rules", "overrides" or "formats"`)
    }
  }
  if (raw['formats'] !== undefined) checkFormats(raw['formats'], source)
  if (raw['rules'] !== undefined) resolveRules({rules: checkRules(raw['rules'], source, 'rules')}, source)
  const overrides = raw['overrides']
  if (overrides !== undefined) {
    if (!Array.isArray(overrides)) throw new ConfigError(`${source}: "overrides" must be an array`)
    overrides.forEach((entry: unknown, i) => {
      const where = `overrides[${i}]`
      if (!isObject(entry)) throw new ConfigError(`${source}: ${where} must be an object with "files" and "rules"`)
      for (const key of Object.keys(entry)) {
        if (key !== 'files' && key !== 'rules') {
          throw new ConfigError(`${source}: unknown key \`${where}.${key}\`, expected "files" or "rules"`)
        }
      }
      const files = entry['files']
      const globs = typeof files === 'string' ? [files] : files
      if (!Array.isArray(globs) || globs.length === 0 || !globs.every((g) => typeof g === 'string' && g)) {
        throw new ConfigError(`${source}: ${where}.files must be a glob or a non-empty array of globs`)
      }
      resolveRules({rules: checkRules(entry['rules'] ?? {}, source, `${where}.rules`)}, `${source}: ${where}`)
    })
  }
  return raw as Config
}

/**
 * Check the `formats` key: an object mapping extensions (no dot, no path
 * separator) to `"markdown"` or `"text"`.
 *
 * @throws ConfigError naming `source` and the bad entry.
 */
function checkFormats(value: unknown, source: string): void {
  if (!isObject(value)) throw new ConfigError(`${source}: "formats" must be an object mapping extensions to "markdown" or "text"`)
  for (const [extension, format] of Object.entries(value)) {
    if (!extension || /[./\\]/.test(extension)) {
      throw new ConfigError(`${source}: invalid extension \`${extension}\` in "formats", expected a name without dot, such as "mdx"`)
    }
    if (format !== 'markdown' && format !== 'text') {
      throw new ConfigError(`${source}: invalid format ${JSON.stringify(format)} for \`${extension}\` in "formats", expected "markdown" or "text"`)
    }
  }
}

/** Extensions of `config.formats`, lowercased (the keys `formatOf` looks up). */
export function extensionFormats(config: Config): Readonly<Record<string, Format>> | undefined {
  if (!config.formats) return undefined
  return Object.fromEntries(Object.entries(config.formats).map(([extension, format]) => [extension.toLowerCase(), format]))
}

function checkRules(value: unknown, source: string, where: string): Record<string, RuleSetting> {
  if (!isObject(value)) throw new ConfigError(`${source}: "${where}" must be an object of rule settings`)
  return value as Record<string, RuleSetting>
}

/**
 * The rule settings that apply to `filePath` (absolute, or relative to
 * `base`): `config.rules`, then each override whose globs match the path
 * relative to `base` (the folder of the config file), in order.
 */
export function settingsFor(config: Config, filePath: string, base: string): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {...config.rules}
  const relative = path.relative(base, path.resolve(base, filePath)).split(path.sep).join('/')
  for (const override of config.overrides ?? []) {
    const globs = typeof override.files === 'string' ? [override.files] : override.files
    if (picomatch.isMatch(relative, globs as string[], {dot: true})) Object.assign(settings, override.rules)
  }
  return settings
}

/**
 * Resolve rule settings into the rules to run; rules not named run at their
 * default severity with their default options.
 *
 * @throws ConfigError for an unknown rule id, a bad severity or bad options,
 *   with a sentence naming `source`, the key and the allowed values.
 */
export function resolveRules(config: Config = {}, source = 'configuration'): ResolvedRule[] {
  const settings = config.rules ?? {}
  for (const id of Object.keys(settings)) {
    if (!rulesById.has(id)) {
      throw new ConfigError(`${source}: unknown rule \`${id}\`, expected one of: ${[...rulesById.keys()].join(', ')}`)
    }
  }
  const resolved: ResolvedRule[] = []
  for (const rule of rulesById.values()) {
    const id = rule.meta.id
    const setting = settings[id]
    if (Array.isArray(setting) && (setting.length < 1 || setting.length > 2)) {
      throw new ConfigError(
        `${source}: invalid setting for rule \`${id}\`: an array of ${setting.length} elements, expected [severity] or [severity, options]`
      )
    }
    const [value, given] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, undefined]
    const severity = severities[String(value)]
    if (severity === undefined || typeof value === 'boolean') {
      throw new ConfigError(`${source}: invalid severity ${JSON.stringify(value)} for rule \`${id}\`, expected ${allowedSeverities}`)
    }
    if (given !== undefined && !isObject(given)) {
      throw new ConfigError(`${source}: invalid options for rule \`${id}\`, expected an object`)
    }
    for (const key of Object.keys(given ?? {})) {
      if (!(key in rule.meta.defaults)) {
        const allowed = Object.keys(rule.meta.defaults)
        throw new ConfigError(
          `${source}: unknown option \`${key}\` for rule \`${id}\`, expected ${allowed.length ? `one of: ${allowed.join(', ')}` : 'no options'}`
        )
      }
    }
    if (severity === 0) continue
    const options = Object.freeze({...rule.meta.defaults, ...given})
    const problem = rule.meta.validate?.(options)
    if (problem) throw new ConfigError(`${source}: invalid options for rule \`${id}\`: ${problem}`)
    resolved.push({rule, severity, options})
  }
  return resolved
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
