// How many requests a login costs: the client is created, then sends a code, then authenticates it,
// with a pause after each step long enough for delayed work (the vendor's telemetry flushes every
// 800 ms) to go out inside the step that caused it.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { createLoginClient, defaultApiHost, testPhoneNumber } from './drivers'
import type { Sdk } from './entries'
import { openPage } from './dom'
import { createRequestLog, installFetch } from './loggingFetch'
import type { RecordedRequest } from './loggingFetch'

export const requestPhases = ['construction', 'loginOrCreate', 'authenticate'] as const
export type RequestPhase = (typeof requestPhases)[number]

export interface RequestCount {
  sdk: Sdk
  /** The custom base URL the client was configured with, or null for the SDK's default host. */
  baseUrl: string | null
  requests: RecordedRequest[]
  perPhase: Record<RequestPhase, number>
  wholeLogin: number
  /** Every origin a request went to. */
  origins: string[]
  /** Requests to any host other than the configured API host. */
  otherHostRequests: number
  /** Whether the login worked (a session came back); counts from a failed login mean little. */
  loggedIn: boolean
  error?: string
}

export interface RequestCountOptions {
  /** Real time to wait after each step; the vendor's delayed telemetry needs about 1 s. */
  settleMs?: number
  /** A custom base URL; omitted, each SDK uses its default API host. */
  baseUrl?: string
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function countLoginRequests(sdk: Sdk, options: RequestCountOptions = {}): Promise<RequestCount> {
  const { settleMs = 1_500, baseUrl } = options
  const emulator = createEmulator({ rateLimit: { max: 1_000, windowSeconds: 60 } })
  const page = openPage('http://localhost:3000/')
  const log = createRequestLog({ forward: emulator.fetch })
  const restoreFetch = installFetch(log.fetch)
  // A real browser would fetch whatever an SDK puts into the page (captcha, fingerprinting, iframes).
  const stopWatching = page.watchElements(log.recordElement)

  let loggedIn = false
  let error: string | undefined
  try {
    log.setPhase('construction')
    const client = await createLoginClient(sdk, { publicToken: DEMO_PUBLIC_TOKEN, baseUrl })
    await sleep(settleMs)
    log.setPhase('loginOrCreate')
    const phoneNumber = testPhoneNumber(123)
    const { method_id } = await client.loginOrCreate(phoneNumber)
    await sleep(settleMs)
    const message = emulator.messages().findLast((sms) => sms.to === phoneNumber)
    if (!message) throw new Error(`the emulator holds no SMS for ${phoneNumber}`)
    log.setPhase('authenticate')
    await client.authenticate(message.code, method_id)
    loggedIn = true
    await sleep(settleMs)
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
  } finally {
    stopWatching()
    restoreFetch()
    page.close()
  }

  const apiHost = baseUrl === undefined ? defaultApiHost(DEMO_PUBLIC_TOKEN) : new URL(baseUrl).hostname
  const requests = log.requests
  const perPhase = Object.fromEntries(
    requestPhases.map((phase) => [phase, requests.filter((request) => request.phase === phase).length]),
  ) as Record<RequestPhase, number>
  return {
    sdk,
    baseUrl: baseUrl ?? null,
    requests,
    perPhase,
    wholeLogin: requests.length,
    origins: [...new Set(requests.map((request) => request.origin))],
    otherHostRequests: requests.filter((request) => new URL(request.url).hostname !== apiHost).length,
    loggedIn,
    ...(error === undefined ? {} : { error }),
  }
}
