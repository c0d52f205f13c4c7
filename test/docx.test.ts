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

test('each fault of issue 18 at the position of the scheme', async () => {
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
    '2:31 undefined-reference Undefined reference `superscript 4`, expected a footnote definition `superscript 4:`',
    '6:1 duplicate-source Duplicate source in note `[2]`: note `[1]` names the same source and date, expected one note cited twice',
    '7:1 empty-source Empty footnote 1: nothing follows the marker, expected an outlet, author or title',
    '8:1 empty-source Empty source in footnote 2 (only `, October 7, 2015.`), expected an outlet, author or title',
    '9:1 url-only-source URL-only footnote 3: it names no outlet or title, expected the outlet and title beside the URL',
    '10:1 unused-note Unused footnote (id 7): no reference cites it, expected its reference mark in the text'
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
