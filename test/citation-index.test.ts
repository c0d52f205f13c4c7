/**
 * Table-driven tests of the citation index: what is and is not a marker in
 * each format, label normalisation, spans and resolution.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {buildCitationIndex} from '../src/citation-index/build.js'
import {uncitedNotes} from '../src/citation-index/uncited.js'
import {parse} from '../src/readers/registry.js'
import {parseMarkdown} from '../src/readers/markdown.js'
import type {CitationIndex, Format} from '../src/citation-index/types.js'

function index(text: string, format: Format): CitationIndex {
  return buildCitationIndex(parse(text, format), new VFile({value: text}), format)
}

/** `marker@line:column` of every reference, and `->n` when it resolves to note n. */
function references(text: string, format: Format): string[] {
  const found = index(text, format)
  return found.references.map(
    (r) => `${r.marker}@${r.span.start.line}:${r.span.start.column}${r.note === undefined ? '' : `->${r.note}`}`
  )
}

function notes(text: string, format: Format): string[] {
  return index(text, format).notes.map((n) => `${n.marker}@${n.span.start.line}:${n.span.start.column} ${JSON.stringify(n.content)}`)
}

const markdown: Array<[string, string, string[]]> = [
  ['GFM call and definition', 'A claim.[^1]\n\n[^1]: Source, 2015.\n', ['[^1]@1:9->0']],
  ['GFM call without definition is still found', 'A claim.[^7]\n', ['[^7]@1:9']],
  ['labels match case-insensitively, whitespace collapsed', 'A.[^Note]\n\n[^note]: Source.\n', ['[^Note]@1:3->0']],
  ['inline code is not prose', 'Write `text[^1]` like this.[^2]\n', ['[^2]@1:28']],
  ['fenced code is not prose', '```\nA[^1]\n```\n', []],
  ['indented code is not prose', 'Para.\n\n    code[^1]\n', []],
  ['HTML comment is not prose', '<!-- a[^1] -->\n\nText.\n', []],
  ['link URL is not prose', '[site](https://example.org/a[^1]) and more.\n', []],
  ['a GFM call inside link text is a reference', 'See [the report[^1]](https://e.com/r).\n\n[^1]: A.\n', ['[^1]@1:16->0']],
  ['a GFM call inside the text of a reference-style link is a reference', 'See [the report[^1]][r].\n\n[r]: https://e.com/r\n[^1]: A.\n', ['[^1]@1:16->0']],
  ['bracket text inside link text is not a marker, an undefined GFM call is (a definition would resolve it)', 'See [[1]](#n1) and [a[^9]](https://e.com).\n\n[1] Note.\n', ['[^9]@1:22']],
  ['escaped bracket is not a marker', 'An escaped \\[^1] call.\n', []],
  ['double backslash does not escape', 'A path\\\\[^1] call.\n', ['[^1]@1:9']],
  ['front matter is not prose', '---\nnote: a[^1]\n---\n\nText.\n', []],
  ['link reference definition makes [1] a link, not a marker', 'See the table[1].\n\n[1]: https://example.org\n', []],
  ['bracket numbers in a GFM document without a notes list are not markers', 'Use a[1] and b[2] in code-like prose.\n', []],
  ['references in headings count', '# Findings[^1]\n\nBody.[^2]\n\n[^1]: A.\n\n[^2]: B.\n', ['[^1]@1:11->0', '[^2]@3:6->1']],
  ['an undefined GFM call with a long label is found', 'Text.[^smith-2015-annual-report-page-12]\n', ['[^smith-2015-annual-report-page-12]@1:6']],
  ['malformed GFM call', 'A claim.[^ 2]\n\n[^2]: Source.\n', ['[^ 2]@1:9']],
  [
    'bracket convention in Markdown: references followed by their notes',
    'A claim.[1] Another.[2]\n\n[1] Source one.\n\n[2] Source two.\n',
    ['[1]@1:9->0', '[2]@1:21->1']
  ],
  ['[n] list labels before their use are not notes', '[1] is first.\n\n[2] is second.\n\nBoth [1] and [2] hold.\n', []],
  ['list items starting with a marker are references, not notes', '-   [3]\n\nText.[3]\n\n[3] Source.\n', ['[3]@1:5->0', '[3]@3:6->0']]
]

for (const [name, text, expected] of markdown) {
  test(`markdown: ${name}`, () => assert.equal(references(text, 'markdown'), expected))
}

