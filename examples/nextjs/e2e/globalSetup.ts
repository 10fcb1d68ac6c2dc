// Builds the example against a fresh emulator (`next build`, the same build a deployment runs), serves
// it with Next's own request handler on a free port, and hands both addresses to the test files.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulatorServer } from '@otpkit/emulator/server'
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
    buildSeconds: number
  }
}

const dir = join(import.meta.dirname, '..')
const distDir = '.next-e2e'

export default async function setup(project: TestProject) {
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1' })
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
    console.log(`examples/nextjs: next build took ${build.seconds.toFixed(1)} s`)
    Object.assign(process.env, env)
    const app = next({ dir, dev: false, hostname: '127.0.0.1', port: 0 })
    await app.prepare()
    const handle = app.getRequestHandler()
    const server = createServer((request, response) => void handle(request, response))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    project.provide('appOrigin', `http://127.0.0.1:${port}`)
    project.provide('apiOrigin', apiOrigin)
    project.provide('buildLog', build.log)
    project.provide('buildSeconds', build.seconds)
    return async () => {
      await new Promise((resolve) => server.close(resolve))
      await app.close()
      await emulator.close()
      cleanUp()
    }
  } catch (error) {
    await emulator.close()
    cleanUp()
    throw error
  }
}
