/**
 * Binary search over items sorted by their start offset.
 */

/**
 * The index of the last item of `items` (sorted by `start`, ascending) whose
 * `start` is at most `offset`; -1 when there is none. O(log n).
 */
export function lastStartingBy(items: ReadonlyArray<{readonly start: number}>, offset: number): number {
  let low = 0
  let high = items.length - 1
  let best = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (items[mid]!.start <= offset) {
      best = mid
      low = mid + 1
    } else high = mid - 1
  }
  return best
}
