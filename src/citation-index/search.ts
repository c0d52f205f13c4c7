/**
 * Binary search over items sorted by their start offset, or by any key
 * that ascends along the list.
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

/**
 * The index of the first item of `items` whose `key` is greater than
 * `offset`, where `key` ascends along `items`; `items.length` when there is
 * none. O(log n).
 */
export function firstAfter<T>(items: readonly T[], offset: number, key: (item: T) => number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (key(items[mid]!) > offset) high = mid
    else low = mid + 1
  }
  return low
}
