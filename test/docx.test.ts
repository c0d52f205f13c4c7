/**
 * The DOCX reader: documents written by test/docx-generator.ts with each
 * fault of issue 18 and a clean one, findings at the scheme's positions
 * (line = paragraph number: body, then footnotes, then endnotes; column =
 * UTF-16 offset in the paragraph's visible text + 1), and bad input refused
 * in one line with exit code 2.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Zip, ZipDeflate, strToU8, zipSync} from 'fflate'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {docxToText, splitVirtualText} from '../src/readers/docx.js'
import type {DocxSpec} from './docx-generator.js'
import {docxParts, makeDocx, zipParts} from './docx-generator.js'
import {runCli} from './helpers.js'

const folder = mkdtempSync(path.join(tmpdir(), 'citelint-docx-'))

/** Write `bytes` as `name` in the test folder; its path. */
function put(name: string, bytes: Uint8Array): string {
  const file = path.join(folder, name)
  writeFileSync(file, bytes)
  return file
}

/** The findings of a DOCX as `line:column rule-id message`. */
async function findings(spec: DocxSpec, name = 'doc.docx'): Promise<string[]> {
  put(name, makeDocx(spec))
  const {code, out, err} = await runCli([name, '--format', 'json'], folder)
  assert.ok(code === 0 || code === 1, `exit ${code}: ${err}`)
  const [file] = JSON.parse(out) as Array<{messages: Array<{line: number; column: number; ruleId: string; message: string}>}>
  return file!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)
}

const clean: DocxSpec = {
  body: [
    ['Talks stalled in October.', {footnote: 1}, ' The envoy left.', {endnote: 1}],
    {table: [[['Cell one'], ['Cell two cites a source.', {footnote: 2}]]]},
    ['An author note', {footnote: 3, custom: '*'}, ' and an inserted sentence.', {inserted: ['Added later.', {footnote: 4}]}],
    ['A deleted reference', {deleted: [{footnote: 5}]}, ' and see note ', {field: 'NOTEREF _Ref1 \\h', result: '1'}, '.']
  ],
  footnotes: [
    {id: 1, paragraphs: [['Al-Akhbar, "Talks stall," October 12, 2015.']]},
    {id: 2, paragraphs: [['Reuters, "Second source," May 3, 2014.'], ['A second paragraph of the note.']]},
    {id: 3, custom: true, paragraphs: [['* A. Savyon is a senior analyst.']]},
    {id: 4, paragraphs: [['The Guardian, "Added source," June 1, 2016.']]},
    {id: 5, paragraphs: [['Deleted with its reference.']]}
  ],
  endnotes: [{id: 1, paragraphs: [['Le Monde, "Endnote source," March 2, 2013.']]}]
}

test('a clean DOCX gives no findings; footnote 1 and endnote 1 are two notes', async () => {
  assert.equal(await findings(clean, 'valid.docx'), [])
})

test('the virtual text: one line per paragraph, Word numbers, notes after the body, the deleted note left out', () => {
  const {visible, layout} = splitVirtualText(docxToText(makeDocx(clean)))
  assert.equal(visible.split('\n'), [
    'Talks stalled in October.1 The envoy left.i',
    'Cell one',
    'Cell two cites a source.2',
    'An author note* and an inserted sentence.Added later.3',
    'A deleted reference and see note 1.',
    '1 Al-Akhbar, "Talks stall," October 12, 2015.',
    '2 Reuters, "Second source," May 3, 2014.',
    'A second paragraph of the note.',
    '* A. Savyon is a senior analyst.',
    '3 The Guardian, "Added source," June 1, 2016.',
    'i Le Monde, "Endnote source," March 2, 2013.'
  ])
  assert.equal(layout.body, 5)
  assert.equal(layout.notes.map((n) => `${n.label}@${n.line + 1}`), ['footnote:1@6', 'footnote:2@7', 'footnote:3@9', 'footnote:4@10', 'endnote:1@11'])
})

