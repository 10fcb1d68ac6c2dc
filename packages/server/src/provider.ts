// What the relay asks of a provider: the public-token calls, answered in the public-token API's shapes.
import type { RelayFailure } from './errors'
import { relayFailure } from './errors'

export type Channel = 'sms' | 'whatsapp'

/** What the relay learns from the browser's request, for the provider's fraud signals. */
export interface Caller {
  /** The client's IP address when the app passed it (see `relay.fetch`); empty otherwise. */
  ip: string
  userAgent: string
}

/** A send request after the relay validated it. */
export interface SendInput {
  phoneNumber: string
  expirationMinutes?: number
  locale?: string
  enableAutofill?: boolean
  autofillSessionDurationMinutes?: number
}

export interface AuthenticateInput {
  code: string
  methodId: string
  sessionDurationMinutes: number
  /** The browser's session, when it already has one (a second factor joins it). */
  sessionToken?: string
}

/** `{session, session_token, session_jwt, user}` as the public-token API answers them. */
export type SessionPayload = Record<string, unknown> & {
  session: Record<string, unknown>
  session_token: string
  session_jwt: string
  user: Record<string, unknown>
}

export interface Provider {
  /** For messages: `stytch-backend` or `moonkey`. Never a credential. */
  readonly name: string
  /** The channels this provider can send codes on. */
  readonly channels: readonly Channel[]
  loginOrCreate(channel: Channel, input: SendInput, caller: Caller): Promise<{ method_id: string }>
  /** A method id shaped like this provider's real ones, for a send to a number nobody signs in with. */
  decoyMethodId(): string
  /** Sends to a number that already signs in; `null` when no user has it. */
  sendPrimary(channel: Channel, input: SendInput, caller: Caller): Promise<{ method_id: string } | null>
  /** Adds the number to the signed-in user; absent when the provider has no such call. */
  sendSecondary?(
    channel: Channel,
    input: SendInput,
    sessionToken: string,
    caller: Caller,
  ): Promise<{ method_id: string }>
  authenticate(
    input: AuthenticateInput,
    caller: Caller,
  ): Promise<SessionPayload & { user_id: string; method_id: string }>
  authenticateSession(sessionToken: string, minutes: number | undefined): Promise<SessionPayload>
  revokeSession(sessionToken: string): Promise<void>
  getUser(sessionToken: string): Promise<Record<string, unknown>>
}

/** How a provider reaches its API; `fetch` and `timeoutMs` are there for tests and unusual runtimes. */
export interface ProviderTransport {
  /** The API's origin, e.g. `https://api.stytch.com`; the provider adds `/v1/…`. */
  baseUrl?: string
  /** Default: the global fetch. */
  fetch?: typeof fetch
  /** How long one call may take before the relay answers 503. Default 10,000 ms. */
  timeoutMs?: number
}

/** A provider's answer: status and parsed JSON object (`undefined` when the body was not a JSON object). */
export interface ProviderAnswer {
  status: number
  headers: Headers
  body: Record<string, unknown> | undefined
}

export function normaliseBaseUrl(value: string | undefined, fallback: string, name: string): string {
  const raw = value ?? fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new TypeError(`${name}: baseUrl must be an absolute http(s) URL such as ${fallback}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${name}: baseUrl must be an absolute http(s) URL such as ${fallback}`)
  }
  return url.origin
}

export function requireString(value: unknown, what: string): string {
  // The message names the option, never its value: it may be a secret.
  if (typeof value !== 'string' || value.trim() === '')
    throw new TypeError(`${what} must be a non-empty string`)
  return value
}

/**
 * Calls the provider with a deadline. Network failures and timeouts become 503 `provider_unavailable`;
 * a body that is not a JSON object is reported as `undefined` for the caller to judge.
 */
export async function callProvider(
  transport: Required<Pick<ProviderTransport, 'timeoutMs'>> & { fetch: typeof fetch },
  url: string,
  init: { method: string; headers: Record<string, string>; body?: unknown },
  providerName: string,
): Promise<ProviderAnswer> {
  const signal = AbortSignal.timeout(transport.timeoutMs)
  let response: Response
  let text: string
  try {
    response = await transport.fetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...init.headers,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal,
      redirect: 'error',
    })
    text = await response.text()
  } catch {
    // The cause may quote the request (with its credentials), so it is not passed on.
    const why = signal.aborted ? `did not answer within ${transport.timeoutMs} ms` : 'could not be reached'
    throw relayFailure('provider_unavailable', `The sign-in service (${providerName}) ${why}.`)
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body)
  return {
    status: response.status,
    headers: response.headers,
    body: isObject ? (body as Record<string, unknown>) : undefined,
  }
}

/** 5xx, or a body the relay cannot read, as the typed failures every provider shares. */
export function unexpected(answer: ProviderAnswer, providerName: string): RelayFailure {
  if (answer.status >= 500) {
    return relayFailure(
      'provider_unavailable',
      `The sign-in service (${providerName}) failed (${answer.status}).`,
    )
  }
  return relayFailure(
    'provider_bad_response',
    `The sign-in service (${providerName}) answered ${answer.status} with a body the relay does not understand.`,
  )
}

export function badShape(providerName: string, what: string): RelayFailure {
  return relayFailure(
    'provider_bad_response',
    `The sign-in service (${providerName}) answered without ${what}.`,
  )
}

/** Reads a string field the relay relies on, or fails as a bad response. */
export function field(body: Record<string, unknown>, name: string, providerName: string): string {
  const value = body[name]
  if (typeof value !== 'string' || value === '') throw badShape(providerName, name)
  return value
}

export function objectField(
  body: Record<string, unknown>,
  name: string,
  providerName: string,
): Record<string, unknown> {
  const value = body[name]
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badShape(providerName, name)
  return value as Record<string, unknown>
}

/** Removes the provider's credentials from text the provider wrote, before it reaches a browser. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.split(secret).join('[redacted]') : result), text)
}

/** A provider's error body: `{error_type, error_message?}` with a string type; undefined otherwise. */
export function readError(answer: ProviderAnswer): { type: string; message: string } | undefined {
  const type = answer.body?.error_type
  if (typeof type !== 'string' || type === '') return undefined
  const message = answer.body?.error_message
  return { type, message: typeof message === 'string' ? message : type }
}

/** Retry-After from a provider's 429, passed on to the browser. */
export function retryAfter(answer: ProviderAnswer): Record<string, string> {
  const value = answer.headers.get('retry-after')
  return value && /^\d+$/.test(value) ? { 'retry-after': value } : {}
}
