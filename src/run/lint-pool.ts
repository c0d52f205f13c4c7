/**
 * A pool of lint worker threads (`node:worker_threads`), the main side.
 * Each worker runs src/run/lint-worker.ts; tasks and outcomes are the shapes of
 * src/run/lint-task.ts.
 *
 * Why plain `worker_threads` rather than piscina or tinypool: both start
 * their own worker script from their package folder and import the task
 * module by file name, which a bundle with all entry points in one folder
 * has to work around; both queue tasks and hand back results in completion
 * order, while citelint needs input order and a bounded look-ahead, which
 * `lintFiles` keeps itself; and what remains (start N workers, keep two tasks
 * in flight on each, turn a crashed worker into failures of its tasks) is
 * about a hundred lines.
 */
import {Worker} from 'node:worker_threads'
import type {LintRunOptions, LintTask, OutcomeMessage, ReadyMessage, TaskMessage, WireOutcome} from './lint-task.js'

/** Options of `LintPool`. */
export interface LintPoolOptions {
  /** Number of worker threads, at least 1. */
  readonly size: number
  /** What every task of the run shares (each worker's `workerData`). */
  readonly run: LintRunOptions
  /** The worker entry (default: `lint-worker.js` beside this module); tests pass one that fails on purpose. */
  readonly workerUrl?: URL
}

/** A task could not be posted to a worker (its data cannot be cloned): lint it in the main thread instead. */
export class TaskNotSent extends Error {
  override name = 'TaskNotSent'
}

/** A failure reported by a worker, or a worker that stopped with the task in flight. */
export class WorkerTaskError extends Error {
  override name = 'WorkerTaskError'
  /**
   * `stack` is the worker's stack of the original error, when there is one;
   * `thrown` the original error's `name` (`NestingTooDeep`, `RangeError`, ...),
   * or for a worker that stopped, the code of its error
   * (`ERR_WORKER_OUT_OF_MEMORY`: it reached its heap limit).
   */
  constructor(
    message: string,
    stack?: string,
    readonly thrown?: string
  ) {
    super(message)
    if (stack) this.stack = stack
  }
}

interface Pending {
  readonly id: number
  readonly task: LintTask
  readonly resolve: (outcome: WireOutcome & {ok: true}) => void
  readonly reject: (error: Error) => void
}

interface Slot {
  readonly worker: Worker
  readonly inFlight: Map<number, Pending>
  /** Whether it said it is ready (a worker failing before that failed to start). */
  ready: boolean
  stopped: boolean
}

/** Tasks kept in flight per worker, so a worker finds its next task waiting when it finishes one. */
const perWorker = 2

/**
 * Lint tasks on worker threads. `lint` resolves in completion order; the
 * caller restores input order. Close it with `close` (the workers are
 * unreferenced while idle, so a pool left open does not keep the process
 * alive).
 */
export class LintPool {
  readonly #options: LintPoolOptions
  readonly #slots: Slot[] = []
  readonly #queue: Pending[] = []
  #nextId = 0
  #closed = false
  /** Why the last worker that failed to start did, for the tasks left when none is left. */
  #startFailure = 'lint worker failed to start'

  constructor(options: LintPoolOptions) {
    this.#options = options
    for (let i = 0; i < Math.max(1, options.size); i++) this.#slots.push(this.#start())
  }

  /**
   * Lint `task` on a worker.
   *
   * @returns the outcome (`ok: true`).
   * @throws WorkerTaskError when citelint failed on the file in the worker or
   *   the worker stopped with the task in flight; TaskNotSent when the task
   *   cannot be posted.
   */
  lint(task: LintTask): Promise<WireOutcome & {ok: true}> {
    if (this.#closed) return Promise.reject(new Error('the lint pool is closed'))
    return new Promise((resolve, reject) => {
      this.#queue.push({id: this.#nextId++, task, resolve, reject})
      this.#dispatch()
    })
  }

  /** Stop every worker; tasks still pending are rejected. */
  async close(): Promise<void> {
    this.#closed = true
    const stopping = this.#slots.map((slot) => {
      slot.stopped = true
      return slot.worker.terminate()
    })
    for (const pending of this.#queue.splice(0)) pending.reject(new Error('the lint pool was closed'))
    await Promise.all(stopping)
  }

  #start(): Slot {
    const url = this.#options.workerUrl ?? new URL('./lint-worker.js', import.meta.url)
    const worker = new Worker(url, {workerData: this.#options.run})
    const slot: Slot = {worker, inFlight: new Map(), ready: false, stopped: false}
    worker.unref()
    worker.on('message', (message: OutcomeMessage | ReadyMessage) => {
      if ('ready' in message) {
        slot.ready = true
        return
      }
      const pending = slot.inFlight.get(message.id)
      if (!pending) return
      slot.inFlight.delete(message.id)
      const {outcome} = message
      if (outcome.ok) pending.resolve(outcome)
      else pending.reject(new WorkerTaskError(outcome.message, outcome.stack, outcome.name))
      this.#dispatch()
    })
    const stop = (reason: string, code?: string): void => {
      if (slot.stopped) return
      slot.stopped = true
      void worker.terminate()
      const index = this.#slots.indexOf(slot)
      // A worker takes its tasks in the order posted: the first in flight is
      // the one it was on, and the file to blame; the others go back to the
      // queue. A worker that never started fails all of its tasks.
      const [current, ...waiting] = slot.inFlight.values()
      slot.inFlight.clear()
      const why = slot.ready ? `lint worker stopped: ${reason}` : `lint worker failed to start: ${reason}`
      current?.reject(new WorkerTaskError(why, undefined, code))
      if (slot.ready) this.#queue.unshift(...waiting)
      else for (const pending of waiting) pending.reject(new WorkerTaskError(why))
      if (this.#closed || index < 0) return
      // A crash on a file costs that file; a worker that cannot start is not started again.
      if (slot.ready) this.#slots[index] = this.#start()
      else {
        this.#slots.splice(index, 1)
        this.#startFailure = why
      }
      this.#dispatch()
    }
    // `ERR_WORKER_OUT_OF_MEMORY` (the worker reached its heap limit) is kept as the error's `thrown`.
    worker.on('error', (error: NodeJS.ErrnoException) => stop(error instanceof Error ? error.message : String(error), error?.code))
    worker.on('messageerror', (error) => stop(`cannot read its message (${error.message})`))
    worker.on('exit', (code) => stop(`exit code ${code}`))
    return slot
  }

  /** Hand queued tasks to the least busy workers, at most `perWorker` each. */
  #dispatch(): void {
    while (this.#queue.length > 0) {
      let best: Slot | undefined
      for (const slot of this.#slots) {
        if (!slot.stopped && slot.inFlight.size < perWorker && (!best || slot.inFlight.size < best.inFlight.size)) best = slot
      }
      if (!best) {
        if (this.#slots.length === 0) {
          for (const pending of this.#queue.splice(0)) pending.reject(new WorkerTaskError(this.#startFailure))
        }
        break
      }
      const pending = this.#queue.shift()!
      const message: TaskMessage = {id: pending.id, task: pending.task}
      try {
        best.worker.postMessage(message)
      } catch (error) {
        pending.reject(new TaskNotSent(error instanceof Error ? error.message : String(error)))
        continue
      }
      best.inFlight.set(pending.id, pending)
      best.worker.ref()
    }
    for (const slot of this.#slots) if (slot.inFlight.size === 0) slot.worker.unref()
  }
}
