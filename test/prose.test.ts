/**
 * Table-driven tests of the shared text definitions (`src/models/sentences.ts`),
 * the date reader (`src/models/dates.ts`) and the prose model (`src/models/prose.ts`):
 * sentences, quotations, prose paragraphs, marker groups, the report date.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {buildCitationIndex} from '../src/citation-index/build.js'
import {dateAtStart, findDates, isoAfter, withOrder} from '../src/models/dates.js'
import {parse} from '../src/readers/registry.js'
import type {ProseModel} from '../src/models/prose.js'
import {buildProseModel} from '../src/models/prose.js'
import {findQuotations, hasInlineCitation, isQuestionOrTrailing, isQuotedPhrase, isTitleOfWork, splitSentences} from '../src/models/sentences.js'
import type {Format} from '../src/citation-index/types.js'
import {available, shared} from './helpers.js'

function model(text: string, format: Format = 'text'): {prose: ProseModel; text: string} {
  const file = new VFile({value: text})
  const tree = parse(text, format)
  return {prose: buildProseModel(tree, file, buildCitationIndex(tree, file, format)), text}
}

const slice = (text: string, span: {start: {offset: number}; end: {offset: number}}): string =>
  text.slice(span.start.offset, span.end.offset)

// Sentences: text, reference ranges (`[...]` found by hand here), expected sentences.
const sentenceCases: Array<[string, string, string[]]> = [
  ['two sentences', 'One two. Three four.', ['One two.', 'Three four.']],
  ['question and exclamation', 'Why? Because! Yes.', ['Why?', 'Because!', 'Yes.']],
  [
    'closing quote and reference belong to the sentence they follow',
    'he can hurt himself and others."[v] Rafsanjani posted a picture.',
    ['he can hurt himself and others."[v]', 'Rafsanjani posted a picture.']
  ],
  ['a reference after a space still belongs to it', 'In Syria. [1] Al-Amin said so.', ['In Syria. [1]', 'Al-Amin said so.']],
  ['initials do not end a sentence', 'Y. Carmon and A. Savyon wrote it. Then.', ['Y. Carmon and A. Savyon wrote it.', 'Then.']],
  ['U.S. does not end a sentence, U.S.. does', 'the U.S. and Iran. with the U.S.. Rohani said', ['the U.S. and Iran. with the U.S..', 'Rohani said']],
  ['abbreviated months do not end a sentence', 'On Oct. 7, 2015 he spoke. Then.', ['On Oct. 7, 2015 he spoke.', 'Then.']],
  ['a lowercase word after the period continues it', 'Approx. five men came. Then.', ['Approx. five men came.', 'Then.']],
  ['decimals do not end a sentence', 'It fell 3.5 percent. Then.', ['It fell 3.5 percent.', 'Then.']],
  ['no terminator at the end', 'One. Two three', ['One.', 'Two three']],
  ['a decade ends a sentence', 'It began in the 1990s." Then it ended.', ['It began in the 1990s."', 'Then it ended.']]
]

for (const [name, text, expected] of sentenceCases) {
  test(`sentences: ${name}`, () => {
    const refs = [...text.matchAll(/\[[^\]]+\]/g)].map((m) => ({start: m.index, end: m.index + m[0].length}))
    assert.equal(
      splitSentences(text, refs).map((s) => text.slice(s.start, s.end)),
      expected
    )
  })
}

const quotationCases: Array<[string, string, string[]]> = [
  ['straight quotes of five words', 'He said "we will not go back" today.', ['"we will not go back"']],
  ['curly quotes', 'He said “we will not go back” today.', ['“we will not go back”']],
  ['four words are not a direct quotation', 'He said "we will not go" today.', []],
  ['apostrophes never quote', "He said 'we will not go back now' today.", []],
  ['curly and straight marks do not match', 'He said “we will not go back now" today.', []],
  [
    'an unbalanced mark does not swallow the rest',
    'The "statement was brief and he left the room at once. Later "we will not go back" was said.',
    ['"we will not go back"']
  ],
  ['a closing mark with nothing open is ignored', 'He left." Then "we will not go back" was said.', ['"we will not go back"']],
  ['an opening mark left open at the end closes nothing', 'He said "we will not go back and left the room', []],
  ['a quotation after a colon', 'headed:"When the people\'s will is accompanied" #tag', ['"When the people\'s will is accompanied"']],
  [
    'an ellipsis and a space before the closing mark still close it',
    // The reference is masked with `\0`, as the prose model masks it.
    'and "the prohibition of dancing and other such pastimes ... "\0\0\0\0',
    ['"the prohibition of dancing and other such pastimes ... "']
  ],
  ['a curly mark closed by a straight one is cancelled', '“go ask Susan"-type and then some more words here” end', []]
]

for (const [name, text, expected] of quotationCases) {
  test(`quotations: ${name}`, () => {
    assert.equal(
      findQuotations(text).map((q) => text.slice(q.start, q.end)),
      expected
    )
  })
}

const twenty = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen'

test('prose paragraphs: at least 20 words, not headings, not notes', () => {
  const text = `# A heading with "five words in a quotation" and ${twenty}\n\nShort "five words in a quotation" here.\n\nLong "five words in a quotation" here and ${twenty}.[1]\n\n[1] Note "five words in a quotation" here, ${twenty}.\n`
  const {prose} = model(text, 'markdown')
  assert.equal(
    prose.paragraphs.map((p) => [p.kind, p.prose]),
    [
      ['heading', false],
      ['paragraph', false],
      ['paragraph', true]
    ]
  )
  assert.is(prose.quotations.length, 1)
  assert.is(prose.quotations[0]!.paragraph, 2)
})

test('prose paragraphs: the list item that holds each, lists numbered in document order', () => {
  const text = 'Intro paragraph.\n\n1. First item.\n2. Second item.\n\n   Its second paragraph.\n   - Nested item.\n\nBetween.\n\n- Other list.\n'
  const {prose} = model(text, 'markdown')
  assert.equal(
    prose.paragraphs.map((p) => p.listItem && [p.listItem.list, p.listItem.item]),
    [undefined, [0, 0], [0, 1], [0, 1], [1, 0], undefined, [2, 0]]
  )
  assert.ok(model(text, 'text').prose.paragraphs.every((p) => p.listItem === undefined), 'plain text has no lists')
})

test('prose paragraphs: inline code, HTML and link URLs are not prose', () => {
  const text = `Text \`"not a quotation of five words"\` and <span title="also not five words here">x</span> and [a link](https://x.org "title of five words here") and ${twenty}.\n`
  const {prose} = model(text, 'markdown')
  assert.is(prose.paragraphs[0]!.prose, true)
  assert.equal(prose.quotations, [])
})

test('quotations know their sentences and the references in them', () => {
  const text = `Rohani said on October 7, 2015: "In social affairs we must all learn this. In diplomacy it places society at risk, he said to all of them."[v] Rafsanjani posted a picture, headed: "When the people's will is accompanied by fate" #tag."[1]\n\n[1] ISNA (Iran), October 7, 2015\n`
  const {prose} = model(text)
  const [first, second] = prose.quotations
  assert.is(slice(text, first!.span).slice(0, 16), '"In social affai')
  assert.is(first!.sentences.length, 2)
  assert.equal(
    first!.references.map((i) => i),
    [0]
  )
  assert.equal(second!.references, [1])
})

test('quotations count the Markdown links in their sentences', () => {
  const text = `The bill's sponsor argued in [a post](https://x.org/a) that "global elites want to control our behavior" and ${twenty}. Critics said "this will never pass in the senate" and ${twenty}.\n`
  const {prose} = model(text, 'markdown')
  assert.equal(
    prose.quotations.map((q) => q.links),
    [1, 0]
  )
})

test('marker groups: what stands before and after', () => {
  const text = `Syria[1]. Syria. [2] Syria [3] and,[4][5], then [6], [7] "quoted."[8] the U.S.[9] end\n\n${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `[${n}] S${n}, 2015.`).join('\n')}\n`
  const {prose} = model(text)
  assert.equal(
    prose.markerGroups.map((g) => [g.text, g.follows, g.gap ? slice(text, g.gap) : '', g.before?.text ?? '', g.before?.abbreviation ?? false, g.after?.text ?? '']),
    [
      ['[1]', 'text', '', '', false, '.'],
      ['[2]', 'punctuation', ' ', '.', false, ''],
      ['[3]', 'text', ' ', '', false, ''],
      ['[4][5]', 'punctuation', '', ',', false, ','],
      ['[6]', 'text', ' ', '', false, ','],
      ['[7]', 'reference', ' ', '', false, ''],
      ['[8]', 'punctuation', '', '."', false, ''],
      ['[9]', 'punctuation', '', '.', true, '']
    ]
  )
})

test('marker groups: whether a marker moved into the gap would be escaped (Markdown backslashes)', () => {
  const text = 'Under C:\\ [^1] and D:\\\\ [^2] and E: [^3] end.\n\n[^1]: A, 2015.\n[^2]: B, 2015.\n[^3]: C, 2015.\n'
  assert.equal(model(text, 'markdown').prose.markerGroups.map((g) => [g.text, g.escapedAtGap]), [['[^1]', true], ['[^2]', false], ['[^3]', false]])
  // Plain text has no escapes.
  const plain = 'Under C:\\ [1] end.\n\n[1] A, 2015.\n'
  assert.equal(model(plain).prose.markerGroups.map((g) => [g.text, g.escapedAtGap]), [['[1]', false]])
})

test('marker groups: a gap after a bare URL is kept apart (afterUrl), after other words it is not', () => {
  const long = `http://e.org/${'a'.repeat(3000)}`
  const text = `See http://e.com/page [1] and www.example.org/x [2] and text [3] and http://e.com/glued[4] and ${long} [5] end\n\n${[1, 2, 3, 4, 5].map((n) => `[${n}] S${n}, 2015.`).join('\n')}\n`
  const {prose} = model(text)
  // [5]: a run without spaces longer than 2,048 characters is not taken for a URL (the look-back is bounded).
  assert.equal(prose.markerGroups.map((g) => [g.text, g.afterUrl]), [['[1]', true], ['[2]', true], ['[3]', false], ['[4]', false], ['[5]', false]])
})

test('marker groups: the gap\'s characters (gapText)', () => {
  const text = `Alpha.[1] Bravo. [2] Charlie.\u00a0[3] Delta.\t [4]\n\n${[1, 2, 3, 4].map((n) => `[${n}] S${n}, 2015.`).join('\n')}\n`
  const {prose} = model(text)
  assert.equal(prose.markerGroups.map((g) => [g.text, g.gapText, g.gap ? slice(text, g.gap) : '']), [
    ['[1]', '', ''],
    ['[2]', ' ', ' '],
    ['[3]', '\u00a0', '\u00a0'],
    ['[4]', '\t ', '\t ']
  ])
})

test('marker groups: a gap after a section or paragraph sign stands for its number (afterSign); after a word or a degree sign it does not', () => {
  const text = `Adapt and integrate § [1] as they occur, see ¶ [2] and claim [3] and 40° [4] and §[5] end\n\n${[1, 2, 3, 4, 5].map((n) => `[${n}] S${n}, 2015.`).join('\n')}\n`
  const {prose} = model(text)
  assert.equal(prose.markerGroups.map((g) => [g.text, g.afterSign]), [['[1]', true], ['[2]', true], ['[3]', false], ['[4]', false], ['[5]', false]])
})

test('marker groups: a reference after `, ` closing its paragraph or a bracket stands for an item; one before `]]` is markup debris (unplaced)', () => {
  const numbered = (count: number): string => Array.from({length: count}, (_, i) => `[${i + 1}] S${i + 1}, 2015.`).join('\n')
  const unplaced = (body: string, count: number): Array<[string, string | undefined]> =>
    model(`${body}\n\n${numbered(count)}\n`).prose.markerGroups.map((g) => [g.text, g.unplaced])
  // Items: the last of a list in place of the cited item, at the paragraph's end or before a closing bracket.
  assert.equal(unplaced('Published as The Report, Bantam Books, 1987, [1]\n\nAs held in (California v. Prysock, [2]). Also [see Smith, [3]] here.', 3), [
    ['[1]', 'item'],
    ['[2]', 'item'],
    ['[3]', 'item']
  ])
  // Look-alikes: a spaced reference after a comma inside the sentence, a glued one closing a list item, one before a period.
  assert.equal(unplaced('He wrote, [1] and then in 1985,[2]\n\nThe edition, [3].', 3), [
    ['[1]', undefined],
    ['[2]', undefined],
    ['[3]', undefined]
  ])
  // Debris of MediaWiki link markup: `[[File:...|caption [1][2]]]`; a single closing bracket is not.
  assert.equal(unplaced(', Gaza Strip and Golan Heights 1972-2007 [1][2]]]\n\nClaimed responsibility.[3]]]\n\nA note [4] end.', 4), [
    ['[1][2]', 'markup'],
    ['[3]', 'markup'],
    ['[4]', undefined]
  ])
})

test('marker groups: a marker glued to the word after it leads that word (leadsWord)', () => {
  const text = `The chant goes man-i-do [1]ngi-gin and ends [2] here, then mi-de [3]’n-gi and last.[4]\n\n${[1, 2, 3, 4].map((n) => `[${n}] S${n}, 2015.`).join('\n')}\n`
  const {prose} = model(text)
  assert.equal(prose.markerGroups.map((g) => [g.text, g.leadsWord]), [['[1]', true], ['[2]', false], ['[3]', true], ['[4]', false]])
})

test('report date: plain-text dateline, front matter, none', () => {
  assert.is(model('October 13, 2015 Inquiry & Analysis Series No. 1191\n\nText.\n').prose.reportDate?.date.iso, '2015-10-13')
  const md = model('---\ntitle: x\ndate: 2026-11-02\n---\n\nText.\n', 'markdown')
  const found = md.prose.reportDate!
  assert.equal([found.date.iso, found.from, slice(md.text, found.span), found.span.start.line], ['2026-11-02', 'front-matter', '2026-11-02', 3])
  assert.is(model('---\ndate: "October 7, 2015"\n---\n', 'markdown').prose.reportDate?.date.iso, '2015-10-07')
  assert.is(model('---\ntitle: x\n---\n\nOctober 13, 2015 dateline after front matter.\n', 'markdown').prose.reportDate, undefined)
  assert.is(model('Iran At The Crossroads\n\nOctober 13, 2015\n').prose.reportDate, undefined)
  assert.is(model('2015 was a year.\n').prose.reportDate, undefined)
})

test('dates: shapes that are not dates', () => {
  for (const text of ['Issue 2015', 'Reuters 7, 2015', 'Mayor 7, 2015', 'No. 1191', 'Series 7, 2015']) {
    assert.equal(
      findDates(text).filter((d) => d.form !== 'year').map((d) => d.text),
      [],
      text
    )
  }
})

test('dates: numeric dates with an order', () => {
  const [date] = findDates('Tasnim, 7/10/2015.')
  assert.is(date!.iso, undefined)
  assert.is(withOrder(date!, 'day-month').iso, '2015-10-07')
  assert.is(withOrder(date!, 'month-day').iso, '2015-07-10')
  const [late] = findDates('31/2/2015')
  assert.equal(withOrder(late!, 'day-month').problem, {kind: 'day', day: 31, month: 'February', year: 2015, days: 28})
  assert.equal(withOrder(late!, 'month-day').problem, {kind: 'month-number', month: 31})
})

test('dates: comparison at the precision both have', () => {
  assert.ok(isoAfter('2015-11', '2015-10-13'))
  assert.not.ok(isoAfter('2015-10', '2015-10-13'))
  assert.ok(isoAfter('2015-10-14', '2015-10-13'))
  assert.not.ok(isoAfter('2015', '2015-10-13'))
  assert.is(dateAtStart('  Oct. 7, 2015 Dispatch')?.iso, '2015-10-07')
  assert.is(dateAtStart('Dispatch Oct. 7, 2015'), undefined)
})

test('seed: report date 2015-10-13, Rohani\'s quotation ends in the broken [v], every marker follows its punctuation', () => {
  const seed = path.join(shared, 'seeds/000_d04142befcb724c4.txt')
  if (!available(seed, 'seed report')) return
  const text = readFileSync(seed, 'utf8')
  const {prose} = model(text)
  assert.is(prose.reportDate?.date.iso, '2015-10-13')
  const rohani = prose.quotations.find((q) => q.text.startsWith('"In social'))!
  const file = new VFile({value: text})
  const index = buildCitationIndex(parse(text, 'text'), file, 'text')
  assert.equal(
    rohani.references.map((i) => index.references[i]!.marker),
    ['[v]']
  )
  assert.ok(prose.markerGroups.filter((g) => g.text !== '*').every((g) => g.follows === 'punctuation' && !g.gap && !g.after))
})

// What bears a claim: [name, text with the quotation marked by its first `"` or `“`, expected flags].
const claimCases: Array<[string, string, (start: number, end: number, text: string) => boolean, boolean]> = [
  ['a title in title case', 'See "Primary Lead Refining Technical Notes" there.', (s, e, t) => isTitleOfWork(t, s, e), true],
  ['a title in a reference list', 'Pyykkö, P. (1988). "Relativistic effects in structural chemistry". Chemical Reviews. 88 (3): 563–94.', (s, e, t) => isTitleOfWork(t, s, e), true],
  ['an address', 'Retrieved from "https://en.wikipedia.org/w/index.php?title=Lorentz"', (s, e, t) => isTitleOfWork(t, s, e), true],
  ['reported speech is no title', 'He said "we will not go back to the talks" today.', (s, e, t) => isTitleOfWork(t, s, e), false],
  ['a question', 'and ask "should we still be doing this?" again', (s, e, t) => isQuestionOrTrailing(t, s, e), true],
  ['a phrase in a noun phrase', 'apply the "it fell off the back of a truck" level of service', (s, e, t) => isQuotedPhrase(t, s, e), true],
  ['an example', 'obvious, such as "since the sun rose every morning it will rise"', (s, e, t) => isQuotedPhrase(t, s, e), true],
  ['a glossed term', 'in the "land of the two mosques" (Mecca and Medina) he', (s, e, t) => isQuotedPhrase(t, s, e), true],
  ['speech after that is no phrase', 'argued that "It is not only the case of Kenya." Then', (s, e, t) => isQuotedPhrase(t, s, e), false],
  ['a legal citation', 'held that "Congress cannot reserve for itself the power" 478 U.S. 714', (s, e, t) => hasInlineCitation(t, 0, t.length, e), true],
  ['an author-date parenthetical', 'wrote that "Congress cannot reserve for itself the power" (Smith 2003, p. 4).', (s, e, t) => hasInlineCitation(t, 0, t.length, e), true],
  ['an attribution dash', '"In the North of England boys beg on Easter Eve."--_De Ludis_, by Hyde', (s, e, t) => hasInlineCitation(t, e, e, e), true],
  ['a parenthesis without year or page is no citation', 'said "we will not go back to the talks" (in Arabic).', (s, e, t) => hasInlineCitation(t, 0, t.length, e), false]
]

for (const [name, text, check, expected] of claimCases) {
  test(`claims: ${name}`, () => {
    const [quote] = findQuotations(text)
    assert.ok(quote, 'a quotation is found')
    assert.is(check(quote!.start, quote!.end, text), expected)
  })
}

const cited = (n: number): string => `Paragraph ${n} says the minister spoke and the speaker agreed with him on the main points of the text that day.[${n}]`

test('quotations: a reference later in the paragraph, or in a lead-in ending in a colon, is within reach', () => {
  const text = `The minister said "we will not negotiate under any pressure at all," and left the room, as many other ministers did that week. [1]\n\nThe report reads as follows:[2]\n\n"The parliament will not accept any deal that the ministry hid from it for months, nor any other deal made in secret by the cabinet."\n\n${cited(3)}\n\n[1] IRNA, March 1, 2026.\n[2] Fars, March 2, 2026.\n[3] ISNA, March 3, 2026.\n`
  const {prose} = model(text)
  assert.equal(prose.quotations.map((q) => [q.references.length, q.paragraphReferences.length, q.claim]), [[1, 1, true], [0, 1, true]])
})

test('quotations: a document that quotes much and cites little has no claims', () => {
  const quote = (n: number): string => `Then "the people of the island told the tale number ${n} to all" and the story went on for many long evenings by the fire.`
  const text = `${[1, 2, 3, 4].map(quote).join('\n\n')}\n\n${cited(1)}\n\n${cited(2)}\n\n[1] IRNA, March 1, 2026.\n[2] Fars, March 2, 2026.\n`
  assert.ok(model(text).prose.quotations.every((q) => !q.claim))
})

test('quotations: a document citing under one paragraph in five has no citation apparatus', () => {
  const plain = (n: number): string => `Paragraph ${n} of the post talks about software and the way teams share their work with one another over time.`
  const text = `He said "we will not go back to the old ways of working" at the meeting and left the room soon after that.\n\n${[1, 2, 3, 4, 5].map(plain).join('\n\n')}\n\n${cited(1)}\n\n[1] IRNA, March 1, 2026.\n`
  assert.is(model(text).prose.quotations[0]!.claim, false)
})

test('quotations: a document that cites its quotations at the paragraph end has the habit, and its uncited quotation is a claim', () => {
  const quoted = (n: number): string => `The minister said "we will hold talks number ${n} with the council before the end of the month." The council met again for many long hours that week.[${n}]`
  const uncited = 'The minister later said that "the assembly will never accept such a deal from the cabinet" and walked out of the chamber with his aides.'
  const text = `${[1, 2, 3].map(quoted).join('\n\n')}\n\n${uncited}\n\n[1] IRNA, March 1, 2026.\n[2] Fars, March 2, 2026.\n[3] ISNA, March 3, 2026.\n`
  assert.equal(model(text).prose.quotations.map((q) => [q.references.length, q.claim]), [[0, true], [0, true], [0, true], [0, true]])
})

test.run()