const plain: Array<[string, string, string[]]> = [
  ['bracket marker after punctuation', 'In Syria.[1]\n\n[1] Al-Akhbar, 2015.\n', ['[1]@1:10->0']],
  ['marker after a closing parenthesis and comma', 'the JCPOA),[4] and\n\n[4] ISNA, 2015.\n', ['[4]@1:12->0']],
  ['caret syntax means nothing in plain text', 'Mid[^a]wiwin.[1]\n\n[1] Source.\n', ['[1]@1:14->0']],
  ['editorial brackets are not markers', 'He said [sic] that [...] the [the IRGC] would act.[1]\n\n[1] Source.\n', ['[1]@1:51->0']],
  ['a bracket glued to the next word is editorial', '[t]he text and [I]t too.[1]\n\n[1] Source.\n', ['[1]@1:25->0']],
  ['a bracket completing a word is editorial', 'They "collud[e]d" openly.[1]\n\n[1] Source.\n', ['[1]@1:26->0']],
  ['a letter opening a quotation is editorial', 'The order cites "[a] list" and “[b] more”.[1]\n\n[1] Source.\n', ['[1]@1:43->0']],
  ['roman numeral after a quote is a marker', 'He said "no."[v] Then.[1]\n\n[1] Source.\n', ['[v]@1:14', '[1]@1:23->0']],
  ['malformed numbers are markers that resolve to nothing', 'A.[1a] B.[ 1] C.[1]\n\n[1] Source.\n', ['[1a]@1:3', '[ 1]@1:10', '[1]@1:17->0']],
  ['a symbol glued to a word resolves to its symbol note', 'By A. Savyon*\n\nText.\n\n* A. Savyon is director.\n', ['*@1:13->0']],
  ['dagger and double dagger symbol notes', 'By A. Roe† and B. Doe‡\n\n† A. Roe is a fellow.\n‡ B. Doe is an editor.\n', ['†@1:10->0', '‡@1:22->1']],
  ['a notes list under a Notes heading, without blank lines', 'A.[1] B.[2]\n\nNotes\n[1] Source one.\n[2] Source two.\n', ['[1]@1:3->0', '[2]@1:9->1']],
  ['[emphasis added] and roman or letter markers after punctuation', 'It "was [emphasis added] final."[iv] And so.[b] Cite.[1]\n\n[1] S.\n', ['[iv]@1:33', '[b]@1:45', '[1]@1:54->0']],
  ['a wrapped body line starting with [n] is a reference', 'First claim.[1] The army and\n[2] the police moved in.\n\nNotes\n\n[1] A, 2015.\n[2] B, 2015.\n', ['[1]@1:13->0', '[2]@2:1->1']],
  ['a notes list right after the prose, no blank line: two or more lines, each one note, to the end', 'First.[2] Second.[1]\nMore text.\n[1] Alpha, 2026.\n[2] Beta, see [1].\n', ['[2]@1:7->1', '[1]@1:18->0', '[1]@4:15->0']],
  ['one line starting with [n] at the end of a paragraph stays a wrapped reference', 'A claim that wraps\n[2] onto a line.\n\n[1] A, 2015.\n[2] B, 2015.\n', ['[2]@2:1->1']],
  ['a lone asterisk without a symbol note is not a marker', 'Five * three and x* y.\n', []],
  ['a bulleted list is not a list of symbol notes', 'By A. Savyon*\n\n* first item\n* second item\n', []],
  ['a line starting with * is text, not a list', '* A. Savyon is director.\n\nBy A. Savyon*\n', ['*@3:13->0']],
  ['Project Gutenberg footnote block', 'A claim.[1]\n\n    [Footnote 1: Coll. Minn., 1885.]\n', ['[1]@1:9->0']],
  [
    'restarted numbering resolves to the nearest note after the reference',
    'One.[1]\n\n[Footnote 1: First.]\n\nTwo.[1]\n\n[Footnote 1: Second.]\n',
    ['[1]@1:5->0', '[1]@5:5->1']
  ]
]

for (const [name, text, expected] of plain) {
  test(`plain text: ${name}`, () => assert.equal(references(text, 'text'), expected))
}

test('notes: content after the marker, trimmed; note spans start at the marker', () => {
  assert.equal(notes('A.[1] B.[2]\n\n[1] Al-Akhbar (Lebanon), October 12, 2015.\n\n[2], October 7, 2015.\n', 'text'), [
    '[1]@3:1 "Al-Akhbar (Lebanon), October 12, 2015."',
    '[2]@5:1 ", October 7, 2015."'
  ])
})

