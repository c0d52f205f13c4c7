/**
 * Labels for lists that number their notes by their order: an encyclopedia
 * copy's reference list of unnumbered lines, `^ Source` (see
 * `conventions/caret-reference-list.ts`), or html2text's numbered caret
 * items, `   1. ^ Source` (`conventions/numbered-caret-lists.ts`). A list
 * does not say which markers it serves, so this is a document-wide
 * decision, made once by the resolver:
 *
 * 1. The references are grouped by how their labels count: numbers (`[12]`),
 *    letters (`[b]`), and one group per note group name (`[nb 3]`, `[Note 3]`).
 *    A group's size is its highest number (`b` is 2) before the first gap of
 *    more than 10 in its numbers, so that a bracketed year (`[1939]`) does
 *    not count. Groups that already have notes of their own (`[12] Source`)
 *    take no list.
 * 2. Largest group first, each group takes the unlabelled list whose length is
 *    nearest its size, within 5 % (rounded down) or 2 notes, whichever is
 *    more (1 for a group of one); on a tie, the first list after the group's
 *    first reference. So a list with an unused note or two still stands, and
 *    the rules report them.
 * 3. A group cited again after the last note of its list restarts its
 *    numbering into a later list (MediaWiki closes a group at each of its
 *    lists): its references since then take the first list left whose
 *    length matches their count (`takeRestarts`).
 * 4. The n-th note of a list gets the group's n-th label (`7`, `g`, `nb 7`).
 *    A list no group takes is dropped: nothing shows which markers it serves
 *    (a table's notes whose markers the copy flattened into the text).
 *
 * Linear in the number of references and notes: each step walks them, or
 * the lists, once per group, and there are at most seven groups (numbers,
 * letters and the five group names of `note-groups.ts`).
 */
import type {MarkerStyle, MarkerSyntax} from './types.js'

/** What this step reads of a reference or a note the resolver kept (its `Resolved`). */
export interface Listed {
  readonly label: string
  readonly style: MarkerStyle
  readonly syntax: MarkerSyntax
  readonly start: number
  /** Notes: the list it belongs to, when the list numbers its notes by their order. */
  readonly list?: number
}

/** A group of references that count alike, with its size and first position. */
interface Group {
  /** `''` for numbers, `letter` for letters, else the group name as first written (`nb`, `Note`). */
  readonly name: string
  readonly numbers: Set<number>
  readonly first: number
  size: number
}

/** The largest gap between two numbers of a group that still counts them as one run. */
const maxGap = 10

/** The highest of `numbers` before the first gap wider than `maxGap` (counting from 0). */
function sizeOf(numbers: ReadonlySet<number>): number {
  let size = 0
  for (const n of [...numbers].sort((a, b) => a - b)) {
    if (n - size > maxGap) break
    size = n
  }
  return size
}

const groupLabel = /^(\S+)[ _](\d{1,3})$/
const lowerLetter = /^[a-z]$/

/** The group and number a bracket reference's label counts in, if any. */
function countOf(ref: Listed): {name: string; number: number} | undefined {
  if (ref.syntax !== 'bracket') return undefined
  if (ref.style === 'arabic') return {name: '', number: Number.parseInt(ref.label, 10)}
  if (ref.style === 'letter' && lowerLetter.test(ref.label)) return {name: 'letter', number: ref.label.charCodeAt(0) - 96}
  if (ref.style !== 'group') return undefined
  const match = groupLabel.exec(ref.label)
  return match ? {name: match[1]!, number: Number.parseInt(match[2]!, 10)} : undefined
}

/** The key a group is known by: its name case-folded (`Note` and `note` are one group). */
function keyOfGroup(name: string): string {
  return name.toLowerCase()
}

/** How far a list's length may be from a group's size: 5 % (rounded down) or 2 notes, whichever is more; 1 for a group of one. */
function toleranceOf(size: number): number {
  return Math.max(Math.min(2, size), Math.floor(size * 0.05))
}

/**
 * The size of a group's numbers as they come (see {@link sizeOf}), kept up
 * to date in amortised constant time per number added.
 */
class RunningSize {
  private readonly present = new Set<number>()
  size = 0
  add(n: number): void {
    this.present.add(n)
    if (n <= this.size || n - this.size > maxGap) return
    for (let probe = this.size + 1; probe - this.size <= maxGap; probe++) if (this.present.has(probe)) this.size = probe
  }
}

