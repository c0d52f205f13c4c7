/**
 * The alignment of bare note numbers (`src/citation-index/alignment.ts`),
 * through the citation index: which references and notes of the numeral
 * conventions stand, and the look-alikes that must leave nothing.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {buildCitationIndex} from '../src/citation-index/build.js'
import type {Format} from '../src/citation-index/types.js'
import {readerOf} from '../src/readers/registry.js'

/** The numeral references and notes of `text`: `ref 4`, `note 4`, in document order. */
function numerals(text: string, format: Format = 'text'): string[] {
  const index = buildCitationIndex(readerOf(format).parse(text), new VFile({value: text}), format)
  return [
    ...index.references.filter((r) => r.syntax === 'numeral').map((r) => ({at: r.span.start.offset, text: `ref ${r.label}`})),
    ...index.notes.filter((n) => n.syntax === 'numeral').map((n) => ({at: n.span.start.offset, text: `note ${n.label}`}))
  ]
    .sort((a, b) => a.at - b.at)
    .map((item) => item.text)
}

const cases: Array<[name: string, text: string, expected: string[]]> = [
  [
    'endnotes after glued references',
    'Talks stalled.1 The premiums,2 rose and Ankara3 said so.\n\nNotes\n\n1. Source one, 2019.\n2. Source two, 2020.\n3. Source three, 2021.\n',
    ['ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3']
  ],
  [
    'footnotes at page bottoms, numbered from 31',
    'Prices fell.31 More text.\n\n31 Source A.\n\nThey rose.32 And again,33 later.\n\n32 Source B.\n33 Source C.\n',
    ['ref 31', 'note 31', 'ref 32', 'ref 33', 'note 32', 'note 33']
  ],
  [
    'two notes only: below the evidence threshold',
    'Talks stalled.1 The premiums,2 rose.\n\n1. Source one.\n2. Source two.\n',
    []
  ],
  [
    'a table of contents and an ordered list, no references',
    'Contents\n\n1 Background 4\n2 Design 7\n3 Results 9\n\nSteps\n\n1. Install the tool.\n2. Run it.\n3. Read the report.\n',
    []
  ],
  [
    'years, amounts, bill and section numbers',
    'In 2019 the $1.5 bill (H.R. 1) and Section 508 of COVID-19 rules, 1,000 cases.\n\n1. Source one.\n2. Source two.\n3. Source three.\n',
    []
  ],
  [
    'unnumbered notes ending in a back-link under Footnotes',
    'Data (NHEA).1 The Act2 and changes.3 end.\n\nFootnotes\n\nSee the glossary.↩︎\n\nThe growth rate.↩︎\n\nDale H. Yamamoto (2013).↩︎\n',
    ['ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3']
  ],
  [
    'superscript references with superscript notes, units left alone',
    'A claim.¹ An area of 5 km². Another.² A third.³\n\n¹ Source one.\n² Source two.\n³ Source three.\n',
    ['ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3']
  ],
  [
    'bracket references after a space with bare-numbered notes; a typo [3 ] joins them',
    'One claim [1] and two [2] and three [3 ] and four [4].\n\nNotes\n\n1. Source one.\n2. Source two.\n3. Source three.\n4. Source four.\n',
    ['ref 1', 'ref 2', 'ref 3 ', 'ref 4', 'note 1', 'note 2', 'note 3', 'note 4']
  ],
  [
    'numbering restarting in an appendix: two series, each with its own references',
    'Rates fell.1 The mailing,2 and Ankara3 said so.\n\nNotes\n\n1. Source one, 2019.\n2. Source two, 2020.\n3. Source three, 2021.\n\nAppendix\n\nWeights were raked.1 Variance,2 as the design3 did.\n\nNotes\n\n1. Source four, 2019.\n2. Source five, 2020.\n3. Source six, 2021.\n',
    ['ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3', 'ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3']
  ],
  [
    'footnotes restarting after a heading; an uncited note of the second run does not join the first',
    'Talks stalled.1 More text here.\n\n1 Source A, 2019.\n\nThey rose.2 And again,3 later.\n\n2 Source B, 2019.\n3 Source C, 2019.\n\nAppendix\n\nPrices fell.1 More text.\n\n1 Source D, 2020.\n\nThey rose.2 And later,4 again.\n\n2 Source E, 2020.\n3 Source F, 2020.\n4 Source G, 2020.\n',
    ['ref 1', 'note 1', 'ref 2', 'ref 3', 'note 2', 'note 3', 'ref 1', 'note 1', 'ref 2', 'ref 4', 'note 2', 'note 3', 'note 4']
  ],
  [
    'a page-bottom footnote, not the numbered heading under it',
    'It rose.1 Then.2 It fell.3 The end of the page.\n\n1These values were estimated.\n2The counts are integers.\n3All results extend to weighted queries.\n\n3. Representing Queries on the Spine\nIn this section we describe the queries.\n',
    ['ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3']
  ],
  [
    'a footnote glued inside a line fills the one missing note of the series',
    'It rose.1 Then.2 It fell.3\n\n1 Source one, 2019.\n2 Source two, 2019.\n3 Source three, 2019.\n\nThe Geometric Mechanism4\nadds noise from the two-tailed geometric distribu4 For bounded or unbounded DP alike.\n\nLater.5 Done.\n\n5 Source five, 2019.\n',
    ['ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3', 'ref 4', 'note 4', 'ref 5', 'note 5']
  ],
  [
    'the glued shape alone, with no gap in the series, is no note',
    'It rose.1 Then.2 It fell.3 And Ankara4 Said it.\n\n1 Source one, 2019.\n2 Source two, 2019.\n3 Source three, 2019.\n',
    ['ref 1', 'ref 2', 'ref 3', 'note 1', 'note 2', 'note 3']
  ],
  [
    'an uncited note inside the series stands',
    'Talks.1 Then.2 Later.4 End.\n\nNotes\n\n1. Source one.\n2. Source two.\n3. Source three.\n4. Source four.\n',
    ['ref 1', 'ref 2', 'ref 4', 'note 1', 'note 2', 'note 3', 'note 4']
  ]
]

for (const [name, text, expected] of cases) {
  test(name, () => {
    assert.equal(numerals(text), expected)
  })
}

test.run()
