/**
 * The entry of a lint worker thread: serve the pool's tasks (see
 * `serveTasks` in src/run/lint-task.ts and `LintPool` in src/run/lint-pool.ts). The
 * pool starts it as `new URL('./lint-worker.js', import.meta.url)`, so it
 * must stay a module of its own next to the pool's code (in dist/src, or in
 * a bundle's output folder as an entry point).
 */
import {serveTasks} from './lint-task.js'

serveTasks()
