// Builds the example against a fresh emulator (`next build`, the same build a deployment runs), serves
// it with Next's own request handler on a free port, and hands both addresses to the test files. What the
// emulator says, and how long the build took, go to a log that a test file prints only when it fails.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { format } from 'node:util'
import { startEmulatorServer } from '@otpkit/emulator/server'
import {
  createServerLog,
  type ServerLog,
  type ServerLogHandle,
} from '../../../packages/tooling/testing/serverLog'
import next from 'next'
import type { TestProject } from 'vitest/node'
import { nextBuild } from './nextBuild'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built example under Next's server, e.g. `http://127.0.0.1:41234`. */
    appOrigin: string
    /** The emulator the example was built against. */
    apiOrigin: string
    /** The example's `next build` output, for the build test. */
    buildLog: string
    /** Where the servers' output goes (printServerLogOnFailure). */
    serverLog: ServerLogHandle
  }
}

const dir = join(import.meta.dirname, '..')

/** Next's server says what it does as it starts ("Running next.config.ts took 71 ms"), on the console of
 * this process: into the servers' log instead, while it starts. */
async function intoLog<T>(log: ServerLog, work: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error }
  const write = (...args: unknown[]) => log.line(format(...args))
  Object.assign(console, { log: write, info: write, warn: write, error: write })
  try {
    return await work()
  } finally {
    Object.assign(console, saved)
  }
}
const distDir = '.next-e2e'

export default async function setup(project: TestProject) {
  const log = createServerLog()
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', log: log.line })
  const apiOrigin = new URL(emulator.url).origin
  // Process variables win over .env files, so a developer's .env.local with real keys cannot leak in.
  const env = {
    OTPKIT_NEXT_DIST_DIR: distDir,
    NEXT_PUBLIC_STYTCH_PUBLIC_TOKEN: '',
    NEXT_PUBLIC_STYTCH_BASE_URL: apiOrigin,
    STYTCH_PROJECT_ID: '',
    STYTCH_SECRET: '',
    STYTCH_BASE_URL: apiOrigin,
    NEXT_TELEMETRY_DISABLED: '1',
  }
  const cleanUp = () => rmSync(join(dir, distDir), { recursive: true, force: true })
  try {
    const build = nextBuild(dir, env)
    if (build.status !== 0) throw new Error(`next build of examples/nextjs failed:\n${build.log}`)
    log.line(`examples/nextjs: next build took ${build.seconds.toFixed(1)} s`)
    Object.assign(process.env, env)
    const app = next({ dir, dev: false, hostname: '127.0.0.1', port: 0 })
    await intoLog(log, () => app.prepare())
    const handle = app.getRequestHandler()
    const server = createServer((request, response) => void handle(request, response))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    project.provide('appOrigin', `http://127.0.0.1:${port}`)
    project.provide('apiOrigin', apiOrigin)
    project.provide('buildLog', build.log)
    project.provide('serverLog', log.handle())
    return async () => {
      await new Promise((resolve) => server.close(resolve))
      await app.close()
      await emulator.close()
      cleanUp()
      log.remove()
    }
  } catch (error) {
    await emulator.close()
    cleanUp()
    log.remove()
    throw error
  }
}
