/**
 * The documentation's generated parts: the README's rule table, from each
 * rule's `meta` (the single source of truth), between `<!-- rules:start -->`
 * and `<!-- rules:end -->`; and the list of marker conventions in
 * docs/conventions.md, from the documentation comment that opens each file of
 * `conventions/`, between `<!-- conventions:start -->` and
 * `<!-- conventions:end -->`. `npm run docs` writes both; a test fails when
 * either is stale.
 */
import {conventions} from '../citation-index/conventions.js'
import {rules} from '../engine/registry.js'

export const tableStart = '<!-- rules:start -->'
export const tableEnd = '<!-- rules:end -->'

/**
 * The Markdown table of rules: id (linked to its file), description, default
 * severity, options with their defaults, fixable. It is also the config
 * reference: every key a `rules` entry accepts is listed here.
 */
export function ruleTable(): string {
  const rows = rules.map(({meta}) => {
    const options = Object.entries(meta.defaults)
      .map(([key, value]) => `\`${key}\` (default \`${JSON.stringify(value)}\`)`)
      .join(', ')
    const severity = meta.severity === 'error' ? 'error' : 'warn'
    const fix = meta.fix === 'none' ? 'no' : meta.fix
    return `| [\`${meta.id}\`](rules/${meta.id}.ts) | ${meta.description} | ${severity} | ${options || 'none'} | ${fix} |`
  })
  return ['| Rule | Checks | Default | Options | Fixable |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}

/**
 * `readme` with the table between the markers replaced by the current one.
 *
 * @throws Error when `readme` lacks the markers.
 */
export function withRuleTable(readme: string): string {
  const start = readme.indexOf(tableStart)
  const end = readme.indexOf(tableEnd)
  if (start < 0 || end < start) throw new Error(`README lacks the markers ${tableStart} and ${tableEnd}`)
  return `${readme.slice(0, start + tableStart.length)}\n${ruleTable()}\n${readme.slice(end)}`
}

export const conventionsStart = '<!-- conventions:start -->'
export const conventionsEnd = '<!-- conventions:end -->'

/** The formats' names as the documentation says them. */
const formatNames: Record<string, string> = {markdown: 'Markdown', text: 'plain text', docx: 'DOCX', html: 'HTML'}

/**
 * The text of the documentation comment that opens a convention's source
 * file (`/**` on its first line), without the comment's `*` gutter.
 *
 * @throws Error when the source does not open with a documentation comment.
 */
export function openingDoc(source: string): string {
  const end = source.indexOf('*/')
  if (!source.startsWith('/**') || end < 0) throw new Error('does not open with a /** documentation comment')
  return source
    .slice(3, end)
    .split('\n')
    .map((line) => line.replace(/^ ?\* ?/, '').trimEnd())
    .join('\n')
    .trim()
}

/** The file, relative to the package root, that holds the generated list of conventions. */
export const conventionsDoc = 'docs/conventions.md'

/**
 * The list of conventions in {@link conventionsDoc}: for each, its id (linked
 * to its file, relative to docs/), the formats it applies to, and its
 * documentation comment. `sources` maps a convention id to its source text.
 *
 * @throws Error when a registered convention has no source in `sources`.
 */
export function conventionList(sources: ReadonlyMap<string, string>): string {
  return conventions
    .map(({meta}) => {
      const source = sources.get(meta.id)
      if (source === undefined) throw new Error(`no source for convention ${meta.id}`)
      const formats = meta.formats.map((format) => formatNames[format] ?? format).join(', ')
      return `### [\`${meta.id}\`](../conventions/${meta.id}.ts) (${formats})\n\n${openingDoc(source)}`
    })
    .join('\n\n')
}

/**
 * `doc` (the text of {@link conventionsDoc}) with the conventions between the
 * markers replaced by the current list.
 *
 * @throws Error when `doc` lacks the markers.
 */
export function withConventionList(doc: string, sources: ReadonlyMap<string, string>): string {
  const start = doc.indexOf(conventionsStart)
  const end = doc.indexOf(conventionsEnd)
  if (start < 0 || end < start) throw new Error(`${conventionsDoc} lacks the markers ${conventionsStart} and ${conventionsEnd}`)
  return `${doc.slice(0, start + conventionsStart.length)}\n${conventionList(sources)}\n${doc.slice(end)}`
}
