/**
 * `--format html`: the coverage summary as one self-contained HTML page (no
 * script, no network: a Content-Security-Policy forbids anything but the
 * inline style). A table of files with coverage bars (each path on one
 * line, cut at its start when long, whole in its `title`), a legend of every
 * mark and colour the page uses, then per file its sources, problems and
 * text, with:
 *
 * - uncited prose paragraphs (`span.paragraph.uncited`) and uncited
 *   quotations (`span.quotation.uncited`) highlighted;
 * - each reference a link to its note (`a.reference`, `href="#f0-n3"`), a
 *   reference that resolves nowhere marked `span.reference.unresolved`;
 * - each problem marked where it is (`mark.problem`) with its rule and
 *   message in a label right after it, the message's backtick spans set as
 *   `<code>` (`messageHtml`);
 * - notes that name no source in purple (`span.note.unsourced`).
 *
 * Every text is escaped. Elements that overlap are split so the markup
 * nests (a paragraph or note is never split; a problem crossing a
 * quotation's end is); each piece keeps its `data-id` and only the first
 * carries the `id`, so counting distinct `data-id`s counts the things.
 */
import type {CitelintMessage} from '../engine/engine.js'
import type {CoverageCounts, FileCoverage} from './coverage.js'
import {coveragePercent, sourceName} from './coverage.js'
import {dateRangeText, listedSources, moreSourcesText, percentText, shownPath, sourceNameText} from './summary-text.js'

/** Options of `formatSummaryHtml`. */
export interface HtmlOptions {
  /** Folder that paths are shown relative to. */
  readonly cwd: string
  /** How many sources to list per file, most cited first; `undefined` lists every one. */
  readonly sources?: number
  /** The page's title (default `Citation coverage`). */
  readonly title?: string
}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * A message as HTML content: escaped, each span between backticks (the
 * marker or text it quotes, as in `Broken marker \`[v]\``) set as `<code>`.
 * A backtick without its pair stays as it is.
 */
export function messageHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}

/**
 * The key to every mark and colour the page uses, each shown as it looks
 * on the page: the report's highlights, references, notes and problems,
 * then the coverage bars.
 */
const legend = [
  '<dl class="legend">',
  '<dt><span class="paragraph uncited">Yellow text</span></dt><dd>an uncited prose paragraph (no reference to a note that names a source)</dd>',
  '<dt><span class="quotation uncited">“Orange, wavy”</span></dt><dd>an uncited direct quotation</dd>',
  '<dt><span class="quotation cited">“Dotted green”</span></dt><dd>a cited direct quotation</dd>',
  '<dt><a class="reference">[1]</a></dt><dd>a reference: a link to its note</dd>',
  '<dt><span class="reference unresolved">[v]</span></dt><dd>a reference that resolves to no note</dd>',
  '<dt><span class="note unsourced">Purple text</span></dt><dd>a note that names no source (empty, only a date or place, a note about the authors, or an Ibid. with no source before it)</dd>',
  '<dt><mark class="problem error">red line</mark><span class="problem-label error">rule-id: message</span></dt><dd>an error, where it is, with its rule and message</dd>',
  '<dt><mark class="problem warning">orange line</mark><span class="problem-label warning">rule-id: message</span></dt><dd>a warning</dd>',
  '<dt><span class="bar high" role="img" aria-label="green bar"><span style="width:85%"></span></span></dt><dd>coverage: green from 80% of prose paragraphs cited, <span class="swatch medium"></span> orange from 50%, <span class="swatch low"></span> red below; empty without prose paragraphs</dd>',
  '</dl>'
].join('\n')

/**
 * The HTML report. Every file must carry its lint result (summarise with
 * `keepResults: true`); a file without one gets its row but no text.
 */
export function formatSummaryHtml(files: readonly FileCoverage[], totals: CoverageCounts, options: HtmlOptions): string {
  const title = options.title ?? 'Citation coverage'
  const paths = files.map((file) => shownPath(file.filePath, options.cwd))
  const folder = commonFolder(paths)
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    '<div class="files">',
    '<table class="files">',
    ...(folder ? [`<caption>Files in <code>${escapeHtml(folder)}</code></caption>`] : []),
    '<thead><tr><th scope="col">File</th><th scope="col" class="num">Prose paragraphs cited</th><th scope="col">Coverage</th><th scope="col" class="num">Quotations cited</th><th scope="col" class="num">References resolved</th><th scope="col" class="num">Notes cited</th><th scope="col" class="num">Problems</th><th scope="col">Dates</th></tr></thead>',
    '<tbody>'
  ]
  // One line per path, without the folder all files share (the caption names it): a long one is cut at its
  // start (`…posts/report.md`, the file name stays) and shown whole on hover.
  files.forEach((file, i) => {
    const name = escapeHtml(paths[i]!.slice(folder.length))
    out.push(tableRow(`<a class="path" href="#file-${i}" title="${escapeHtml(paths[i]!)}"><bdi>${name}</bdi></a>`, file))
  })
  out.push('</tbody>', `<tfoot>${tableRow(`Total (${files.length} ${files.length === 1 ? 'file' : 'files'})`, totals)}</tfoot>`, '</table>', '</div>')
  out.push(legend)
  files.forEach((file, i) => out.push(fileSection(file, i, options)))
  out.push('</body>', '</html>')
  return `${out.join('\n')}\n`
}

