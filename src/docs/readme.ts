/**
 * The README's rule table, generated from each rule's `meta` (the single
 * source of truth). `npm run docs` writes it between the markers
 * `<!-- rules:start -->` and `<!-- rules:end -->`; a test fails when the
 * README is stale.
 */
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

/** `readme` with the table between the markers replaced by the current one. */
export function withRuleTable(readme: string): string {
  const start = readme.indexOf(tableStart)
  const end = readme.indexOf(tableEnd)
  if (start < 0 || end < start) throw new Error(`README lacks the markers ${tableStart} and ${tableEnd}`)
  return `${readme.slice(0, start + tableStart.length)}\n${ruleTable()}\n${readme.slice(end)}`
}
