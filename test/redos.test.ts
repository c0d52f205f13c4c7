/**
 * A static ReDoS check: every regular expression in src/ and rules/ is
 * checked with recheck, which must call it safe (linear-time matching).
 *
 * The expressions are found in the TypeScript sources with the TypeScript
 * parser (a devDependency already): every regular expression literal, and
 * every `new RegExp(...)` / `RegExp(...)` call. A call's arguments are folded
 * to constants when they are built from literals and top-level constants of
 * the same file (templates, `+`, `[...].join(...)`, `.replace(a, b)`,
 * `x.source`, `x.flags`); a call that cannot be folded must be listed in
 * `derived` below with the reason it needs no check of its own, or the test
 * fails. So a new regular expression cannot escape the check.
 *
 * recheck runs its native binary when the platform has one, else its pure
 * JavaScript backend (`RECHECK_BACKEND=pure`); set RECHECK_BACKEND to choose.
 */
import {createRequire} from 'node:module'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {check} from 'recheck'
import ts from 'typescript'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {root} from './helpers.js'

/** Calls that build a regular expression from one passed in; each entry says why no check of its own is needed. */
const derived: ReadonlyArray<{file: string; code: string; reason: string}> = []

interface Found {
  readonly file: string
  readonly line: number
  readonly source: string
  readonly flags: string
}

type Value = string | readonly string[] | {readonly source: string; readonly flags: string}

function sourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (file.endsWith('.ts') && !file.endsWith('.d.ts')) files.push(file)
    }
  }
  walk(path.join(root, 'src'))
  walk(path.join(root, 'rules'))
  return files.sort()
}

/** Every regular expression of one file, and the `RegExp` calls that could not be folded. */
function regexesOf(file: string): {found: Found[]; unfolded: Array<{line: number; code: string}>} {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const relative = path.relative(root, file).split(path.sep).join('/')
  const found: Found[] = []
  const unfolded: Array<{line: number; code: string}> = []
  const lineOf = (node: ts.Node): number => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1

  // Top-level constants, for folding.
  const constants = new Map<string, ts.Expression>()
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer)
    }
  }

  const literal = (text: string): {source: string; flags: string} => {
    const slash = text.lastIndexOf('/')
    return {source: text.slice(1, slash), flags: text.slice(slash + 1)}
  }
  const isRegExpCall = (node: ts.Node): node is ts.NewExpression | ts.CallExpression =>
    (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp'

  const fold = (node: ts.Expression, depth = 0): Value | undefined => {
    if (depth > 20) return undefined
    const again = (inner: ts.Expression): Value | undefined => fold(inner, depth + 1)
    const asString = (inner: ts.Expression): string | undefined => {
      const value = again(inner)
      return typeof value === 'string' ? value : undefined
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
    if (ts.isRegularExpressionLiteral(node)) return literal(node.text)
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return again(node.expression)
    if (ts.isIdentifier(node)) {
      const initializer = constants.get(node.text)
      return initializer ? again(initializer) : undefined
    }
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text
      for (const span of node.templateSpans) {
        const value = asString(span.expression)
        if (value === undefined) return undefined
        out += value + span.literal.text
      }
      return out
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const [a, b] = [asString(node.left), asString(node.right)]
      return a === undefined || b === undefined ? undefined : a + b
    }
    if (ts.isArrayLiteralExpression(node)) {
      const items = node.elements.map((element) => asString(element))
      return items.every((item) => item !== undefined) ? (items as string[]) : undefined
    }
    if (ts.isPropertyAccessExpression(node)) {
      const target = again(node.expression)
      if (target && typeof target === 'object' && 'source' in target) {
        if (node.name.text === 'source') return target.source
        if (node.name.text === 'flags') return target.flags
      }
      return undefined
    }
    if (isRegExpCall(node)) {
      const [pattern, flags] = [node.arguments?.[0], node.arguments?.[1]]
      const source = pattern && again(pattern)
      const folded = flags ? asString(flags) : ''
      if (typeof source === 'string' && folded !== undefined) return {source, flags: folded}
      if (source && typeof source === 'object' && 'source' in source && folded !== undefined) return {source: source.source, flags: flags ? folded : source.flags}
      return undefined
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const target = again(node.expression.expression)
      const args = node.arguments.map((argument) => asString(argument))
      if (args.some((argument) => argument === undefined)) return undefined
      const method = node.expression.name.text
      if (method === 'join' && Array.isArray(target)) return target.join(args[0] ?? ',')
      if (method === 'replace' && typeof target === 'string' && args.length === 2) return target.replace(args[0]!, args[1]!)
    }
    return undefined
  }

  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) found.push({file: relative, line: lineOf(node), ...literal(node.text)})
    if (isRegExpCall(node)) {
      const value = fold(node)
      if (value && typeof value === 'object' && 'source' in value) found.push({file: relative, line: lineOf(node), ...value})
      else unfolded.push({line: lineOf(node), code: node.getText().replace(/\s+/g, ' ')})
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return {found, unfolded}
}

