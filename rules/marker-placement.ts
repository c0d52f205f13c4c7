/**
 * # marker-placement
 *
 * Checks where references sit against punctuation and the text they cite,
 * reading the marker groups of the prose model (markers written next to
 * each other, `[3][4]`, move together):
 * - with `after-punctuation` (the default, Chicago style), a reference goes
 *   after the punctuation that ends its clause: `Syria[1].` should be
 *   `Syria.[1]`, `"last words"[2].` should be `"last words".[2]`;
 * - with `before-punctuation`, before it: `Syria.[1]` should be `Syria[1].`;
 *   a period of an abbreviation (`U.S.[1]`) and punctuation inside a closing
 *   quotation mark (`."[1]`) stay as they are;
 * - in both styles, no space between the cited text and the reference:
 *   `Syria. [1]` should be `Syria.[1]`. A space after another reference
 *   (`[1], [2]`) or at a line start is fine.
 * A reference already between two punctuation marks (`Council,[7],`), or
 * after an opening bracket or a table cell border, is left alone, and so is
 * the space between a bare URL and a reference (`http://e.com/page [1]`):
 * glued, the marker would read as part of the address. Symbol
 * references (`Savyon*`) are not checked, nor are named citations
 * (`as in [RFC2119].`: standards write the key as a word of the sentence),
 * nor are groups holding a marker
 * that resolves to no note: `broken-marker` or `undefined-reference`
 * reports it, one problem, one message.
 *
 * Why: a marker that floats after a space can wrap onto the next line, away
 * from the claim it supports, and markers placed both ways in one report
 * read as careless; one style makes the source of each claim unambiguous.
 *
 * Fails (default style):
 *
 *     Iran would be in charge of ground operations in Syria[1]. Moscow agreed. [2]
 *
 * Passes:
 *
 *     Iran would be in charge of ground operations in Syria.[1] Moscow agreed.[2]
 *
 * Options: `style`: `after-punctuation` (default) or `before-punctuation`.
 *
 * Fixable: safe: the fix moves the marker (and removes the space); the words
 * are unchanged. In Markdown, no fix puts a marker right after a backslash
 * that would escape it (`C:\ [^1]` is not fixed to `C:\[^1]`, which is no
 * reference; CommonMark backslash escapes).
 */
import type {Rule} from '../src/engine/rule.js'

/** Options of `marker-placement`. */
export interface MarkerPlacementOptions {
  /** Where references go against punctuation. */
  readonly style: 'after-punctuation' | 'before-punctuation'
}

const rule: Rule<MarkerPlacementOptions> = {
  meta: {
    id: 'marker-placement',
    description: 'A reference must sit on the configured side of punctuation, without a space before it',
    severity: 'warn',
    fix: 'safe',
    messages: {
      afterPunctuation: 'Misplaced reference `{marker}`: it comes before `{punctuation}`, expected `{expected}`',
      beforePunctuation: 'Misplaced reference `{marker}`: it comes after `{punctuation}`, expected `{expected}`',
      space: 'Detached reference `{marker}`: a space separates it from the text it cites, expected no space before it'
    },
    defaults: {style: 'after-punctuation'},
    validate: (options) =>
      options.style === 'after-punctuation' || options.style === 'before-punctuation'
        ? undefined
        : '`style` must be "after-punctuation" or "before-punctuation"'
  },
  check(context) {
    const {index, prose, options} = context
    for (const group of prose.markerGroups) {
      const references = group.references.map((i) => index.references[i])
      // Symbols and named citations are not checked; an unresolved marker is already reported
      // (`broken-marker`, `undefined-reference`).
      if (references.some((r) => !r || r.syntax === 'symbol' || r.syntax === 'named' || r.note === undefined)) continue
      if (group.follows === 'line-start' || group.follows === 'opening') continue
      const marker = group.text
      const start = group.gap?.start.offset ?? group.span.start.offset
      if (options.style === 'after-punctuation' && group.after && group.follows === 'text') {
        const punctuation = group.after.text
        context.report({
          messageId: 'afterPunctuation',
          data: {marker, punctuation, expected: punctuation + marker},
          span: group.span,
          fix: {edits: [{start, end: group.after.span.end.offset, text: punctuation + marker}]}
        })
        continue
      }
      const before = group.before
      if (
        options.style === 'before-punctuation' &&
        before &&
        group.follows === 'punctuation' &&
        !group.after &&
        !before.abbreviation &&
        !/["”’)]$/.test(before.text)
      ) {
        context.report({
          messageId: 'beforePunctuation',
          data: {marker, punctuation: before.text, expected: marker + before.text},
          span: group.span,
          ...(before.escapedAtStart
            ? {}
            : {fix: {edits: [{start: before.span.start.offset, end: group.span.end.offset, text: marker + before.text}]}})
        })
        continue
      }
      // A space after a bare URL keeps the marker out of the address.
      if (group.gap && group.follows !== 'reference' && !group.afterUrl) {
        context.report({
          messageId: 'space',
          data: {marker},
          span: group.span,
          ...(group.escapedAtGap ? {} : {fix: {edits: [{start: group.gap.start.offset, end: group.gap.end.offset, text: ''}]}})
        })
      }
    }
  }
}

export default rule
