// Time to the wire: from calling loginOrCreate to the SDK calling fetch, with an API that takes 50 ms to
// answer every request (the vendor's bootstrap included). The first call after construction is reported
// on its own: it is where waiting for a bootstrap response would show.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { createLoginClient, testPhoneNumber } from './drivers'
import type { Sdk } from './entries'
import { openPage } from './dom'
import { createRequestLog, installFetch } from './loggingFetch'

export interface WireTime {
  sdk: Sdk
  calls: number
  latencyMs: number
  medianMs: number
  p95Ms: number
  minMs: number
  maxMs: number
  /** The first call, made right after the client was created. */
  firstCallMs: number
  failures: number
}

export interface WireTimeOptions {
  calls?: number
  latencyMs?: number
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2
}

export async function timeToWire(sdk: Sdk, options: WireTimeOptions = {}): Promise<WireTime> {
  const { calls = 200, latencyMs = 50 } = options
  const emulator = createEmulator({ rateLimit: { max: 100_000, windowSeconds: 60 } })
  const page = openPage('http://localhost:3000/')
  let sentAt: number | undefined
  const log = createRequestLog({
    forward: emulator.fetch,
    latencyMs,
    onSend(request) {
      if (request.path.endsWith('/otps/sms/login_or_create')) sentAt ??= request.sentAt
    },
  })
  const restoreFetch = installFetch(log.fetch)
  const samples: number[] = []
  let failures = 0
  try {
    const client = await createLoginClient(sdk, { publicToken: DEMO_PUBLIC_TOKEN })
    for (let call = 0; call < calls; call += 1) {
      sentAt = undefined
      const calledAt = performance.now()
      try {
        await client.loginOrCreate(testPhoneNumber(call))
      } catch {
        failures += 1
      }
      if (sentAt !== undefined) samples.push(sentAt - calledAt)
    }
  } finally {
    restoreFetch()
    page.close()
  }
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    sdk,
    calls,
    latencyMs,
    medianMs: median(samples),
    p95Ms: percentile(sorted, 0.95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
    firstCallMs: samples[0] ?? Number.NaN,
    failures,
  }
}
