/* global fetch */
// `npm run start:nextjs` from the root: starts the SMS emulator, builds the example with `next build` and
// serves it with `next start`, says where the app and the codes are, and stops both on Ctrl-C. Telemetry is
// off; nothing is fetched from the network. With NEXT_PUBLIC_STYTCH_PUBLIC_TOKEN set, no emulator starts
// and the app talks to the real API (then set STYTCH_PROJECT_ID and STYTCH_SECRET for the server too).
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const appDir = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const emulatorBin = join(appDir, 'node_modules/@otpkit/emulator/bin/otpkit-emulator.js')
const useEmulator = !process.env.NEXT_PUBLIC_STYTCH_PUBLIC_TOKEN?.trim()
const apiUrl = new URL(process.env.NEXT_PUBLIC_STYTCH_BASE_URL?.trim() || 'http://127.0.0.1:8787')
const appPort = process.env.PORT || '3000'
const appUrl = `http://127.0.0.1:${appPort}/`
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: appDir, stdio: 'inherit', env })
if (build.status !== 0) {
  console.error('next build failed (see above). Were the packages built? `pnpm run build` at the root.')
  process.exit(1)
}

const children = new Set()
let stopping = false

function start(name, args) {
  const child = spawn(process.execPath, args, { cwd: appDir, stdio: 'inherit', env })
  children.add(child)
  child.on('exit', (code, signal) => {
    children.delete(child)
    if (!stopping) {
      console.error(`\n${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`)
      stop(code || 1)
    } else if (children.size === 0) process.exit(process.exitCode)
  })
}

function stop(exitCode) {
  if (stopping) return
  stopping = true
  process.exitCode = exitCode
  if (children.size === 0) process.exit(exitCode)
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(exitCode), 5000).unref()
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0))

async function waitFor(url) {
  for (const deadline = Date.now() + 60_000; !stopping && Date.now() < deadline;) {
    try {
      if ((await fetch(url, { redirect: 'manual' })).status < 500) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

if (useEmulator) {
  start('The emulator', [emulatorBin, '--host', apiUrl.hostname, '--port', apiUrl.port || '80'])
}
start('Next.js', [nextBin, 'start', '--hostname', '127.0.0.1', '--port', appPort])

const ready = await Promise.all([
  waitFor(appUrl),
  useEmulator ? waitFor(new URL('/__emulator/', apiUrl)) : true,
])
if (!stopping && ready.every(Boolean)) {
  console.log(
    [
      '',
      '  otpkit × Next.js example is running',
      '',
      `  App:        ${appUrl} (sign in), ${appUrl}account (rendered on the server)`,
      useEmulator
        ? `  API:        the local emulator at ${apiUrl.origin}; SMS codes in this terminal and at ${apiUrl.origin}/__emulator/`
        : '  API:        the real API',
      '',
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  )
} else if (!stopping) {
  console.error('The app or the emulator did not come up within a minute; stopping.')
  stop(1)
}
