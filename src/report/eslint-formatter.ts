/**
 * ESLint formatters as `--format NAME`: a name that is not one of
 * citelint's built-in formats is loaded the way ESLint loads a formatter
 * (ESLint docs, "Custom Formatters" and "Command Line Interface Reference",
 * `--format`):
 *
 * - a name with a `/` that is not a scoped package (`./junit.js`,
 *   `/opt/fmt.cjs`) is a file, resolved against the working folder;
 * - any other name is a package, named as ESLint names formatter packages:
 *   `junit` is `eslint-formatter-junit` (a name already starting with
 *   `eslint-formatter-` is kept), `@scope/name` is
 *   `@scope/eslint-formatter-name`, `@scope` alone is
 *   `@scope/eslint-formatter`. It is resolved with Node's `require.resolve`
 *   from the working folder (`createRequire` on a file in it), as ESLint
 *   does, so it comes from the project's own `node_modules`.
 *
 * Unlike ESLint, which tries a package before its own formatters, citelint's
 * built-in names always win, so `json` is never a package.
 *
 * The formatter is the module's default export (`module.exports` of a
 * CommonJS module), a function `(results, context)` returning a string or a
 * promise of one. `results` are ESLint `LintResult`s (src/report/json.ts,
 * with `source` as ESLint gives it); `context` is ESLint's formatter
 * context: `cwd`, `rulesMeta` (see `rulesMeta`) and, when there were more
 * warnings than `--max-warnings`, `maxWarningsExceeded`.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {ruleDocsUrl} from '../engine/rule-docs.js'
import type {JsonResult} from './json.js'

/** The formats citelint writes itself; any other `--format` is an ESLint formatter. */
export const builtinFormats = ['stylish', 'json', 'sarif', 'github'] as const

/** Whether `name` is one of citelint's own formats. */
export function isBuiltinFormat(name: string): name is (typeof builtinFormats)[number] {
  return (builtinFormats as readonly string[]).includes(name)
}

/** A rule's meta as ESLint's formatters read it (`context.rulesMeta[ruleId]`). */
export interface EslintRuleMeta {
  /**
   * ESLint's rule type. citelint's rules have no such field: a rule that is
   * an error by default finds a broken citation (`problem`); one that warns
   * finds something to improve (`suggestion`).
   */
  readonly type: 'problem' | 'suggestion'
  readonly docs: {readonly description: string; readonly url: string}
  /** `code` for rules that offer fixes; absent otherwise. */
  readonly fixable?: 'code'
  readonly messages: Readonly<Record<string, string>>
}

/** ESLint's formatter context (the second argument of a formatter). */
export interface FormatterContext {
  /** The working folder (absolute). */
  readonly cwd: string
  readonly rulesMeta: Readonly<Record<string, EslintRuleMeta>>
  /** Only when there were more warnings than `--max-warnings`. */
  readonly maxWarningsExceeded?: {readonly maxWarnings: number; readonly foundWarnings: number}
}

/** An ESLint formatter function. */
export type EslintFormatter = (results: JsonResult[], context: FormatterContext) => unknown

/** A formatter loaded by `loadFormatter`. */
export interface LoadedFormatter {
  /** The `--format` value as given. */
  readonly name: string
  /** The file it was loaded from. */
  readonly file: string
  readonly format: EslintFormatter
}

/** A formatter that cannot be found, loaded or run; its message is one line, without the `citelint:` prefix. */
export class FormatterError extends Error {
  override name = 'FormatterError'
}

/**
 * The package ESLint loads for `--format name` (its formatter naming,
 * `eslint-formatter` the prefix): see the module's documentation.
 */
export function formatterPackageName(name: string): string {
  const prefix = 'eslint-formatter'
  const normal = name.replace(/\\/g, '/')
  if (!normal.startsWith('@')) return normal.startsWith(`${prefix}-`) ? normal : `${prefix}-${normal}`
  const slash = normal.indexOf('/')
  const scope = slash < 0 ? normal : normal.slice(0, slash)
  const rest = slash < 0 ? '' : normal.slice(slash + 1)
  if (rest === '' || rest === prefix) return `${scope}/${prefix}`
  return rest.startsWith(`${prefix}-`) ? normal : `${scope}/${prefix}-${rest}`
}

/** Whether ESLint reads `name` as a file path: it has a `/` (or `\`) and is not a scoped package name. */
function isPathName(name: string): boolean {
  const normal = name.replace(/\\/g, '/')
  return normal.includes('/') && !/^@[^/]+\//.test(normal)
}

/**
 * Load the ESLint formatter `name` (not a built-in format) from `cwd`.
 *
 * @throws FormatterError when no such package is installed, the file does
 *   not exist, loading it throws, or its default export is not a function.
 */
export async function loadFormatter(name: string, cwd: string): Promise<LoadedFormatter> {
  let file: string
  if (isPathName(name)) file = path.resolve(cwd, name)
  else {
    const packageName = formatterPackageName(name)
    try {
      file = createRequire(path.join(cwd, '__placeholder__.js')).resolve(packageName)
    } catch {
      throw new FormatterError(
        `--format ${name}: no built-in format of that name (${builtinFormats.join(', ')}) and no package ${packageName} installed in ${cwd} or above (npm install --save-dev ${packageName})`
      )
    }
  }
  let loaded: unknown
  try {
    loaded = ((await import(pathToFileURL(file).href)) as {default?: unknown}).default
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ERR_MODULE_NOT_FOUND' && isPathName(name) ? 'no such file' : firstLine(error)
    throw new FormatterError(`--format ${name}: cannot load ${file}: ${reason}`)
  }
  if (typeof loaded !== 'function') {
    throw new FormatterError(`--format ${name}: ${file} is not an ESLint formatter (its default export is not a function)`)
  }
  return {name, file, format: loaded as EslintFormatter}
}

/**
 * Run `formatter` on `results` and give its text ('' when it returns
 * nothing, as ESLint prints nothing then).
 *
 * @throws FormatterError when the formatter throws or rejects.
 */
export async function runFormatter(formatter: LoadedFormatter, results: JsonResult[], context: FormatterContext): Promise<string> {
  let output: unknown
  try {
    output = await formatter.format(results, context)
  } catch (error) {
    throw new FormatterError(`--format ${formatter.name}: the formatter failed: ${firstLine(error)}`)
  }
  return output === undefined || output === null ? '' : String(output)
}

/** Every rule's meta in ESLint's shape, by rule id (`context.rulesMeta`). */
export async function rulesMeta(): Promise<Record<string, EslintRuleMeta>> {
  // Loaded here, so that checking a --format name loads no rule.
  const {rules} = await import('../engine/registry.js')
  return Object.fromEntries(
    rules.map(({meta}) => [
      meta.id,
      {
        type: meta.severity === 'error' ? 'problem' : 'suggestion',
        docs: {description: meta.description, url: ruleDocsUrl(meta.id)},
        ...(meta.fix === 'none' ? {} : {fixable: 'code' as const}),
        messages: meta.messages
      }
    ])
  )
}

/** The first line of a thrown value's message. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n', 1)[0] || (error instanceof Error ? error.name : 'unknown error')
}