test('the summary counts structural references and notes, not the deleted ones', async () => {
  put('valid.docx', makeDocx(clean))
  const {out} = await runCli(['summary', 'valid.docx', '--format', 'json'], folder)
  const [file] = (JSON.parse(out) as {files: Array<{references: {total: number}; notes: {total: number}}>}).files
  assert.equal([file!.references.total, file!.notes.total], [5, 5])
})

test('each fault of issue 18 at the position of the scheme: a note\'s finding at its reference, an unused note at its own paragraph', async () => {
  const found = await findings({
    body: [
      ['Talks stalled.', {footnote: 1}, ' A date only.', {footnote: 2}, ' A URL only.', {footnote: 3}],
      ['A number typed in superscript.', {superscript: '4'}, ' A square km', {superscript: '2'}, ' is an exponent.'],
      ['Typed notes in brackets.[1] Again.[2]'],
      ['Notes'],
      ['[1] Reuters, "Typed note," May 1, 2015.'],
      ['[2] Reuters, "Typed note," May 1, 2015.']
    ],
    footnotes: [
      {id: 1, paragraphs: [['']]},
      {id: 2, paragraphs: [[', October 7, 2015.']]},
      {id: 3, paragraphs: [['https://example.org/report']]},
      {id: 7, paragraphs: [['Al-Akhbar, "Left after editing," March 3, 2012.']]}
    ]
  })
  assert.equal(found, [
    '1:15 empty-source Empty footnote 1: nothing follows the marker, expected an outlet, author or title',
    '1:29 empty-source Empty source in footnote 2 (only `, October 7, 2015.`), expected an outlet, author or title',
    '1:42 url-only-source URL-only footnote 3: it names no outlet or title, expected the outlet and title beside the URL',
    '2:31 undefined-reference Undefined reference `superscript 4`: a number typed in superscript is no Word footnote, expected a footnote inserted in its place',
    '6:1 duplicate-source Duplicate source in note `[2]`: note `[1]` names the same source and date, expected one note cited twice',
    '10:1 unused-note Unused footnote (id 7): no reference mark in the text cites it, expected a reference mark or the note deleted'
  ])
})

test('a NOTEREF cross-reference whose cached number is not its note\'s number now is a broken marker', async () => {
  const found = await findings({
    body: [
      ['An inserted note.', {footnote: 9}, ' The talks.', {bookmark: '_Ref200', runs: [{footnote: 1}]}, ' The envoy.', {bookmark: '_Ref300', runs: [{endnote: 4}]}],
      ['See note ', {field: 'NOTEREF _Ref200 \\h', result: '1'}, ', note ', {simpleField: 'NOTEREF _Ref200 \\f \\h', result: '2'}, ' and endnote ', {field: 'NOTEREF _Ref300 \\h', result: 'ii'}, '.'],
      ['A field to no note: ', {field: 'NOTEREF _Ref999 \\h', result: '7'}, ' and a page: ', {field: 'PAGEREF _Ref200 \\h', result: '3'}, '.'],
      ['As said before.', {simpleField: 'NOTEREF _Ref200 \\f \\h', result: {superscript: '2'}}, ' A superscript NOTEREF is no typed note number.']
    ],
    footnotes: [
      {id: 9, paragraphs: [['Reuters, "Inserted," May 1, 2015.']]},
      {id: 1, paragraphs: [['Al-Akhbar, "Talks," October 12, 2015.']]}
    ],
    endnotes: [{id: 4, paragraphs: [['Le Monde, "Envoy," March 2, 2013.']]}]
  })
  assert.equal(found, [
    '2:10 broken-marker Broken cross-reference `1`: the NOTEREF field points to footnote 2, expected `2` (update the field)',
    '2:32 broken-marker Broken cross-reference `ii`: the NOTEREF field points to endnote i, expected `i` (update the field)'
  ])
})