/** The folder all `paths` (as shown, `/`-separated) start with, ending in `/`; `''` when they share none. */
export function commonFolder(paths: readonly string[]): string {
  let prefix = paths[0]?.slice(0, paths[0].lastIndexOf('/') + 1) ?? ''
  for (const shown of paths) {
    while (prefix && !shown.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1)
  }
  return prefix
}

function tableRow(name: string, c: CoverageCounts): string {
  const percent = coveragePercent(c)
  const level = percent === undefined ? 'none' : percent >= 80 ? 'high' : percent >= 50 ? 'medium' : 'low'
  const bar =
    percent === undefined
      ? '<span class="bar" role="img" aria-label="no prose paragraphs"></span>'
      : `<span class="bar ${level}" role="img" aria-label="${percentText(c)} of prose paragraphs cited"><span style="width:${percent.toFixed(1)}%"></span></span>`
  const problems = Object.values(c.problems).reduce((sum, n) => sum + n, 0)
  return [
    '<tr>',
    `<th scope="row">${name}</th>`,
    `<td class="num">${c.paragraphs.cited} / ${c.paragraphs.prose}</td>`,
    `<td class="coverage">${bar} <span class="percent">${percentText(c)}</span></td>`,
    `<td class="num">${c.quotations.cited} / ${c.quotations.total}</td>`,
    `<td class="num">${c.references.resolved} / ${c.references.total}</td>`,
    `<td class="num">${c.notes.cited} / ${c.notes.total}</td>`,
    `<td class="num">${problems}</td>`,
    `<td class="dates">${escapeHtml(dateRangeText(c)).replace(/\d{4}-\d{2}-\d{2}/g, '<span>$&</span>')}</td>`,
    '</tr>'
  ].join('')
}

/** A piece of markup over `start..end` of the text. Lower levels nest outside higher ones. */
export interface Element {
  readonly start: number
  readonly end: number
  readonly level: number
  /** Opening tag; `first` is false for the pieces after a split. */
  readonly open: (first: boolean) => string
  readonly close: string
}