/**
 * Lists taken by groups whose numbering restarts: MediaWiki closes a group
 * at each of its lists, so a group cited again after its list (`[n 1]`,
 * `[n 2]` under a second table, after `[n 1]` to `[n 3]` and their list)
 * numbers from 1 again into a later list. Walking the lists in document
 * order after the last one a group took, the group's references since then
 * take the first list that no group took and whose length matches their
 * count (as in {@link labelNoteLists}); references inside a list taken
 * are not counted. Adds to `taken`. Linear in references and lists per group.
 */
function takeRestarts<T extends Listed>(refs: readonly T[], lists: ReadonlyMap<number, T[]>, groups: ReadonlyMap<string, Group>, taken: Map<number, Group>): void {
  const starts = [...lists.keys()].sort((a, b) => a - b)
  const lastNote = (start: number): number => lists.get(start)!.at(-1)!.start
  for (const group of new Set(taken.values())) {
    const own = refs.filter((ref) => {
      const count = countOf(ref)
      return count !== undefined && groups.get(keyOfGroup(count.name)) === group
    })
    let last = -1
    for (const [start, owner] of taken) if (owner === group) last = Math.max(last, lastNote(start))
    let next = own.findIndex((ref) => ref.start > last)
    if (next < 0) continue
    let segment = new RunningSize()
    let cited = false
    for (const start of starts) {
      if (start <= last) continue
      for (; next < own.length && own[next]!.start < start; next++) {
        segment.add(countOf(own[next]!)!.number)
        cited = true
      }
      if (next >= own.length && !cited) break
      if (!cited || taken.has(start)) continue
      if (Math.abs(lists.get(start)!.length - segment.size) > toleranceOf(segment.size)) continue
      taken.set(start, group)
      last = lastNote(start)
      while (next < own.length && own[next]!.start <= last) next++
      segment = new RunningSize()
      cited = false
    }
  }
}

/** The label of the `n`-th note (1-based) of `group`, and its style; `undefined` past `z` for letters. */
function labelFor(group: Group, n: number): Pick<Listed, 'label' | 'style'> | undefined {
  if (group.name === '') return {label: String(n), style: 'arabic'}
  if (group.name === 'letter') return n <= 26 ? {label: String.fromCharCode(96 + n), style: 'letter'} : undefined
  return {label: `${group.name} ${n}`, style: 'group'}
}

/**
 * Label the notes of order-numbered lists in `found` (references and notes
 * in document order, as `decide` returns them), dropping lists no group of
 * references takes. Returns `found` itself when it has no such list.
 */
export function labelNoteLists<T extends Listed>(found: {refs: T[]; notes: T[]}): {refs: T[]; notes: T[]} {
  const lists = new Map<number, T[]>()
  for (const note of found.notes) {
    if (note.list === undefined) continue
    const list = lists.get(note.list)
    if (list) list.push(note)
    else lists.set(note.list, [note])
  }
  if (lists.size === 0) return found

  const groups = new Map<string, Group>()
  for (const ref of found.refs) {
    const count = countOf(ref)
    if (!count) continue
    const key = keyOfGroup(count.name)
    const group = groups.get(key)
    if (group) group.numbers.add(count.number)
    else groups.set(key, {name: count.name, numbers: new Set([count.number]), first: ref.start, size: 0})
  }
  for (const group of groups.values()) group.size = sizeOf(group.numbers)
  const numbered = new Set<string>()
  for (const note of found.notes) {
    if (note.list !== undefined) continue
    const count = countOf(note)
    if (count) numbered.add(keyOfGroup(count.name))
  }

  const taken = new Map<number, Group>()
  const order = [...groups.entries()].filter(([key]) => !numbered.has(key)).map(([, group]) => group)
  order.sort((a, b) => b.size - a.size || a.first - b.first)
  for (const group of order) {
    const tolerance = toleranceOf(group.size)
    let best: number | undefined
    let bestScore = Number.POSITIVE_INFINITY
    for (const [start, list] of lists) {
      if (taken.has(start)) continue
      const distance = Math.abs(list.length - group.size)
      if (distance > tolerance) continue
      // Nearest length first; then a list after the group's first reference, earliest first.
      const score = distance * 2 + (start > group.first ? 0 : 1)
      if (score < bestScore) {
        best = start
        bestScore = score
      }
    }
    if (best !== undefined) taken.set(best, group)
  }
  takeRestarts(found.refs, lists, groups, taken)

  const notes: T[] = []
  const position = new Map<number, number>()
  for (const note of found.notes) {
    if (note.list === undefined) {
      notes.push(note)
      continue
    }
    const group = taken.get(note.list)
    if (!group) continue
    const n = (position.get(note.list) ?? 0) + 1
    position.set(note.list, n)
    const label = labelFor(group, n)
    if (label) notes.push({...note, ...label} as T)
  }
  return {refs: found.refs, notes}
}
