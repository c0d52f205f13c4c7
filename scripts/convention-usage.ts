/**
 * `npm run conventions:usage -- <folder or files>`: which conventions a set of
 * documents uses, for judging a convention on real input.
 *
 * Each file is linted with the default configuration. A file uses a
 * convention when at least one reference or note of its citation index
 * starts where a candidate of that convention starts (the resolver kept
 * it). Output: tab-separated lines `convention  file  references  notes
 * findings`, where `findings` lists the rule ids reported on the file with
 * their counts (every finding of the file, whichever convention it comes
 * from: several conventions may share a file). Paths are relative to the
 * working folder. A file that cannot be read is skipped with one line on
 * stderr.
 */
import path from 'node:path'
import {conventions} from '../src/citation-index/conventions.js'
import type {Candidate, Convention, DocumentView} from '../src/citation-index/convention.js'
import {lintText} from '../src/engine/engine.js'
import {expandPaths, readText} from '../src/run/files.js'

// Record the start offsets of every candidate each convention proposes for the file being linted.
const proposed = new Map<string, Set<number>>()
for (const convention of conventions as Convention[]) {
  const detect = convention.detect.bind(convention)
  ;(convention as {detect: Convention['detect']}).detect = function* (document: DocumentView) {
    const starts = proposed.get(convention.meta.id) ?? new Set<number>()
    proposed.set(convention.meta.id, starts)
    for (const item of detect(document)) {
      if (!('exclude' in item)) starts.add((item as Candidate).start)
      yield item
    }
  }
}

const rows: string[] = []
const {files} = await expandPaths(process.argv.slice(2), process.cwd())
for (const file of files) {
  const read = await readText(file, process.cwd())
  if (!('text' in read)) {
    process.stderr.write(`${file}: ${read.reason}\n`)
    continue
  }
  proposed.clear()
  const result = lintText(read.text, {filePath: file})
  const counts = new Map<string, number>()
  for (const message of result.messages) counts.set(message.ruleId ?? '(none)', (counts.get(message.ruleId ?? '(none)') ?? 0) + 1)
  const findings = [...counts].map(([rule, count]) => `${rule}:${count}`).join(',')
  for (const [id, starts] of proposed) {
    const references = result.index.references.filter((r) => starts.has(r.span.start.offset ?? -1)).length
    const notes = result.index.notes.filter((n) => starts.has(n.span.start.offset ?? -1)).length
    if (references + notes > 0) rows.push([id, path.relative(process.cwd(), file), references, notes, findings].join('\t'))
  }
}
process.stdout.write(rows.sort().join('\n') + (rows.length ? '\n' : ''))
