/**
 * Where a rule's documentation lives. Apart from the engine so that the
 * reporters (SARIF's `helpUri`) and the cache can name it without loading
 * the parser.
 *
 * A rule's documentation is the comment that opens its source file,
 * `rules/<id>.ts`, which the package ships (package.json `files`). The link
 * is that file in the published package of this very version, on unpkg
 * (`https://unpkg.com/<package>@<version>/<path>`, which serves `.ts` files
 * as text/plain): it works wherever the message is read (an editor, a SARIF
 * viewer, a CI log), needs no repository URL, and never drifts from the
 * rules that produced the message.
 */

/**
 * citelint's version, as in package.json. It is here because the engine does
 * no I/O; `npm version` keeps it in step (the `version` script runs
 * `scripts/release-metadata.mjs --sync-version`) and a test checks it.
 */
export const packageVersion = '0.1.0'

/** The published package's files of this version: `https://unpkg.com/citelint@<version>/`. */
export const publishedPackageUrl = `https://unpkg.com/citelint@${packageVersion}/`

/** citelint's page on the npm registry's website, of this version (its README, rendered). */
export const packagePageUrl = `https://www.npmjs.com/package/citelint/v/${packageVersion}`

/** The documentation of rule `ruleId`: its source file in the published package, version-pinned (an `https:` URL). */
export function ruleDocsUrl(ruleId: string): string {
  return `${publishedPackageUrl}rules/${ruleId}.ts`
}
