/**
 * The number a reader sees for an HTML note (src/readers/html-numbers.ts),
 * and the two rules that read it from the index: `broken-marker` (a
 * reference showing another number than its note's) and `note-order` (a
 * page's notes numbered as shown, each `<ol>` a series of its own).
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Element} from 'hast'
import {lintText} from '../src/engine/engine.js'
import {listNumber, writtenNumber} from '../src/readers/html-numbers.js'
import {parseHtml} from '../src/readers/html.js'
import {shownDiffers, shownLabel} from '../src/citation-index/numbering.js'

const findings = (html: string, rule?: string): string[] =>
  lintText(html, {filePath: 'page.html'})
    .messages.filter((m) => rule === undefined || m.ruleId === rule)
    .map((m) => `${m.line}:${m.column} ${m.ruleId}`)

/** The first element named `tag` of a parsed fragment. */
function first(html: string, tag: string): Element {
  const stack: Array<{children: unknown[]}> = [parseHtml(html) as never]
  while (stack.length > 0) {
    const node = stack.shift()!
    for (const child of node.children as Element[]) {
      if (child.type === 'element' && child.tagName === tag) return child
      if (child.type === 'element') stack.push(child as never)
    }
  }
  throw new Error(`no ${tag}`)
}

/** The numbers an `<ol>` draws before its items. */
function numbers(html: string): Array<string | undefined> {
  const list = first(html, 'ol')
  return list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li').map((item) => listNumber(item, list))
}

test('list numbers: position, start, value, reversed, type and list-style-type', () => {
  assert.equal(numbers('<ol><li>a</li><li>b</li><li>c</li></ol>'), ['1', '2', '3'])
  assert.equal(numbers('<ol start="4"><li>a</li><li value="9">b</li><li>c</li></ol>'), ['4', '9', '10'])
  assert.equal(numbers('<ol reversed><li>a</li><li>b</li><li>c</li></ol>'), ['3', '2', '1'])
  assert.equal(numbers('<ol type="a" start="26"><li>a</li><li>b</li></ol>'), ['z', 'aa'])
  assert.equal(numbers('<ol type="I"><li>a</li><li>b</li><li>c</li><li>d</li></ol>'), ['I', 'II', 'III', 'IV'])
  assert.equal(numbers('<ol style="list-style-type: lower-roman"><li>a</li><li>b</li></ol>'), ['i', 'ii'])
  assert.equal(numbers('<ol style="list-style: none"><li>a</li></ol>'), [undefined])
  // Text between items is no item.
  assert.equal(numbers('<ol>\n<li>a</li>\n<!-- x --><li>b</li></ol>'), ['1', '2'])
  assert.is(listNumber(first('<ul><li>a</li></ul>', 'li'), first('<ul><li>a</li></ul>', 'ul')), undefined)
})

test('written numbers: brackets, a dot or a lone number opening the note; not a year', () => {
  assert.is(writtenNumber(first('<div><p><a href="#_ftnref3" name="_ftn3">[3]</a> Reuters.</p></div>', 'div')), '3')
  assert.is(writtenNumber(first('<p class="footnote"><a id="note3" href="#tag3">3.</a> Coll. Minn.</p>', 'p')), '3')
  assert.is(writtenNumber(first('<p><sup>12</sup> Reuters.</p>', 'p')), '12')
  assert.is(writtenNumber(first('<p>1990 was the year.</p>', 'p')), undefined)
  assert.is(writtenNumber(first('<p>Reuters, 2016.</p>', 'p')), undefined)
})

test('shown labels: brackets, groups and dots removed; icons and words are none', () => {
  assert.is(shownLabel('[Note 3]'), '3')
  assert.is(shownLabel('(12)'), '12')
  assert.is(shownLabel('[b]'), 'b')
  assert.is(shownLabel('↩︎'), undefined)
  assert.is(shownLabel('see here'), undefined)
  assert.ok(shownDiffers('2', '3'))
  assert.not.ok(shownDiffers('03', '3'))
  assert.not.ok(shownDiffers('a', '1'))
  assert.not.ok(shownDiffers('C', 'c'))
})

