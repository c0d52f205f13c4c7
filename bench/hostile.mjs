#!/usr/bin/env node
/**
 * Hostile inputs: lint pathological texts at 1x, 10x and 100x, in Markdown
 * and plain text, and check that time grows linearly.
 *
 *   npm run bench:hostile            # every case (builds first)
 *   node bench/hostile.mjs brackets  # cases whose name contains "brackets"
 *
 * The sizes named below are the 100x sizes (100,000 `[`, a 20 MB line,
 * 50,000 notes, ...); 10x and 1x are a tenth and a hundredth of them.
 *
 * Cases marked `--fix` time `fixText` (lint, fix, re-lint); the others
 * `lintText`. note-order's fix is on for GFM too.
 *
 * Each measurement runs in its own process, so one case cannot warm up or
 * fill the heap for the next. Time is the CPU time (user + system,
 * `process.cpuUsage`, garbage collector threads included) of `lintText`
 * alone (parse, index, rules), measured inside the process after citelint is loaded, the
 * input built and the code warmed up on the 1x input: process start-up and
 * input generation are not counted (warm-up: at least 20 runs and 200 ms
 * of the 1x input, at most 5 s). Each size lints the same volume of text
 * (the 1x input 100 times, 10x 10 times, 100x once; fewer when that passes
 * 5 s) and reports the mean, so that garbage collection, whose cost grows
 * with the heap, is counted alike at every size. Peak memory is the process's peak resident set size
 * minus that of a twin process that loads citelint and builds the same
 * input without linting it.
 *
 * Markdown nested deeper than citelint parses (src/readers/markdown-nesting.ts) is
 * refused with NestingTooDeep or BlockTooLong; that refusal is timed as the result and the
 * verdict says at which sizes it happened.
 *
 * CPU time, not wall time: on a shared machine wall time follows the load
 * (at a load of 12 on 2 cores it was 2 to 6 times the CPU time and moved
 * between sizes), CPU time much less. The table also gives the wall time at
 * 100x.
 *
 * Verdict: the time of 10x input must be at most 12 times that of 1x (and
 * 100x at most 12 times 10x); a time under 2 ms counts as 2 ms (noise). Exit code 1 when a case fails. A size is not
 * run when the one before failed or took over 30 s; a run is stopped after
 * 300 s.
 *
 * Where a Markdown case fails on growth, the same sizes are timed again
 * through the parse step alone (`parse` of dist/src/readers/registry.js:
 * micromark with the footnote extension), by the same method, and the
 * verdict gives those ratios: they tell the growth of the parser from that
 * of the index, models and rules after it. (Plain text has no such split:
 * its parse step only finds paragraphs, and markers are found by the
 * citation index.)
 *
 * The first row is a control without citelint: building n small frozen
 * records (about 200 bytes each, kept until the end, as an index keeps its
 * references) at 7,700, 77,000 and 770,000 records, timed by the same method.
 * On V8 its cost per record is several times higher at 77,000 than at
 * 7,700, when the records no longer die in the young generation: a ratio a
 * linear algorithm shows on this platform. It has no verdict.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const self = fileURLToPath(import.meta.url)
const scales = [1, 10, 100]
const maxRatio = 12

/** `n` integers spread over the 100x count `full`. */
const at = (full, scale) => Math.max(1, Math.round((full * scale) / 100))

/**
 * The cases: name, formats, and the input at a scale (1, 10, 100) for a
 * format (`md` or `txt`).
 */
