import { corsHeaders, preflightResponse } from './cors'
import { errorResponse } from './errors'
import { FaultQueue, faultResponse, type Fault } from './faults'
import { handleInbox, isInboxPath, resetState } from './inbox'
import { generateJwtKeyPair, JwtKeys } from './jwtKeys'
import { MessageLog } from './messageLog'
import { resolveOptions, type EmulatorOptions, type SentMessage } from './options'
import { CodeBook } from './otp'
import { RateLimiter } from './rateLimit'
import { createRouter } from './router'
import { backendRoutes } from './routes/backend'
import { bootstrapRoutes } from './routes/bootstrap'
import { moonkeyRoutes } from './routes/moonkey'
import { sdkRoutes } from './routes/sdk'
import { SessionBook } from './sessions'
import type { EmulatorState } from './state'
import { UserStore } from './store'
import { UserLocks } from './userLock'

const SWEEP_INTERVAL_MS = 30_000

/** The handler's answer when a `drop` fault says the connection dies instead. */
export const DROPPED = Symbol('dropped')
/** Where the server finds the handler behind `fetch` (a `drop` is a socket to destroy, not a TypeError). */
export const HANDLE = Symbol.for('otpkit.emulator.handle')

/** The parts of `AbortSignal` the emulator uses; any realm's signal (Node, jsdom) fits. */
interface SignalLike {
  readonly aborted: boolean
  readonly reason?: unknown
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

export type Handle = (request: Request, signal?: SignalLike) => Promise<Response | typeof DROPPED>

export interface EmulatorFaults {
  /** Arms a fault for the next `count` (default 1) requests to `path` (default: any API path). */
  add(fault: Fault): void
  clear(): void
  /** Armed faults with the uses left. */
  list(): (Fault & { remaining: number })[]
}

export interface Emulator {
  /** Same signature as the global fetch, so it can be handed to a client as its transport. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  /** Messages (SMS and WhatsApp) sent so far, oldest first. */
  messages(): SentMessage[]
  /** Clears users, codes, sessions, messages, rate limits, user locks and faults. */
  reset(): void
  faults: EmulatorFaults
  /** The credentials and settings in force. */
  readonly config: {
    publicToken: string
    projectId: string
    secret: string
    moonkeyApiKey: string
    moonkeyPublicKey: string
    countries: string[]
  }
  readonly [HANDLE]: Handle
}

function abortError(signal: SignalLike): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError')
}

function sleep(ms: number, signal: SignalLike | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal))
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal ? abortError(signal) : new Error('aborted'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function isRequestLike(input: unknown): input is Request {
  return (
    typeof input === 'object' &&
    input !== null &&
    !(input instanceof URL) &&
    'url' in input &&
    'method' in input
  )
}

/**
 * Rebuilds the call as a Request of this realm without its signal: a signal from another realm
 * (jsdom's, in component tests) would be refused by Node's Request, and the emulator watches it itself.
 */
async function toRequest(input: RequestInfo | URL, init: RequestInit | undefined): Promise<Request> {
  const base = isRequestLike(input) ? input : undefined
  const url = new URL(base ? base.url : String(input), 'http://emulator.invalid')
  const method = (init?.method ?? base?.method ?? 'GET').toUpperCase()
  const headers = new Headers(init?.headers ?? base?.headers)
  let body: BodyInit | null | undefined = init?.body
  if (body === undefined && base && method !== 'GET' && method !== 'HEAD') body = await base.arrayBuffer()
  const hasBody = body !== undefined && body !== null && method !== 'GET' && method !== 'HEAD'
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body, duplex: 'half' } : {}),
  } as RequestInit)
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveOptions(options)
  const state: EmulatorState = {
    options: resolved,
    users: new UserStore(),
    codes: new CodeBook(),
    sessions: new SessionBook(
      resolved.projectId,
      new JwtKeys(resolved.jwtKeyPair === 'own' ? generateJwtKeyPair() : undefined),
    ),
    limiter: new RateLimiter(resolved.rateLimit),
    locks: new UserLocks(resolved.userLock),
    messages: new MessageLog(resolved.maxMessages),
    faults: new FaultQueue(),
  }
  let lastSweep = -Infinity
  const route = createRouter(sdkRoutes, bootstrapRoutes, backendRoutes, moonkeyRoutes)

  const handle: Handle = async (request, signal) => {
    const path = new URL(request.url).pathname
    if (request.method === 'OPTIONS') return preflightResponse(request, resolved)
    const cors = corsHeaders(request, resolved)
    if (isInboxPath(path)) return withHeaders(await handleInbox(request, state), cors)
    const fault = state.faults.take(path)
    if (fault?.kind === 'drop') return DROPPED
    if (fault?.kind === 'latency') await sleep(fault.ms, signal)
    else if (fault && fault.kind !== 'offline') return withHeaders(faultResponse(fault, path), cors)
    const now = Date.now()
    // Unverified phones added to a user are kept only five minutes; their codes die with them.
    for (const phoneId of state.users.purge(now)) state.codes.revoke(phoneId)
    // What has expired is forgotten, so memory stays bounded however long the emulator runs. Each sweep
    // walks everything, so it runs at most every half minute (or when the clock went back).
    if (now - lastSweep >= SWEEP_INTERVAL_MS || now < lastSweep) {
      lastSweep = now
      state.codes.purge(now)
      state.sessions.purge(now)
      state.limiter.prune(now)
      state.locks.prune(now)
    }
    const response = withHeaders(await route(request, { state, now }), cors)
    if (fault?.kind !== 'offline') return response
    // The request took effect (a message went out, a code was spent); its answer is lost on the way back.
    if (fault.ms) await sleep(fault.ms, signal)
    return DROPPED
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const signal = (init?.signal ?? (isRequestLike(input) ? input.signal : undefined)) as
      SignalLike | undefined
    if (signal?.aborted) throw abortError(signal)
    const request = await toRequest(input, init)
    const work = handle(request, signal).catch((error: unknown) =>
      signal?.aborted
        ? Promise.reject(error)
        : errorResponse(500, 'internal_server_error', `The emulator failed: ${String(error)}`),
    )
    const result = signal
      ? await new Promise<Response | typeof DROPPED>((resolve, reject) => {
          const onAbort = () => reject(abortError(signal))
          signal.addEventListener('abort', onAbort, { once: true })
          work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
        })
      : await work
    // What browsers report when a connection dies before any response.
    if (result === DROPPED) throw new TypeError('Failed to fetch')
    return result
  }

  return {
    fetch,
    messages: () => state.messages.list(),
    reset: () => resetState(state),
    faults: {
      add: (fault) => state.faults.add(fault),
      clear: () => state.faults.clear(),
      list: () => state.faults.list(),
    },
    config: {
      publicToken: resolved.publicToken,
      projectId: resolved.projectId,
      secret: resolved.secret,
      moonkeyApiKey: resolved.moonkeyApiKey,
      moonkeyPublicKey: resolved.moonkeyPublicKey,
      countries: [...resolved.countries],
    },
    [HANDLE]: handle,
  }
}
