/**
 * How markers match: the identifier of a label and the key a reference and
 * a note match by.
 */
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import type {MarkerStyle, MarkerSyntax} from './types.js'

/** What identifies a marker: its label, style and syntax. */
export interface Labelled {
  readonly label: string
  readonly style: MarkerStyle
  readonly syntax: MarkerSyntax
}

/**
 * The identifier a marker matches by. A GFM label is normalised as micromark
 * normalises it (CommonMark/GFM label matching: whitespace collapsed, case
 * folded). Other labels are only case-folded: `[ 3]` is a malformed marker,
 * not note 3. A malformed GFM call (`[^ 2]`) keeps its raw label, so it never
 * matches: the GFM parser does not resolve it either.
 */
export function identifierOf(item: Labelled): string {
  if (item.syntax === 'gfm' && item.style === 'caret') return normalizeIdentifier(item.label)
  if (item.style === 'group') return groupIdentifier(item.label)
  return item.style === 'malformed' ? ` ${item.label}` : item.label.toLowerCase()
}

/** A note group's label case-folded, its name and number joined by one space (`[n_1]` is `[n 1]`, as text copies write it). */
function groupIdentifier(label: string): string {
  const lower = label.toLowerCase()
  const cut = Math.max(lower.lastIndexOf(' '), lower.lastIndexOf('_'))
  return cut < 0 ? lower : `${lower.slice(0, cut).trimEnd()} ${lower.slice(cut + 1)}`
}

/** `syntax:identifier`: a reference and a note match when their keys are equal. */
export function keyOf(item: Labelled): string {
  return `${item.syntax}:${identifierOf(item)}`
}
