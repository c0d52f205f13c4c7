/**
 * Progress of a long summary run on standard error, for a terminal only:
 * `citelint summary: 120/4000 files` rewritten in place, shown once the run
 * has taken `delay` ms (short runs print nothing), at most every `interval`
 * ms, and erased at the end.
 */
export interface ProgressOptions {
  /** Write to standard error. */
  readonly write: (text: string) => void
  /** Whether standard error is a terminal; nothing is written otherwise. */
  readonly isTTY: boolean
  /** Milliseconds before the first line (default 500). */
  readonly delay?: number
  /** Fewest milliseconds between two lines (default 100). */
  readonly interval?: number
  /** The clock (tests pass their own). */
  readonly now?: () => number
}

/** Reports progress; `update` for each file, `done` at the end. */
export class Progress {
  readonly #options: ProgressOptions
  readonly #now: () => number
  readonly #start: number
  #last = -Infinity
  #shown = false

  constructor(options: ProgressOptions) {
    this.#options = options
    this.#now = options.now ?? Date.now
    this.#start = this.#now()
  }

  /** `done` of `total` files are finished. */
  update(done: number, total: number): void {
    if (!this.#options.isTTY || done >= total) return
    const now = this.#now()
    if (now - this.#start < (this.#options.delay ?? 500) || now - this.#last < (this.#options.interval ?? 100)) return
    this.#last = now
    this.#shown = true
    this.#options.write(`\r\u001b[Kcitelint summary: ${done}/${total} files`)
  }

  /** Erase the progress line, if one was shown. */
  done(): void {
    if (this.#shown) this.#options.write('\r\u001b[K')
    this.#shown = false
  }
}
