/**
 * Spans from offsets, the one way every layer (citation index, note model,
 * prose model) turns UTF-16 offsets into positions: vfile-location, 1-based
 * lines and columns, end exclusive, frozen.
 */
import {location} from 'vfile-location'
import type {Span} from './types.js'

/** A function giving the frozen span from `start` to `end` (offsets into `source`). */
export function spanMaker(source: string): (start: number, end: number) => Span {
  const place = location(source)
  return (start, end) => {
    const a = place.toPoint(start)
    const b = place.toPoint(end)
    return Object.freeze({
      start: Object.freeze({line: a?.line ?? 1, column: a?.column ?? 1, offset: start}),
      end: Object.freeze({line: b?.line ?? 1, column: b?.column ?? 1, offset: end})
    })
  }
}
