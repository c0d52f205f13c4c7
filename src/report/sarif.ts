/**
 * SARIF output: one SARIF 2.1.0 log (OASIS Standard, errata 01) with one run,
 * for code scanning services and editors that read SARIF.
 *
 * - `tool.driver` describes citelint and every registered rule
 *   (`reportingDescriptor`, SARIF 2.1.0 §3.49), whether or not it ran, so a
 *   result's `ruleIndex` (§3.27.6) is its rule's place in `registry.rules`;
 *   citelint's own messages (invalid UTF-8, an ignored file, a disable
 *   comment naming an unknown rule or suppressing nothing) follow as
 *   `citelint/...` descriptors (`ownMessages` below).
 * - Each message becomes a `result` (§3.27): `level` `error` or `warning`
 *   from the message's `fatal` (the severity it was reported with, not the
 *   rule's default), `message.text` its reason, one location.
 * - Positions: `region` (§3.30) lines and columns are 1-based and count
 *   UTF-16 code units, declared by `run.columnKind: "utf16CodeUnits"`
 *   (§3.14.23); `endColumn` is the column just after the last character
 *   (§3.30.8), as in vfile.
 * - Paths: `artifactLocation.uri` (§3.4.3) is the file's path relative to
 *   `cwd`, with `/` separators and each segment percent-encoded, resolved
 *   against `uriBaseId: "SRCROOT"`, which `run.originalUriBaseIds` (§3.14.14)
 *   maps to the file URI of `cwd`. A file outside `cwd` gets an absolute
 *   `file:` URI and no `uriBaseId`.
 * - A message's `cause` (the first note of a duplicate pair) becomes a
 *   `relatedLocations` entry (§3.27.22) with its own message; a finding
 *   reported once for many notes (`related`) gets one entry per note.
 *
 * The output has no timestamps, GUIDs or machine names: the same input gives
 * the same text.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Point, Position} from 'unist'
import type {CitelintMessage, LintResult} from '../engine/engine.js'
import {packagePageUrl, ruleDocsUrl} from '../engine/rule-docs.js'
import {packageRoot} from '../engine/package-root.js'
import {rules} from '../engine/registry.js'

/** Options of `formatSarif`. */
export interface SarifOptions {
  /** Folder that artifact URIs are relative to; it becomes `SRCROOT`. Usually the CLI's cwd. */
  readonly cwd: string
  /** `tool.driver.version`; default: the `version` of citelint's `package.json`. */
  readonly version?: string
  /**
   * Repository URL used for `informationUri` and the `helpUri` of
   * citelint's own messages; default: the `repository` of citelint's
   * `package.json`, if it has one (`scripts/release-metadata.mjs` sets it),
   * else citelint's page on npm, of this version. A rule's `helpUri` is
   * always its version-pinned documentation (`ruleDocsUrl`).
   */
  readonly repositoryUrl?: string
}

/** The SARIF 2.1.0 schema URI, as published by OASIS (errata 01). */
export const sarifSchemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** A region (SARIF 2.1.0 §3.30): 1-based lines and columns in UTF-16 code units, end column exclusive. */
export interface SarifRegion {
  readonly startLine: number
  readonly startColumn: number
  readonly endLine: number
  readonly endColumn: number
}

/** A location (§3.28) with a physical location (§3.29). */
export interface SarifLocation {
  readonly id?: number
  readonly physicalLocation: {
    readonly artifactLocation: {readonly uri?: string; readonly uriBaseId?: string}
    readonly region?: SarifRegion
  }
  readonly message?: {readonly text: string}
}

/** A result (§3.27), as citelint writes it. */
export interface SarifResult {
  readonly ruleId: string
  readonly ruleIndex?: number
  readonly level: 'error' | 'warning'
  readonly message: {readonly text: string}
  readonly locations: readonly SarifLocation[]
  readonly relatedLocations?: readonly SarifLocation[]
}

