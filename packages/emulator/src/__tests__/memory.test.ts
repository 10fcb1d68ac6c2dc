// Bounded memory: an emulator left running forgets what has expired. Sizes and counts are asserted,
// never times; the heap bounds are generous multiples of what was measured (see RELIABILITY.md).
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseCliArgs, UsageError } from '../cliArgs'
import { createEmulator, type Emulator } from '../index'
import { PAGE_MESSAGES } from '../inboxPage'
import { BASE, lastCode, publicAuth, sdk, signIn } from './helpers'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
/** The heap after collection; the turns between let finalizers (undici's bodies) run and free their part. */
async function heapUsed(): Promise<number> {
  for (let i = 0; i < 4; i += 1) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed
}

const NUMBERS = Number(process.env.MEMORY_NUMBERS ?? 20_000)
/** The figures are printed when asked for by MEMORY_NUMBERS, as `LOAD_FLOWS` does for load.test.ts; a
 * test run prints only its results. */
const REPORT = process.env.MEMORY_NUMBERS !== undefined
/** Distinct valid US numbers, +1 202 200 0000 upwards. */
const numberAt = (i: number) => `+1202${200 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, '0')}`
const KB = 1024
const MB = 1024 * KB

afterEach(() => {
  vi.useRealTimers()
})

async function send(emulator: Emulator, path: string, from: number, to: number) {
  for (let i = from; i < to; i += 1) {
    const response = await emulator.fetch(`${BASE}/sdk/v1${path}`, {
      method: 'POST',
      headers: { authorization: publicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: numberAt(i) }),
    })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`send ${i} answered ${response.status}`)
  }
}

/** Lets every code, send window and failure run end, then makes one request so the sweep runs. */
async function letEverythingExpire(emulator: Emulator) {
  vi.advanceTimersByTime(2 * 60 * 60 * 1000)
  await emulator.fetch(`${BASE}/sdk/v1/users/me`)
}

describe(`bounded memory (${NUMBERS} distinct numbers)`, () => {
  it('sends to numbers without an account leave nothing behind once their windows pass', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date'] })
    const emulator = createEmulator()
    // Warm up the code paths, so the measure is of state and not of compiled code.
    await send(emulator, '/otps/sms/send/primary', NUMBERS, NUMBERS + 500)
    await letEverythingExpire(emulator)
    const before = await heapUsed()
    await send(emulator, '/otps/sms/send/primary', 0, NUMBERS)
    const holding = await heapUsed()
    await letEverythingExpire(emulator)
    const after = await heapUsed()
    if (REPORT)
      console.info(
        `send/primary to ${NUMBERS} unknown numbers: heap +${((holding - before) / MB).toFixed(1)} MB while ` +
          `their codes and windows live, +${((after - before) / MB).toFixed(2)} MB once they passed`,
      )
    // Codes and send windows take room while they live (so this test can fail) and none after.
    expect(holding - before).toBeGreaterThan(NUMBERS * 100)
    expect(after - before).toBeLessThan(2 * MB)
  }, 120_000)

  it('sign-ins keep the users, cap the message log and drop revoked and expired sessions', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date'] })
    const emulator = createEmulator()
    await send(emulator, '/otps/sms/login_or_create', NUMBERS, NUMBERS + 500)
    await letEverythingExpire(emulator)
    const before = await heapUsed()
    await send(emulator, '/otps/sms/login_or_create', 0, NUMBERS)
    await letEverythingExpire(emulator)
    const after = await heapUsed()
    const perNumber = (after - before) / NUMBERS
    if (REPORT)
      console.info(
        `login_or_create to ${NUMBERS} numbers: ${Math.round(perNumber)} bytes per number stay ` +
          `(the user and its phone) once codes and windows passed`,
      )
    // What stays is each number's user and phone, as the vendor keeps accounts.
    expect(perNumber).toBeLessThan(2 * KB)
    expect(emulator.messages()).toHaveLength(1_000)
    expect(emulator.messages().at(-1)?.to).toBe(numberAt(NUMBERS - 1))

    // The inbox page shows the newest hundred, whatever the log holds.
    const page = await (await emulator.fetch(`${BASE}/__emulator/`)).text()
    expect(page.match(/<li data-seq=/g)).toHaveLength(PAGE_MESSAGES)
    expect(page.length).toBeLessThan(100 * KB)
    expect(page).toContain('+1 202 201 9999')

    // Sessions: 500 revoked and 500 expired leave nothing behind.
    const sessions = await heapUsed()
    for (let i = 0; i < 500; i += 1) {
      const { session_token } = await signIn(emulator, numberAt(i), 5)
      if (i % 2 === 0) await sdk(emulator.fetch, '/sessions/revoke', {}, { session: session_token })
    }
    await letEverythingExpire(emulator)
    expect((await heapUsed()) - sessions).toBeLessThan(1 * MB)
    expect(lastCode(emulator)).toMatch(/^\d{6}$/)
  }, 120_000)

  it('the log keeps the newest maxMessages', async () => {
    const emulator = createEmulator({ maxMessages: 3 })
    await send(emulator, '/otps/sms/login_or_create', 0, 5)
    expect(emulator.messages().map((m) => m.to)).toEqual([numberAt(2), numberAt(3), numberAt(4)])
    const json = (await (await emulator.fetch(`${BASE}/__emulator/messages`)).json()) as unknown[]
    expect(json).toHaveLength(3)
    expect(parseCliArgs(['--max-messages', '50'])).toMatchObject({ options: { maxMessages: 50 } })
    expect(() => parseCliArgs(['--max-messages', '0'])).toThrow(UsageError)
    expect(() => createEmulator({ maxMessages: 0 })).toThrow(TypeError)
  })
})
