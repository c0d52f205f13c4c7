/**
 * Each convention alone, table-driven: what it proposes for the example its
 * documentation gives, and that it proposes nothing for the look-alike it
 * must not read. The resolver's document-wide decisions are tested through
 * the citation index (citation-index.test.ts).
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Candidate, Exclusion} from '../src/citation-index/convention.js'
import {conventions, htmlMarkups} from '../src/citation-index/conventions.js'
import {walkDocument} from '../src/citation-index/walk.js'
import type {Format} from '../src/citation-index/types.js'
import {readerOf} from '../src/readers/registry.js'
import {docxToText} from '../src/readers/docx.js'
import {readHtml} from '../src/readers/html.js'
import {makeDocx} from './docx-generator.js'

/** What `id` proposes for `text` read as `format`: `role marker` (notes with their content when known), or `exclude <text>`. */
function proposed(id: string, text: string, format: Format): string[] {
  const convention = conventions.find((c) => c.meta.id === id)
  if (!convention) throw new Error(`no convention ${id}`)
  // As the citation index runs it: only on the formats it applies to.
  if (!convention.meta.formats.includes(format)) return []
  const reader = readerOf(format)
  const document = walkDocument(reader.parse(text), text, format, reader.notProse)
  return [...convention.detect(document)].map((item: Candidate | Exclusion) =>
    'exclude' in item ? `exclude ${text.slice(item.start, item.end)}` : `${item.role}${item.onEvidence ? ' on evidence' : ''} ${item.marker}`
  )
}

/** A page in each markup a convention of conventions/ declares (`htmlMarkup`). */
const markupPages: Record<string, string> = {
  'html-pandoc': '<p>A.<a href="#fn1" class="footnote-ref" id="fnref1"><sup>1</sup></a></p><section class="footnotes"><ol><li id="fn1">Source.<a href="#fnref1" class="footnote-back">↩︎</a></li></ol></section>',
  'html-mediawiki': '<p>A.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> Source.</li></ol>',
  'html-gutenberg': '<p>A.<a id="FNanchor_1" href="#Footnote_1" class="fnanchor">[1]</a></p><div class="footnote"><p><a id="Footnote_1" href="#FNanchor_1">[1]</a> Source.</p></div>',
  'html-word': '<p>A.<a href="#_ftn1" name="_ftnref1">[1]</a></p><div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Source.</p></div>',
  'html-google-docs': '<p>A.<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> Source.</p></div>',
  'html-github': '<p>A.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup></p><section data-footnotes class="footnotes"><ol><li id="user-content-fn-1">Source. <a href="#user-content-fnref-1" data-footnote-backref>↩</a></li></ol></section>',
  'html-kramdown': '<p>A.<sup id="fnref:1"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p><div class="footnotes"><ol><li id="fn:1">Source. <a href="#fnref:1" class="reversefootnote">↩</a></li></ol></div>',
  'html-wordpress': '<p>A.<sup class="fn"><a href="#a1b2" id="a1b2-link">1</a></sup></p><ol class="wp-block-footnotes"><li id="a1b2">Source. <a href="#a1b2-link">↩︎</a></li></ol>',
  'html-dpub': '<p>A.<a href="#n1" epub:type="noteref">1</a></p><aside id="n1" epub:type="footnote">Source.</aside>',
  'html-generic': '<p>A.<a href="#note1" id="ref1">1</a></p><ol class="notes"><li id="note1">Source.</li></ol>',
}