test('notes: consecutive lines of a notes list are separate notes; continuation lines join', () => {
  assert.equal(notes('A.[1] B.[2]\n\n[1] First source,\n  continued.\n[2] Second source.\n', 'text'), [
    '[1]@3:1 "First source,\\n  continued."',
    '[2]@5:1 "Second source."'
  ])
})

test('notes: GFM definition content spans its paragraphs', () => {
  assert.equal(notes('A.[^1]\n\n[^1]: First.\n\n    Second paragraph.\n', 'markdown'), [
    '[^1]@3:1 "First.\\n\\n    Second paragraph."'
  ])
})

test('notes: Project Gutenberg block content drops the closing bracket', () => {
  assert.equal(notes('A.[1]\n\n[Footnote 1: Coll. Minn.,\nvol. 5.]\n', 'text'), ['[Footnote 1:@3:1 "Coll. Minn.,\\nvol. 5."'])
})

test('index: identifiers, styles, numbers, numbering style and range', () => {
  const found = index('A.[1] B.[iv] C.[^X y]\n\n[1] S.\n\n[2] T.\n\n[3] U.\n', 'text')
  assert.equal(
    found.references.map((r) => [r.label, r.identifier, r.style, r.syntax, r.number]),
    [
      ['1', '1', 'arabic', 'bracket', 1],
      ['iv', 'iv', 'roman', 'bracket', 4]
    ]
  )
  assert.is(found.numberingStyle, 'arabic')
  assert.equal(found.numberRange, {min: 1, max: 3})
  // GFM labels hold no whitespace; they match case-insensitively.
  const gfm = index('A.[^MyNote]\n\n[^mynote]: S.\n', 'markdown')
  assert.is(gfm.references[0]?.identifier, 'MYNOTE')
  assert.is(gfm.references[0]?.note, 0)
  assert.is(gfm.numberingStyle, 'caret')
  assert.is(index('No notes here.\n', 'text').numberingStyle, 'none')
})

test('index: spans are exact in UTF-16 code units, with astral characters and CRLF', () => {
  const text = 'Emoji 😀 here.[1]\r\nNext line.[2]\r\n\r\n[1] A.\r\n[2] B.\r\n'
  const found = index(text, 'text')
  const spans = found.references.map((r) => [r.span.start.line, r.span.start.column, r.span.end.column, text.slice(r.span.start.offset, r.span.end.offset)])
  assert.equal(spans, [
    [1, 15, 18, '[1]'],
    [2, 11, 14, '[2]']
  ])
})

test('index: notes section starts after the last body reference', () => {
  const found = index('By X*\n\nText.[1]\n\n* X is director.\n\n[1] Source.\n', 'text')
  assert.is(found.notesSection?.start.line, 5)
  assert.equal(found.notes.map((n) => n.inNotesSection), [true, true])
})

test('index: a note citing another note; a note citing itself does not count', () => {
  const found = index('Text.[1]\n\n[1] Source, see [2].\n\n[2] Other, see [2].\n', 'text')
  assert.equal(found.notes.map((n) => n.references.length), [1, 1])
  assert.equal(found.references.map((r) => r.inNote), [undefined, 0, 1])
})

test('symbols: an author note is read; a symbol used far more often as a reference than as a note is debris', () => {
  const author = 'By A. Savyon*\n\nThe claim.\n\n* A. Savyon is Director of the project.\n'
  assert.equal(index(author, 'text').notes.map((n) => n.marker), ['*'])
  const ocr = `${'Garbled footnote number*. '.repeat(25)}\n\n* stray line\n`
  const found = index(ocr, 'text')
  assert.equal([found.references.length, found.notes.length], [0, 0])
})

test('deeply nested block quotes and lists do not overflow the stack', () => {
  // parse() refuses more than 100 levels (src/readers/markdown-nesting.ts); the tree is
  // built past that limit to test the index's walk.
  const deep = (text: string): CitationIndex =>
    buildCitationIndex(parseMarkdown(text, {maxNesting: Infinity}), new VFile({value: text}), 'markdown')
  const quotes = `${'> '.repeat(4000)}T.[^1]\n\n[^1]: S, 2015.\n`
  assert.is(deep(quotes).references.length, 1)
  const lists = `${'- '.repeat(2000)}T.[^1]\n\n[^1]: S, 2015.\n`
  assert.is(deep(lists).references.length, 1)
})

test('backslashes before a bracket: odd escapes it, even does not (Markdown)', () => {
  assert.equal(references('A\\\\\\[^1] and B\\\\[^2]\n', 'markdown'), ['[^2]@1:17'])
})

