// `npm start` (scripts/dev.mjs) as a person meets it: a busy port is named before anything else is
// printed, with the environment variables that choose others; Ctrl-C (SIGINT to the whole process group,
// as a terminal sends it) stops everything quietly with status 0.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const script = join(import.meta.dirname, '../scripts/dev.mjs')

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

function run(env: Record<string, string>, untilOut?: RegExp) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, VITE_STYTCH_PUBLIC_TOKEN: '', VITE_STYTCH_BASE_URL: '' },
    detached: true,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const seen = untilOut
    ? new Promise<void>((resolve) => {
        const check = () => (untilOut.test(stdout) ? resolve() : setTimeout(check, 100))
        check()
      })
    : Promise.resolve()
  return { child, exited, seen, output: () => ({ stdout, stderr }) }
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