const cases = [
  {
    name: 'control (no citelint): 770,000 small records kept until the end',
    formats: ['js'],
    control: true,
    input: (scale) => String(at(770_000, scale))
  },
  {
    name: 'numerals: a digit run of 2,000,000 glued to a word',
    formats: ['txt'],
    input: (scale) => `Talks stalled${'7'.repeat(at(2_000_000, scale))} here.\n\n1. Source one.\n`
  },
  {
    name: 'numerals: 100,000 glued numbers `word.7 `',
    formats: ['txt'],
    input: (scale) => `${'Talks stalled.7 '.repeat(at(100_000, scale))}\n\n7. Source seven.\n`
  },
  {
    name: 'numerals: 50,000 glued references and a notes list of 50,000 lines',
    formats: ['txt'],
    input: (scale) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = 1; i <= n; i++) {
        body.push(`Claim.${(i % 999) + 1} `)
        notes.push(`${(i % 999) + 1}. Source number ${i}, 2015.`)
      }
      return `${body.join('')}\n\nNotes\n\n${notes.join('\n')}\n`
    }
  },
  {
    name: 'brackets: 100,000 `[`',
    formats: ['md', 'txt'],
    input: (scale) => '['.repeat(at(100_000, scale))
  },
  {
    name: 'nested calls: 100,000 `[^`',
    formats: ['md', 'txt'],
    input: (scale) => '[^'.repeat(at(100_000, scale))
  },
  {
    name: 'unclosed labels: 100,000 `[1` then `]`',
    formats: ['md', 'txt'],
    input: (scale) => `${'[1'.repeat(at(100_000, scale))}]`
  },
  {
    name: 'backslashes: 100,000 `\\` before `[1]`',
    formats: ['md', 'txt'],
    input: (scale) => `${'\\'.repeat(at(100_000, scale))}[1]\n\n[1] Source, 2015.\n`
  },
  {
    name: 'one line of 20 MB with references',
    formats: ['md', 'txt'],
    input: (scale, format) => {
      const call = format === 'md' ? '[^1]' : '[1]'
      const unit = `A claim about the war.${call} `
      const note = format === 'md' ? '[^1]: Al-Akhbar (Lebanon), October 12, 2015.' : '[1] Al-Akhbar (Lebanon), October 12, 2015.'
      return `${unit.repeat(Math.ceil(at(20_000_000, scale) / unit.length))}\n\n${note}\n`
    }
  },
  {
    name: 'one line of 20 MB of `[x]` editorial brackets',
    formats: ['md', 'txt'],
    input: (scale) => `${'word [x] '.repeat(Math.ceil(at(20_000_000, scale) / 9))}\n`
  },
  {
    name: '50,000 notes, each cited',
    formats: ['md', 'txt'],
    input: (scale, format) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = 1; i <= n; i++) {
        body.push(format === 'md' ? `Claim ${i}.[^${i}]` : `Claim ${i}.[${i}]`)
        notes.push(format === 'md' ? `[^${i}]: Source ${i}, Beirut, October 12, 2015.` : `[${i}] Source ${i}, Beirut, October 12, 2015.`)
      }
      return `${body.join(' ')}\n\n${notes.join('\n')}\n`
    }
  },
  {
    name: 'caret list: 50,000 `^ a b` notes, each cited, under References[edit]',
    formats: ['txt'],
    input: (scale) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = 1; i <= n; i++) {
        body.push(`Claim ${i}.[${i}][nb ${i}]`)
        notes.push(`^ a b Source ${i}, Beirut, October 12, 2015.`)
      }
      return `${body.join(' ')}\n\nNotes[edit]\n${notes.map((line) => line.replace('a b ', '')).join('\n')}\nReferences[edit]\n${notes.join('\n')}\n`
    }
  },
  {
    name: 'caret list: 100,000 lines `^ a` then a run of 1,000,000 blanks before the text',
    formats: ['txt'],
    input: (scale) => `Claim.[1]\n\nReferences\n${'^ a\n'.repeat(at(100_000, scale))}^${' '.repeat(at(1_000_000, scale))}b\n`
  },
  {
    name: 'numbered caret lists: 50,000 items `  N. ^ a bSource` (every fourth html2text debris), cited by 100,000 `[n]`, under `***** References[edit] *****`',
    formats: ['md'],
    input: (scale) => {
      const n = at(50_000, scale)
      const body = []
      const items = []
      let note = 0
      for (let i = 1; i <= n; i++) {
        if (i % 4 === 0) {
          items.push(`${String(i).padStart(4)}. .mw-parser-output cite.citation{font-style:inherit}`)
          continue
        }
        note++
        body.push(`Claim ${note}.[${note}] Again.[${note}]`)
        // A blank line every 1,000 items and lines keeps each block under the parser's limit (BlockTooLong).
        items.push(`${String(i).padStart(4)}. ^ a bSource ${note}, Beirut, October 12,\n      2015.${i % 1000 === 0 ? '\n' : ''}`)
        if (note % 1000 === 0) body.push('')
      }
      return `${body.join('\n')}\n***** References[edit] *****\n${items.join('\n')}\n`
    }
  },
  {
    name: 'numbered caret lists: 50,000 one-item lists, each after its group marker `[n_1]` (the group restarts 50,000 times)',
    formats: ['md'],
    input: (scale) => {
      const n = at(50_000, scale)
      const parts = []
      for (let i = 1; i <= n; i++) parts.push(`Row ${i}.[n_1]\n  Notes\n   1. ^ Note ${i}, 2015.\n`)
      return `***** Notes *****\n${parts.join('\n')}`
    }
  },
  {
    name: 'multi-citations: 50,000 lists `[n, n+1–n+3]` and 100,000 digit runs `[1,,2,,...]`',
    formats: ['md', 'txt'],
    input: (scale, format) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = 1; i <= n; i++) {
        body.push(`Claim ${i}.[${i}, ${i + 1}–${i + 3}]`)
        notes.push(`[${i}] Source ${i}, Beirut, October 12, 2015.`)
      }
      const runs = `[${'1,,'.repeat(at(100_000, scale))}2]`
      return `${body.join(' ')} ${format === 'md' ? '' : runs}\n\n${notes.join('\n')}\n`
    }
  },
  {
    name: 'named citations: 50,000 keys `[RFC n]` cited, with 50,000 entries',
    formats: ['md', 'txt'],
    input: (scale) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = 1; i <= n; i++) {
        body.push(`Claim ${i} as in [RFC${i}].`)
        notes.push(`[RFC${i}] Author ${i}, "Title", RFC ${i}, 2015.`)
      }
      return `${body.join(' ')}\n\nReferences\n\n${notes.join('\n')}\n`
    }
  },
  {
    name: '50,000 notes cited in reverse order',
    formats: ['txt'],
    input: (scale) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = n; i >= 1; i--) body.push(`Claim ${i}.[${i}]`)
      for (let i = 1; i <= n; i++) notes.push(`[${i}] Source ${i}, Beirut, October 12, 2015.`)
      return `${body.join(' ')}\n\n${notes.join('\n')}\n`
    }
  },
  {
    name: '50,000 references to one note',
    formats: ['md', 'txt'],
    input: (scale, format) => {
      const n = at(50_000, scale)
      const call = format === 'md' ? '[^1]' : '[1]'
      const note = format === 'md' ? '[^1]: Al-Akhbar (Lebanon), October 12, 2015.' : '[1] Al-Akhbar (Lebanon), October 12, 2015.'
      return `${`Claim.${call} `.repeat(n)}\n\n${note}\n`
    }
  },
  {
    name: '50,000 undefined references',
    formats: ['md', 'txt'],
    input: (scale, format) => {
      const n = at(50_000, scale)
      const out = []
      for (let i = 2; i < n + 2; i++) out.push(format === 'md' ? `Claim.[^${i}]` : `Claim.[${i}]`)
      return `${out.join(' ')}\n\n${format === 'md' ? '[^1]: Source, 2015.' : '[1] Source, 2015.'}\n`
    }
  },
  {
    // Each near-miss definition is a malformed GFM note that one call means (Reference.meantNote); URL-only
    // notes make url-only-source ask which of them are cited.
    name: 'near-miss GFM definitions: 20,000 calls `[^n]` and 20,000 definitions `[n^] <url>` (colon lost: prose, not link definitions)',
    formats: ['md'],
    input: (scale) => {
      const n = at(20_000, scale)
      const calls = []
      const definitions = []
      for (let i = 1; i <= n; i++) {
        calls.push(`Claim ${i}.[^${i}]\n`)
        definitions.push(`[${i}^] <https://example.org/report/${i}>`)
      }
      return `${calls.join('\n')}\n${definitions.join('\n')}\n`
    }
  },
  {
    name: '--fix: 50,000 notes cited in reverse order',
    formats: ['md', 'txt'],
    fix: true,
    input: (scale, format) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = n; i >= 1; i--) body.push(format === 'md' ? `Claim ${i}.[^${i}]` : `Claim ${i}.[${i}]`)
      for (let i = 1; i <= n; i++) notes.push(format === 'md' ? `[^${i}]: Source ${i}, 2015.` : `[${i}] Source ${i}, 2015.`)
      return `${body.join(' ')}\n\n${notes.join('\n')}\n`
    }
  },
  {
    name: '--fix: one note holding 50,000 references',
    formats: ['md', 'txt'],
    fix: true,
    input: (scale, format) => {
      const n = at(50_000, scale)
      const [one, two] = format === 'md' ? ['[^1]', '[^2]'] : ['[1]', '[2]']
      const def = format === 'md' ? (call) => `${call}:` : (call) => call
      return `A claim.${two} Another.${one}\n\n${def(one)} Source, see${`.${two}`.repeat(n)}\n\n${def(two)} Source, 2015.\n`
    }
  },
  {
    name: '50,000 broken markers in a lettered document',
    formats: ['txt'],
    input: (scale) => {
      const n = at(50_000, scale)
      const notes = Array.from({length: n}, (_, i) => `[${'abcdefghijklmnopqrstuvwxy'[i % 25]}] Source, 2015.`)
      return `Claim.[a] ${'Claim.[1a] '.repeat(n)}\n\n${notes.join('\n')}\n`
    }
  },
  {
    name: '50,000 references, each under a disable-next-line comment',
    formats: ['md'],
    input: (scale) => {
      const n = at(50_000, scale)
      const out = []
      for (let i = 0; i < n; i++) out.push(`<!-- citelint-disable-next-line undefined-reference -->\nClaim.[^u${i}]\n`)
      return `${out.join('\n')}\n[^1]: Source, 2015.\n`
    }
  },
  {
    name: 'blockquote 100,000 deep on one line, with a call',
    formats: ['md', 'txt'],
    input: (scale, format) =>
      `${'>'.repeat(at(100_000, scale))} A claim.${format === 'md' ? '[^1]' : '[1]'}\n\n${format === 'md' ? '[^1]:' : '[1]'} Source, 2015.\n`
  },
  {
    name: 'blockquote staircase, 1 MB (each line one level deeper), calls',
    formats: ['md', 'txt'],
    input: (scale, format) => staircase(at(1_000_000, scale), (k) => `${'>'.repeat(k)} claim.${format === 'md' ? '[^1]' : '[1]'}`, format)
  },
  {
    name: 'list staircase, 1 MB (each item nested in the last), calls',
    formats: ['md'],
    input: (scale, format) => staircase(at(1_000_000, scale), (k) => `${'  '.repeat(k)}- claim.[^1]`, format)
  },
  {
    name: 'footnote definitions nested in lists in quotes, 1 MB',
    formats: ['md'],
    input: (scale) => {
      const n = Math.ceil(at(1_000_000, scale) / 60)
      const out = []
      for (let i = 1; i <= n; i++) out.push(`> - claim ${i}.[^${i}]\n>   [^${i}]: > - Source ${i}, 2015.`)
      return `${out.join('\n')}\n`
    }
  },
  {
    name: 'raw-HTML notes: 50,000 `<sup><a href="#fnN">` links and a list of 50,000 `<li id="fnN">`',
    formats: ['md'],
    input: (scale) => {
      const n = at(50_000, scale)
      const body = []
      const notes = []
      for (let i = 1; i <= n; i++) {
        body.push(`Claim ${i}.<sup><a href="#fn${i}" id="ref${i}">[${i}]</a></sup>`)
        notes.push(`<li id="fn${i}">Source ${i}, Beirut, October 12, 2015. <a href="#ref${i}">↩</a></li>`)
      }
      return `${body.join(' ')}\n\n<ol>\n${notes.join('\n')}\n</ol>\n`
    }
  },
  {
    name: 'raw-HTML notes: 100,000 links to one shared anchor, 1,000 notes sharing it',
    formats: ['md'],
    input: (scale) => {
      const n = at(100_000, scale)
      const notes = Array.from({length: at(1_000, scale)}, (_, i) => `<li id="fn">Source ${i}, 2015.</li>`)
      return `${'Claim.<sup><a href="#fn">1</a></sup> '.repeat(n)}\n\n<ol>\n${notes.join('\n')}\n</ol>\n`
    }
  },
  {
    name: 'numerals: 5,000 chapters whose numbering restarts at 1 (10 glued references and 10 notes each)',
    formats: ['txt'],
    input: (scale) => {
      const chapters = []
      for (let c = 1; c <= at(5_000, scale); c++) {
        const refs = Array.from({length: 10}, (_, i) => `Claim.${i + 1} `).join('')
        const notes = Array.from({length: 10}, (_, i) => `${i + 1}. Source ${c}-${i + 1}, 2015.`).join('\n')
        chapters.push(`Chapter ${c}\n\n${refs}\n\nNotes\n\n${notes}\n`)
      }
      return chapters.join('\n')
    }
  },
  {
    name: 'numerals: 50,000 footnotes, every other one glued inside a line (`distribu8 For`), 100,000 glued look-alikes',
    formats: ['txt'],
    input: (scale) => {
      const pages = []
      for (let i = 1; i <= at(50_000, scale); i += 2) {
        const n = (i % 998) + 1
        pages.push(`It rose.${n} Then the Mechanism${n + 1}\nhad a distribu${n + 1} For bounded DP alike. And Ankara${n + 2} Said so.\n\n${n} Source one, 2019.\n`)
      }
      return pages.join('\n')
    }
  },
  {
    // The long line is read at most 160 code units each side of a bracket (`formulaIndex`); `[x]` keeps it from being 3,300,000 references.
    name: 'formula lines: 100,000 lines `B[1] ⊗ W [1]`, then one line of 20 MB of `W [x] `',
    formats: ['txt'],
    input: (scale) => `Claim.[1]\n${'B[1] ⊗ W [1]\n'.repeat(at(100_000, scale))}\n${'W [x] '.repeat(at(3_300_000, scale))}\n\n[1] Source, 2015.\n`
  },
  {
    name: 'lettered notes: 1,000,000 glued capitals `“x”Q—`, a list `A.` to `Z.` under Transcriber’s Notes, 100,000 `A.` blocks',
    formats: ['txt'],
    input: (scale) => {
      const letters = Array.from({length: 26}, (_, i) => `${String.fromCharCode(65 + i)}.\nThe spelling here occurs nowhere else in the text.\n`).join('\n')
      return `${'said “x”Q— '.repeat(at(1_000_000, scale))}\n\nTranscriber’s Notes:\n\n${letters}\n${'A.\nAnother note that is no note of the list.\n\n'.repeat(at(100_000, scale))}`
    }
  },
  {
    // Plain text: the note model reads a note's first 20,000 code units (`noteReadLimit`). In Markdown the parse
    // step alone grows faster (micromark, 19 times at 10x) and the paragraph is refused at 100x (BlockTooLong).
    name: 'one note of 4 MB: `[1] ` then 1,000,000 `(a) `',
    formats: ['txt'],
    input: (scale) => `Claim.[1]\n\n[1] ${'(a) '.repeat(at(1_000_000, scale))}\n`
  },
  {
    // The notes line of 1,000,000 items is not read (no cell carries `a`): a bracket note of that text is slow in itself, beyond this convention.
    name: 'typed table notes: a table of 100,000 cells `block (note a)`, a notes line of 1,000,000 `(a)`, 50,000 captions with no notes',
    formats: ['txt'],
    input: (scale) => {
      const cells = 'C4\nblock (note a)\n'.repeat(at(50_000, scale))
      const long = `Table 2: Other\nblock (note b)\nNotes: (a) Source, 2015; ${'(a) '.repeat(at(1_000_000, scale))}\n`
      return `Table 1: Invariants\n${cells}Notes: (a) Source, 2015.\n\n${long}\n${'Table 3: Empty\nblock (b)\n'.repeat(at(50_000, scale))}`
    }
  },
  {
    name: 'pandoc inline notes: one `^[` unclosed over 100,000 words, then 100,000 `^[note]`',
    formats: ['md'],
    input: (scale) => `Claim.^[${'word '.repeat(at(100_000, scale))}\n\n${'Claim.^[Source, 2015.] '.repeat(at(100_000, scale))}\n`
  }
]

