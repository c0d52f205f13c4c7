/**
 * citelint's package folder, for files that ship with it (package.json,
 * README.md, rules/). Keep this module directly in src/: compiled it is
 * dist/src/package-root.js, bundled it lands in a chunk in dist/bundle/,
 * and both are two folders below the package root, so one relative URL
 * serves both builds (a module deeper in src/ could not say `../../..`).
 */

/** The package root as a `file:` URL, ending in `/`. */
export const packageRoot: URL = new URL('../../', import.meta.url)
