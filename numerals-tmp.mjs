import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
const m = await import('/work/wt-conventions-numbers/dist/src/index.js')
const path = process.argv[2]
const text = readFileSync(path, 'utf8')
const format = path.endsWith('.md') ? 'markdown' : 'text'
const index = m.buildCitationIndex(m.parse(text, format), new VFile({value: text}), format)
for (const r of index.references.filter((r) => r.syntax === 'numeral')) console.log('ref', r.span.start.line + ':' + r.span.start.column, JSON.stringify(text.slice(r.span.start.offset - 25, r.span.end.offset + 10)))
for (const n of index.notes.filter((n) => n.syntax === 'numeral')) console.log('note', n.span.start.line + ':' + n.span.start.column, JSON.stringify(n.marker + ' ' + n.content.slice(0, 60)))
