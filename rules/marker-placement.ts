/**
 * # marker-placement
 *
 * Checks where references sit against punctuation and the text they cite,
 * reading the marker groups of the prose model (markers written next to
 * each other, `[3][4]`, move together). Styles:
 * - `consistent` (the default): the document's own dominant placement is
 *   the style, learned from its references (`src/models/marker-placement-style.ts`):
 *   after punctuation (`Syria.[1]`), before it (`Syria[1].`), with or
 *   without a space (`Syria. [1]`); only references that deviate from it
 *   are reported. A document that places most references before periods
 *   and commas is not told to move them all; its one `Syria.[1]` is.
 *   Colons and semicolons are learned apart from the other marks (AMA puts
 *   references after periods and commas, before colons and semicolons).
 *   Without a majority of its own there, a document that places references
 *   before its other marks is held to that at colons and semicolons too
 *   (its `as follows:[2]` is reported); one that places them after may
 *   follow Chicago or AMA, so its `as follows[2]:` is not. A placement is
 *   dominant when at least 3 references show it and twice as many as show
 *   the other; without one (2 against 1, 3 against 2) nothing is reported.
 * - `after-punctuation` (Chicago): a reference goes after every punctuation
 *   mark that ends its clause, colons and semicolons included: `Syria[1].`
 *   should be `Syria.[1]`, `"last words"[2].` should be `"last words".[2]`,
 *   `Syria[1];` should be `Syria;[1]`;
 * - `before-punctuation`: before it, colons and semicolons included:
 *   `Syria.[1]` should be `Syria[1].`; a period of an abbreviation
 *   (`U.S.[1]`) and punctuation inside a closing quotation mark (`."[1]`)
 *   stay as they are.
 *
 * Dashes are not punctuation here, under every style: Chicago puts a
 * reference before a dash, and `Syria[1]—` is never reported.
 *
 * Glosses: a reference glued to a word before `!` or `?` is a gloss of that
 * word (`Har-hèri[146]! qué-hou-hou!`), not misplaced. With `consistent`,
 * so is one before a comma or a semicolon inside its sentence: its note is
 * on the word or phrase just before, not on the clause (`Vautier[126],
 * three years ago`, whose note says who Vautier was; `near
 * Battle-bridge[13]; the second`, whose note says where it was). Only the
 * fixed `after-punctuation` style moves them.
 *
 * Spaces: with the fixed styles there is no space between the cited text
 * and the reference: `Syria. [1]` should be `Syria.[1]`. With `consistent`
 * that holds where the document mostly glues its references; spacing is
 * learned apart after a word, after a sentence end, after `,;:` and after a
 * closing quotation mark, because writers space by context (`code, [^2]
 * in` and `"baroque." [^12]` beside `pilot.[^1]`, each every time). A
 * space after another reference (`[1], [2]`) or at a line start is fine,
 * and so is the space after a bare URL (`http://e.com/page [1]`: glued, the
 * marker would read as part of the address) or after a section or
 * paragraph sign (`integrate § [^10] as`: the reference stands where the
 * sign's number goes). A marker after a space but glued to the word that
 * follows it (`man´-i-dō´ B’n-gi-gĭn´`, a transcriber's lettered note)
 * annotates that word: its space is not reported.
 *
 * Left alone under every style: a reference already between two
 * punctuation marks (`Council,[7],`), or after an opening bracket or a
 * table cell border; a reference after `, ` that closes its paragraph or a
 * bracket, standing as a list's last item in place of the item it cites
 * (`(California v. Prysock, [7])`, `Bantam Books, 1987, [164]`; `word, [4]
 * and` is still checked); and a group right before `]]`, debris of
 * MediaWiki markup a conversion left (`1972-2007 [80][81]]]`). Symbol
 * references (`Savyon*`) are not checked, nor named citations (`as in
 * [RFC2119].`: standards write the key as a word of the sentence), nor bare
 * note numbers (`stalled.4`: the copy or the PDF extraction placed them),
 * nor groups holding a marker that resolves to no note:
 * `broken-marker` or `undefined-reference` reports it, one problem, one
 * message.
 *
 * Why: a marker that floats after a space can wrap onto the next line, away
 * from the claim it supports, and markers placed both ways in one report
 * read as careless; one style makes the source of each claim unambiguous.
 *
 * Fails (most references of the document after punctuation):
 *
 *     Iran would be in charge of ground operations in Syria[1]. Moscow agreed.[2] Ankara objected.[3]
 *
 * Passes:
 *
 *     Iran would be in charge of ground operations in Syria.[1] Moscow agreed.[2] Ankara objected.[3]
 *
 * Options: `style`: `consistent` (default), `after-punctuation` or
 * `before-punctuation`.
 *
 * Fixable: safe: the fix moves the marker (and removes the space, or, in a
 * document that writes one, keeps it); the words are unchanged. The
 * message names the space the fix removes (`it comes after a space and
 * before \`.\``, `a no-break space separates it`). In
 * Markdown, no fix puts a marker right after a backslash that would escape
 * it (`C:\ [^1]` is not fixed to `C:\[^1]`, which is no reference;
 * CommonMark backslash escapes).
 */