test('SARIF and stylish output give the first words of the paragraph, to find the place in Word', async () => {
  const long = 'Talks stalled in the autumn of that year after the envoy left Vienna for consultations in Tehran.'
  put('snippet.docx', makeDocx({body: [[long, {footnote: 1}]], footnotes: [{id: 1, paragraphs: [['https://example.org/report']]}, {id: 2, paragraphs: [['Left over.']]}]}))
  const sarif = await runCli(['snippet.docx', '--format', 'sarif'], folder)
  const log = JSON.parse(sarif.out) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {region: {startLine: number; snippet?: {text: string}}}}>}>}>}
  assert.equal(
    log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region).map((region) => `${region.startLine} ${region.snippet?.text}`),
    ['1 Talks stalled in the autumn of that year after the envoy…', '3 Left over.']
  )
  const stylish = await runCli(['snippet.docx'], folder)
  assert.match(stylish.out, /url-only-source\n {2}¶ "Talks stalled in the autumn of that year after the envoy…"\n/)
  assert.match(stylish.out, /unused-note\n {2}¶ "Left over\."\n/)
  writeFileSync(path.join(folder, 'plain.md'), 'Talks stalled.[^1]\n\n[^1]: https://example.org/report\n')
  const markdown = await runCli(['plain.md', '--format', 'sarif'], folder)
  assert.not.match(markdown.out, /snippet/)
  assert.not.match((await runCli(['plain.md'], folder)).out, /¶/)
})

test('--stdin-filename x.docx reads standard input as a DOCX; with --fix its bytes go back unchanged', async () => {
  const bytes = makeDocx({body: [['Talks stalled.', {footnote: 1}]], footnotes: [{id: 1, paragraphs: [['https://example.org/report']]}]})
  const linted = await runCli(['--stdin', '--stdin-filename', 'draft.docx', '--format', 'json'], folder, bytes)
  const [file] = JSON.parse(linted.out) as Array<{messages: Array<{line: number; column: number; ruleId: string}>}>
  assert.equal(file!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['1:15 url-only-source'])
  const fixed = await runCli(['--stdin', '--stdin-filename', 'draft.docx', '--fix'], folder, bytes)
  assert.ok(Buffer.from(fixed.out, 'latin1').equals(Buffer.from(bytes)))
  const bad = await runCli(['--stdin', '--stdin-filename', 'draft.docx'], folder, strToU8('not a zip'))
  assert.equal([bad.code, bad.err], [2, 'citelint: draft.docx: not a DOCX: not a zip archive, skipped\n'])
})

test('suppression: a Word comment citelint-disable turns rules off in the paragraphs it covers, citelint-disable-next-line in the next one', async () => {
  const found = await findings({
    body: [
      [{comment: 'citelint-disable url-only-source', runs: ['Talks stalled.', {footnote: 1}]}, ' More.', {footnote: 2}],
      [{comment: 'citelint-disable-next-line', runs: ['An aside.']}],
      ['Typed.', {superscript: '9'}, ' Again.', {footnote: 3}],
      [{comment: 'citelint-disable no-such-rule', runs: ['A typo in a rule id.']}],
      [{comment: 'A reviewer remark, not a directive.', runs: ['Still reported.', {footnote: 4}]}],
      // Full citations, so that the bare links are not the document's habit (url-only-source's bare-link documents).
      ['One.', {footnote: 5}, ' Two.', {footnote: 6}, ' Three.', {footnote: 7}, ' Four.', {footnote: 8}, ' Five.', {footnote: 9}]
    ],
    footnotes: [
      ...[1, 2, 3, 4].map((id) => ({id, paragraphs: [['https://example.org/report']]})),
      ...[5, 6, 7, 8, 9].map((id) => ({id, paragraphs: [[`Reuters, "Report ${id}," May ${id}, 2015.`]]}))
    ]
  })
  assert.equal(found, [
    '4:1 null Unknown rule `no-such-rule` in a citelint-disable comment',
    '5:16 url-only-source URL-only footnote 4: it names no outlet or title, expected the outlet and title beside the URL'
  ])
})

