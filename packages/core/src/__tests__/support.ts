// Test support: a fetch that records what goes on the wire and answers with real Response objects,
// plus response fixtures shaped like the API's. This replaces the network at its edge only.
import type { Session, User } from '../types'

export const TOKEN = 'public-token-test-5c1f2a90-8d4e-4b7a-a2f3-0e9d8c7b6a51'
export const LIVE_TOKEN = 'public-token-live-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
export const BASE = 'https://test.stytch.com/sdk/v1'
export const PHONE = '+12025550162'

export interface RecordedCall {
  url: string
  method: string
  headers: Record<string, string>
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown
  rawBody: string | undefined
  credentials: RequestCredentials | undefined
  signal: AbortSignal | undefined
}

export type Reply = Response | Error | 'hang' | ((call: RecordedCall) => Response | Promise<Response>)

/** The Basic header a request must carry, computed independently of the client. */
export function basic(password = TOKEN, user = TOKEN): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

/**
 * A fetch answering from a queue of replies, in order. An Error reply rejects like a network failure;
 * 'hang' never answers but honours the signal, as a real fetch does. No reply left fails the test.
 */
export function recordingFetch(...replies: Reply[]) {
  const calls: RecordedCall[] = []
  const queue = [...replies]
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, key) => (headers[key] = value))
    const rawBody = typeof init.body === 'string' ? init.body : undefined
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers,
      body: rawBody === undefined ? undefined : JSON.parse(rawBody),
      rawBody,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    }
    calls.push(call)
    const reply = queue.shift()
    if (reply === undefined) throw new Error(`unexpected request ${call.method} ${call.url}`)
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        const abort = () => reject(new DOMException('This operation was aborted', 'AbortError'))
        if (call.signal?.aborted) abort()
        call.signal?.addEventListener('abort', abort)
      })
    }
    if (reply instanceof Error) throw reply
    if (typeof reply === 'function') return reply(call)
    return reply
  }
  return { fetch: fetch as typeof globalThis.fetch, calls, queue }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

export function ok(data: unknown): Response {
  return json(200, { data })
}

export function apiError(
  status: number,
  error_type: string,
  headers: Record<string, string> = {},
  error_message = `Error: ${error_type}`,
): Response {
  return json(
    status,
    {
      status_code: status,
      request_id: `request-id-test-${error_type}`,
      error_type,
      error_message,
      error_url: `https://stytch.com/docs/api/errors/${status}`,
    },
    headers,
  )
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain', ...headers } })
}

let sequence = 0

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    user_id: 'user-test-16fe2f5b-1c4e-4d7a-9e11-5d0b8f3a2c10',
    created_at: '2026-11-20T10:00:00Z',
    status: 'active',
    name: { first_name: '', middle_name: '', last_name: '' },
    emails: [],
    phone_numbers: [{ phone_id: 'phone-number-test-2b9c', phone_number: PHONE, verified: true }],
    trusted_metadata: {},
    untrusted_metadata: {},
    ...overrides,
  }
}

export function makeSession(overrides: Partial<Session> = {}): Session {
  const now = Date.now()
  return {
    session_id: `session-test-${++sequence}`,
    user_id: 'user-test-16fe2f5b-1c4e-4d7a-9e11-5d0b8f3a2c10',
    started_at: new Date(now).toISOString(),
    last_accessed_at: new Date(now).toISOString(),
    expires_at: new Date(now + 60 * 60 * 1000).toISOString(),
    authentication_factors: [
      {
        type: 'otp',
        delivery_method: 'sms',
        last_authenticated_at: new Date(now).toISOString(),
        phone_number_factor: { phone_id: 'phone-number-test-2b9c', phone_number: PHONE },
      },
    ],
    attributes: { ip_address: '203.0.113.7', user_agent: 'vitest' },
    custom_claims: {},
    ...overrides,
  }
}

export function sendData(method_id = 'phone-number-test-2b9c') {
  return { request_id: 'request-id-test-send', status_code: 200, method_id }
}

export function authData(token = 'session-token-A', session = makeSession()) {
  return {
    request_id: 'request-id-test-auth',
    status_code: 200,
    user_id: session.user_id,
    method_id: 'phone-number-test-2b9c',
    session_token: token,
    session_jwt: `jwt-for-${token}`,
    session,
    user: makeUser(),
    reset_sessions: false,
  }
}

export function sessionData(token = 'session-token-A', session = makeSession()) {
  return {
    request_id: 'request-id-test-session',
    status_code: 200,
    session_token: token,
    session_jwt: `jwt-for-${token}`,
    session,
    user: makeUser(),
  }
}

/** Resolves a promise's outcome without throwing, to assert on rejections by value. */
export async function settle<T>(promise: Promise<T>): Promise<unknown> {
  try {
    await promise
    return undefined
  } catch (error) {
    return error
  }
}

/**
 * In a jsdom page: records the raw strings written to `document.cookie` (the platform edge) while still
 * storing them. Undo with `delete document.cookie`, which uncovers the prototype's accessor again.
 */
export function recordCookieWrites(): string[] {
  const writes: string[] = []
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => native.get!.call(document),
    set: (value: string) => {
      writes.push(value)
      native.set!.call(document, value)
    },
  })
  return writes
}
