// `npm start` (scripts/dev.mjs) as a person meets it: a busy port is named before anything else is
// printed, with the environment variables that choose others; Ctrl-C (SIGINT to the whole process group,
// as a terminal sends it) stops everything quietly with status 0, under npm too.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const script = join(import.meta.dirname, '../scripts/dev.mjs')
const repoRoot = join(import.meta.dirname, '../../..')

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}
const portOf = (server: Server) => (server.address() as { port: number }).port

async function freePort(): Promise<number> {
  const server = await listen()
  const port = portOf(server)
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Runs `command` (by default dev.mjs under node) in a process group of its own, as a terminal would. */
function run(
  env: Record<string, string>,
  untilOut?: RegExp,
  { command = [process.execPath, script], cwd }: { command?: string[]; cwd?: string } = {},
) {
  const [file, ...args] = command as [string, ...string[]]
  const child = spawn(file, args, {
    cwd,
    // npm's update check would ask the registry, and print its advice at exit.
    env: {
      ...process.env,
      ...env,
      VITE_STYTCH_PUBLIC_TOKEN: '',
      VITE_STYTCH_BASE_URL: '',
      npm_config_update_notifier: 'false',
    },
    detached: true,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const status = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const exited = status.then(({ code }) => code)
  const seen = untilOut
    ? new Promise<void>((resolve) => {
        const check = () => (untilOut.test(stdout) ? resolve() : setTimeout(check, 100))
        check()
      })
    : Promise.resolve()
  return { child, exited, status, seen, output: () => ({ stdout, stderr }) }
}

test('a busy port is named, with what holds it and how to choose another, before anything starts', async () => {
  const holder = await listen()
  try {
    const started = run({ PORT: String(portOf(holder)), OTPKIT_EMULATOR_PORT: String(await freePort()) })
    expect(await started.exited).toBe(1)
    const { stdout, stderr } = started.output()
    expect(stdout).toBe('')
    // What holds it is named where the machine can say (`ss`): here, this test's own node process.
    const named = `Port ${portOf(holder)} for the app (Vite) is in use`
    expect([`${named} by node (pid ${process.pid}).`, `${named}.`]).toContain(stderr.split('\n')[0])
    expect(stderr).toContain(`PORT=${portOf(holder) + 1} npm start`)
  } finally {
    holder.close()
  }
})

test('Ctrl-C stops the app and the emulator quietly with status 0', async () => {
  const started = run(
    { PORT: String(await freePort()), OTPKIT_EMULATOR_PORT: String(await freePort()) },
    /Press Ctrl-C/,
  )
  await started.seen
  process.kill(-(started.child.pid as number), 'SIGINT')
  expect(await started.exited).toBe(0)
  expect(started.output().stderr).not.toMatch(/stopped|ERR_|ELIFECYCLE/)
}, 90_000)

// The whole of `npm start` reinstalls first (pnpm install, which rewrites node_modules/.bin under other
// tests' feet), so npm runs what it runs after that, the rest of the same script line; and `dev`, at the
// root and in the example. A shell between npm (or pnpm) and node dies of the SIGINT and takes npm with
// it, hence `exec` in those scripts.
const rootStart = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
).scripts.start
test.each([
  {
    name: 'npm start',
    command: ['npm', 'exec', '--call', rootStart.split('&&').at(-1)?.trim() ?? ''],
    cwd: repoRoot,
  },
  { name: 'npm run dev', command: ['npm', 'run', 'dev'], cwd: repoRoot },
  { name: 'pnpm dev', command: [join(repoRoot, 'node_modules/.bin/pnpm'), 'dev'], cwd: repoRoot },
  {
    name: 'npm run dev in the example',
    command: ['npm', 'run', 'dev'],
    cwd: join(import.meta.dirname, '..'),
  },
])(
  'Ctrl-C under $name: status 0, no npm error, no stack trace',
  async ({ command, cwd }) => {
    expect(rootStart).toMatch(/ && exec node examples\/vite-react\/scripts\/dev\.mjs$/)
    const started = run(
      { PORT: String(await freePort()), OTPKIT_EMULATOR_PORT: String(await freePort()) },
      /Press Ctrl-C/,
      { command, cwd },
    )
    await started.seen
    process.kill(-(started.child.pid as number), 'SIGINT')
    const status = await started.status
    const { stdout, stderr } = started.output()
    expect(status, stdout + stderr).toEqual({ code: 0, signal: null })
    expect(stdout + stderr).not.toMatch(/ELIFECYCLE|ERR_PNPM|npm error|stopped|\n\s+at .+:\d+:\d+/)
  },
  90_000,
)
