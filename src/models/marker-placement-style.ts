/**
 * Where a document places its references, read from the marker groups of
 * the prose model: on which side of punctuation (after it, Chicago's
 * `Syria.[1]`, or before it, `Syria[1].`) and whether a space comes first
 * (`Syria. [1]`). `marker-placement` learns a document's dominant placement
 * here and reports only the groups that deviate from it.
 *
 * Evidence: a group glued to a word with punctuation right after it
 * (`Syria[1].`) is placed before punctuation; a group right after
 * punctuation, with no punctuation after it (`Syria.[1]`, `Syria. [1]`), is
 * placed after it. A period of an abbreviation (`U.S.[1]`), punctuation
 * inside a closing quotation mark (`."[1]`) and a group glued to a word
 * before a comma or semicolon (`support[^1],`: a note on that word, which
 * every style allows) fit both styles and are no evidence. Colons and semicolons are counted apart from the other marks
 * (`.,!?…`), because some styles (AMA) put references after periods and
 * commas but before colons and semicolons. When a document has no majority
 * of its own for colons and semicolons, they follow the other marks only in
 * a document that places references before its other marks
 * (`colonFollowing`): in one that places them after, a reference before a colon or semicolon is AMA's
 * placement, not a deviation (`as follows[2]:` among `Syria.[1]`: the side
 * stays `undefined`). Dashes are not punctuation here: a reference before a
 * dash is never misplaced.
 * A group placed nowhere (`MarkerGroup.unplaced`: standing for a list's
 * item, `Bantam Books, 1987, [164]`, or in markup debris, `[80][81]]]`) is
 * no evidence of side or spacing.
 * Spacing: a group after a word or punctuation, not after a bare URL, a
 * section or paragraph sign (`§ [^10]`) or another reference, is spaced or
 * glued. Spacing is learned per context,
 * because writers space by context: after a word, after a sentence end
 * (`.!?…`), after a clause mark (`,;:`), after a closing quotation mark or
 * parenthesis (a legal note writes `purchaser of code, [^2] in` and
 * `"baroque." [^12]` but `pilot.[^1]`, each every time). A context with
 * fewer than `contextEvidence` groups follows the whole document.
 *
 * A side or a spacing is dominant when at least `dominantEvidence` (3)
 * groups show it and at least twice as many as show the other: with 2
 * against 1, or 3 against 2, which one deviates is a guess, and nothing is
 * reported.
 */
import type {MarkerGroup} from './prose.js'

/** A side of punctuation. */
export type PlacementSide = 'after-punctuation' | 'before-punctuation'

/** Punctuation classes counted apart: colons and semicolons, and the rest (`.,!?…`). */
export type PunctuationClass = 'colon' | 'other'

/** What comes right before a group, for spacing: a word, a sentence end, a clause mark, a closing quotation mark or parenthesis. */
export type SpacingContext = 'word' | 'stop' | 'clause' | 'closing'

/** Fewest groups in a spacing context for it to have a spacing of its own. */
export const contextEvidence = 3

/** What one marker group shows of its document's placement. */
export interface GroupPlacement {
  /** Its spacing context (`undefined` with `spaced`). */
  readonly context: SpacingContext | undefined
  /** The side it sits on, when it is evidence of one. */
  readonly side: PlacementSide | undefined
  /** The class of the punctuation that decides its side. */
  readonly punctuation: PunctuationClass | undefined
  /** `true`: a space before it; `false`: glued; `undefined`: no evidence (after a reference or a URL, at a line start). */
  readonly spaced: boolean | undefined
}

/** The dominant placement of a document; `undefined` where no majority exists. */
export interface DominantPlacement {
  readonly side: Readonly<Record<PunctuationClass, PlacementSide | undefined>>
  /** Per spacing context: `true` spaced, `false` glued, `undefined` no majority. */
  readonly spaced: Readonly<Record<SpacingContext, boolean | undefined>>
}

/** The class of a punctuation run: its first mark (`;` of `;"`) for a run after a group, its last for a run before. */
export function punctuationClass(mark: string): PunctuationClass {
  return mark === ':' || mark === ';' ? 'colon' : 'other'
}

