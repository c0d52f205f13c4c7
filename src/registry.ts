/**
 * The rules citelint ships, keyed by rule id. A test checks that this list
 * equals the files of `rules/`, and that each id equals its file name.
 */
import type {AnyRule} from './rule.js'
import brokenMarker from '../rules/broken-marker.js'
import duplicateNote from '../rules/duplicate-note.js'
import emptySource from '../rules/empty-source.js'
import noteOrder from '../rules/note-order.js'
import undefinedReference from '../rules/undefined-reference.js'
import unusedNote from '../rules/unused-note.js'

/** Every rule, in alphabetical order of id. */
export const rules: readonly AnyRule[] = Object.freeze([
  brokenMarker,
  duplicateNote,
  emptySource,
  noteOrder,
  undefinedReference,
  unusedNote
])

/** Rules by id. */
export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.meta.id, rule]))
