/**
 * `citelint summary [paths..]`: citation coverage per file and in total.
 * `src/cli/main.ts` hands over when the first argument is `summary`.
 *
 * Exit codes: 0 the summary was written (whatever the lint findings), 1 a
 * file's paragraph coverage is below `--min-coverage`, 2 a usage error or
 * a path that could not be summarised. When no file could be summarised,
 * only stderr speaks (one line per path, as the linter does); `--format json`
 * still prints its document. `--sources N|all` caps the sources listed by
 * the table, Markdown and HTML (default 10).
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import yargs from 'yargs'
import type {CliIo} from './args.js'
import {parseCommandLine, parseRuleFlags, pathsOf} from './args.js'
import {ConfigError} from '../engine/config.js'
import {emptyPath} from '../run/files.js'
import {makeFolder} from '../run/make-folder.js'
import {summarizeFiles} from '../report/summarize.js'
import {coveragePercent} from '../report/coverage.js'
import {formatSummaryJson, formatSummaryMarkdown, formatSummaryTable, percentText, shownPath} from '../report/summary-text.js'
import {Progress} from './progress.js'

const formats = ['table', 'json', 'markdown', 'html'] as const

function parser(argv: readonly string[]) {
  return yargs([...argv])
    .scriptName('citelint summary')
    .usage('$0 [paths..]\n\nCitation coverage: prose paragraphs and quotations cited, references resolved, notes cited, problems, sources and dates')
    .command('$0 [paths..]', false, (y) => y.positional('paths', {describe: 'Files, directories or globs', type: 'string', array: true}))
    .option('format', {alias: 'f', choices: formats, requiresArg: true, default: 'table' as const, describe: 'Output format'})
    // Numbers are taken as strings and checked in runSummary, so that an error quotes the value as given.
    .option('min-coverage', {type: 'string', requiresArg: true, describe: 'Exit 1 when a file’s prose paragraph coverage is below this percentage'})
    .option('prose-words', {type: 'string', requiresArg: true, default: '20', describe: 'Fewest words in a prose paragraph'})
    .option('quotation-words', {type: 'string', requiresArg: true, default: '5', describe: 'Fewest words in a direct quotation'})
    .option('config', {alias: 'c', type: 'string', requiresArg: true, describe: 'Use this config file instead of searching (--no-config: none)'})
    .option('rule', {type: 'string', requiresArg: true, describe: 'Set a rule’s severity, id:off|warn|error (repeatable; wins over config)'})
    .option('ignore', {type: 'boolean', default: true, describe: 'Honour .citelintignore (--no-ignore: summarise everything named)'})
    .option('ignore-path', {type: 'string', requiresArg: true, describe: 'Ignore file to use instead of .citelintignore'})
    .option('sources', {type: 'string', requiresArg: true, default: '10', describe: 'How many sources to list per file and in total, most cited first (a number, or `all`); JSON lists all'})
    .option('output-file', {alias: 'o', type: 'string', requiresArg: true, describe: 'Write the summary to this file instead of stdout'})
    .option('debug', {type: 'boolean', default: false, describe: 'Show stack traces of internal errors'})
    .example('$0 reports/', 'A table of coverage per file')
    .example('$0 reports/ --format markdown >> "$GITHUB_STEP_SUMMARY"', 'A job summary on GitHub Actions')
    .example('$0 reports/ --format html -o coverage.html', 'A page with each report’s uncited paragraphs highlighted')
    .example('$0 reports/ --min-coverage 80', 'Fail when a report cites less than 80% of its prose paragraphs')
    .strict()
    .help()
    .version(false)
    .wrap(null)
    .exitProcess(false)
}

/** Run `citelint summary` with `argv` (the arguments after `summary`); returns the exit code. */
export async function runSummary(argv: readonly string[], io: CliIo): Promise<number> {
  const {args, usage, printed} = await parseCommandLine(parser(argv), argv)
  const fail = (message: string): number => {
    io.writeErr(`citelint summary: ${message}\nRun \`citelint summary --help\` for usage.\n`)
    return 2
  }
  if (usage !== undefined || !args) return fail(usage ?? 'invalid arguments')
  if (printed) {
    io.writeOut(printed.endsWith('\n') ? printed : `${printed}\n`)
    return 0
  }
  const paths = pathsOf(args)
  if (paths.length === 0) return fail('no paths given')
  if (paths.includes('')) return fail(emptyPath)
  const last = (value: unknown): string | undefined => (value === undefined ? undefined : String(Array.isArray(value) ? value.at(-1) : value))
  const coverageText = last(args.minCoverage)
  const minCoverage = coverageText === undefined ? undefined : Number(coverageText)
  if (coverageText !== undefined && !(/^\d+(?:\.\d+)?$/.test(coverageText) && minCoverage! <= 100)) {
    return fail(`--min-coverage: invalid value \`${coverageText}\`, expected a percentage from 0 to 100`)
  }
  const sourcesValue = last(args.sources) ?? '10'
  if (!/^(?:all|\d{1,9})$/.test(sourcesValue)) return fail(`--sources: invalid value \`${sourcesValue}\`, expected a whole number or \`all\``)
  const sources = sourcesValue === 'all' ? undefined : Number(sourcesValue)
  const words: Record<string, number> = {}
  for (const [name, value] of [['--prose-words', last(args.proseWords)], ['--quotation-words', last(args.quotationWords)]] as const) {
    if (!/^\d{1,9}$/.test(value ?? '') || Number(value) < 1) return fail(`${name}: invalid value \`${value ?? ''}\`, expected a whole number of at least 1`)
    words[name] = Number(value)
  }

  const progress = new Progress({write: (text) => io.writeErr(text), isTTY: io.stderrIsTTY ?? false})
  try {
    const config = args.config as string | boolean | undefined
    const summary = await summarizeFiles(paths, {
      cwd: io.cwd,
      configFile: config === false ? false : typeof config === 'string' ? config : undefined,
      ruleSettings: parseRuleFlags(([] as string[]).concat(args.rule ?? [])),
      ignore: args.ignore,
      ignorePath: args.ignorePath,
      ...(args.outputFile ? {outputFile: args.outputFile} : {}),
      prose: {proseWords: words['--prose-words']!, quotationWords: words['--quotation-words']!},
      keepResults: args.format === 'html',
      onProgress: (done, total) => progress.update(done, total)
    })
    progress.done()
    for (const filePath of summary.ignored) {
      io.writeErr(`citelint summary: ${filePath}: ignored because of a matching ignore pattern, use --no-ignore to include it\n`)
    }
    for (const failure of summary.failures) {
      const stack = args.debug && failure.error instanceof Error ? `\n${failure.error.stack}` : ''
      io.writeErr(`citelint summary: ${failure.filePath}: ${failure.reason}${stack}\n`)
    }
    const {files, totals} = summary
    // Nothing summarised and something failed: the failures say it all, as the linter's own output does
    // (no table of nothing; JSON still gives its document, so that a reader of it always gets one).
    if (files.length === 0 && summary.failures.length > 0 && args.format !== 'json') return 2
    const options = {cwd: io.cwd, sources}
    const output =
      args.format === 'json'
        ? formatSummaryJson(files, totals, options)
        : args.format === 'markdown'
          ? formatSummaryMarkdown(files, totals, options)
          : args.format === 'html'
            ? (await import('../report/summary-html.js')).formatSummaryHtml(files, totals, options)
            : formatSummaryTable(files, totals, options)
    if (args.outputFile) {
      const target = path.resolve(io.cwd, args.outputFile)
      await makeFolder(path.dirname(target))
      await writeFile(target, output)
    } else io.writeOut(output)

    if (summary.failures.length > 0) return 2
    if (minCoverage !== undefined) {
      const below = files.filter((file) => {
        const percent = coveragePercent(file)
        return percent !== undefined && percent < minCoverage
      })
      if (below.length > 0) {
        const list = below.map((file) => `${shownPath(file.filePath, io.cwd)} (${percentText(file)})`).join(', ')
        io.writeErr(`citelint summary: prose paragraph coverage below ${minCoverage}% in ${below.length} ${below.length === 1 ? 'file' : 'files'}: ${list}\n`)
        return 1
      }
    }
    return 0
  } catch (error) {
    progress.done()
    if (error instanceof ConfigError) {
      io.writeErr(`citelint summary: ${error.message}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    if (code && args.outputFile) {
      io.writeErr(`citelint summary: ${args.outputFile}: cannot write the summary (${code})\n`)
      return 2
    }
    const detail = args.debug && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error)
    io.writeErr(`citelint summary: internal error: ${detail}${args.debug ? '' : ' (run with --debug for details)'}\n`)
    return 2
  }
}
