/**
 * A lint worker for test/pool.test.ts that fails on purpose: a file whose
 * name holds `boom` throws as a failing rule would, one whose name holds
 * `crash` stops the worker thread; every other file is linted as by the
 * real worker (src/run/lint-worker.ts).
 */
import {InternalError} from '../src/engine/engine.js'
import {lintResolved, runTask, serveTasks} from '../src/run/lint-task.js'

serveTasks((task, run, resolved) =>
  runTask(task, run, resolved, (input, rules, options) => {
    if (input.filePath.includes('boom')) throw new InternalError('Rule `undefined-reference` failed: injected failure')
    if (input.filePath.includes('crash')) process.exit(3)
    return lintResolved(input, rules, options)
  })
)
