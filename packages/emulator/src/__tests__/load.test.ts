// Many people signing in at once over loopback HTTP: every flow gets its own SMS and code, every code
// signs in its own number, nothing fails, and the heap stays proportionate. The test run uses 100 flows;
// `pnpm load` runs 1,000 (LOAD_FLOWS) and prints the figures.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { isValidPhoneNumber } from 'libphonenumber-js/max'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createEmulator, type SentMessage } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { publicAuth } from './helpers'

const FLOWS = Number(process.env.LOAD_FLOWS) || 100
const REPORT = process.env.LOAD_FLOWS !== undefined

/** Distinct valid US numbers in the 555-01xx fictional range, across area codes. */
function usNumbers(count: number): string[] {
  const areas = ['201', '202', '212', '213', '312', '415', '617', '646', '702', '718', '305', '404', '503']
  const numbers: string[] = []
  for (const area of areas) {
    for (let line = 100; line < 200 && numbers.length < count; line++) {
      const number = `+1${area}555${String(line).padStart(4, '0')}`
      if (isValidPhoneNumber(number)) numbers.push(number)
    }
  }
  if (numbers.length < count) throw new Error(`only ${numbers.length} test numbers available`)
  return numbers
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`

let server: EmulatorServer
beforeAll(async () => {
  server = await startEmulatorServer({
    port: 0,
    log: false,
    rateLimit: { max: 1000, windowSeconds: 600 },
  })
})
afterAll(() => server.close().catch(() => {}))

/** How a flow reaches the emulator: real HTTP on loopback, or its in-process fetch. */
function via(fetch: typeof globalThis.fetch, base: string) {
  return {
    async post(path: string, body: unknown) {
      const response = await fetch(`${base}/sdk/v1${path}`, {
        method: 'POST',
        headers: { authorization: publicAuth(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      return { status: response.status, json: (await response.json()) as Record<string, unknown> }
    },
    async inbox(phone: string) {
      const response = await fetch(`${base}/__emulator/messages?to=${encodeURIComponent(phone)}`)
      return (await response.json()) as SentMessage[]
    },
  }
}
type Via = ReturnType<typeof via>

interface FlowResult {
  phone: string
  method_id: string
  code: string
  user_phone_numbers: string[]
  session_id: string
}

/** One person: send, read their own SMS from the inbox, authenticate with its code. */
async function flow({ post, inbox }: Via, phone: string): Promise<FlowResult> {
  const sent = await post('/otps/sms/login_or_create', { phone_number: phone })
  if (sent.status !== 200) throw new Error(`send to ${phone}: ${JSON.stringify(sent.json)}`)
  const method_id = (sent.json.data as { method_id: string }).method_id
  const messages = await inbox(phone)
  const message = messages.at(-1)
  if (!message || message.method_id !== method_id) {
    throw new Error(`inbox for ${phone}: ${JSON.stringify(messages)}`)
  }
  const auth = await post('/otps/authenticate', {
    token: message.code,
    method_id,
    session_duration_minutes: 60,
  })
  if (auth.status !== 200) throw new Error(`authenticate ${phone}: ${JSON.stringify(auth.json)}`)
  const data = auth.json.data as {
    user: { phone_numbers: { phone_number: string }[] }
    session: { session_id: string }
  }
  return {
    phone,
    method_id,
    code: message.code,
    user_phone_numbers: data.user.phone_numbers.map((p) => p.phone_number),
    session_id: data.session.session_id,
  }
}

// A full collection before each reading, so the figures show what is retained, not what is pending.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapUsed(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** Checks every flow got its own SMS and code and signed in its own number. */
function expectNoLostOrCrossedCodes(results: FlowResult[], messages: SentMessage[]): void {
  // Each flow's own number, and only it, is on the user its code signed in.
  for (const result of results) expect(result.user_phone_numbers).toEqual([result.phone])
  expect(new Set(results.map((r) => r.method_id)).size).toBe(results.length)
  expect(new Set(results.map((r) => r.session_id)).size).toBe(results.length)
  // Exactly one SMS per flow, to the right number, carrying the code that flow used.
  expect(messages).toHaveLength(results.length)
  const byMethod = new Map(messages.map((m) => [m.method_id, m]))
  for (const result of results) {
    expect(byMethod.get(result.method_id)).toMatchObject({ to: result.phone, code: result.code })
  }
}

it(`holds ${FLOWS} concurrent login flows over loopback with no error and no lost or crossed codes`, async () => {
  const phones = usNumbers(FLOWS)
  // Warm up (phone metadata, JIT, the first sockets) on the sandbox number, then start clean.
  const http = via(fetch, server.url)
  await flow(http, '+10000000000')
  server.emulator.reset()
  const heapBefore = heapUsed()
  const started = performance.now()
  const outcomes = await Promise.allSettled(phones.map((phone) => flow(http, phone)))
  const elapsed = performance.now() - started
  const heapHolding = heapUsed()
  const rss = process.memoryUsage().rss

  const failures = outcomes.filter((o) => o.status === 'rejected')
  expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([])
  const results = outcomes.map((o) => (o as PromiseFulfilledResult<FlowResult>).value)
  expectNoLostOrCrossedCodes(results, server.emulator.messages())
  // Sockets, parsers and emulator state together stay well under this per open flow.
  const perFlow = Math.max(0, heapHolding - heapBefore) / FLOWS
  expect(perFlow).toBeLessThan(128 * 1024)

  if (REPORT) {
    console.info(
      `load over loopback: ${FLOWS} concurrent flows (send + inbox + authenticate) in ` +
        `${Math.round(elapsed)} ms, 0 errors; heap after gc ${mb(heapBefore)} -> ${mb(heapHolding)} ` +
        `(${(perFlow / 1024).toFixed(1)} KB per flow, sockets included); rss ${mb(rss)}`,
    )
  }
}, 120_000)

it(`keeps only the state of ${FLOWS} flows, and lets it all go on reset()`, async () => {
  // In process, so the figures are the emulator's own and not socket or parser caches.
  const emulator = createEmulator({ rateLimit: { max: 1000, windowSeconds: 600 } })
  const inProcess = via(emulator.fetch, 'http://emulator.test')
  await flow(inProcess, '+10000000000')
  emulator.reset()
  const heapBefore = heapUsed()
  const results = await Promise.all(usNumbers(FLOWS).map((phone) => flow(inProcess, phone)))
  const heapHolding = heapUsed()
  expectNoLostOrCrossedCodes(results, emulator.messages())
  emulator.reset()
  const heapReset = heapUsed()
  const perFlow = Math.max(0, heapHolding - heapBefore) / FLOWS
  // A user, a phone, a code, a session and an SMS: a few KB per flow.
  expect(perFlow).toBeLessThan(16 * 1024)
  expect(heapReset - heapBefore).toBeLessThan(4 * 2 ** 20)

  if (REPORT) {
    console.info(
      `emulator state: ${FLOWS} flows held in ${mb(heapHolding - heapBefore)} ` +
        `(${(perFlow / 1024).toFixed(1)} KB per flow); after reset() ${mb(Math.max(0, heapReset - heapBefore))} above the start`,
    )
  }
}, 120_000)