import type {Rule} from '../src/engine/rule.js'
import type {DominantPlacement} from '../src/models/marker-placement-style.js'
import {dominantPlacement, placementOf, punctuationClass, spacingContext} from '../src/models/marker-placement-style.js'
import type {MarkerGroup} from '../src/models/prose.js'

/** Options of `marker-placement`. */
export interface MarkerPlacementOptions {
  /** Where references go against punctuation: the document's own dominant placement, or a fixed side. */
  readonly style: 'consistent' | 'after-punctuation' | 'before-punctuation'
}

const styles = new Set(['consistent', 'after-punctuation', 'before-punctuation'])

const rule: Rule<MarkerPlacementOptions> = {
  meta: {
    id: 'marker-placement',
    description: 'A reference must be placed as most references of the document are, or as the style option says',
    severity: 'warn',
    fix: 'safe',
    messages: {
      afterPunctuation: 'Misplaced reference `{marker}`: it comes {where}, expected `{expected}`',
      beforePunctuation: 'Misplaced reference `{marker}`: it comes {where}, expected `{expected}`',
      space: 'Detached reference `{marker}`: {gap} {separate} it from the text it cites, expected no space before it'
    },
    defaults: {style: 'consistent'},
    validate: (options) =>
      styles.has(options.style) ? undefined : '`style` must be "consistent", "after-punctuation" or "before-punctuation"'
  },
  check(context) {
    const {index, prose, options} = context
    // Symbols, named citations and bare note numbers are not checked; an
    // unresolved marker is already reported (`broken-marker`, `undefined-reference`).
    const groups = prose.markerGroups.filter((group) =>
      group.references.every((i) => {
        const r = index.references[i]
        return r !== undefined && r.syntax !== 'symbol' && r.syntax !== 'named' && r.syntax !== 'numeral' && r.note !== undefined
      })
    )
    const style = styleOf(options.style, groups)
    for (const group of groups) {
      // A group standing for a list's item, or in conversion debris, is placed nowhere.
      if (group.follows === 'line-start' || group.follows === 'opening' || group.unplaced) continue
      const marker = group.text
      // The space the fix removes, named in the message (`Syria [1].` becomes `Syria.[1]`).
      const gap = group.gap ? describeGap(group.gapText) : undefined

      const start = group.gap?.start.offset ?? group.span.start.offset
      if (
        group.after &&
        group.follows === 'text' &&
        style.side[punctuationClass(group.after.text.charAt(0))] === 'after-punctuation' &&
        !isGloss(group, options.style)
      ) {
        const punctuation = group.after.text
        // The space the document writes after this punctuation, if any.
        const expected = punctuation + (style.spaced[/["”’)]$/.test(punctuation) ? 'closing' : /^[,;:]/.test(punctuation) ? 'clause' : 'stop'] ? ' ' : '') + marker
        context.report({
          messageId: 'afterPunctuation',
          data: {marker, where: gap ? `after ${gap} and before \`${punctuation}\`` : `before \`${punctuation}\``, expected},
          span: group.span,
          fix: {edits: [{start, end: group.after.span.end.offset, text: expected}]}
        })
        continue
      }
      const before = group.before
      if (
        before &&
        style.side[punctuationClass(before.text.charAt(before.text.length - 1))] === 'before-punctuation' &&
        group.follows === 'punctuation' &&
        !group.after &&
        !before.abbreviation &&
        !/["”’)]$/.test(before.text)
      ) {
        context.report({
          messageId: 'beforePunctuation',
          data: {marker, where: gap ? `after \`${before.text}\` and ${gap}` : `after \`${before.text}\``, expected: marker + before.text},
          span: group.span,
          ...(before.escapedAtStart
            ? {fixWithheld: `moving \`${marker}\` would put it right after a backslash, which escapes it in Markdown`}
            : {fix: {edits: [{start: before.span.start.offset, end: group.span.end.offset, text: marker + before.text}]}})
        })
        continue
      }
      // A space after a bare URL keeps the marker out of the address, one after `§` stands for its number
      // (`spacingContext`); a marker glued to the word after it annotates that word.
      const spacing = spacingContext(group)
      if (spacing && style.spaced[spacing] === false && group.gap && group.follows !== 'reference' && !group.leadsWord) {
        context.report({
          messageId: 'space',
          data: {marker, gap: gap ?? 'a space', separate: gap === undefined || /^an? /.test(gap) ? 'separates' : 'separate'},
          span: group.span,
          ...(group.escapedAtGap
            ? {fixWithheld: `removing the space would put \`${marker}\` right after a backslash, which escapes it in Markdown`}
            : {fix: {edits: [{start: group.gap.start.offset, end: group.gap.end.offset, text: ''}]}})
        })
      }
    }
  }
}

/** What a gap of spaces, tabs and no-break spaces (U+00A0) holds, for messages: `a space`, `2 spaces`, `a no-break space`, `3 spaces and tabs`. */
function describeGap(gap: string): string {
  const names: Record<string, string> = {' ': 'space', '\t': 'tab', '\u00a0': 'no-break space'}
  const kinds = new Set(gap)
  if (kinds.size === 1) {
    const name = names[gap.charAt(0)] ?? 'space'
    return gap.length === 1 ? `a ${name}` : `${gap.length} ${name}s`
  }
  return `${gap.length} spaces and tabs`
}

/**
 * The placement to check against: a fixed style (no space), or with
 * `consistent` the dominant placement of `groups`. Under `consistent`, no
 * space majority means spaces are reported only when most groups are glued.
 */
function styleOf(style: MarkerPlacementOptions['style'], groups: readonly MarkerGroup[]): DominantPlacement {
  if (style !== 'consistent') {
    return {side: {other: style, colon: style}, spaced: {word: false, stop: false, clause: false, closing: false}}
  }
  return dominantPlacement(groups.map(placementOf))
}

/**
 * A reference glued to a word before `!` or `?` is a gloss of the word
 * (`Har-hèri[146]!`); with `consistent`, so is one before a comma or a
 * semicolon, inside the sentence: its note is on the word or phrase just
 * before (`Vautier[126], three years ago`: the note says who Vautier was;
 * `near Battle-bridge[13]; the second`: where Battle-bridge was), not on
 * the clause. The fixed styles still move a reference after a comma or a
 * semicolon.
 */
function isGloss(group: MarkerGroup, style: MarkerPlacementOptions['style']): boolean {
  const mark = group.after?.text.charAt(0)
  return mark === '!' || mark === '?' || (style === 'consistent' && (mark === ',' || mark === ';'))
}

export default rule
