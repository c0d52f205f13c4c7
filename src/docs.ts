/**
 * The README's rule table, generated from each rule's `meta` (the single
 * source of truth). `npm run docs` writes it between the markers
 * `<!-- rules:start -->` and `<!-- rules:end -->`; a test fails when the
 * README is stale.
 */
import {rules} from './registry.js'

export const tableStart = '<!-- rules:start -->'
export const tableEnd = '<!-- rules:end -->'

/** The Markdown table of rules: id (linked to its file), description, default severity, fixable. */
export function ruleTable(): string {
  const rows = rules.map(
    ({meta}) =>
      `| [\`${meta.id}\`](rules/${meta.id}.ts) | ${meta.description} | ${meta.severity === 'error' ? 'error' : 'warning'} | ${meta.fix === 'none' ? 'no' : meta.fix} |`
  )
  return ['| Rule | Checks | Default | Fixable |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

/** `readme` with the table between the markers replaced by the current one. */
export function withRuleTable(readme: string): string {
  const start = readme.indexOf(tableStart)
  const end = readme.indexOf(tableEnd)
  if (start < 0 || end < start) throw new Error(`README lacks the markers ${tableStart} and ${tableEnd}`)
  return `${readme.slice(0, start + tableStart.length)}\n${ruleTable()}\n${readme.slice(end)}`
}