const notes = (...items: string[]): string => `<section class="footnotes"><ol>\n${items.map((text, i) => `<li id="fn-${i + 7}">${text}</li>`).join('\n')}\n</ol></section>`

test('broken-marker: the number shown against the note\'s place in its list, not its id', () => {
  // A GFM renderer's ids (fn-7, fn-8) with notes shown as 1 and 2: no finding.
  const renumbered = `<p>A.<sup><a href="#fn-7" data-footnote-ref>1</a></sup> B.<sup><a href="#fn-8" data-footnote-ref>2</a></sup></p>\n${notes('Reuters, 2016.', 'AP, 2017.')}`
  assert.equal(findings(renumbered, 'broken-marker'), [])
  // Two links whose numbers were swapped.
  const swapped = `<p>A.<sup><a href="#fn-7" data-footnote-ref>2</a></sup> B.<sup><a href="#fn-8" data-footnote-ref>1</a></sup></p>\n${notes('Reuters, 2016.', 'AP, 2017.')}`
  assert.equal(findings(swapped, 'broken-marker'), ['1:11 broken-marker', '1:64 broken-marker'])
  // A back-link arrow or an icon shows no number: not checked.
  const icon = `<p>A.<a href="#fn-8" class="footnote-ref">&#8599;</a><sup><a href="#fn-7" data-footnote-ref>1</a></sup></p>\n${notes('Reuters, 2016.', 'AP, 2017.')}`
  assert.equal(findings(icon, 'broken-marker'), [])
})

test('broken-marker: the message names the note, its number and the marker expected', () => {
  const html = `<p>A.<sup><a href="#fn-8" data-footnote-ref>[3]</a></sup><sup><a href="#fn-7" data-footnote-ref>[1]</a></sup></p>\n${notes('Reuters, 2016.', 'AP, 2017.')}`
  const [message] = lintText(html, {filePath: 'page.html'}).messages.filter((m) => m.ruleId === 'broken-marker')
  assert.is(message?.message, 'Broken marker `[3]`: it links to note `#fn-8`, shown as note 2, expected `[2]`')
})

test('note-order: a page\'s notes in shown order, each list a series; no fix', () => {
  const outOfOrder = `<p>A.<sup><a href="#fn-8" data-footnote-ref>2</a></sup> B.<sup><a href="#fn-7" data-footnote-ref>1</a></sup></p>\n${notes('Reuters, 2016.', 'AP, 2017.')}`
  const result = lintText(outOfOrder, {filePath: 'page.html'})
  assert.equal(result.messages.filter((m) => m.ruleId === 'note-order').map((m) => `${m.line}:${m.column}`), ['1:64'])
  assert.ok(result.messages.every((m) => m.fix === undefined))
  // Two lists (MediaWiki's groups), each numbered from 1: no finding.
  const groups = '<p>A.<sup class="reference"><a href="#cite_note-a">[Note 1]</a></sup> B.<sup class="reference"><a href="#cite_note-1">[1]</a></sup> C.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>\n<ol class="references"><li id="cite_note-a">Aside.</li></ol>\n<ol class="references"><li id="cite_note-1">Reuters, 2016.</li><li id="cite_note-2">AP, 2017.</li></ol>'
  assert.equal(findings(groups, 'note-order'), [])
  // A note that opens its list item takes the item's number.
  const opening = '<p>A.<sup><a href="#fn1" class="footnote-ref">1</a></sup> B.<sup><a href="#fn2" class="footnote-ref">1</a></sup></p>\n<section class="footnotes"><ol><li><p id="fn1">Reuters, 2016.</p></li><li><p id="fn2">AP, 2017.</p></li></ol></section>'
  assert.equal(findings(opening, 'broken-marker'), ['1:66 broken-marker'])
  // A skipped number: a list starting at 2.
  const gap = `<p>A.<sup><a href="#fn-7" data-footnote-ref>2</a></sup></p>\n<section class="footnotes"><ol start="2"><li id="fn-7">Reuters, 2016.</li></ol></section>`
  assert.equal(findings(gap, 'note-order'), ['2:42 note-order'])
})

test.run()