/** What `group` shows of the placement (see the module's documentation). */
export function placementOf(group: MarkerGroup): GroupPlacement {
  if (group.unplaced) return {side: undefined, punctuation: undefined, spaced: undefined, context: undefined}
  const context = spacingContext(group)
  const spaced = context === undefined ? undefined : group.gap !== undefined
  if (group.follows === 'text' && group.after) {
    // Before a comma or semicolon it fits both sides: a gloss on the word in a document that
    // places references after punctuation, the rule in one that places them before (no evidence).
    const mark = group.after.text.charAt(0)
    const side = mark === ',' || mark === ';' ? undefined : 'before-punctuation'
    return {side, punctuation: side ? punctuationClass(mark) : undefined, spaced, context}
  }
  const before = group.before
  if (group.follows === 'punctuation' && before && !group.after && !before.abbreviation && !/["”’)]$/.test(before.text)) {
    return {side: 'after-punctuation', punctuation: punctuationClass(before.text.charAt(before.text.length - 1)), spaced, context}
  }
  return {side: undefined, punctuation: undefined, spaced, context}
}

/**
 * The spacing context of `group`; `undefined` after a reference, a bare
 * URL, a section or paragraph sign (`§ [^10]`), an opening mark or at a
 * line start, and for a group that is placed nowhere (`MarkerGroup.unplaced`).
 */
export function spacingContext(group: MarkerGroup): SpacingContext | undefined {
  if (group.afterUrl || group.afterSign || group.unplaced) return undefined
  if (group.follows === 'text') return 'word'
  if (group.follows !== 'punctuation' || !group.before) return undefined
  const last = group.before.text.charAt(group.before.text.length - 1)
  return /["”’)]/.test(last) ? 'closing' : /[,;:]/.test(last) ? 'clause' : 'stop'
}

/**
 * The side of colons and semicolons in a document with no majority of its
 * own there: a document that places references before its other marks
 * places them before colons and semicolons too (no style puts them before a
 * period and after a colon); one that places them after its other marks may
 * follow Chicago (after colons and semicolons too) or AMA (before them), so
 * a reference before a colon or semicolon is a recognised style there, and
 * the side stays open (`undefined`: nothing is reported at colons and
 * semicolons).
 */
function colonFollowing(other: PlacementSide | undefined): PlacementSide | undefined {
  return other === 'before-punctuation' ? other : undefined
}

/** Fewest groups showing a placement for it to be dominant. */
export const dominantEvidence = 3

/** Whether `count` groups showing a placement dominate `others` showing the other: at least `dominantEvidence`, and twice as many. */
function dominates(count: number, others: number): boolean {
  return count >= dominantEvidence && count >= 2 * others
}

/** The dominant placement among `placements` (see `dominates`; else `undefined`). */
export function dominantPlacement(placements: readonly GroupPlacement[]): DominantPlacement {
  const count = {colon: {after: 0, before: 0}, other: {after: 0, before: 0}}
  const spacing = {word: [0, 0], stop: [0, 0], clause: [0, 0], closing: [0, 0]}
  const all = [0, 0]
  for (const placement of placements) {
    if (placement.side && placement.punctuation) {
      count[placement.punctuation][placement.side === 'after-punctuation' ? 'after' : 'before']++
    }
    if (placement.spaced !== undefined && placement.context) {
      const slot = placement.spaced ? 0 : 1
      spacing[placement.context][slot]!++
      all[slot]!++
    }
  }
  const majority = ({after, before}: {after: number; before: number}): PlacementSide | undefined =>
    dominates(after, before) ? 'after-punctuation' : dominates(before, after) ? 'before-punctuation' : undefined
  const spacedMajority = ([spaced = 0, glued = 0]: number[]): boolean | undefined =>
    dominates(spaced, glued) ? true : dominates(glued, spaced) ? false : undefined
  const inContext = (counts: number[]): boolean | undefined =>
    (counts[0] ?? 0) + (counts[1] ?? 0) >= contextEvidence ? spacedMajority(counts) : spacedMajority(all)
  const other = majority(count.other)
  return {
    side: {other, colon: majority(count.colon) ?? colonFollowing(other)},
    spaced: {
      word: inContext(spacing.word),
      stop: inContext(spacing.stop),
      clause: inContext(spacing.clause),
      closing: inContext(spacing.closing)
    }
  }
}
