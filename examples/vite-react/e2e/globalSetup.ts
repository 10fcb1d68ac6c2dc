// Builds the example app against a fresh emulator, serves it with `vite preview` (which adds the strict CSP),
// and hands both addresses to the test files. The same app is also built and served once per relay provider
// (OTPKIT_PROVIDER), the relay mounted in the preview server. Everything is stopped and removed after the run.
// What the emulator and Vite say goes to a log that a test file prints only when one of its tests fails.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulatorServer } from '@otpkit/emulator/server'
import { build, preview, type Logger, type PreviewServer } from 'vite'
import {
  createServerLog,
  type ServerLog,
  type ServerLogHandle,
} from '../../../packages/tooling/testing/serverLog'
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
    /** Where the servers' output goes (printServerLogOnFailure). */
    serverLog: ServerLogHandle
  }
}

/** Vite's messages into the servers' log. At `logLevel: 'warn'`, because at 'info' the build's progress
 * lines go straight to the terminal. */
function viteLogger(log: ServerLog): Logger {
  const warned = new Set<string>()
  const logger: Logger = {
    hasWarned: false,
    info: (message) => log.line(message),
    warn: (message) => {
      logger.hasWarned = true
      log.line(message)
    },
    warnOnce: (message) => {
      if (warned.has(message)) return
      warned.add(message)
      logger.warn(message)
    },
    error: (message) => log.line(message),
    clearScreen: () => {},
    hasErrorLogged: () => false,
  }
  return logger
}

const root = join(import.meta.dirname, '..')
const configFile = join(root, 'vite.config.ts')

const packages = join(root, 'node_modules/@otpkit')

/** `vite build` as a deployment runs it. Vitest sets NODE_ENV=test, which Vite would inline into the app,
 * and React's development build with it (a third larger, over Vite's chunk-size limit). */
async function buildApp(outDir: string, customLogger: Logger): Promise<void> {
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ root, configFile, customLogger, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
}

/** Builds the app with the relay for `provider` and serves it; the relay calls the emulator at `apiOrigin`. */
async function serveWithRelay(
  provider: 'moonkey' | 'stytch-backend',
  outDir: string,
  customLogger: Logger,
): Promise<PreviewServer> {
  process.env.OTPKIT_PROVIDER = provider
  try {
    await buildApp(outDir, customLogger)
    return await preview({
      root,
      configFile,
      customLogger,
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
  const log = createServerLog()
  const customLogger = viteLogger(log)
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', log: log.line })
  const outDir = mkdtempSync(join(tmpdir(), 'otpkit-example-'))
  const relayServers: PreviewServer[] = []
  const dirs = [outDir]
  try {
    const apiOrigin = new URL(emulator.url).origin
    // Process variables win over .env files, so a developer's .env.local with a real token cannot leak in.
    process.env.VITE_STYTCH_PUBLIC_TOKEN = ''
    process.env.VITE_STYTCH_BASE_URL = apiOrigin
    await buildApp(outDir, customLogger)
    const server = await preview({
      root,
      configFile,
      customLogger,
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
      const relayServer = await serveWithRelay(provider, relayOut, customLogger)
      relayServers.push(relayServer)
      const url = relayServer.resolvedUrls?.local[0]
      if (!url) throw new Error('vite preview reported no address')
      relays.push({ provider, origin: new URL(url).origin, outDir: relayOut })
    }
    project.provide('relays', relays)
    project.provide('serverLog', log.handle())
    return async () => {
      await server.close()
      await Promise.all(relayServers.map((relayServer) => relayServer.close()))
      await emulator.close()
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
      log.remove()
    }
  } catch (error) {
    await Promise.all(relayServers.map((relayServer) => relayServer.close()))
    await emulator.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    // The build or a server failed before any test ran: what they said is the explanation.
    console.error(readFileSync(log.path, 'utf8'))
    log.remove()
    throw error
  }
}