/** Pick recheck's native binary when installed for this platform, else its pure JavaScript backend. */
function chooseBackend(): string {
  if (process.env['RECHECK_BACKEND']) return process.env['RECHECK_BACKEND']
  const platform = {linux: 'linux', darwin: 'macos', win32: 'windows'}[process.platform as string]
  try {
    createRequire(import.meta.url).resolve(`recheck-${platform}-${process.arch}/package.json`)
    return 'native'
  } catch {
    return 'pure'
  }
}

test('every regular expression in src/ and rules/ is found and safe from ReDoS (recheck)', async () => {
  const all: Found[] = []
  const unfolded: string[] = []
  for (const file of sourceFiles()) {
    const result = regexesOf(file)
    all.push(...result.found)
    for (const call of result.unfolded) {
      const relative = path.relative(root, file).split(path.sep).join('/')
      if (!derived.some((entry) => entry.file === relative && entry.code === call.code)) unfolded.push(`${relative}:${call.line} ${call.code}`)
    }
  }
  assert.equal(unfolded, [], 'every RegExp call folds to a constant or is listed in `derived` with a reason')
  for (const entry of derived) {
    const result = regexesOf(path.join(root, entry.file))
    assert.ok(result.unfolded.some((call) => call.code === entry.code), `stale entry in \`derived\`: ${entry.file} ${entry.code}`)
  }
  // The extraction finds what it should (a sample of known expressions).
  assert.ok(all.length >= 30, `found ${all.length} regular expressions`)
  assert.ok(all.some((r) => r.file === 'src/run/files.ts' && r.source === '\\.(md|markdown|rmd|qmd|txt|docx|docm|html|htm|xhtml)$' && r.flags === 'i'), 'a folded template')
  assert.ok(all.some((r) => r.file === 'src/models/dates.ts' && r.source.includes('(?<iso>(?<y4>') && r.flags === 'gu'), 'a folded join of template strings')

  process.env['RECHECK_BACKEND'] = chooseBackend()
  const unique = new Map<string, Found[]>()
  for (const regex of all) {
    const key = `/${regex.source}/${regex.flags}`
    unique.set(key, [...(unique.get(key) ?? []), regex])
  }
  const unsafe: string[] = []
  for (const [key, places] of unique) {
    const {source, flags} = places[0]!
    // A timeout is not a verdict: on a loaded machine give the analysis more time, twice.
    let diagnostics = await check(source, flags, {timeout: 10_000})
    for (const timeout of [60_000, 180_000]) {
      if (diagnostics.status !== 'unknown') break
      diagnostics = await check(source, flags, {timeout})
    }
    if (diagnostics.status !== 'safe') {
      const where = places.map((p) => `${p.file}:${p.line}`).join(', ')
      const detail = diagnostics.status === 'vulnerable' ? `${diagnostics.complexity.type}, attack ${JSON.stringify(diagnostics.attack.pattern)}` : JSON.stringify(diagnostics.error)
      unsafe.push(`${key} (${where}): ${diagnostics.status}, ${detail}`)
    }
  }
  assert.equal(unsafe, [], 'every regular expression is safe')
})

test.run()
