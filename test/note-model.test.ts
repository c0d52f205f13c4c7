/**
 * Table-driven tests of the note model: what `parseNoteText` reads from the
 * notes analysts write (the seed's six notes first), and the spans
 * `describeNotes` gives dates in a file.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {buildCitationIndex} from '../src/citation-index/build.js'
import {describeNotes, noteReadLimit, parseNoteText} from '../src/models/note-model.js'
import {parse} from '../src/readers/registry.js'

/** `kind | source | place | date | iso | url`, `-` for an absent field. */
function read(text: string, symbol = false): string {
  const note = parseNoteText(text, symbol)
  const date = note.date ? `${note.date.text} | ${note.date.iso ?? (note.date.problem ? `invalid ${note.date.problem.kind}` : 'unread')}` : '- | -'
  return [note.kind, note.source ?? '-', note.place ?? '-', date, note.url ?? '-'].join(' | ')
}

const shapes: Array<[string, string, string, boolean?]> = [
  // The seed's notes.
  ['seed [1]: outlet, place, date', 'Al-Akhbar (Lebanon), October 12, 2015.', 'citation | Al-Akhbar | Lebanon | October 12, 2015 | 2015-10-12 | -'],
  ['seed [2]: source lost', ', October 7, 2015.', 'empty | - | - | October 7, 2015 | 2015-10-07 | -'],
  [
    'seed [3]: discursive, the outlet before its date is the source',
    'Iraqi Prime Minister Haider Al-\'Abadi said that he was "prepared to examine any Russian proposal to shell ISIS in Iraq." Al-Quds (London), October 1, 2015.',
    'discursive | Al-Quds | London | October 1, 2015 | 2015-10-01 | -'
  ],
  ['seed [4]: source lost', ', October 7, 2015.', 'empty | - | - | October 7, 2015 | 2015-10-07 | -'],
  ['seed [5]: no final period', 'ISNA (Iran), October 7, 2015', 'citation | ISNA | Iran | October 7, 2015 | 2015-10-07 | -'],
  [
    'seed author note',
    'A. Savyon is director of the MEMRI Iran Media Project; Y. Carmon is President of MEMRI.',
    'author | - | - | - | - | -',
    true
  ],
  // Date forms.
  ['day month year', 'Reuters, 7 October 2015.', 'citation | Reuters | - | 7 October 2015 | 2015-10-07 | -'],
  ['abbreviated month', 'Kayhan (Iran), Oct. 7, 2015.', 'citation | Kayhan | Iran | Oct. 7, 2015 | 2015-10-07 | -'],
  ['Sept.', 'Kayhan (Iran), Sept. 7, 2015.', 'citation | Kayhan | Iran | Sept. 7, 2015 | 2015-09-07 | -'],
  ['ordinal day', 'Vatan-e Emrooz (Iran), October 7th, 2015.', 'citation | Vatan-e Emrooz | Iran | October 7th, 2015 | 2015-10-07 | -'],
  ['ISO date', 'Tasnim (Iran), 2015-10-07.', 'citation | Tasnim | Iran | 2015-10-07 | 2015-10-07 | -'],
  ['month and year', 'Fars (Iran), October 2015.', 'citation | Fars | Iran | October 2015 | 2015-10 | -'],
  ['numeric date is not read without an order', 'Tasnim (Iran), 7/10/2015.', 'citation | Tasnim | Iran | 7/10/2015 | unread | -'],
  ['February 30 does not exist', 'Fars (Iran), February 30, 2015.', 'citation | Fars | Iran | February 30, 2015 | invalid day | -'],
  ['31 April does not exist', 'Fars (Iran), 31 April 2015.', 'citation | Fars | Iran | 31 April 2015 | invalid day | -'],
  ['misspelled month', 'Fars (Iran), Ocotber 7, 2015.', 'citation | Fars | Iran | Ocotber 7, 2015 | invalid month-name | -'],
  ['month 13', 'Tasnim (Iran), 2015-13-07.', 'citation | Tasnim | Iran | 2015-13-07 | invalid month-number | -'],
  ['leap day exists in a leap year', 'Mehr (Iran), February 29, 2016.', 'citation | Mehr | Iran | February 29, 2016 | 2016-02-29 | -'],
  ['no leap day in 1900 (a century)', 'Mehr (Iran), February 29, 1900.', 'citation | Mehr | Iran | February 29, 1900 | invalid day | -'],
  ['leap day in 2000 (every 400 years)', 'Mehr (Iran), 29 February 2000.', 'citation | Mehr | Iran | 29 February 2000 | 2000-02-29 | -'],
  ['ISO leap day in a common year', 'Mehr (Iran), 2015-02-29.', 'citation | Mehr | Iran | 2015-02-29 | invalid day | -'],
  ['day 0 is no day', 'Mehr (Iran), 0 March 2015.', 'citation | Mehr | Iran | 0 March 2015 | invalid day | -'],
  ['page after the date', 'Al-Sharq Al-Awsat (London), October 3, 2015, p. 2.', 'citation | Al-Sharq Al-Awsat | London | October 3, 2015 | 2015-10-03 | -'],
  // Ibid.
  ['Ibid.', 'Ibid.', 'ibid | - | - | - | - | -'],
  ['Ibid without period', 'Ibid', 'ibid | - | - | - | - | -'],
  ['Ibid with a page', 'Ibid., p. 4.', 'ibid | - | - | - | - | -'],
  ['ibidem', 'ibidem', 'ibid | - | - | - | - | -'],
  ['legal Id. in emphasis', '*Id.* at 45.', 'ibid | - | - | - | - | -'],
  ['ID without a period is not Id.', 'ID cards issued by the ministry, March 2, 2026.', 'citation | ID cards issued by the ministry | - | March 2, 2026 | 2026-03-02 | -'],
  // URLs.
  ['only a URL', 'https://www.isna.ir/news/94071507393/', 'url-only | - | - | - | - | https://www.isna.ir/news/94071507393/'],
  ['a URL and a date', 'https://x.org/a, October 7, 2015.', 'url-only | - | - | October 7, 2015 | 2015-10-07 | https://x.org/a'],
  ['an autolink', '<https://x.org/a>', 'url-only | - | - | - | - | https://x.org/a'],
  [
    'outlet, date and URL',
    'ISNA (Iran), October 7, 2015, https://www.isna.ir/news/1',
    'citation | ISNA | Iran | October 7, 2015 | 2015-10-07 | https://www.isna.ir/news/1'
  ],
  [
    'a URL, then outlet and date: the source leaves the URL out',
    'https://www.tasnimnews.com/en/news/1, Tasnim (Iran),\nMarch 3, 2026.',
    'citation | Tasnim | Iran | March 3, 2026 | 2026-03-03 | https://www.tasnimnews.com/en/news/1'
  ],
  // Empty.
  ['nothing', '', 'empty | - | - | - | - | -'],
  ['only a place and a date', '(Iran), October 7, 2015.', 'empty | - | Iran | October 7, 2015 | 2015-10-07 | -'],
  ['only a date', 'October 7, 2015', 'empty | - | - | October 7, 2015 | 2015-10-07 | -'],
  ['only an access date', 'Retrieved 23 November 2006.', 'empty | - | - | 23 November 2006 | 2006-11-23 | -'],
  ['only an archive date', 'Archived from on 2015-09-01.', 'empty | - | - | 2015-09-01 | 2015-09-01 | -'],
  ['only a parenthesised word', '(website)', 'empty | - | - | - | - | -'],
  // Sources with author and title.
  [
    'author, title and series',
    'Y. Carmon, "Iran\'s Choice," MEMRI Inquiry & Analysis No. 1191, October 13, 2015.',
    'citation | Y. Carmon, "Iran\'s Choice," MEMRI Inquiry & Analysis No. 1191 | - | October 13, 2015 | 2015-10-13 | -'
  ],
  [
    'title clause before the outlet, access date after',
    'John Sutherland, "Who are America\'s real enemies?". The Guardian, 8 July 2002. Accessed 8 January 2007.',
    'citation | John Sutherland, "Who are America\'s real enemies?". The Guardian | - | 8 July 2002 | 2002-07-08 | -'
  ],
  [
    'date in its own clause: the outlet is the clause before',
    '"Title of the piece". The Guardian. 7 October 2015. Retrieved 9 October 2015.',
    'citation | "Title of the piece". The Guardian | - | 7 October 2015 | 2015-10-07 | -'
  ],
  [
    'two sources: the first is the note\'s',
    'Reuters, 12 September 2006; Al-Hayat (London), 13 September 2006',
    'citation | Reuters | - | 12 September 2006 | 2006-09-12 | -'
  ],
  ['series number', 'MEMRI Special Dispatch No. 6172, October 6, 2015.', 'citation | MEMRI Special Dispatch No. 6172 | - | October 6, 2015 | 2015-10-06 | -'],
  [
    'interview on TV',
    'Interview with Ali Shamkhani, Al-Mayadeen TV (Lebanon), September 30, 2015.',
    'citation | Interview with Ali Shamkhani, Al-Mayadeen TV | Lebanon | September 30, 2015 | 2015-09-30 | -'
  ],
  ['a remark after the citation', 'ISNA (Iran), October 7, 2015. Translated from Persian.', 'citation | ISNA | Iran | October 7, 2015 | 2015-10-07 | -'],
  ['social media', "Rafsanjani's Instagram page, October 6, 2015.", "citation | Rafsanjani's Instagram page | - | October 6, 2015 | 2015-10-06 | -"],
  ['emphasis marks around the outlet', '_Reuters_, October 30, 2026.', 'citation | Reuters | - | October 30, 2026 | 2026-10-30 | -'],
  ['undated short form', 'Davis, p. 41.', 'citation | Davis, p. 41 | - | - | - | -'],
  ['cross-reference', 'See also next chapter.', 'citation | See also next chapter | - | - | - | -'],
  [
    'a title in title case is not prose',
    'Separate and Unequal: Israel\'s Treatment of Palestinians in the Occupied Territories. Human Rights Watch, 19 December 2010.',
    'citation | Separate and Unequal: Israel\'s Treatment of Palestinians in the Occupied Territories. Human Rights Watch | - | 19 December 2010 | 2010-12-19 | -'
  ],
  // Discursive.
  [
    'prose, then the outlet',
    'The prime minister told reporters that the talks would resume. Al-Hayat (London), October 2, 2015.',
    'discursive | Al-Hayat | London | October 2, 2015 | 2015-10-02 | -'
  ],
  [
    'prose, then the outlet and a URL',
    "For the full text of the speech, see the Leader's website. Khamenei.ir, October 7, 2015, http://english.khamenei.ir/news/2015",
    'discursive | Khamenei.ir | - | October 7, 2015 | 2015-10-07 | http://english.khamenei.ir/news/2015'
  ],
  [
    'a date inside the prose is not the citation\'s',
    'On October 1, 2015 the minister said the talks had failed. Al-Hayat (London), October 2, 2015.',
    'discursive | Al-Hayat | London | October 2, 2015 | 2015-10-02 | -'
  ],
  // Symbol notes.
  ['author note with a verb other than is', 'R. Halden directs the Trade Routes Project.', 'author | - | - | - | - | -', true],
  ['a symbol note that cites is a citation', 'See Burney, History of Music, vol. ii. p. 45.', 'citation | See Burney, History of Music, vol. ii. p. 45 | - | - | - | -', true],
  ['a dated symbol note is a citation', 'Translated by MEMRI, October 7, 2015.', 'citation | Translated by MEMRI | - | October 7, 2015 | 2015-10-07 | -', true]
]

