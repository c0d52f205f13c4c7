/**
 * The rules citelint ships, keyed by rule id. A test checks that this list
 * equals the files of `rules/`, and that each id equals its file name.
 */
import type {AnyRule} from './rule.js'
import brokenMarker from '../../rules/broken-marker.js'
import duplicateNote from '../../rules/duplicate-note.js'
import duplicateSource from '../../rules/duplicate-source.js'
import emptySource from '../../rules/empty-source.js'
import futureSource from '../../rules/future-source.js'
import ibidWithoutAntecedent from '../../rules/ibid-without-antecedent.js'
import invalidDate from '../../rules/invalid-date.js'
import markerPlacement from '../../rules/marker-placement.js'
import noteOrder from '../../rules/note-order.js'
import uncitedQuote from '../../rules/uncited-quote.js'
import undefinedReference from '../../rules/undefined-reference.js'
import unusedNote from '../../rules/unused-note.js'
import urlOnlySource from '../../rules/url-only-source.js'

/** Every rule, in alphabetical order of id. */
export const rules: readonly AnyRule[] = Object.freeze([
  brokenMarker,
  duplicateNote,
  duplicateSource,
  emptySource,
  futureSource,
  ibidWithoutAntecedent,
  invalidDate,
  markerPlacement,
  noteOrder,
  uncitedQuote,
  undefinedReference,
  unusedNote,
  urlOnlySource
])

/** Rules by id. */
export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.meta.id, rule]))
