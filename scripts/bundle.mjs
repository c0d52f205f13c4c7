/**
 * The bundle that `bin/citelint.js` and `bin/citelint-lsp.js` run, and that
 * the package exports (`citelint`, `citelint/remark`): esbuild bundles the
 * entry points below, with their dependencies, into `dist/bundle/` (ESM,
 * code splitting, source maps), then writes
 * `dist/bundle/THIRD_PARTY_LICENSES.txt` with the licence of every package
 * the bundle contains (from esbuild's metafile). Run by `npm run build`
 * after tsc, whose declarations (the `.d.ts` files under `dist/src/`) are the package's
 * types; the unbundled `dist/src/*.js` serve the tests only.
 *
 * Why the library is bundled too: the bundle carries the parser as this
 * repository installs it (micromark pinned by `overrides` and patched by
 * patch-package, see patches/README.md). Neither reaches a project that
 * depends on citelint, so an unbundled library would run whatever micromark
 * npm picks there, unpatched. Bundled, the package needs no runtime
 * dependency at all (its `dependencies` hold only the types its
 * declarations name).
 *
 * Why a bundle: a single-file run loaded about 285 modules; compiling and
 * resolving them was most of start-up (issue #7: under 3x `node -e 0`).
 *
 * Every entry point and chunk sits in the one folder `dist/bundle/`, so code
 * in any chunk can reach an entry with `new URL('./<name>.js', import.meta.url)`
 * (the worker pool loads `./lint-worker.js` so). Dynamic imports stay
 * separate chunks, loaded only when used.
 *
 * Usage: node scripts/bundle.mjs
 */
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {isBuiltin} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import * as esbuild from 'esbuild'
import {bundledPackages, licenceText} from './licences.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const outdir = path.join(root, 'dist/bundle')

/** The entry points: output name (in dist/bundle/, plus `.js`) to source file. The worker only when it exists. */
const entryPoints = Object.fromEntries(
  [
    ['cli', 'src/cli/main.ts'],
    ['lsp', 'src/lsp/server.ts'],
    ['index', 'src/index.ts'],
    ['remark', 'src/remark.ts'],
    ['lint-worker', 'src/run/lint-worker.ts']
  ].filter(([name, file]) => name !== 'lint-worker' || existsSync(path.join(root, file)))
)

/**
 * yargs' platform shim takes the package root (`mainFilename`, where
 * `.version()` looks for package.json) and its locales folder from its own
 * `import.meta.url`. Bundled, that URL is the chunk's, in dist/bundle/:
 * the root would be the working folder. Give the shim the URL it has in an
 * unbundled install, `<root>/node_modules/yargs/lib/platform-shims/esm.mjs`.
 */
const yargsShimUrl = {
  name: 'yargs-shim-url',
  setup(build) {
    build.onLoad({filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.url')) throw new Error(`${args.path}: no import.meta.url to replace (yargs changed?)`)
      const fromChunk = path.relative(outdir, args.path).split(path.sep).join('/')
      return {contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`), loader: 'js'}
    })
  }
}

/**
 * Node's built-in modules through `require` (the banner's) instead of
 * `import`: importing a built-in as ES module builds a facade that reads
 * every export once, and `process`'s getters alone are costly
 * (`allowedNodeEnvironmentFlags`). Through require, esbuild's interop reads
 * an export only when the code uses it.
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    build.onResolve({filter: /^[a-z_/:]+$/}, (args) => {
      if (!isBuiltin(args.path)) return undefined
      const name = args.path.startsWith('node:') ? args.path : `node:${args.path}`
      // The `require` in the stand-in module below is the real one; a
      // dynamic `import()` stays one (its named exports are read from it).
      if (args.namespace === 'builtin' || args.kind === 'dynamic-import') return {path: name, external: true}
      return {path: name, namespace: 'builtin'}
    })
    build.onLoad({filter: /.*/, namespace: 'builtin'}, (args) => ({contents: `module.exports = require(${JSON.stringify(args.path)})`, loader: 'js'}))
  }
}

/**
 * yargs imports `strictEqual` and `notStrictEqual` from `assert` for its
 * internal checks, and node:assert is not in Node's start-up snapshot
 * (compiling it and what it needs is a large part of start-up). These two
 * load it only when a check fails, to throw the same AssertionError.
 */
const lazyAssert = {
  name: 'lazy-assert',
  setup(build) {
    build.onResolve({filter: /^(node:)?assert$/}, () => ({path: 'assert', namespace: 'lazy-assert'}))
    build.onLoad({filter: /.*/, namespace: 'lazy-assert'}, () => ({
      contents:
        "export function strictEqual(actual, expected, message) { if (!Object.is(actual, expected)) require('node:assert').strictEqual(actual, expected, message) }\n" +
        "export function notStrictEqual(actual, expected, message) { if (Object.is(actual, expected)) require('node:assert').notStrictEqual(actual, expected, message) }\n",
      loader: 'js'
    }))
  }
}

/**
 * vfile-reporter's default colour comes from supports-color, which probes
 * the terminal when it loads (node:tty and more). citelint always passes
 * `color`, so the default is never read: take the package's own
 * non-Node default (`false`) instead.
 */
const reporterColorDefault = {
  name: 'reporter-color-default',
  setup(build) {
    build.onResolve({filter: /^vfile-reporter\/do-not-use-color$/}, (args) => {
      const file = path.join(path.dirname(path.dirname(args.importer)), 'lib/color.js')
      if (!existsSync(file)) throw new Error(`${file} is missing (vfile-reporter changed?)`)
      return {path: file}
    })
  }
}

/**
 * string-width (vfile-reporter's, and yargs' for help text) builds an
 * `Intl.Segmenter` when it loads; that loads ICU's break rules, about 20 ms
 * of CPU, a tenth of start-up. Its ASCII fast path never uses it. Build it
 * on first use instead; the function is otherwise unchanged.
 */
const lazySegmenter = {
  name: 'lazy-segmenter',
  setup(build) {
    const eager = 'const segmenter = new Intl.Segmenter();'
    build.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (source.split(eager).length !== 2) throw new Error(`${args.path}: expected one \`${eager}\` (string-width changed?)`)
      const lazy = 'let segmenterInstance; const segmenter = {segment: (text) => (segmenterInstance ??= new Intl.Segmenter()).segment(text)};'
      return {contents: source.replace(eager, lazy), loader: 'js'}
    })
  }
}

rmSync(outdir, {recursive: true, force: true})
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.json'),
  // Maps for `--debug` stack traces (bin/ enables them only then); the sources are in the package.
  sourcemap: 'linked',
  sourcesContent: false,
  // Whitespace and syntax only: names stay readable in traces without maps.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies call `require`; an ES module has none.
  banner: {js: "import {createRequire as __citelintCreateRequire} from 'node:module';const require=__citelintCreateRequire(import.meta.url);"},
  metafile: true,
  logLevel: 'warning',
  plugins: [yargsShimUrl, lazySegmenter, lazyAssert, reporterColorDefault, builtinsByRequire]
})

writeFileSync(path.join(root, 'dist/bundle-meta.json'), JSON.stringify(result.metafile))
const packages = bundledPackages(result.metafile, root)
writeFileSync(path.join(outdir, 'THIRD_PARTY_LICENSES.txt'), licenceText(packages, 'citelint bundles the following packages into dist/bundle/.'))
