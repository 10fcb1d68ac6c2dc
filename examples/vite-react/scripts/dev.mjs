/* global fetch, AbortSignal */
// `pnpm dev`: starts the SMS emulator and the Vite dev server together, says where the app and the codes are,
// and stops both on Ctrl-C. With VITE_STYTCH_PUBLIC_TOKEN set (environment or .env.local) only Vite starts,
// and the app talks to the real API. With OTPKIT_PROVIDER=moonkey or stytch-backend the browser talks to the
// relay in Vite's own server (@otpkit/server), which calls the emulator as that provider: offline either way.
// Ports: PORT (the app, default 5173) and OTPKIT_EMULATOR_PORT (the emulator, default 8787) are checked
// before anything is printed or started.
import { execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { loadEnv } from 'vite'
import { buildIfNeeded } from './buildIfNeeded.mjs'

const appDir = join(import.meta.dirname, '..')
const emulatorDir = join(appDir, 'node_modules/@otpkit/emulator')
const env = loadEnv('development', appDir, 'VITE_')
const provider = process.env.OTPKIT_PROVIDER?.trim() || undefined
const PROVIDERS = { moonkey: 'MoonKey', 'stytch-backend': "Stytch's backend API" }
if (provider && !(provider in PROVIDERS)) {
  console.error(`OTPKIT_PROVIDER must be one of ${Object.keys(PROVIDERS).join(', ')}, got "${provider}".`)
  process.exit(2)
}
// Through the relay the provider is always the emulator, whatever token .env.local holds.
const useEmulator = Boolean(provider) || !env.VITE_STYTCH_PUBLIC_TOKEN?.trim()
const emulatorPort = process.env.OTPKIT_EMULATOR_PORT?.trim() || '8787'
const apiUrl = new URL(env.VITE_STYTCH_BASE_URL?.trim() || `http://127.0.0.1:${emulatorPort}`)
// The app reads where the API is from VITE_STYTCH_BASE_URL: pass the emulator's address on to Vite.
const childEnv = { ...process.env, VITE_STYTCH_BASE_URL: env.VITE_STYTCH_BASE_URL?.trim() || apiUrl.origin }
const appPort = process.env.PORT || '5173'
const appUrl = `http://127.0.0.1:${appPort}/`
const inboxUrl = new URL('/__emulator/', apiUrl).href

const children = new Set()
let stopping = false

function start(name, args) {
  const child = spawn(process.execPath, args, { cwd: appDir, stdio: 'inherit', env: childEnv })
  children.add(child)
  child.on('exit', (code, signal) => {
    children.delete(child)
    // Ctrl-C reaches every process of the terminal's group: a child ending on it is a normal stop.
    if (!stopping && (signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGHUP')) stop(0)
    else if (!stopping) {
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

/** Whether `port` on `host` is free to listen on. */
function isFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(Number(port), host, () => server.close(() => resolve(true)))
  })
}

/** What listens on `port`, if this machine can say: another otpkit, or a process by name and id. */
async function holderOf(port, host) {
  try {
    const response = await fetch(`http://${host}:${port}/__emulator/messages`, {
      signal: AbortSignal.timeout(1000),
    })
    if (response.ok) return 'an otpkit emulator (another `npm start`?)'
  } catch {
    // not an emulator, or not HTTP
  }
  try {
    const line = execFileSync('ss', ['-Hltnp', `sport = :${port}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const found = /users:\(\("([^"]+)",pid=(\d+)/.exec(line)
    if (found) return `${found[1]} (pid ${found[2]})`
  } catch {
    // no ss here
  }
  return undefined
}

const wanted = [
  { port: appPort, host: '127.0.0.1', what: 'the app (Vite)', variable: 'PORT' },
  ...(useEmulator && !env.VITE_STYTCH_BASE_URL?.trim()
    ? [
        {
          port: apiUrl.port || '80',
          host: apiUrl.hostname,
          what: 'the SMS emulator',
          variable: 'OTPKIT_EMULATOR_PORT',
        },
      ]
    : []),
]
const busy = []
for (const entry of wanted) if (!(await isFree(entry.port, entry.host))) busy.push(entry)
if (busy.length > 0) {
  const lines = []
  for (const entry of busy) {
    const holder = await holderOf(entry.port, entry.host)
    lines.push(`Port ${entry.port} for ${entry.what} is in use${holder ? ` by ${holder}` : ''}.`)
  }
  const example = busy.map((entry) => `${entry.variable}=${Number(entry.port) + 1}`).join(' ')
  lines.push(`Stop what holds it, or choose other ports: ${example} npm start`)
  console.error(lines.join('\n'))
  process.exit(1)
}

// The Vite config loads the relay's build output (and the relay's demo keys from the emulator's).
buildIfNeeded(join(appDir, 'node_modules/@otpkit/emulator'), 'cli.js', '@otpkit/emulator')
buildIfNeeded(join(appDir, 'node_modules/@otpkit/server'), 'index.js', '@otpkit/server')
if (useEmulator) {
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
    ...(provider
      ? [
          `  API:        this app's own server, the relay at ${appUrl}auth (@otpkit/server)`,
          `  Provider:   ${PROVIDERS[provider]}, played by the local emulator at ${apiUrl.origin}`,
          `  SMS codes:  printed in this terminal, and in the inbox at ${inboxUrl}`,
        ]
      : useEmulator
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
