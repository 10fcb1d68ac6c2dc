// Builds the example app against a fresh emulator, serves it with `vite preview` (which adds the strict CSP),
// and hands both addresses to the test files. Everything is stopped and removed after the run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulatorServer } from '@otpkit/emulator/server'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app under `vite preview`, e.g. `http://127.0.0.1:41234`. */
    appOrigin: string
    /** The emulator the app was built against. */
    apiOrigin: string
  }
}

const root = join(import.meta.dirname, '..')
const configFile = join(root, 'vite.config.ts')

export default async function setup(project: TestProject) {
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1' })
  const outDir = mkdtempSync(join(tmpdir(), 'otpkit-example-'))
  try {
    const apiOrigin = new URL(emulator.url).origin
    // Process variables win over .env files, so a developer's .env.local with a real token cannot leak in.
    process.env.VITE_STYTCH_PUBLIC_TOKEN = ''
    process.env.VITE_STYTCH_BASE_URL = apiOrigin
    await build({ root, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    const server = await preview({
      root,
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, strictPort: false },
    })
    const appUrl = server.resolvedUrls?.local[0]
    if (!appUrl) throw new Error('vite preview reported no address')
    project.provide('appOrigin', new URL(appUrl).origin)
    project.provide('apiOrigin', apiOrigin)
    return async () => {
      await server.close()
      await emulator.close()
      rmSync(outDir, { recursive: true, force: true })
    }
  } catch (error) {
    await emulator.close()
    rmSync(outDir, { recursive: true, force: true })
    throw error
  }
}