/** A rule's reporting descriptor (§3.49). */
export interface SarifRule {
  readonly id: string
  readonly shortDescription: {readonly text: string}
  readonly helpUri: string
  readonly defaultConfiguration: {readonly level: 'error' | 'warning'}
}

/** The SARIF log (§3.13) `formatSarif` serialises. */
export interface SarifLog {
  readonly $schema: string
  readonly version: '2.1.0'
  readonly runs: readonly [
    {
      readonly tool: {
        readonly driver: {
          readonly name: 'citelint'
          readonly version: string
          readonly informationUri: string
          readonly rules: readonly SarifRule[]
        }
      }
      readonly columnKind: 'utf16CodeUnits'
      readonly originalUriBaseIds: {readonly SRCROOT: {readonly uri: string}}
      readonly results: readonly SarifResult[]
    }
  ]
}

/**
 * citelint's own messages, which no rule reports: each gets a descriptor in
 * `tool.driver.rules` too (id `citelint/` and the message id in kebab case,
 * `citelint/invalid-utf8`), so that every result's `ruleId` is one of the
 * run's rules (SARIF 2.1.0 §3.27.5; GitHub code scanning groups alerts by
 * rule).
 */
const ownMessages: Readonly<Record<string, {readonly text: string; readonly level: 'error' | 'warning'}>> = {
  invalidUtf8: {text: 'A file must be valid UTF-8 (it is linted with U+FFFD, never fixed)', level: 'warning'},
  ignoredFile: {text: 'A file named on the command line is ignored by .citelintignore', level: 'warning'},
  unknownRule: {text: 'A citelint-disable comment must name known rules', level: 'error'},
  unusedDirective: {text: 'A citelint-disable comment must suppress some problem (--report-unused-disable-directives)', level: 'error'}
}

/** The SARIF rule id of an own message: `invalidUtf8` -> `citelint/invalid-utf8`. */
function ownRuleId(messageId: string): string {
  return `citelint/${messageId.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
}

/** Build the SARIF log object for `results` (see the module comment for the mapping). */
export function toSarifLog(results: readonly Pick<LintResult, 'file' | 'messages'>[], options: SarifOptions): SarifLog {
  const pkg = packageInfo()
  const version = options.version ?? pkg.version
  const repository = webRepositoryUrl(options.repositoryUrl ?? pkg.repository)
  const descriptors = [
    ...rules.map(({meta}) => ({
      id: meta.id,
      shortDescription: {text: meta.description},
      helpUri: ruleDocsUrl(meta.id),
      defaultConfiguration: {level: meta.severity === 'error' ? ('error' as const) : ('warning' as const)}
    })),
    ...Object.entries(ownMessages).map(([messageId, {text, level}]) => ({
      id: ownRuleId(messageId),
      shortDescription: {text},
      helpUri: repository ? `${repository}#readme` : packagePageUrl,
      defaultConfiguration: {level}
    }))
  ]
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]))
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'citelint',
            version,
            informationUri: repository ?? packagePageUrl,
            rules: descriptors
          }
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: {SRCROOT: {uri: directoryUri(options.cwd)}},
        results: results.flatMap((result) => {
          const artifactLocation = artifactLocationOf(result, options.cwd)
          return result.messages.map((message) => toSarifResult(message, artifactLocation, ruleIndex))
        })
      }
    ]
  }
}

/**
 * Format results as a SARIF 2.1.0 log: JSON with 2-space indentation, no
 * trailing newline.
 */
export function formatSarif(results: readonly Pick<LintResult, 'file' | 'messages'>[], options: SarifOptions): string {
  return JSON.stringify(toSarifLog(results, options), null, 2)
}

