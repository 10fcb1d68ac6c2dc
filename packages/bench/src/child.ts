// Some measurements run in a fresh Node process: the vendor client starts timers that never stop, and
// a new process carries no state over from another SDK or an earlier measurement.
import { execFile, fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { packageDir } from './paths'

/** Prefixes the JSON line a worker prints, so that whatever the SDKs log around it does no harm. */
const resultMarker = 'BENCH-RESULT '

export function printResult(value: unknown): void {
  process.stdout.write(`\n${resultMarker}${JSON.stringify(value)}\n`)
}

export const workerFile = join(packageDir, 'dist', 'worker.mjs')

// React and the vendor SDK pick their production builds from NODE_ENV, as an app's bundler would.
const env = { ...process.env, NODE_ENV: 'production' }

/** Runs `task` in dist/worker.mjs (compiled by scripts/build.mjs) and returns what it printed. */
export function runInChild<T>(task: string, args: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const options = { maxBuffer: 64 * 1024 * 1024, env }
    execFile(process.execPath, [workerFile, task, ...args], options, (error, stdout, stderr) => {
      const line = stdout.split('\n').find((text) => text.startsWith(resultMarker))
      if (line === undefined) {
        // The first line that names an error says more than a stack trace.
        const lines = stderr.split('\n').map((text) => text.trim())
        const cause = lines.find((text) => /^\w*Error\b/.test(text)) ?? lines.findLast((text) => text !== '')
        reject(
          new Error(`${task} ${args.join(' ')}: ${cause ?? error?.message ?? 'no result printed'}`.trim()),
        )
        return
      }
      resolve(JSON.parse(line.slice(resultMarker.length)) as T)
    })
  })
}

/** Starts `task` in dist/worker.mjs with an IPC channel, for workers that talk while they run. */
export function forkWorker(task: string, args: string[] = []): ChildProcess {
  return fork(workerFile, [task, ...args], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
}