/** Lines from `line(1)` on, each one level deeper, until `size` characters; then the note. */
function staircase(size, line, format) {
  const out = []
  let total = 0
  for (let k = 1; total < size; k++) {
    const text = line(k)
    out.push(text)
    total += text.length + 1
  }
  return `${out.join('\n')}\n\n${format === 'md' ? '[^1]:' : '[1]'} Source, 2015.\n`
}

/**
 * The control's work: `n` records of a few small frozen objects (an index
 * entry with its span), all kept until the end, then read once.
 */
function records(n) {
  const out = []
  for (let i = 0; i < n; i++) {
    const span = Object.freeze({start: Object.freeze({line: 1, column: i + 1, offset: i}), end: Object.freeze({line: 1, column: i + 4, offset: i + 3})})
    out.push(Object.freeze({index: i, span, label: String(i % 100), references: Object.freeze([i])}))
  }
  let sum = 0
  for (const record of out) sum += record.span.end.offset - record.span.start.offset
  return sum
}

async function child(caseIndex, format, scale, mode) {
  const {lintText} = await import('../dist/src/index.js')
  const {fixText} = await import('../dist/src/engine/fix.js')
  const {parse} = await import('../dist/src/readers/registry.js')
  const item = cases[caseIndex]
  const filePath = `hostile.${format}`
  // Through a buffer, as if read from a file: a flat string, not the rope
  // `repeat` and `+` build (flattening it would be timed on the first run).
  const text = Buffer.from(item.input(scale, format), 'utf8').toString('utf8')
  // The control's size is its number of records.
  const result = {chars: item.control ? Number(text) : text.length}
  if (mode === 'lint' || mode === 'parse') {
    const config = {rules: {'note-order': ['warn', {gfm: true}]}}
    const lint = item.control
      ? (input) => ({messages: {length: records(Number(input))}})
      : mode === 'parse'
        ? (input) => ({messages: {length: parse(input, format === 'md' ? 'markdown' : 'text').children.length}})
        : item.fix
          ? (input) => fixText(input, {filePath, config}).result
          : (input) => lintText(input, {filePath, config})
    // Markdown nested deeper than citelint parses is refused with
    // NestingTooDeep (src/readers/markdown-nesting.ts): a result, timed like a lint.
    const outcome = (input) => {
      try {
        return lint(input).messages.length
      } catch (error) {
        if (error?.name === 'NestingTooDeep' || error?.name === 'BlockTooLong') return 'refused'
        throw error
      }
    }
    // Warm up on the 1x input: at least 20 runs and 200 ms, so that the
    // code is optimised before any size is timed (one run left a 100x
    // measurement of a few milliseconds to the interpreter).
    const small = item.input(1, format)
    for (let runs = 0, w0 = performance.now(); runs < 20 || performance.now() - w0 < 200; runs++) {
      outcome(small)
      if (performance.now() - w0 > 5000) break
    }
    // The same volume of input at every size (1x: 100 runs, 10x: 10, 100x:
    // 1), so that garbage collection is amortised alike; at most 5 s.
    const times = []
    const walls = []
    let messages = 0
    do {
      const w0 = performance.now()
      const c0 = process.cpuUsage()
      messages = outcome(text)
      const cpu = process.cpuUsage(c0)
      times.push((cpu.user + cpu.system) / 1000)
      walls.push(performance.now() - w0)
    } while (times.length < 100 / scale && walls.reduce((a, b) => a + b, 0) < 5000)
    result.ms = times.reduce((a, b) => a + b, 0) / times.length
    result.wallMs = walls.reduce((a, b) => a + b, 0) / walls.length
    result.runs = times.length
    result.messages = messages
  }
  result.rssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(JSON.stringify(result))
}

