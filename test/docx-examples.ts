/**
 * The DOCX examples of `examples/`, as specs for test/docx-generator.ts:
 * `UPDATE_EXAMPLES=1 npm test` writes them, and the examples harness checks
 * that each file there reads as its spec does (the zip bytes carry
 * timestamps; the text read does not).
 */
import type {DocxSpec} from './docx-generator.js'

/** File name in `examples/` to the document it holds. */
export const docxExamples: Readonly<Record<string, DocxSpec>> = {
  'broken-marker-noteref.docx': {
    body: [
      ['Talks stalled in October.', {footnote: 4}, ' The envoy left for Tehran.', {bookmark: '_Ref5100', runs: [{footnote: 1}]}],
      ['As note ', {field: 'NOTEREF _Ref5100 \\h', result: '1'}, ' says, the envoy was recalled; see also note ', {field: 'NOTEREF _Ref5100 \\h', result: '2'}, '.']
    ],
    footnotes: [
      {id: 4, paragraphs: [['Reuters, "Talks stall in Vienna," October 12, 2015.']]},
      {id: 1, paragraphs: [['Al-Akhbar, "Envoy recalled," October 14, 2015.']]}
    ]
  },
  'undefined-reference-word.docx': {
    body: [
      ['Talks stalled in October.', {footnote: 1}, ' The envoy left.', {superscript: '2'}],
      ['The talks resumed in May.', {footnote: 3}]
    ],
    footnotes: [{id: 1, paragraphs: [['Reuters, "Talks stall in Vienna," October 12, 2015.']]}]
  },
  'unused-note-word.docx': {
    body: [
      ['Talks stalled in October.', {footnote: 1}, ' The envoy left.', {footnote: 2}],
      ['The talks resumed in May.', {endnote: 1}]
    ],
    footnotes: [
      {id: 1, paragraphs: [['https://example.org/talks-stall']]},
      {id: 2, paragraphs: [[', October 7, 2015.']]},
      {id: 3, paragraphs: [['Al-Akhbar, "Left after editing," March 3, 2012.']]}
    ],
    endnotes: [{id: 1, paragraphs: [['Le Monde, "Talks resume," May 2, 2016.']]}]
  },
  'valid-word.docx': {
    body: [
      ['Talks stalled in October.', {footnote: 1}, ' The envoy left.', {endnote: 1}],
      {table: [[['Cell one'], ['Cell two cites a source.', {footnote: 2}]]]},
      ['An author note', {footnote: 3, custom: '*'}, ' and a third source.', {bookmark: '_Ref7', runs: [{footnote: 4}]}, ' As note ', {field: 'NOTEREF _Ref7 \\h', result: '3'}, ' says, the talks resumed.']
    ],
    footnotes: [
      {id: 1, paragraphs: [['Al-Akhbar, "Talks stall," October 12, 2015.']]},
      {id: 2, paragraphs: [['Reuters, "Second source," May 3, 2014.'], ['A second paragraph of the note.']]},
      {id: 3, custom: true, paragraphs: [['* A. Savyon is a senior analyst.']]},
      {id: 4, paragraphs: [['The Guardian, "Third source," June 1, 2016.']]}
    ],
    endnotes: [{id: 1, paragraphs: [['Le Monde, "Endnote source," March 2, 2013.']]}]
  }
}
