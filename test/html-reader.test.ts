/**
 * The HTML reader (src/readers/html.ts): encodings, positions in the HTML
 * source, suppression comments, standard input, and bad input (a 20 MB
 * page, deep nesting, broken markup, script-heavy pages).
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {lintText} from '../src/engine/engine.js'
import {htmlEncoding} from '../src/readers/html-encoding.js'
import {htmlMarkups} from '../src/citation-index/conventions.js'
import {readHtml} from '../src/readers/html.js'
import {decodeHtml} from '../src/run/files.js'
import {root} from './helpers.js'

const bin = path.join(root, 'bin/citelint.js')
const findings = (html: string): string[] =>
  lintText(html, {filePath: 'page.html'}).messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)

test('encoding: byte order mark, then <meta charset> or http-equiv, then UTF-8', () => {
  assert.equal(htmlEncoding(Buffer.from('\ufeff<p>x', 'utf8')), {label: 'utf-8', bom: true})
  assert.equal(htmlEncoding(Buffer.from('<meta charset="ISO-8859-1"><p>x')).label, 'iso-8859-1')
  assert.equal(htmlEncoding(Buffer.from('<meta http-equiv=Content-Type content="text/html; charset=windows-1252">')).label, 'windows-1252')
  assert.equal(htmlEncoding(Buffer.from('<meta name="x" content="charset=koi8-r">')).label, 'utf-8')
  assert.equal(htmlEncoding(Buffer.from('<p>x')).label, 'utf-8')
  const bytes = Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>Caf'), Buffer.from([0xe9]), Buffer.from('.<a href="#fn9" class="footnote-ref">1</a></p>')])
  const decoded = decodeHtml(bytes, 'page.html')
  assert.ok('text' in decoded)
  assert.ok(decoded.text.includes('Café.'))
  // Columns count UTF-16 code units of the decoded text: the link starts at column 36.
  assert.equal(findings(decoded.text), ['1:36 undefined-reference'])
})

test('positions: findings at the element that is the reference or the note, in the HTML source', () => {
  const html = '<p>Text.<sup><a href="#fn1" class="footnote-ref">1</a></sup> More.<a href="#fn2" class="footnote-ref">2</a></p>\n<section class="footnotes"><ol>\n  <li id="fn1">Reuters, May 2, 2016.</li>\n  <li id="fn3">AP, June 1, 2016.</li></ol></section>'
  assert.equal(findings(html), ['1:67 undefined-reference', '4:3 unused-note'])
})

test('visible text: scripts, styles, navigation, headers, footers, aria-hidden and templates are not prose', () => {
  const page = readHtml('<head><style>p{}</style></head><body><nav>[1]</nav><header>[2]</header><script>"[3]"</script><p>Prose<span aria-hidden="true">[4]</span>.</p><template><p>[5]</p></template><footer>[6]</footer><div>Next</div></body>', htmlMarkups)
  assert.is(page.text, 'Prose.\nNext\n')
  assert.is(page.structured, false)
})

test('a page without footnote markup goes through the plain-text conventions, positions mapped back', () => {
  const html = '<html><body>\n<p>Talks stalled [1]. Prices rose [2].</p>\n<h2>Notes</h2>\n<p>[1] Al-Akhbar, October 12, 2015.</p>\n</body></html>'
  assert.equal(findings(html), ['2:35 undefined-reference'])
})

test('suppression comments in HTML; no fix is offered', () => {
  const html = '<p>A.<a href="#fn1" class="footnote-ref">1</a>\n<!-- citelint-disable-next-line undefined-reference -->\nB.<a href="#fn2" class="footnote-ref">2</a></p>'
  const result = lintText(html, {filePath: 'page.html'})
  assert.equal(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['1:6 undefined-reference'])
  assert.ok(result.messages.every((m) => m.fix === undefined))
})

test('bad input: broken markup and script-heavy pages lint; deep nesting is one line and exit 2', () => {
  assert.equal(findings('<p>a<b><i>x</b></i><table><p>y<a href="#fn1" class="footnote-ref">1</a><li id=fn1>z<<<>>&&&#xD800;</p'), [])
  assert.equal(findings('<html><head>' + '<script>var a = "[1] [2]";</script>'.repeat(5000) + '</head><body><p>Hello.</p></body></html>'), [])
  const deep = spawnSync(process.execPath, [bin, '--no-config', '--stdin', '--stdin-filename', 'page.html'], {input: '<div>'.repeat(200_000) + 'x', encoding: 'utf8', timeout: 120_000})
  assert.is(deep.status, 2)
  assert.is(deep.stderr.trim().split('\n').length, 1)
  assert.match(deep.stderr, /nested too deep/)
})

test('bad input: a large page (4 MB here; 20 MB is measured by npm run bench:hostile) lints', () => {
  const paragraph = '<p>Talks stalled in October.<sup><a href="#fn1" class="footnote-ref">1</a></sup> Prices rose after a long dispute.</p>\n'
  const html = '<html><body>' + paragraph.repeat(Math.ceil(4e6 / paragraph.length)) + '<section class="footnotes"><ol><li id="fn1">Al-Akhbar, October 12, 2015.</li></ol></section></body></html>'
  const result = lintText(html, {filePath: 'big.html'})
  assert.ok(result.index.references.length > 20_000)
  assert.is(result.index.notes.length, 1)
})

test('--stdin-filename page.html reads standard input as HTML', () => {
  const run = spawnSync(process.execPath, [bin, '--no-config', '--stdin', '--stdin-filename', 'page.html'], {input: '<p>A.<a href="#fn1" class="footnote-ref">1</a></p>', encoding: 'utf8', timeout: 60_000})
  assert.is(run.status, 1)
  assert.match(run.stdout, /1:6-1:47\s+error\s+Undefined reference `1`/)
})

test.run()