test('series policy: a bracket glued to a word stands only as the next number of its series', () => {
  const letters = 'One.[a] Two.[m] Roman lead pipes[n]\n\nCoal gas[o]) then.[q] Not collud[e] nor S[3].\n\nNotes\n\n[a] A.\n[m] M.\n[n] N.\n[o] O.\n[q] Q.\n'
  assert.equal(index(letters, 'text').references.map((r) => r.marker), ['[a]', '[m]', '[n]', '[o]', '[q]'])
  const numbers = 'Codes.[1] H410, P391[2] and more.[3] Array x1[7] and I[1].\n\n[1] A.\n[2] B.\n[3] C.\n'
  assert.equal(index(numbers, 'text').references.map((r) => r.marker), ['[1]', '[2]', '[3]'])
  // `I[1]` repeats note 1, it does not continue the series; only the glued `[2]` does.
  const opening = 'Array I[1] first. Then.[2] And.[3]\n\n[1] A.\n[2] B.\n[3] C.\n'
  assert.equal(index(opening, 'text').references.map((r) => r.marker), ['[2]', '[3]'])
})

test('a number set off by a space stands only as the missing reference of an aligned note', () => {
  const pdf = 'Intro text here,1 and more here.2 The statisticians. 3 Disclosure is done. Later on.4 End. 9 Lines\n\n1 Note one.\n2 Note two.\n3 Note three.\n4 Note four.\n'
  assert.equal(index(pdf, 'text').references.map((r) => r.marker), ['1', '2', '3', '4'])
  const debris = 'Page text. 3 More text. 4 Other text. 5 End.\n\n3 Item.\n4 Item.\n5 Item.\n'
  assert.equal(index(debris, 'text').references.length, 0)
})

test('tables: references in a table or its caption are marked inTable; prose is not', () => {
  const inTable = (text: string, format: Format): boolean[] => index(text, format).references.map((r) => r.inTable)
  const grid = 'Text.[1]\n\n+-----+-----+\n| a   | b[2] |\n+-----+-----+\n\n: Caption[3]\n\nMore.[4]\n\n[1] A.\n[2] B.\n[3] C.\n[4] D.\n'
  assert.equal(inTable(grid, 'text'), [false, true, true, false])
  const simple = 'Text.[1]\n\n  ------ ------\n    A      60[2]\n    B      65\n  ------ ------\n\nMore.[3]\n\n[1] A.\n[2] B.\n[3] C.\n'
  assert.equal(inTable(simple, 'markdown'), [false, true, false])
  const gfm = 'Text.[^1]\n\n| a | b |\n| - | - |\n| x[^2] | y |\n\n[^1]: A.\n[^2]: B.\n'
  assert.equal(inTable(gfm, 'markdown'), [false, true])
  // Look-alikes: a lone rule of dashes, one line between pipes, a colon paragraph after prose.
  const prose = 'Text.[1]\n\n-----\n\nA |pipe| here.[2]\n\n: not a caption[3]\n\n[1] A.\n[2] B.\n[3] C.\n'
  assert.equal(inTable(prose, 'text'), [false, false, false])
})

test('raw-HTML notes that share one id resolve by their shown numbers and keep the id as their anchor', () => {
  const text =
    'A.<sup><a href="#fn">1</a></sup> B.<sup><a href="#fn">2</a></sup>\n\n<ol>\n<li id="fn">One, 2015.</li>\n<li id="fn">Two, 2016.</li>\n</ol>\n'
  const found = index(text, 'markdown')
  assert.equal(found.references.map((r) => r.note), [0, 1])
  assert.equal(found.notes.map((n) => n.anchor), ['fn', 'fn'])
  assert.equal(index('A.[^1]\n\n[^1]: One.\n', 'markdown').notes[0]?.anchor, undefined)
})

test('uncitedNotes: a note no reference cites, a near-miss definition no call means; not a later duplicate', () => {
  const found = index('A.[^1] B.[^2]\n\n[^1]: One.\n\n[^3]: Three.\n\n[2^] Two, https://example.org/2\n[4^] Four.\n', 'markdown')
  const uncited = [...uncitedNotes(found)].map((i) => found.notes[i]!.marker)
  assert.equal(uncited, ['[^3]', '[4^]'])
  const duplicate = index('A.[1]\n\n[1] One.\n[1] Again.\n[2] Two.\n', 'text')
  assert.equal([...uncitedNotes(duplicate)].map((i) => duplicate.notes[i]!.marker), ['[2]'])
})

test.run()