function fileSection(file: FileCoverage, fileIndex: number, options: HtmlOptions): string {
  const name = shownPath(file.filePath, options.cwd)
  const out: string[] = [`<section class="file" id="file-${fileIndex}">`, `<h2>${escapeHtml(name)}</h2>`]
  const {listed, omitted} = listedSources(file, options.sources)
  const sources =
    (listed.map(({name, count}) => `<span title="${escapeHtml(name)}">${escapeHtml(sourceNameText(name))}</span> (${count})`).join(', ') || 'none') + (omitted > 0 ? `, ${messageHtml(moreSourcesText(omitted))}` : '')
  const problems = Object.entries(file.problems)
    .map(([id, n]) => `<code>${escapeHtml(id)}</code> ${n}`)
    .join(', ')
  out.push(
    '<dl class="facts">',
    `<dt>Prose paragraphs cited</dt><dd>${file.paragraphs.cited} of ${file.paragraphs.prose} (${percentText(file)})</dd>`,
    `<dt>Quotations cited</dt><dd>${file.quotations.cited} of ${file.quotations.total}</dd>`,
    `<dt>Sources</dt><dd>${sources}</dd>`,
    `<dt>Dates</dt><dd>${escapeHtml(dateRangeText(file))}</dd>`,
    `<dt>Problems</dt><dd>${problems || 'none'}</dd>`,
    '</dl>'
  )
  const result = file.result
  if (!result) {
    out.push('</section>')
    return out.join('\n')
  }
  const prefix = `f${fileIndex}`
  const text = String(result.file.value)
  const {index, prose, noteFields} = result
  const elements: Element[] = []
  const labels = new Map<number, string[]>()
  const add = (start: number, end: number, level: number, tag: string, attributes: string, id?: string, dataId?: string): void => {
    const from = Math.max(0, Math.min(start, text.length))
    const to = Math.max(from, Math.min(end, text.length))
    if (to === from) return
    const data = dataId ? ` data-id="${dataId}"` : ''
    elements.push({
      start: from,
      end: to,
      level,
      open: (first) => `<${tag}${first && id ? ` id="${id}"` : ''}${data}${attributes}>`,
      close: `</${tag}>`
    })
  }

  prose.paragraphs.forEach((paragraph, i) => {
    const cited = file.detail.paragraphs[i]
    if (cited === undefined) return
    add(paragraph.span.start.offset, paragraph.span.end.offset, 0, 'span', ` class="paragraph ${cited ? 'cited' : 'uncited'}"`, undefined, `${prefix}-para${i}`)
  })
  index.notes.forEach((note, i) => {
    const kind = noteFields[i]?.kind ?? 'empty'
    const source = noteFields[i] ? sourceName(noteFields[i]!) : undefined
    const title = source ? ` title="${escapeHtml(`${kind}: ${source}`)}"` : ` title="${escapeHtml(kind)}"`
    add(note.span.start.offset, note.span.end.offset, 0, 'span', ` class="note ${file.detail.sourced[i] ? 'sourced' : 'unsourced'}"${title}`, `${prefix}-n${i}`, `${prefix}-n${i}`)
  })
  prose.quotations.forEach((quotation, i) => {
    const cited = file.detail.quotations[i]
    add(quotation.span.start.offset, quotation.span.end.offset, 1, 'span', ` class="quotation ${cited ? 'cited' : 'uncited'}"`, undefined, `${prefix}-q${i}`)
  })
  for (const reference of index.references) {
    const attributes =
      reference.note === undefined
        ? ' class="reference unresolved" title="resolves to no note"'
        : ` class="reference" href="#${prefix}-n${reference.note}"`
    add(reference.span.start.offset, reference.span.end.offset, 2, reference.note === undefined ? 'span' : 'a', attributes, undefined, `${prefix}-r${reference.index}`)
  }
  const list: string[] = []
  result.messages.forEach((message, i) => {
    const {start, end} = offsets(message, text.length)
    const severity = message.fatal ? 'error' : 'warning'
    const id = `${prefix}-p${i}`
    const where = placeText(message)
    const label = `<span class="problem-label ${severity}" data-problem="${id}">${escapeHtml(message.ruleId ?? 'problem')}: ${messageHtml(message.reason)}</span>`
    if (end > start) {
      add(start, end, 3, 'mark', ` class="problem ${severity}" data-rule="${escapeHtml(message.ruleId ?? '')}" title="${escapeHtml(message.reason)}"`, id, id)
      labels.set(end, [...(labels.get(end) ?? []), label])
    } else {
      labels.set(end, [...(labels.get(end) ?? []), `<mark class="problem ${severity}" id="${id}" data-id="${id}"></mark>${label}`])
    }
    list.push(`<li class="${severity}"><a href="#${id}">${escapeHtml(where)}</a> <code class="rule">${escapeHtml(message.ruleId ?? '')}</code> ${messageHtml(message.reason)}</li>`)
  })
  if (list.length > 0) out.push('<ol class="problems">', ...list, '</ol>')
  out.push(`<div class="report">${render(text, elements, labels)}</div>`, '</section>')
  return out.join('\n')
}

function offsets(message: CitelintMessage, length: number): {start: number; end: number} {
  const place = message.place
  if (place && 'start' in place) {
    const start = place.start.offset ?? 0
    return {start, end: place.end.offset ?? start}
  }
  const offset = place?.offset ?? length
  return {start: offset, end: offset}
}

function placeText(message: CitelintMessage): string {
  const place = message.place
  if (place && 'start' in place) return `${place.start.line}:${place.start.column}`
  return place ? `${place.line}:${place.column}` : 'file'
}

/**
 * The text with `elements` wrapped around their ranges and `labels`
 * inserted at their offsets, all text escaped. The stack of open elements
 * is kept ordered by level: opening an element closes the open ones of a
 * higher level and reopens them inside it; closing one closes those opened
 * after it and reopens those that go on.
 */
