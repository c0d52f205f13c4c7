/**
 * Configuration: which rules run, at which severity, with which options.
 * The shape follows ESLint's `rules` setting: a severity (`"off"`, `"warn"`,
 * `"error"`, or 0, 1, 2) or an array `[severity, options]`.
 */
import type {AnyRule, Severity} from './rule.js'
import {rulesById} from './registry.js'

/** One rule's setting as written in a configuration. */
export type RuleSetting = SeverityValue | [SeverityValue] | [SeverityValue, Record<string, unknown>]
/** A severity as written: a name or ESLint's number. */
export type SeverityValue = 'off' | 'warn' | 'error' | 0 | 1 | 2

/** A configuration object, as passed to `lintText` or read from a file. */
export interface Config {
  /** Rule settings keyed by rule id; rules not named run at their default severity. */
  readonly rules?: Readonly<Record<string, RuleSetting>>
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

/**
 * Resolve a configuration into the rules to run.
 *
 * @throws ConfigError for an unknown rule id, a bad severity or bad options,
 *   with a sentence naming the key and the allowed values.
 */
export function resolveRules(config: Config = {}): ResolvedRule[] {
  const settings = config.rules ?? {}
  for (const id of Object.keys(settings)) {
    if (!rulesById.has(id)) {
      throw new ConfigError(`Unknown rule \`${id}\` in "rules", expected one of: ${[...rulesById.keys()].join(', ')}`)
    }
  }
  const resolved: ResolvedRule[] = []
  for (const rule of rulesById.values()) {
    const setting = settings[rule.meta.id]
    const [value, given] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, undefined]
    const severity = severities[String(value)]
    if (severity === undefined) {
      throw new ConfigError(
        `Invalid severity ${JSON.stringify(value)} for rule \`${rule.meta.id}\`, expected "off", "warn", "error", 0, 1 or 2`
      )
    }
    if (severity === 0) continue
    if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
      throw new ConfigError(`Invalid options for rule \`${rule.meta.id}\`, expected an object`)
    }
    for (const key of Object.keys(given ?? {})) {
      if (!(key in rule.meta.defaults)) {
        const allowed = Object.keys(rule.meta.defaults)
        throw new ConfigError(
          `Unknown option \`${key}\` for rule \`${rule.meta.id}\`, expected ${allowed.length ? `one of: ${allowed.join(', ')}` : 'no options'}`
        )
      }
    }
    const options = Object.freeze({...rule.meta.defaults, ...given})
    const problem = rule.meta.validate?.(options)
    if (problem) throw new ConfigError(`Invalid options for rule \`${rule.meta.id}\`: ${problem}`)
    resolved.push({rule, severity, options})
  }
  return resolved
}
