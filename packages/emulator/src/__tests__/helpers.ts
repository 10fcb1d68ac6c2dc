// Small wire helpers for the tests: they build requests exactly as a client would send them.
import { Buffer } from 'node:buffer'
import { DEMO_PROJECT_ID, DEMO_PUBLIC_TOKEN, DEMO_SECRET, type Emulator } from '../index'

export const PHONE = '+12025550162'
export const OTHER_PHONE = '+12025550163'
export const CANADA_PHONE = '+14165550123'
export const BASE = 'http://emulator.test'

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

export const publicAuth = (sessionToken?: string) =>
  basic(DEMO_PUBLIC_TOKEN, sessionToken ?? DEMO_PUBLIC_TOKEN)
export const secretAuth = () => basic(DEMO_PROJECT_ID, DEMO_SECRET)

type Fetch = Emulator['fetch']

export interface CallOptions {
  method?: string
  auth?: string | null
  headers?: Record<string, string>
  /** A raw body string; wins over `body`. */
  raw?: string
}

export async function call(
  fetch: Fetch,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<{ status: number; json: Record<string, unknown>; response: Response }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  if (options.auth) headers.authorization = options.auth
  const method = options.method ?? (body === undefined && options.raw === undefined ? 'GET' : 'POST')
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : body !== undefined
        ? { body: JSON.stringify(body) }
        : {}),
  })
  const text = await response.clone().text()
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    response,
  }
}

/** A /sdk/v1 call with the public token (and optionally a session token) in Basic auth. */
export function sdk(
  fetch: Fetch,
  path: string,
  body?: unknown,
  options: CallOptions & { session?: string } = {},
) {
  return call(fetch, `/sdk/v1${path}`, body, {
    ...options,
    auth: options.auth === undefined ? publicAuth(options.session) : options.auth,
  })
}

/** A /v1 call with project_id:secret in Basic auth. */
export function backend(fetch: Fetch, path: string, body?: unknown, options: CallOptions = {}) {
  return call(fetch, `/v1${path}`, body, {
    ...options,
    auth: options.auth === undefined ? secretAuth() : options.auth,
  })
}

export function data(json: Record<string, unknown>): Record<string, unknown> {
  return json.data as Record<string, unknown>
}

export function lastCode(emulator: Emulator): string {
  const message = emulator.messages().at(-1)
  if (!message) throw new Error('no SMS was sent')
  return message.code
}

/** Checks a code through the SDK family, asking for a 5-minute session. */
export function authenticateCode(emulator: Emulator, methodId: string, token: string) {
  return sdk(emulator.fetch, '/otps/authenticate', {
    token,
    method_id: methodId,
    session_duration_minutes: 5,
  })
}

/** A six-digit code other than `code` (a different one for each offset below a million). */
export function wrongFor(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, '0')
}

/** Sends a code through the SDK family and returns the method id. */
export async function sendCode(emulator: Emulator, phone = PHONE, extra: Record<string, unknown> = {}) {
  const { status, json } = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
    phone_number: phone,
    ...extra,
  })
  if (status !== 200) throw new Error(`login_or_create failed: ${JSON.stringify(json)}`)
  return data(json).method_id as string
}

/** Signs in through the SDK family; returns the authenticate response's data. */
export async function signIn(emulator: Emulator, phone = PHONE, minutes = 60) {
  const methodId = await sendCode(emulator, phone)
  const { status, json } = await sdk(emulator.fetch, '/otps/authenticate', {
    token: lastCode(emulator),
    method_id: methodId,
    session_duration_minutes: minutes,
  })
  if (status !== 200) throw new Error(`authenticate failed: ${JSON.stringify(json)}`)
  return data(json) as {
    session_token: string
    session_jwt: string
    user_id: string
    method_id: string
    session: Record<string, unknown>
    user: Record<string, unknown>
  }
}

/** The documented error body, checked field by field. */
export function expectErrorShape(json: Record<string, unknown>, status: number, errorType: string): void {
  if (json.data !== undefined) throw new Error('errors must not be wrapped in data')
  const problems: string[] = []
  if (json.status_code !== status) problems.push(`status_code ${String(json.status_code)} != ${status}`)
  if (json.error_type !== errorType) problems.push(`error_type ${String(json.error_type)} != ${errorType}`)
  if (typeof json.error_message !== 'string' || json.error_message === '')
    problems.push('error_message missing')
  if (json.error_url !== `https://stytch.com/docs/api/errors/${status}`)
    problems.push(`error_url ${String(json.error_url)}`)
  if (typeof json.request_id !== 'string' || !/^request-id-test-[0-9a-f-]{36}$/.test(json.request_id)) {
    problems.push(`request_id ${String(json.request_id)}`)
  }
  if (problems.length > 0) throw new Error(`bad error body (${problems.join('; ')}): ${JSON.stringify(json)}`)
}

export function decodeJwt(jwt: string): {
  header: Record<string, unknown>
  payload: Record<string, unknown>
} {
  const [header, payload] = jwt.split('.')
  const decode = (part: string | undefined) =>
    JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
  return { header: decode(header), payload: decode(payload) }
}
