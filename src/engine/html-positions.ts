/**
 * The one place where findings on an HTML page's virtual text (see
 * `src/readers/html.ts`) are moved to the HTML source: every message, its
 * cause and its related places get source lines and columns (1-based;
 * columns in UTF-16 code units of the decoded source, via vfile-location),
 * before suppression and reporting. Fixes are dropped: citelint offers no
 * fix for HTML.
 */
import type {Root} from 'mdast'
import type {Point, Position} from 'unist'
import {location} from 'vfile-location'
import type {HtmlPage} from '../readers/html.js'
import type {CitelintMessage} from './rule.js'

/** Offsets of the virtual text to points of the HTML source. */
export interface SourceMapper {
  /** The source point of a virtual start offset. */
  start(offset: number): Point
  /** The source point of a virtual end offset (exclusive). */
  end(offset: number): Point
}

/** A mapper from `page`'s virtual offsets to points of `source` (the page's HTML). */
export function sourceMapper(page: HtmlPage, source: string): SourceMapper {
  const place = location(source)
  const {sourceOf, endOf} = page
  const last = sourceOf.length - 1
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, source.length))
    return place.toPoint(clamped) ?? {line: 1, column: 1, offset: 0}
  }
  return {
    start: (offset) => point(last < 0 ? 0 : sourceOf[Math.max(0, Math.min(offset, last))]!),
    end: (offset) => {
      const known = endOf.get(offset)
      if (known !== undefined) return point(known)
      if (last < 0 || offset <= 0) return point(0)
      return point(sourceOf[Math.min(offset - 1, last)]! + 1)
    }
  }
}

/** Move a place (a point or a position) of the virtual text to the source. */
function mapPlace(place: Point | Position | undefined, mapper: SourceMapper): Point | Position | undefined {
  if (!place) return place
  if ('start' in place) {
    const start = mapper.start(place.start.offset ?? 0)
    const end = place.end.offset === undefined ? start : mapper.end(place.end.offset)
    return {start, end: end.offset! < start.offset! ? start : end}
  }
  return mapper.start(place.offset ?? 0)
}

/**
 * Move `messages` (made on the virtual text) to the HTML source, in place:
 * `place`, `line`, `column`, the cause's and the related places. Drops fixes.
 */
export function mapMessagesToSource(messages: readonly CitelintMessage[], mapper: SourceMapper): void {
  for (const message of messages) {
    const moved = mapPlace(message.place ?? undefined, mapper)
    message.place = moved
    const start = moved && 'start' in moved ? moved.start : moved
    message.line = start?.line
    message.column = start?.column
    delete message.fix
    const cause = message.cause as CitelintMessage | undefined
    if (cause && typeof cause === 'object' && 'place' in cause) {
      cause.place = mapPlace(cause.place ?? undefined, mapper)
      const causeStart = cause.place && 'start' in cause.place ? cause.place.start : cause.place
      cause.line = causeStart?.line
      cause.column = causeStart?.column
    }
    if (message.related) {
      message.related = message.related.map((related) => ({...related, place: mapPlace(related.place, mapper) as typeof related.place}))
    }
  }
}

/**
 * The page's suppression comments as an mdast root of `html` nodes with
 * source positions, which is what `applySuppressions` reads (the same
 * `<!-- citelint-disable-next-line rule -->` comments as in Markdown).
 */
export function commentTree(page: HtmlPage, source: string): Root {
  const place = location(source)
  const children: Root['children'] = []
  for (const comment of page.comments) {
    const start = place.toPoint(comment.start)
    const end = place.toPoint(comment.end)
    if (start && end) children.push({type: 'html', value: comment.value, position: {start, end}})
  }
  return {type: 'root', children}
}