test('the table holds at least 40 note shapes', () => {
  assert.ok(shapes.length >= 40, `${shapes.length} shapes`)
})

for (const [name, text, expected, symbol] of shapes) {
  test(`note: ${name}`, () => assert.is(read(text, symbol), expected))
}

test('access dates are found but are not the citation date', () => {
  const note = parseNoteText('The Guardian, 8 July 2002. Accessed 8 January 2007.')
  assert.equal(
    note.dates.map((d) => [d.text, d.access]),
    [
      ['8 July 2002', false],
      ['8 January 2007', true]
    ]
  )
  assert.is(note.date?.text, '8 July 2002')
})

test('an access word counts within 40 characters of the date and in the same clause', () => {
  const access = (text: string): boolean[] => parseNoteText(text).dates.map((d) => d.access)
  assert.equal(access('Al-Akhbar, 3 May 2015, archived from the original on 4 May 2015.'), [false, true])
  assert.equal(access('Retrieved by the staff of the library in the archive of the city, 4 May 2015.'), [false])
  assert.equal(access('Archived; 4 May 2015.'), [false])
  assert.equal(access('Visited. 4 May 2015.'), [false])
  assert.equal(access('Accessed 4 May 2015, retrieved 5 May 2015.'), [true, true])
})

test('detail: what follows the citation date, without URLs and access dates', () => {
  assert.is(parseNoteText('Al-Sharq Al-Awsat (London), October 3, 2015, p. 2.').detail, 'p. 2')
  assert.is(parseNoteText('Ozoglu, Kurdish Notables. February 2004. . Pg 95.').detail, 'Pg 95')
  assert.is(parseNoteText('The Guardian, 8 July 2002, https://x.org/a. Accessed 8 January 2007.').detail, undefined)
  assert.is(parseNoteText('Davis, p. 41.').detail, undefined)
})

