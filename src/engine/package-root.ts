/**
 * citelint's package folder, for files that ship with it (package.json,
 * README.md, rules/). Compiled, this module is dist/src/run/package-root.js,
 * three folders below the package root; bundled, it lands in a chunk in
 * dist/bundle/, two folders below. The module's own URL says which.
 */

const here = new URL('.', import.meta.url)

/** The package root as a `file:` URL, ending in `/`. */
export const packageRoot: URL = new URL(here.pathname.endsWith('/dist/bundle/') ? '../../' : '../../../', here)
