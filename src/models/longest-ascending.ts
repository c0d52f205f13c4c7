/**
 * The longest ascending run of a sequence of numbers (not necessarily
 * contiguous), for `note-order`: which first citations stand in order.
 */

/**
 * The indexes of one longest non-decreasing subsequence of `numbers`,
 * preferring, among runs of that length, the one that keeps every number
 * not below the highest before it (the greedy run) when it is one of them.
 * O(n log n).
 */
export function longestAscending(numbers: readonly number[]): Set<number> {
  const greedy = new Set<number>()
  let highest = Number.NEGATIVE_INFINITY
  for (const [i, value] of numbers.entries()) {
    if (value >= highest) {
      greedy.add(i)
      highest = value
    }
  }
  // Patience sorting: tails[k] is the index ending the best run of length k + 1.
  const tails: number[] = []
  const previous: number[] = numbers.map(() => -1)
  for (const [i, value] of numbers.entries()) {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (numbers[tails[mid]!]! <= value) low = mid + 1
      else high = mid
    }
    if (low > 0) previous[i] = tails[low - 1]!
    tails[low] = i
  }
  if (greedy.size >= tails.length) return greedy
  const run = new Set<number>()
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) run.add(i)
  return run
}
