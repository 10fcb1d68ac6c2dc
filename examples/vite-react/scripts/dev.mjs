/* global fetch */
// `pnpm dev`: starts the SMS emulator and the Vite dev server together, says where the app and the codes are,
// and stops both on Ctrl-C. With VITE_STYTCH_PUBLIC_TOKEN set (environment or .env.local) only Vite starts,
// and the app talks to the real API.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { loadEnv } from 'vite'

const appDir = join(import.meta.dirname, '..')
const emulatorDir = join(appDir, 'node_modules/@otpkit/emulator')
const env = loadEnv('development', appDir, 'VITE_')
const useEmulator = !env.VITE_STYTCH_PUBLIC_TOKEN?.trim()
const apiUrl = new URL(env.VITE_STYTCH_BASE_URL?.trim() || 'http://127.0.0.1:8787')
const appPort = process.env.PORT || '5173'
const appUrl = `http://127.0.0.1:${appPort}/`
const inboxUrl = new URL('/__emulator/', apiUrl).href

/** The newest modification time of the files under `dir`, tests excepted. */
function newest(dir) {
  let time = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__') continue
    const path = join(dir, entry.name)
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return time
}

/** The emulator's command runs its build output; build it on a fresh clone or after its sources change. */
function buildEmulatorIfNeeded() {
  const dist = join(emulatorDir, 'dist')
  if (existsSync(join(dist, 'cli.js')) && newest(dist) >= newest(join(emulatorDir, 'src'))) return
  console.log('Building @otpkit/emulator…')
  // Under `pnpm run`, npm_execpath is pnpm's own script; elsewhere rely on pnpm being on the PATH.
  const pnpm = process.env.npm_execpath
  const [command, args] = pnpm?.endsWith('js') ? [process.execPath, [pnpm]] : ['pnpm', []]
  const result = spawnSync(command, [...args, 'run', 'build'], { cwd: emulatorDir, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('Could not build @otpkit/emulator (see above).')
    process.exit(1)
  }
}

const children = new Set()
let stopping = false

function start(name, args) {
  const child = spawn(process.execPath, args, { cwd: appDir, stdio: 'inherit' })
  children.add(child)
  child.on('exit', (code, signal) => {
    children.delete(child)
    if (!stopping) {
      console.error(`\n${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`)
      stop(code || 1)
    } else if (children.size === 0) {
      process.exit(process.exitCode)
    }
  })
  return child
}

function stop(exitCode) {
  if (stopping) return
  stopping = true
  process.exitCode = exitCode
  if (children.size === 0) process.exit(exitCode)
  for (const child of children) child.kill('SIGTERM')
  // A child that ignores SIGTERM must not keep the terminal.
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL')
    process.exit(exitCode)
  }, 5000).unref()
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
process.on('SIGHUP', () => stop(0))

async function waitFor(url) {
  const deadline = Date.now() + 60_000
  while (!stopping && Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

if (useEmulator) {
  buildEmulatorIfNeeded()
  start('The emulator', [
    join(emulatorDir, 'bin/otpkit-emulator.js'),
    '--host',
    apiUrl.hostname,
    '--port',
    apiUrl.port || '80',
  ])
}
start('Vite', [
  join(appDir, 'node_modules/vite/bin/vite.js'),
  '--port',
  appPort,
  '--strictPort',
  '--clearScreen',
  'false',
])

const ready = await Promise.all([waitFor(appUrl), useEmulator ? waitFor(inboxUrl) : true])
if (!stopping && ready.every(Boolean)) {
  const lines = [
    '',
    '  otpkit example app is running',
    '',
    `  App:        ${appUrl}`,
    ...(useEmulator
      ? [
          `  API:        the local emulator at ${apiUrl.origin}`,
          `  SMS codes:  printed in this terminal, and in the inbox at ${inboxUrl}`,
        ]
      : [
          `  API:        the real API (${env.VITE_STYTCH_BASE_URL?.trim() || 'chosen by your public token'})`,
        ]),
    '',
    '  Press Ctrl-C to stop.',
    '',
  ]
  console.log(lines.join('\n'))
} else if (!stopping) {
  console.error('The app or the emulator did not come up within a minute; stopping.')
  stop(1)
}