export function render(text: string, elements: readonly Element[], labels: ReadonlyMap<number, readonly string[]> = new Map()): string {
  const sorted = [...elements].sort((a, b) => a.start - b.start || a.level - b.level || b.end - a.end)
  const positions = [...new Set([...sorted.flatMap((e) => [e.start, e.end]), ...labels.keys(), text.length])].sort((a, b) => a - b)
  const out: string[] = []
  const stack: Element[] = []
  let at = 0
  let next = 0
  const reopen = (elements: readonly Element[]): void => {
    for (const element of elements) {
      stack.push(element)
      out.push(element.open(false))
    }
  }
  const closeFrom = (i: number): Element[] => {
    const closed = stack.splice(i)
    for (let k = closed.length - 1; k >= 0; k--) out.push(closed[k]!.close)
    return closed
  }
  for (const position of positions) {
    if (position > at) out.push(escapeHtml(text.slice(at, position)))
    at = Math.max(at, position)
    const ending = stack.findIndex((e) => e.end <= position)
    if (ending >= 0) reopen(closeFrom(ending).filter((e) => e.end > position))
    for (const label of labels.get(position) ?? []) out.push(label)
    while (next < sorted.length && sorted[next]!.start <= position) {
      const element = sorted[next++]!
      if (element.end <= position) continue
      const higher = stack.findIndex((e) => e.level > element.level)
      const moved = higher >= 0 ? closeFrom(higher) : []
      stack.push(element)
      out.push(element.open(true))
      reopen(moved)
    }
  }
  if (at < text.length) out.push(escapeHtml(text.slice(at)))
  closeFrom(0)
  return out.join('')
}

const style = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #212529; background: #fff; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .5rem; padding-top: 1rem; border-top: 1px solid #dee2e6; overflow-wrap: anywhere; }
div.files { overflow-x: auto; }
table.files caption { caption-side: top; text-align: left; font-size: .9rem; color: #495057; padding: 0 0 .35rem; }
table.files { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.files th, table.files td { border-bottom: 1px solid #dee2e6; padding: .35rem .5rem; text-align: left; vertical-align: middle; }
table.files thead th { background: #f1f3f5; font-weight: 600; }
table.files tfoot th, table.files tfoot td { font-weight: 600; border-top: 2px solid #adb5bd; }
table.files th[scope="row"] { font-weight: normal; white-space: nowrap; }
a.path { display: block; max-width: min(18rem, 24vw); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; direction: rtl; text-align: left; }
a.path > bdi { direction: ltr; unicode-bidi: isolate; }
table.files tfoot th[scope="row"] { font-weight: 600; }
table.files th.num { text-align: right; }
table.files td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.coverage { white-space: nowrap; }
td.dates > span { white-space: nowrap; }
.bar { display: inline-block; width: 6rem; height: .8rem; background: #e9ecef; border-radius: 3px; overflow: hidden; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: #868e96; }
.bar.high > span { background: #2f9e44; }
.bar.medium > span { background: #f08c00; }
.bar.low > span { background: #e03131; }
.percent { font-variant-numeric: tabular-nums; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; align-items: baseline; font-size: .85rem; margin: 1rem 0; padding: .75rem 1rem; border: 1px solid #dee2e6; border-radius: 4px; }
dl.legend dt { font: 15px/1.7 Georgia, "DejaVu Serif", "Noto Serif", serif; }
dl.legend dd { margin: 0; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: -1px; }
.swatch.medium { background: #f08c00; }
.swatch.low { background: #e03131; }
code { font: .9em ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono", monospace; background: #f1f3f5; border-radius: 3px; padding: 0 .2em; }
.problem-label code { background: rgba(255, 255, 255, .2); color: inherit; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .9rem; margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.problems { font-size: .85rem; margin: 0 0 1rem; padding-left: 1.5rem; }
ol.problems li.error::marker { color: #c92a2a; }
ol.problems li.warning::marker { color: #e67700; }
.report { white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.7 Georgia, "DejaVu Serif", "Noto Serif", serif; border: 1px solid #dee2e6; border-radius: 4px; padding: 1rem 1.25rem; background: #fcfcfd; }
.paragraph.uncited { background: #fff3bf; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.quotation.uncited { background: #ffd8a8; text-decoration: underline wavy #e8590c; text-decoration-thickness: 1px; text-underline-offset: 3px; }
.quotation.cited { text-decoration: underline dotted #2f9e44; text-underline-offset: 3px; }
a.reference { color: #1864ab; font-weight: 600; text-decoration: none; border-bottom: 1px solid #74c0fc; }
a.reference:hover { background: #d0ebff; }
.reference.unresolved { color: #c92a2a; font-weight: 600; }
.note:target { background: #d0ebff; outline: 2px solid #74c0fc; }
.note.unsourced { color: #862e9c; }
mark.problem { background: transparent; color: inherit; border-bottom: 2px solid; }
mark.problem.error { border-color: #e03131; }
mark.problem.warning { border-color: #f59f00; }
mark.problem:target { background: #ffe3e3; }
.problem-label { font: 600 12px/1.4 system-ui, "DejaVu Sans", sans-serif; color: #fff; border-radius: 3px; padding: 0 .35em; margin: 0 .2em; white-space: normal; vertical-align: 1px; }
.problem-label.error { background: #c92a2a; }
.problem-label.warning { background: #e67700; }
`.trim()