test('dates inside URLs are not dates', () => {
  const note = parseNoteText('https://example.org/2015-10-07/story')
  assert.equal(note.dates, [])
})

test('describeNotes: date spans point at the date in the file', () => {
  const text = 'In Syria.[1] Also.[2]\n\n[1] Al-Akhbar (Lebanon), October 12, 2015.\n\n[2]   Fars,\nFebruary 30, 2015.\n'
  const file = new VFile({value: text})
  const index = buildCitationIndex(parse(text, 'text'), file, 'text')
  const notes = describeNotes(index, file)
  assert.equal(
    notes.map((n) => {
      const span = n.date!.span
      return [text.slice(span.start.offset, span.end.offset), span.start.line, span.start.column, span.end.line, span.end.column]
    }),
    [
      ['October 12, 2015', 3, 26, 3, 42],
      ['February 30, 2015', 6, 1, 6, 18]
    ]
  )
  assert.ok(Object.isFrozen(notes) && Object.isFrozen(notes[0]) && Object.isFrozen(notes[0]!.date))
})

test('describeNotes: GFM definitions, content spans after the colon', () => {
  const text = 'A claim.[^a]\n\n[^a]:  ISNA (Iran), 2015-10-07.\n'
  const file = new VFile({value: text})
  const index = buildCitationIndex(parse(text, 'markdown'), file, 'markdown')
  const [note] = describeNotes(index, file)
  assert.is(note?.kind, 'citation')
  const span = note!.date!.span
  assert.is(text.slice(span.start.offset, span.end.offset), '2015-10-07')
  const content = index.notes[0]!.contentSpan
  assert.is(text.slice(content.start.offset, content.end.offset), 'ISNA (Iran), 2015-10-07.')
})