const cases: Array<[id: string, format: Format, text: string, expected: string[]]> = [
  ['gfm-footnotes', 'markdown', 'Talks stalled.[^1]\n\n[^1]: Al-Akhbar, October 12, 2015.\n', ['reference [^1]', 'note [^1]']],
  ['gfm-footnotes', 'markdown', 'A call with no definition.[^2] And [^ 2].\n', ['reference [^2]', 'reference [^ 2]']],
  ['gfm-footnotes', 'markdown', 'Escaped \\[^1], code `[^1]`.\n\n```\n[^1]\n```\n', []],
  ['gfm-footnotes', 'markdown', '[the report[^1]](https://example.org)\n\n[^1]: Note.\n', ['reference [^1]', 'note [^1]']],
  ['gfm-footnotes', 'text', 'Talks stalled.[^1]\n', []],
  // Near-miss definitions: the caret after the label, at a paragraph start (and each line start of that paragraph).
  ['gfm-footnotes', 'markdown', 'Cost.[^1]\n\n[1^]: Capers Jones, 1996.\n[2^] Cosign docs.\n', ['reference [^1]', 'note [1^]', 'note [2^]']],
  ['gfm-footnotes', 'markdown', 'Let\n\n[x^2]: y be a square, and [a^]: b.\n\n    [1^]: indented code\n\n```\n[1^]: fenced code\n```\n', []],
  ['gfm-footnotes', 'markdown', 'Prose first.\n[1^]: not a paragraph start.\n', []],
  ['link-references', 'markdown', 'See [1].\n\n[1]: https://example.org\n', ['exclude [1]']],
  ['link-references', 'markdown', 'See [[1]](#note-1).\n', ['exclude [[1]](#note-1)']],
  ['bracket-notes', 'text', 'Talks stalled.[1] The end.\n\n[1] Al-Akhbar, October 12, 2015.\n', ['reference [1]', 'note [1]']],
  ['bracket-notes', 'text', 'He said [sic] that [the IRGC] [t]he collud[e] "[a] list.\n', ['reference on evidence [e]']],
  ['bracket-notes', 'text', 'The others."[v] Rafsanjani said.\n', ['reference [v]']],
  ['bracket-notes', 'markdown', 'Escaped \\[1].\n', []],
  ['symbol-notes', 'text', 'By A. Savyon*\n\n* A. Savyon is Director of the project.\n', ['reference *', 'note *']],
  ['symbol-notes', 'text', 'Two * three and *word.\n', []],
  ['symbol-notes', 'text', 'By A. Savyon*\n\n*\n', ['reference *']],
  ['bracket-notes', 'text', 'The array S[0] and B[1] and S1[i].\n', ['reference on evidence [0]', 'reference on evidence [1]', 'reference on evidence [i]']],
  ['bracket-notes', 'text', 'Roman lead pipes[n]\n\nCoal gas[o]) and 120 mg[t]— and P391[238].\n', ['reference on evidence [n]', 'reference on evidence [o]', 'reference on evidence [t]', 'reference on evidence [238]']],
  ['bracket-notes', 'text', 'Sing[ing] and d[^a][n]wongg and the [b]ook.\n', []],
  ['bracket-notes', 'text', 'Smith (2004) [1961] and (1863 [1859]).\n', []],
  ['bracket-notes', 'text', 'Plan A[1] holds.\n', ['reference [1]']],
  ['bracket-notes', 'text', 'Key:\n\n[1]  = Whole-note\n[2]  = Half-note\n', []],
  ['bracket-notes', 'text', '  Banjo, [20]\n  Barley, 4, 12\n  Grain, 3, 5\n', []],
  ['bracket-notes', 'text', 'Wikwe/d[^a][n]wongg[^a][n]-- Bay.\n', []],
  ['gutenberg-footnotes', 'text', 'The sonata form.[1]\n\n[Footnote 1: See Parry, p. 12.]\n', ['note [Footnote 1:']],
  ['gutenberg-footnotes', 'text', 'Quoting the syntax [Footnote 1: in a line].\n', []],
  ['multi-citations', 'text', 'As shown by [6, 7], and [2, 4–6].\n', ['reference [6, 7]', 'reference [6, 7]', 'reference [2, 4–6]', 'reference [2, 4–6]', 'reference [2, 4–6]', 'reference [2, 4–6]']],
  ['multi-citations', 'text', 'Cited.[4,5] Then.[6-9]\n', ['reference [4,5]', 'reference [4,5]', 'reference [6-9]', 'reference [6-9]', 'reference [6-9]', 'reference [6-9]']],
  ['multi-citations', 'text', 'Broken.[4,,5] Reversed.[9–6]\n', ['reference [4,,5]', 'reference [9–6]']],
  ['multi-citations', 'text', 'On [0, 1], at [1,1] and [1, 1], in [1950–1958], for [a, b], x[-1], [4, ].\n\n[1, 2] Label.\n', []],
  ['multi-citations', 'markdown', 'Escaped \\[4, 5] and code `[4, 5]`.\n', []],
  ['multi-citations', 'text', 'Renumbered as [01] through [04], see [3] to [5].\n', ['reference [01] through [04]', 'reference [01] through [04]', 'reference [3] to [5]']],
  ['multi-citations', 'text', 'From [1] to [2], in [3] and [9], [0] to [4], [2] through the [6], [5] to [1].\n', []],
  ['caret-reference-list', 'text', 'Stalled.[1]\n\nReferences[edit]\n^ a b Smith, John (2004). Title.\n^ Jones 2001, p. 3.\n', ['note ^ a b', 'note ^']],
  ['caret-reference-list', 'text', 'Maths:\n^2 is a power, x ^ y, and\n^a b c d line.\n', []],
  ['caret-reference-list', 'text', 'Stalled.[1][2][3]\n\nReferences[edit]\n^ Smith 2004.\n^\nCGPM, the conference\nCIPM, the committee\n^ Jones 2001, p. 3.\n', ['note ^', 'note ^', 'note ^']],
  ['caret-reference-list', 'text', 'Maths:\n^\nx to the power y\n\nReferences[edit]\n^\n', []],
  ['numbered-caret-lists', 'markdown', 'Stalled.[1] Then.[2][3]\n\n***** References[edit] *****\n   1. ^ a bSmith, John (2004). Title.\n   2. .mw-parser-output cite.citation{font-style:inherit}\n   3. ^"Jones 2001", p. 3.\n   4.\n      ISBN 978-0-00-000000-0.\n   5. ^ a bird count, 2019.\n   6. ^ Lee 2010.\n', ['note ^ a b', 'note ^', 'note ^', 'note ^']],
  ['numbered-caret-lists', 'markdown', 'Stalled.[1]\n\nNotes\n\n1. ^2 is the square.\n2. ^{n} terms.\n3. ^(x) too.\n', []],
  ['numbered-caret-lists', 'markdown', 'Stalled.[1]\n\nSteps\n\n1. ^ Press the key.\n2. ^ Turn it.\n', []],
  ['numbered-caret-lists', 'markdown', 'Stalled.[1]\n\nReferences\n\n```\n1. ^ Smith 2004.\n```\n\n    1. ^ Jones 2001.\n', []],
  ['numbered-caret-lists', 'text', 'Stalled.[1]\n\nReferences\n\n   1. ^ Smith 2004.\n', []],
  ['bracket-notes', 'markdown', 'Action at a distance.\n[13]\n[J_{x},K_{y}]=K_{z}\n[J_{y},K_{z}]=K_{x}\n', ['note [13]']],
  ['bracket-notes', 'text', 'It decays slowly.)\n[i] The four isotopes.\n\nMacron ("long" mark)\n    [n] small raised n\n', ['note [i]', 'note [n]']],
  ['bracket-notes', 'text', 'An average of 120 mg[t]\u00e2\u0080\u0094is exceeded, and the lengt[h]ening.\n', ['reference on evidence [t]']],
  ['note-groups', 'markdown', 'Name     Years[n_1]\nsecond   s\n[n_2]      two hyperfine levels\nOlsen    1896\n         [n_3]\nLong_scale     [nb_1] and said [n 1].\n\n[Note 1]\n', ['reference [n_1]', 'note [n_2]', 'reference [n_3]', 'reference [nb_1]']],
  ['note-groups', 'text', 'In 1905.[nb 1] The table.[n_2] A note.[Note 3]\n\n[nb 1] Text of the note.\n', ['reference [nb 1]', 'reference [n_2]', 'reference [Note 3]', 'note [nb 1]']],
  ['note-groups', 'text', 'See [Page 3], [Table 2], [step 1] and said [n 1].\n\n[Note 1]\n', []],
  ['named-citations', 'text', 'As described in [RFC2119] and [Hale2019].\n\n[RFC2119] Bradner, S., March 1997.\n', ['reference [RFC2119]', 'reference [Hale2019]', 'note [RFC2119]']],
  ['named-citations', 'text', '[Home] [Contents]\n\nText.\n\n[Page 5]\n\nSee [iv], [b], [12], [nb 1], [sic].\n', []],
  ['html-footnotes', 'markdown', 'Rittel<sup><a href="#fn1" id="ref1">[1]</a></sup> said.\n\n<ol><li id="fn1">Rittel, 1973. <a href="#ref1">↩</a></li></ol>\n', ['exclude <a href="#fn1" id="ref1">[1]</a>', 'reference [1]', 'note id="fn1"']],
  ['html-footnotes', 'markdown', 'Note[^1] and [1](#fn1).\n\n[^1]: A note.\n', []],
  ['html-footnotes', 'markdown', 'A <sup>2</sup>, <sup><a href="https://example.org">link</a></sup>, [Methods](#methods).\n\n<h2 id="methods">Methods</h2>\n', []],
  ['html-footnotes', 'markdown', '```html\n<sup><a href="#fn1">1</a></sup>\n<li id="fn1">Note</li>\n```\n', []],
  ['html-footnotes', 'markdown', 'Said.<sup><a href="#fn9">9</a></sup>\n', ['exclude <a href="#fn9">9</a>', 'reference 9']],
  ['html-footnotes', 'text', 'Said.<sup><a href="#fn1">1</a></sup>\n\n<li id="fn1">Note</li>\n', []],
  ['pandoc-inline-notes', 'markdown', 'Adapted from Wikipedia^[See [the page](https://example.org).] here.\n', ['exclude ^[See [the page](https://example.org).]', 'reference ^[', 'note [']],
  ['pandoc-inline-notes', 'markdown', 'Code `^[]`, escaped \\^[x], a call [^1], unclosed x^[2.\n\n```\nx^[1]\n```\n', []],
  ['pandoc-inline-notes', 'text', 'Inline^[note].\n', []],
  ['flattened-superscripts', 'text', 'Talks stalled.4 The premiums,12 and Ankara3 said.\n', ['reference 4', 'reference 12', 'reference 3']],
  ['flattened-superscripts', 'text', 'COVID-19 cost $2.5 or 1,000 in HISIM2, CO2, x2, mp3, Section 508, H.R. 1 at 10:30 the 3rd.\n', []],
  ['flattened-superscripts', 'text', 'Footnotes\n\nDale H. Yamamoto (2013).↩︎\n', ['note ']],
  ['numbered-endnotes', 'text', 'Notes\n\n1. Coll. Minn. Hist. Soc., 1885.\n2 See the report.\n3) Ibid.\n4These values were estimated.\n', ['note 1.', 'note 2', 'note 3)', 'note 4']],
  ['numbered-endnotes', 'text', '01 = Householder\n2 ⊗ I2\n20 years and finally\n', []],
  ['numbered-endnotes', 'markdown', '1. Source.\n', []],
  // A footnote PDF text glued inside the page's last line stands only as the missing note of an aligned series.
  ['numbered-endnotes', 'text', 'drawn from the geometric distribu8 For bounded or unbounded DP; the only difference.\n', ['note on evidence 8']],
  ['numbered-endnotes', 'text', 'Algorithm 1\n7 function TopDown(x):\n8 for each level do\nIn CA10 the 2.5 share, 1,000 cases, 31. Energy Policy 12\n', []],
  ['flattened-superscripts', 'text', 'written as “National L2”9 , the problem.\n', ['reference 9']],
  ['flattened-superscripts', 'text', 'A man 6\'2" tall, in CA10 and IV.A.4, 1.5 times, 1,000 people in 2019, Section 508.\n', []],
  ['multi-citations', 'text', 'The definitions are provided by\n[6, 7], and restated below.\n', ['reference [6, 7]', 'reference [6, 7]']],
  ['multi-citations', 'text', 'The intervals are\n[1, 2] Lower bounds\nW [1, 2]\n', []],
  ['bracket-notes', 'text', 'Let the blocks be\nB[1] ⊗ W [1]\nA[1] = 1>\n−γ0 [l, 1]2 1n[2] 1>\nU [2]\nas a neighbor of x [5]. For\n', ['reference on evidence [1]', 'reference on evidence [1]', 'reference on evidence [1]', 'reference on evidence [2]', 'reference on evidence [2]', 'reference [5]']],
  ['lettered-notes', 'text', 'The chief priest says to him, “Ō´mishga‘n”A—“get up”—and the boy sang mi-dē´ B’n-gi-gĭn´ again.\n\nTranscriber’s Footnotes:\n\nA.\nThe backward apostrophe occurs nowhere else in the text.\n\nB.\nThe apostrophe in ’n-gi-gĭn´ occurs nowhere else.\n', ['reference A', 'reference B', 'note A.', 'note B.']],
  ['lettered-notes', 'text', 'Plan A, then type B. I’m told the U.S.A. agent used 5 mA and 10 kB.\n\nNotes\n\nA. Introduction to the survey of the county\n\nB. Methods used by the county offices\n', []],
  ['lettered-notes', 'text', 'The quote “up”A ends here.\n\nTranscriber’s Notes\n\nA. Short.\n', []],
  ['unicode-superscripts', 'text', 'A claim.¹ Another.²³ A third.⁽⁴⁾\n\n¹ Source, 2019.\n', ['reference ¹', 'reference ²³', 'reference ⁽⁴⁾', 'note ¹']],
  ['unicode-superscripts', 'text', 'An area of 5 ft², 10⁶ cells, 3 cm³, 2²⁵ bytes and 93,030 km².\n', []],
  ['word-footnotes', 'docx', docxToText(makeDocx({body: [['Talks stalled.', {footnote: 1}, ' Typed.', {superscript: '2'}]], footnotes: [{id: 1, paragraphs: [['Al-Akhbar, October 12, 2015.']]}]})), ['reference footnote 1', 'reference superscript 2', 'note footnote 1']],
  ['typed-table-notes', 'text', 'Table 2: Invariants\nC4\nblock (note a)\nC5\nblock (b)\nNotes: (a) Removed late, Test Plan, 2019; (b) Seven types.\n', ['reference (note a)', 'reference (b)', 'note (a)', 'note (b)']],
  ['typed-table-notes', 'text', 'Table 2: Invariants\nC4\nblock (note a)\n\nNotes: (a) DSEP recommended removing this\ninvariant in time; (b) seven types of group\nquarters. (c) Not cited.\n', []],
  ['typed-table-notes', 'text', 'The law says (a) that no one is named; (b) that no one is inferred. Section 9 (a)(2) holds.\n\nNotes: (a) First; (b) Second.\n', []],
  ['typed-table-notes', 'text', 'Table 3: Inputs\nName (a)\nThe file holds the records of every person counted in the census, with the fields that the specification lists for each record, and the geography of every block that the census tabulates. (b)\nNotes: (a) One; (b) Two.\n', []],
  ['typed-table-notes', 'docx', docxToText(makeDocx({body: [['Table 2: Invariants'], {table: [[['C4'], ['block (note a)']], [['C5'], ['block (note b)']]]}, ['Notes: (a) Removed late, Test Plan, 2019; (b) Seven types.']]})), ['reference (note a)', 'reference (note b)', 'note (a)', 'note (b)']],
  ['word-footnotes', 'docx', docxToText(makeDocx({body: [['An area of 3 km', {superscript: '2'}, ', or 10', {superscript: '6'}, ' m', {superscript: '2'}, '.']]})), []],
  ['word-footnotes', 'text', 'Talks stalled.1\n', []],
  ['html-notes', 'html', readHtml('<p>Stalled.<sup><a href="#fn1" class="footnote-ref" id="fnref1">1</a></sup></p><section class="footnotes"><ol><li id="fn1">Al-Akhbar, 2015.<a href="#fnref1" class="footnote-back">↩︎</a></li></ol></section>', htmlMarkups).text, ['reference 1', 'note #fn1']],
  ['html-notes', 'html', readHtml('<p>An area of 10<sup>6</sup> km. See <a href="#section-2">2</a>.</p><h2 id="section-2">Two</h2>', htmlMarkups).text, []],
  // A markup convention declares its markup and proposes nothing: the reader reads the page by it, `html-notes` proposes.
  ['html-pandoc', 'html', readHtml(markupPages['html-pandoc']!, htmlMarkups).text, []],
  ['html-mediawiki', 'html', readHtml(markupPages['html-mediawiki']!, htmlMarkups).text, []],
  ['html-gutenberg', 'html', readHtml(markupPages['html-gutenberg']!, htmlMarkups).text, []],
  ['html-word', 'html', readHtml(markupPages['html-word']!, htmlMarkups).text, []],
  ['html-google-docs', 'html', readHtml(markupPages['html-google-docs']!, htmlMarkups).text, []],
  ['html-github', 'html', readHtml(markupPages['html-github']!, htmlMarkups).text, []],
  ['html-kramdown', 'html', readHtml(markupPages['html-kramdown']!, htmlMarkups).text, []],
  ['html-wordpress', 'html', readHtml(markupPages['html-wordpress']!, htmlMarkups).text, []],
  ['html-dpub', 'html', readHtml(markupPages['html-dpub']!, htmlMarkups).text, []],
  ['html-generic', 'html', readHtml(markupPages['html-generic']!, htmlMarkups).text, []],
]

for (const [id, format, text, expected] of cases) {
  test(`${id} (${format}): ${JSON.stringify(text.slice(0, 40))}`, () => {
    assert.equal(proposed(id, text, format), expected)
  })
}

test('each markup convention has a page in its markup, which the reader reads and html-notes proposes', () => {
  for (const convention of conventions.filter((c) => c.htmlMarkup)) {
    const html = markupPages[convention.meta.id]
    assert.ok(html, convention.meta.id)
    const page = readHtml(html, htmlMarkups)
    assert.ok(page.structured, convention.meta.id)
    const found = proposed('html-notes', page.text, 'html')
    assert.ok(found.some((item) => item.startsWith('reference ')) && found.some((item) => item.startsWith('note ')), `${convention.meta.id}: ${found.join(', ')}`)
  }
})

test('every convention has a case', () => {
  for (const {meta} of conventions) assert.ok(cases.some(([id]) => id === meta.id), meta.id)
})

test.run()