function toSarifResult(
  message: CitelintMessage,
  artifactLocation: SarifLocation['physicalLocation']['artifactLocation'],
  ruleIndex: ReadonlyMap<string, number>
): SarifResult {
  const ruleId = message.ruleId ?? ownRuleId(message.messageId)
  const index = ruleIndex.get(ruleId)
  const related = message.related?.length ? message.related : [causeOf(message)].filter((c) => c !== undefined)
  return {
    ruleId,
    ...(index === undefined ? {} : {ruleIndex: index}),
    level: message.fatal ? 'error' : 'warning',
    message: {text: message.reason},
    locations: [{physicalLocation: physicalLocation(artifactLocation, message.place)}],
    // The engine reports related places in the same file as the message.
    ...(related.length > 0
      ? {
          relatedLocations: related.map((place, i) => ({
            id: i + 1,
            physicalLocation: physicalLocation(artifactLocation, place.place),
            message: {text: place.reason}
          }))
        }
      : {})
  }
}

function physicalLocation(
  artifactLocation: SarifLocation['physicalLocation']['artifactLocation'],
  place: Point | Position | undefined
): SarifLocation['physicalLocation'] {
  const region = regionOf(place)
  return region ? {artifactLocation, region} : {artifactLocation}
}

/** The region of a vfile place; a point becomes an empty region; no place, no region. */
function regionOf(place: Point | Position | undefined): SarifRegion | undefined {
  if (!place) return undefined
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : place
  return {startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column}
}

/** A message's `cause` when it is a vfile message (with a reason and maybe a place). */
function causeOf(message: CitelintMessage): {reason: string; place: Point | Position | undefined} | undefined {
  const cause: unknown = message.cause
  if (!cause || typeof cause !== 'object' || !('reason' in cause) || typeof cause.reason !== 'string') return undefined
  const place = 'place' in cause ? (cause.place as Point | Position | undefined) : undefined
  return {reason: cause.reason, place}
}

function artifactLocationOf(result: Pick<LintResult, 'file'>, cwd: string): SarifLocation['physicalLocation']['artifactLocation'] {
  const file = result.file
  if (!file.path) return {}
  const absolute = path.resolve(file.cwd, file.path)
  const relative = path.relative(cwd, absolute)
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return {uri: pathToFileURL(absolute).href}
  }
  return {uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT'}
}

/** The file URI of a folder, ending in `/` as §3.14.14 requires of base URIs. */
function directoryUri(folder: string): string {
  const href = pathToFileURL(path.resolve(folder)).href
  return href.endsWith('/') ? href : `${href}/`
}

/**
 * A browsable https URL for a package.json `repository` (`git+https://host/o/r.git`,
 * `github:o/r`, `o/r`); `undefined` when there is none or it is not GitHub,
 * whose `blob/HEAD/<path>` links citelint builds.
 */
function webRepositoryUrl(repository: string | undefined): string | undefined {
  if (!repository) return undefined
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(repository)
  const url = shorthand ? `https://github.com/${shorthand[1]}` : repository.replace(/^git\+/, '').replace(/\.git$/, '')
  const match = /^(?:https?|ssh|git):\/\/(?:git@)?github\.com\/([\w.-]+\/[\w.-]+?)\/?$/.exec(url)
  return match ? `https://github.com/${match[1]}` : undefined
}

interface PackageInfo {
  readonly version: string
  readonly repository: string | undefined
}

let cachedPackageInfo: PackageInfo | undefined

/** citelint's own package.json, read on first use (not at import). */
function packageInfo(): PackageInfo {
  if (!cachedPackageInfo) {
    const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {
      version?: unknown
      repository?: unknown
    }
    const repository =
      typeof pkg.repository === 'string'
        ? pkg.repository
        : pkg.repository && typeof pkg.repository === 'object' && 'url' in pkg.repository && typeof pkg.repository.url === 'string'
          ? pkg.repository.url
          : undefined
    cachedPackageInfo = {version: typeof pkg.version === 'string' ? pkg.version : '0.0.0', repository}
  }
  return cachedPackageInfo
}