test('--fix never writes into a DOCX', async () => {
  const file = put('fixme.docx', makeDocx({body: [['Talks stalled', {footnote: 1}, '.']], footnotes: [{id: 1, paragraphs: [['Reuters, "A," May 1, 2015.']]}]}))
  const before = readFileSync(file)
  await runCli(['fixme.docx', '--fix'], folder)
  assert.ok(readFileSync(file).equals(before))
})

test('--cache keeps a DOCX: the second run reads it from the cache, with the same output', async () => {
  put('cached.docx', makeDocx({body: [['Talks stalled.', {footnote: 1}]], footnotes: [{id: 1, paragraphs: [['https://example.org/report']]}]}))
  const cache = path.join(folder, 'docx.citelintcache')
  const first = await runCli(['cached.docx', '--cache', '--cache-location', cache, '--format', 'json'], folder)
  const stored = JSON.parse(readFileSync(cache, 'utf8')) as {files: Record<string, {format: string}>}
  assert.equal(Object.values(stored.files).map((entry) => entry.format), ['docx'])
  const second = await runCli(['cached.docx', '--cache', '--cache-location', cache, '--format', 'json'], folder)
  assert.equal([second.code, second.out, second.err], [first.code, first.out, first.err])
  assert.match(first.out, /url-only-source/)
})

/** A zip whose `word/document.xml` inflates to `megabytes` MB of spaces, written in a stream (never held whole). */
function bomb(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(chunk)
  })
  const entry = new ZipDeflate('word/document.xml', {level: 1})
  zip.add(entry)
  const block = new Uint8Array(1024 * 1024).fill(32)
  for (let i = 0; i < megabytes; i++) entry.push(block)
  entry.push(new Uint8Array(0), true)
  zip.end()
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const chunk of chunks) (out.set(chunk, at), (at += chunk.length))
  return out
}

const ole = (extra: string): Uint8Array => {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return new Uint8Array([...head, ...new Array(504).fill(0), ...[...extra].flatMap((c) => [c.charCodeAt(0), 0])])
}

const bad: Array<[string, () => Uint8Array, string]> = [
  ['not a zip', () => strToU8('just text, not a zip'), 'not a DOCX: not a zip archive, skipped'],
  ['an encrypted document', () => ole('EncryptedPackage'), 'encrypted Word document (password protected), skipped; save it without a password'],
  ['a .doc renamed .docx', () => ole('WordDocument'), 'not a DOCX: a Word 97-2003 document (.doc), skipped; save it as .docx'],
  ['a zip bomb', () => bomb(210), 'zip bomb: more than 200 MB inflated, skipped'],
  ['a missing document.xml', () => zipSync({'word/styles.xml': strToU8('<x/>')}), 'not a DOCX: no word/document.xml in the package, skipped'],
  ['malformed XML', () => zipParts({...docxParts({body: [['x']]}), 'word/document.xml': '<w:document><w:body><w:p></w:body>'}), 'malformed XML in word/document.xml'],
  ['a truncated zip', () => makeDocx(clean).slice(0, 200), 'not a DOCX']
]

for (const [what, bytes, reason] of bad) {
  test(`bad input, one line and exit 2: ${what}`, async () => {
    put('bad.docx', bytes())
    const {code, err} = await runCli(['bad.docx'], folder)
    assert.is(code, 2)
    assert.is(err.split('\n').filter(Boolean).length, 1, err)
    assert.ok(err.startsWith(`citelint: bad.docx: ${reason}`), err)
  })
}

test('a directory walk takes .docx and .docm', async () => {
  const sub = mkdtempSync(path.join(folder, 'walk-'))
  writeFileSync(path.join(sub, 'a.docx'), makeDocx(clean))
  writeFileSync(path.join(sub, 'b.DOCM'), makeDocx(clean))
  const {code, out} = await runCli([path.basename(sub), '--format', 'json'], folder)
  assert.is(code, 0)
  assert.equal((JSON.parse(out) as Array<{filePath: string}>).map((f) => path.basename(f.filePath)).sort(), ['a.docx', 'b.DOCM'])
})

test.run()