test('short forms: authors, a year and maybe a page, nothing else', () => {
  const shortForms = [
    'Forshaw & Smith 2009',
    'Forshaw_&_Smith_2009',
    'Wittow, 14 J. Internet L. 1 (2010).',
    'Smith & Jones, 98 Harv. L. Rev. 1003, 1010 (1985)',
    'Rothman 2006, pp. 112f.',
    'Darrigol 2005, pp. 1–22',
    "John & O'Connor 1996",
    'Smith, Jones and Brown (2003), p. 4.',
    'Smith et al. 2010, 21',
    'van Fraassen 1980, ch. 3',
    'Jamal 2005 p. 197 n. 21'
  ]
  const full = [
    'Forshaw, Jeffrey; Smith, Gavin (2009). Dynamics and Relativity. Wiley.',
    'Helena Lindholm Schulz _The Reconstruction of Palestinian Nationalism_, Manchester University Press, 1999 p. 76',
    'La Libre Belgique, 25 November 2014',
    'Beer, Sam. _The United States Program for Agriculture in Post-Invasion Iraq_. 2016.',
    'Smith 2009, https://example.org/a',
    'Davis, p. 41.',
    'Smith said in 2009 that the treaty held.',
    'New York v. Quarles, 467 U.S. 649 (1984)',
    'Mark H. Wittow, Cloud Computing, 14 J. Internet L. 1 (2010).'
  ]
  assert.equal(shortForms.filter((text) => !parseNoteText(text).shortForm), [])
  assert.equal(full.filter((text) => parseNoteText(text).shortForm), [])
})

test('a note is read in its first noteReadLimit code units only (a hostile note of megabytes)', () => {
  const long = `Al-Akhbar (Lebanon), October 12, 2015. ${'(a) '.repeat(10_000)}Tasnim, March 3, 2026.`
  assert.ok(long.length > noteReadLimit)
  const parsed = parseNoteText(long)
  assert.is(parsed.date?.iso, '2015-10-12')
  assert.ok(parsed.dates.every((d) => d.end <= noteReadLimit))
  // A surrogate pair at the cut is not split.
  const emoji = `${'x'.repeat(noteReadLimit - 1)}😀 and more`
  assert.not.throws(() => parseNoteText(emoji))
})

test.run()
