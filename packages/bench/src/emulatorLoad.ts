// Emulator throughput: concurrent clients each loop over login_or_create then authenticate over
// loopback HTTP. The server runs in its own process (so it has a core to itself) and tells this one
// each code it "texts" over the IPC channel, the way a test reads the SMS inbox.
import { DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { ChildProcess } from 'node:child_process'
import { forkWorker } from './child'
import { testPhoneNumber } from './drivers'
import { percentile } from './wireTime'

export interface EmulatorLoad {
  clients: number
  durationMs: number
  pairs: number
  pairsPerSecond: number
  errors: number
  /** The first few errors, for the report. */
  errorSamples: string[]
  /** Latency of a whole pair (both requests), in ms. */
  pairMedianMs: number
  pairP95Ms: number
  /** Pairs completed in each second of the run, to show whether throughput holds as users pile up. */
  pairsEachSecond: number[]
}

export interface EmulatorLoadOptions {
  clients?: number
  durationMs?: number
  /** Distinct phone numbers cycled through; every number gets a user on first use. */
  phoneNumbers?: number
}

/** What the server process sends over IPC. */
export type ServerMessage = { type: 'listening'; url: string } | { type: 'sms'; to: string; code: string }

interface CodeWaiter {
  resolve(code: string): void
}

/** Codes arrive over IPC, possibly before or after the HTTP answer that caused them. */
class CodeInbox {
  readonly #codes = new Map<string, string>()
  readonly #waiters = new Map<string, CodeWaiter>()

  deliver(to: string, code: string): void {
    const waiter = this.#waiters.get(to)
    if (waiter) {
      this.#waiters.delete(to)
      waiter.resolve(code)
    } else {
      this.#codes.set(to, code)
    }
  }

  take(to: string, timeoutMs = 5_000): Promise<string> {
    const code = this.#codes.get(to)
    if (code !== undefined) {
      this.#codes.delete(to)
      return Promise.resolve(code)
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(to)
        reject(new Error(`no SMS reached ${to} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#waiters.set(to, {
        resolve(value) {
          clearTimeout(timer)
          resolve(value)
        },
      })
    })
  }
}

function startServer(): Promise<{ url: string; server: ChildProcess; inbox: CodeInbox }> {
  const server = forkWorker('emulator-server')
  const inbox = new CodeInbox()
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.once('exit', (code) => reject(new Error(`the emulator server exited early (${code})`)))
    server.on('message', (message: ServerMessage) => {
      if (message.type === 'sms') inbox.deliver(message.to, message.code)
      else resolve({ url: message.url, server, inbox })
    })
  })
}

const authorization = `Basic ${Buffer.from(`${DEMO_PUBLIC_TOKEN}:${DEMO_PUBLIC_TOKEN}`).toString('base64')}`

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${response.status} ${new URL(url).pathname}: ${text.slice(0, 200)}`)
  const parsed: unknown = JSON.parse(text)
  const data = (parsed as { data?: unknown }).data
  if (typeof data !== 'object' || data === null) throw new Error(`no data in the answer from ${url}`)
  return data as Record<string, unknown>
}

export async function measureEmulatorLoad(options: EmulatorLoadOptions = {}): Promise<EmulatorLoad> {
  const { clients = 50, durationMs = 10_000, phoneNumbers = 100_000 } = options
  const { url, server, inbox } = await startServer()
  let next = 0
  let pairs = 0
  let errors = 0
  const errorSamples: string[] = []
  const pairTimes: number[] = []
  const pairsEachSecond: number[] = Array.from({ length: Math.ceil(durationMs / 1_000) }, () => 0)
  const start = performance.now()
  const deadline = start + durationMs

  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      // Numbers are handed out in turn, so no two clients ever use the same number at once.
      const phoneNumber = testPhoneNumber(next++ % phoneNumbers)
      const pairStart = performance.now()
      try {
        const sent = await post(`${url}/sdk/v1/otps/sms/login_or_create`, { phone_number: phoneNumber })
        const code = await inbox.take(phoneNumber)
        await post(`${url}/sdk/v1/otps/authenticate`, {
          token: code,
          method_id: sent.method_id,
          session_duration_minutes: 30,
        })
        pairs += 1
        const second = Math.min(pairsEachSecond.length - 1, Math.floor((performance.now() - start) / 1_000))
        pairsEachSecond[second] = (pairsEachSecond[second] ?? 0) + 1
        pairTimes.push(performance.now() - pairStart)
      } catch (error) {
        errors += 1
        if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error))
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: clients }, () => client()))
  } finally {
    server.removeAllListeners('exit')
    server.kill()
  }
  const elapsedMs = performance.now() - start
  const sorted = pairTimes.sort((a, b) => a - b)
  return {
    clients,
    durationMs,
    pairs,
    pairsPerSecond: pairs / (elapsedMs / 1_000),
    errors,
    errorSamples,
    pairMedianMs: percentile(sorted, 0.5),
    pairP95Ms: percentile(sorted, 0.95),
    pairsEachSecond,
  }
}