function measure(caseIndex, format, scale, mode = 'lint') {
  const run = (mode) => {
    const out = spawnSync(process.execPath, [self, '--child', String(caseIndex), format, String(scale), mode], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 1 << 20
    })
    if (out.status !== 0) {
      const why =
        out.error?.code === 'ETIMEDOUT'
          ? 'timeout (300 s)'
          : /heap out of memory|OOMErrorHandler/.test(out.stderr)
            ? 'out of memory'
            : (out.stderr.trim().split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${out.status}`)
      return {error: why}
    }
    return JSON.parse(out.stdout)
  }
  const lint = run(mode)
  if (lint.error || mode !== 'lint') return lint
  const base = run('baseline')
  return {...lint, memMb: base.error ? undefined : Math.max(0, lint.rssMb - base.rssMb)}
}

/** ` (refused at 10x, 100x)` when a size was refused (nested too deep, block too long). */
const refusedAt = (rows) => {
  const sizes = rows.flatMap((r, i) => (r.messages === 'refused' ? [`${scales[i]}x`] : []))
  return sizes.length ? ` (refused at ${sizes.join(', ')})` : ''
}
const fmt = (ms) => (ms === undefined ? '-' : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0))
/**
 * Times under 2 ms of CPU are below the noise of a shared machine (one minor
 * garbage collection, a cold cache): the smaller size counts as at least
 * 2 ms, so that 0.09 ms against 3 ms is not read as 38x growth.
 */
const noiseFloorMs = 2
const ratio = (a, b) => (a?.ms === undefined || b?.ms === undefined ? undefined : b.ms / Math.max(a.ms, noiseFloorMs))

if (process.argv[2] === '--child') {
  const [, , , caseIndex, format, scale, mode] = process.argv
  await child(Number(caseIndex), format, Number(scale), mode)
} else {
  const filter = process.argv[2]
  let failed = false
  console.log('| case | format | chars at 1x/10x/100x | CPU ms 1x | CPU ms 10x | CPU ms 100x | ratio 10x/1x | ratio 100x/10x | wall ms 100x | MB 1x/10x/100x | verdict |')
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |')
  cases.forEach((item, caseIndex) => {
    if (filter && !item.name.includes(filter)) return
    for (const format of item.formats) {
      // A scale that failed or took over 30 s is not followed by the next one
      // (ten times larger): the verdict is already known.
      const rows = []
      for (const scale of scales) {
        const previous = rows.at(-1)
        if (previous && (previous.error || previous.ms > 30_000)) rows.push({error: `not run (${previous.error ? 'smaller size failed' : `${(previous.ms / 1000).toFixed(0)} s at ${scale / 10}x`})`})
        else rows.push(measure(caseIndex, format, scale))
      }
      const errors = rows.filter((r) => r.error).map((r) => r.error)
      const r1 = ratio(rows[0], rows[1])
      const r2 = ratio(rows[1], rows[2])
      const grew = (r1 ?? 0) > maxRatio || (r2 ?? 0) > maxRatio
      const ok = item.control || (errors.length === 0 && !grew)
      if (!ok) failed = true
      // Where growth failed: the same sizes through the parse step alone.
      let parseAlone = ''
      if (grew && !item.control && errors.length === 0 && format === 'md') {
        const parsed = scales.map((scale) => measure(caseIndex, format, scale, 'parse'))
        const ratios = [ratio(parsed[0], parsed[1]), ratio(parsed[1], parsed[2])]
        parseAlone = `; parse alone ${parsed.map((r) => fmt(r.ms)).join(' / ')} ms, ${ratios.map((r) => r?.toFixed(1) ?? '-').join(', ')}`
      }
      const verdict = item.control ? 'control' : `${ok ? 'ok' : `FAIL${errors.length ? `: ${errors[0]}` : ''}`}${refusedAt(rows)}${parseAlone}`
      console.log(
        `| ${item.name} | .${format} | ${rows.map((r) => r.chars ?? '-').join(' / ')} | ${rows.map((r) => fmt(r.ms)).join(' | ')} | ` +
          `${r1?.toFixed(1) ?? '-'} | ${r2?.toFixed(1) ?? '-'} | ${fmt(rows[2]?.wallMs)} | ${rows.map((r) => (r.memMb === undefined ? '-' : r.memMb.toFixed(0))).join(' / ')} | ` +
          `${verdict} |`
      )
    }
  })
  process.exitCode = failed ? 1 : 0
}
