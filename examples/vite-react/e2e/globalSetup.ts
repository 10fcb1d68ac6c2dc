// Builds the example app against a fresh emulator, serves it with `vite preview` (which adds the strict CSP),
// and hands both addresses to the test files. The same app is also built and served once per relay provider
// (OTPKIT_PROVIDER), the relay mounted in the preview server. Everything is stopped and removed after the run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulatorServer } from '@otpkit/emulator/server'
import { build, preview, type PreviewServer } from 'vite'
import { buildIfNeeded } from '../scripts/buildIfNeeded.mjs'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app under `vite preview`, e.g. `http://127.0.0.1:41234`. */
    appOrigin: string
    /** The emulator the app was built against. */
    apiOrigin: string
    /** The app served with the relay in its own server, per provider, and where each build went. */
    relays: { provider: 'moonkey' | 'stytch-backend'; origin: string; outDir: string }[]
  }
}

const root = join(import.meta.dirname, '..')
const configFile = join(root, 'vite.config.ts')

const packages = join(root, 'node_modules/@otpkit')

/** Builds the app with the relay for `provider` and serves it; the relay calls the emulator at `apiOrigin`. */
async function serveWithRelay(
  provider: 'moonkey' | 'stytch-backend',
  outDir: string,
): Promise<PreviewServer> {
  process.env.OTPKIT_PROVIDER = provider
  try {
    await build({ root, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    return await preview({
      root,
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, strictPort: false },
    })
  } finally {
    delete process.env.OTPKIT_PROVIDER
  }
}

export default async function setup(project: TestProject) {
  // The Vite config loads the relay (and the emulator's demo keys) from their build output.
  buildIfNeeded(join(packages, 'emulator'), 'cli.js', '@otpkit/emulator')
  buildIfNeeded(join(packages, 'server'), 'index.js', '@otpkit/server')
  // Silent: tests read the inbox over HTTP, and a failing test says what it saw.
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', log: false })
  const outDir = mkdtempSync(join(tmpdir(), 'otpkit-example-'))
  const relayServers: PreviewServer[] = []
  const dirs = [outDir]
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
    const relays = []
    for (const provider of ['moonkey', 'stytch-backend'] as const) {
      const relayOut = mkdtempSync(join(tmpdir(), `otpkit-example-${provider}-`))
      dirs.push(relayOut)
      const relayServer = await serveWithRelay(provider, relayOut)
      relayServers.push(relayServer)
      const url = relayServer.resolvedUrls?.local[0]
      if (!url) throw new Error('vite preview reported no address')
      relays.push({ provider, origin: new URL(url).origin, outDir: relayOut })
    }
    project.provide('relays', relays)
    return async () => {
      await server.close()
      await Promise.all(relayServers.map((relayServer) => relayServer.close()))
      await emulator.close()
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  } catch (error) {
    await Promise.all(relayServers.map((relayServer) => relayServer.close()))
    await emulator.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
