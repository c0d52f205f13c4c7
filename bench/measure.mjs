/**
 * Run one command and measure it: wall time (from spawn to exit), CPU time
 * (user + system, all threads and child processes) and peak memory (maximum
 * resident set size of the largest process).
 *
 * Method: GNU time (`/usr/bin/time -f '%e %U %S %M'`), which reads the
 * kernel's rusage of the waited-for child tree, so nothing is sampled and
 * short-lived peaks are not missed. Without GNU time, the fallback polls
 * `/proc/PID/status` (`VmHWM`, the kernel's own high-water mark) of the
 * process and its descendants every 10 ms, and CPU time is not reported.
 */
import {spawn, spawnSync} from 'node:child_process'
import {closeSync, existsSync, openSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

const gnuTime = '/usr/bin/time'
let method

/** `gnu-time` or `proc-poll`. */
export function measureMethod() {
  if (method) return method
  const probe = existsSync(gnuTime) ? spawnSync(gnuTime, ['-f', '%M', 'true'], {encoding: 'utf8'}) : undefined
  method = probe && probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? 'gnu-time' : 'proc-poll'
  return method
}

/**
 * Run `command args` in `cwd`, stdout and stderr to the files `out` and
 * `err` (or discarded). Resolves to `{wallMs, cpuMs, rssMB, code}`.
 */
export async function measure(command, args, {cwd, out, err, env} = {}) {
  const stdout = out ? openSync(out, 'w') : 'ignore'
  const stderr = err ? openSync(err, 'w') : 'ignore'
  try {
    if (measureMethod() === 'gnu-time') {
      const report = path.join(path.dirname(out ?? err ?? '/tmp/x'), `.time-${process.pid}`)
      const started = process.hrtime.bigint()
      const code = await exit(spawn(gnuTime, ['-f', '%e %U %S %M', '-o', report, command, ...args], {cwd, env, stdio: ['ignore', stdout, stderr]}))
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6
      const line = readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? ''
      const [, user, system, rssKB] = line.split(' ').map(Number)
      return {wallMs, cpuMs: (user + system) * 1000, rssMB: rssKB / 1024, code}
    }
    const started = process.hrtime.bigint()
    const child = spawn(command, args, {cwd, env, stdio: ['ignore', stdout, stderr]})
    let peakKB = 0
    const poll = () => {
      for (const pid of tree(child.pid)) {
        try {
          const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
          if (match) peakKB = Math.max(peakKB, Number(match[1]))
        } catch {
          // The process ended between listing and reading.
        }
      }
    }
    const timer = setInterval(poll, 10)
    const code = await exit(child, poll)
    clearInterval(timer)
    return {wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: NaN, rssMB: peakKB / 1024, code}
  } finally {
    if (typeof stdout === 'number') closeSync(stdout)
    if (typeof stderr === 'number') closeSync(stderr)
  }
}

function exit(child, beforeReap) {
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    // 'exit' fires after the process is reaped; a last poll can only help
    // when the child left descendants running.
    child.on('exit', (code, signal) => {
      beforeReap?.()
      resolve(code ?? (signal ? 128 : 1))
    })
  })
}

/** `pid` and its descendants, from /proc/PID/task/TID/children. */
function tree(pid) {
  const out = []
  const stack = [pid]
  while (stack.length > 0) {
    const current = stack.pop()
    out.push(current)
    let tasks = []
    try {
      tasks = readdirSync(`/proc/${current}/task`)
    } catch {
      continue
    }
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').split(' ')) {
          if (child.trim()) stack.push(Number(child))
        }
      } catch {
        // Gone.
      }
    }
  }
  return out
}

/** Median of numbers (mean of the middle two for an even count). */
export function median(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
