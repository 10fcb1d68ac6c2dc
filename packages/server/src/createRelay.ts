// The relay: the public-token API (`/sdk/v1/…`) served from the app's own server, with the app's origin
// rules, country list and send limits applied before a provider (and its secret) is ever called.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { RelayFailure, errorResponse, jsonResponse, relayFailure, requestId } from './errors'
import { memoryStore } from './memoryStore'
import type { Caller, Channel, Provider, SendInput } from './provider'
import type { RateLimitStore } from './RateLimitStore'

/** `max` sends per `windowSeconds`. A bare number is that many sends per 10 minutes. */
export type RateLimitRule = number | { max: number; windowSeconds: number }

export interface RelayOptions {
  provider: Provider
  /** The token browsers present (`createStytchClient(publicToken, …)`); any other is refused with 401. */
  publicToken: string
  /** Other origins whose pages may call the relay, with credentials. Default: the relay's own origin only. */
  allowedOrigins?: string[]
  /** ISO 3166 codes (`['US', 'CA']`) numbers may belong to; others are refused before the provider is called. */
  countries?: string[]
  /** Sends allowed per phone number and per client IP; over the limit the answer is 429 with Retry-After. */
  limits?: { perPhone?: RateLimitRule; perIp?: RateLimitRule }
  /** Where the send counters live. Default: this process's memory ({@link memoryStore}). */
  store?: RateLimitStore
  /** The prefix the relay is mounted under, e.g. `/auth`. Default: the root. */
  basePath?: string
}

/** What the server knows about the browser that a `Request` does not carry. */
export interface ClientInfo {
  /** The client's IP address: the fraud signal sent to the provider, and the key of `limits.perIp`. */
  ip?: string
}

export interface Relay {
  /** Answers one request, web-standard: Bun, Deno, Workers, Next.js route handlers, `toNodeHandler`. */
  fetch(request: Request, client?: ClientInfo): Promise<Response>
  /** The prefix given as `basePath` (`''` at the root). */
  readonly basePath: string
}

const MAX_BODY_CHARS = 64 * 1024
const E164 = /^\+[1-9]\d{1,14}$/
const SANDBOX_PHONE_NUMBER = '+10000000000'
const DEFAULT_WINDOW_SECONDS = 600

interface RouteInput {
  request: Request
  caller: Caller
  /** The session token from the Basic auth password; null without a session. */
  sessionToken: string | null
  body: Record<string, unknown>
}

type Handler = (input: RouteInput) => Promise<Record<string, unknown>>

function ok(data: Record<string, unknown>): Response {
  return jsonResponse(200, { data: { request_id: requestId(), status_code: 200, ...data } })
}

function badRequest(type: string, message: string): RelayFailure {
  return new RelayFailure(400, type, message)
}

/** Compares two strings in time that depends only on their lengths' maximum. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0)
  }
  return difference === 0
}

function readBasicAuth(request: Request): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  if (!match?.[1]) return null
  let decoded: string
  try {
    const binary = atob(match[1])
    decoded = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
  } catch {
    return null
  }
  const colon = decoded.indexOf(':')
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  if (request.method === 'GET' || request.method === 'HEAD') return {}
  const text = await request.text()
  if (text.length > MAX_BODY_CHARS) throw relayFailure('request_too_large', 'The request body is too large.')
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw badRequest('bad_request', 'The request body is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('bad_request', 'The request body must be a JSON object.')
  }
  return value as Record<string, unknown>
}

function optionalInteger(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  errorType: string,
): number | undefined {
  const value = body[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(errorType, `${name} must be an integer from ${min} to ${max}.`)
  }
  return value
}

/** A SHA-256 hex digest: counters are keyed by it, so no phone number or IP is stored as it is. */
async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function readRule(name: string, rule: RateLimitRule | undefined) {
  if (rule === undefined) return undefined
  const { max, windowSeconds } =
    typeof rule === 'number' ? { max: rule, windowSeconds: DEFAULT_WINDOW_SECONDS } : rule
  if (!Number.isInteger(max) || max < 1 || !Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new TypeError(`createRelay: limits.${name} must be a positive integer or {max, windowSeconds}`)
  }
  return { max, windowMs: windowSeconds * 1000 }
}

function readOrigin(value: string): string {
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin
  } catch {
    // reported below
  }
  throw new TypeError(`createRelay: allowedOrigins must hold origins such as https://app.example.com`)
}

export function createRelay(options: RelayOptions): Relay {
  const { provider } = options ?? {}
  if (typeof provider?.loginOrCreate !== 'function') {
    throw new TypeError('createRelay: provider must be stytchBackend(…) or moonkey(…)')
  }
  const publicToken = options.publicToken
  if (typeof publicToken !== 'string' || publicToken === '' || publicToken.includes(':')) {
    throw new TypeError('createRelay: publicToken must be a non-empty string without ":"')
  }
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map(readOrigin))
  const countries = options.countries?.map((code) => {
    const upper = String(code).trim().toUpperCase()
    if (!/^[A-Z]{2}$/.test(upper))
      throw new TypeError(`createRelay: countries must hold ISO codes such as US`)
    return upper
  })
  const perPhone = readRule('perPhone', options.limits?.perPhone)
  const perIp = readRule('perIp', options.limits?.perIp)
  const store = options.store ?? memoryStore()
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  if (basePath !== '' && !basePath.startsWith('/')) {
    throw new TypeError('createRelay: basePath must start with "/", e.g. /auth')
  }

  function readPhoneNumber(body: Record<string, unknown>): string {
    const value = body.phone_number
    if (typeof value !== 'string' || !E164.test(value)) {
      throw badRequest('invalid_phone_number', 'phone_number must be in E.164 format, e.g. +12025550162.')
    }
    if (value === SANDBOX_PHONE_NUMBER) return value
    const parsed = parsePhoneNumberFromString(value)
    if (!parsed?.isValid() || parsed.number !== value) {
      throw badRequest('invalid_phone_number', 'phone_number is not a valid phone number.')
    }
    if (countries && (!parsed.country || !countries.includes(parsed.country))) {
      throw badRequest(
        'invalid_phone_number_country_code',
        `Sign-in by phone is open to numbers from ${countries.join(', ')} only.`,
      )
    }
    return value
  }

  function readSendInput(body: Record<string, unknown>): SendInput {
    const phoneNumber = readPhoneNumber(body)
    const expirationMinutes = optionalInteger(body, 'expiration_minutes', 1, 10, 'invalid_expiration')
    const locale = body.locale
    if (locale !== undefined && locale !== null && typeof locale !== 'string') {
      throw badRequest('invalid_locale', 'locale must be a language tag such as en.')
    }
    const enableAutofill = body.enable_autofill
    if (enableAutofill !== undefined && enableAutofill !== null && typeof enableAutofill !== 'boolean') {
      throw badRequest('bad_request', 'enable_autofill must be a boolean.')
    }
    const autofillMinutes = optionalInteger(
      body,
      'autofill_session_duration_minutes',
      5,
      527_040,
      'invalid_session_duration_minutes',
    )
    return {
      phoneNumber,
      ...(expirationMinutes === undefined ? {} : { expirationMinutes }),
      ...(typeof locale === 'string' ? { locale } : {}),
      ...(enableAutofill === true ? { enableAutofill } : {}),
      ...(autofillMinutes === undefined ? {} : { autofillSessionDurationMinutes: autofillMinutes }),
    }
  }

  /** Counts the send against each limit; the first one over answers 429 with Retry-After. */
  async function throttle(phoneNumber: string, caller: Caller): Promise<void> {
    const checks = [
      perPhone && { rule: perPhone, key: `phone:${await digest(phoneNumber)}` },
      // Without a client IP every request shares one counter: stricter, never looser.
      perIp && { rule: perIp, key: `ip:${await digest(caller.ip || 'unknown')}` },
    ]
    for (const check of checks) {
      if (!check) continue
      const { count, resetInMs } = await store.increment(check.key, check.rule.windowMs)
      if (count > check.rule.max) {
        throw new RelayFailure(429, 'too_many_requests', 'Too many codes were requested; try again later.', {
          'retry-after': String(Math.max(1, Math.ceil(resetInMs / 1000))),
        })
      }
    }
  }

  function requireSession(sessionToken: string | null): string {
    if (sessionToken === null) {
      throw new RelayFailure(404, 'session_not_found', 'The session could not be found, or it has ended.')
    }
    return sessionToken
  }

  const sendRoutes = (channel: Channel): Record<string, Handler> => ({
    [`/sdk/v1/otps/${channel}/login_or_create`]: async ({ body, caller }) => {
      const input = readSendInput(body)
      await throttle(input.phoneNumber, caller)
      return provider.loginOrCreate(channel, input, caller)
    },
    [`/sdk/v1/otps/${channel}/send/primary`]: async ({ body, caller }) => {
      const input = readSendInput(body)
      await throttle(input.phoneNumber, caller)
      const sent = await provider.sendPrimary(channel, input, caller)
      // An unknown number gets the same answer and no code, so the relay does not reveal who has an account.
      return sent ?? { method_id: provider.decoyMethodId() }
    },
    [`/sdk/v1/otps/${channel}/send/secondary`]: async ({ body, caller, sessionToken }) => {
      const token = requireSession(sessionToken)
      const input = readSendInput(body)
      if (!provider.sendSecondary) {
        throw relayFailure(
          'unsupported_by_provider',
          `${provider.name} cannot add a phone number to a signed-in user.`,
        )
      }
      await throttle(input.phoneNumber, caller)
      return provider.sendSecondary(channel, input, token, caller)
    },
  })

  const postRoutes: Record<string, Handler> = {
    ...Object.assign({}, ...provider.channels.map(sendRoutes)),
    '/sdk/v1/otps/authenticate': async ({ body, caller, sessionToken }) => {
      const code = body.token
      if (typeof code !== 'string' || !/^\d{6}$/.test(code)) {
        throw badRequest('invalid_code', 'token must be the 6-digit passcode as a string.')
      }
      const methodId = body.method_id
      if (typeof methodId !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(methodId)) {
        throw badRequest('invalid_method_id', 'method_id must be the id a send returned.')
      }
      const minutes = optionalInteger(
        body,
        'session_duration_minutes',
        5,
        527_040,
        'invalid_session_duration_minutes',
      )
      if (minutes === undefined) {
        throw badRequest('invalid_session_duration_minutes', 'session_duration_minutes is required.')
      }
      const input = { code, methodId, sessionDurationMinutes: minutes }
      if (sessionToken === null) return provider.authenticate(input, caller)
      try {
        return await provider.authenticate({ ...input, sessionToken }, caller)
      } catch (error) {
        // The public-token API ignores a session that has ended; the backends refuse it before they look at
        // the code (so the code is still good). Sign in afresh, as the browser would have without it.
        if (!(error instanceof RelayFailure) || error.errorType !== 'session_not_found') throw error
        return provider.authenticate(input, caller)
      }
    },
    '/sdk/v1/sessions/authenticate': async ({ body, sessionToken }) => {
      const token = requireSession(sessionToken)
      const minutes = optionalInteger(
        body,
        'session_duration_minutes',
        5,
        527_040,
        'invalid_session_duration_minutes',
      )
      return provider.authenticateSession(token, minutes)
    },
    '/sdk/v1/sessions/revoke': async ({ sessionToken }) => {
      await provider.revokeSession(requireSession(sessionToken))
      return {}
    },
  }
  const getRoutes: Record<string, Handler> = {
    '/sdk/v1/users/me': async ({ sessionToken }) => provider.getUser(requireSession(sessionToken)),
  }

  function corsHeaders(origin: string | null, allowed: boolean): Record<string, string> {
    if (origin === null || !allowed) return {}
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'Retry-After',
      vary: 'Origin',
    }
  }

  async function answer(request: Request, client: ClientInfo | undefined, path: string): Promise<Response> {
    const handler = (request.method === 'GET' ? getRoutes : request.method === 'POST' ? postRoutes : {})[path]
    if (!handler) {
      if (postRoutes[path] || getRoutes[path]) {
        const allow = postRoutes[path] ? 'POST' : 'GET'
        return errorResponse(
          new RelayFailure(405, 'method_not_allowed', `${path} accepts ${allow}.`, { allow }),
        )
      }
      return errorResponse(relayFailure('route_not_found', `No endpoint ${path} in the relay.`))
    }
    try {
      const credentials = readBasicAuth(request)
      if (!credentials || !sameText(credentials.username, publicToken)) {
        throw new RelayFailure(401, 'unauthorized_credentials', 'Unauthorized credentials.')
      }
      const { password } = credentials
      const sessionToken = password === '' || password === publicToken ? null : password
      const body = await readBody(request)
      const caller: Caller = { ip: client?.ip ?? '', userAgent: request.headers.get('user-agent') ?? '' }
      return ok(await handler({ request, caller, sessionToken, body }))
    } catch (error) {
      if (error instanceof RelayFailure) return errorResponse(error)
      // Unknown failures are not described to the browser: their text may hold anything.
      return errorResponse(new RelayFailure(500, 'internal_server_error', 'The relay failed.'))
    }
  }

  return {
    basePath,
    async fetch(request, client) {
      const url = new URL(request.url)
      const origin = request.headers.get('origin')
      // CORS governs browsers only: a request without Origin (a server, curl) is served.
      const allowed = origin === null || origin === url.origin || allowedOrigins.has(origin)
      const inside = basePath === '' || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`)
      const path = inside ? url.pathname.slice(basePath.length).replace(/\/+$/, '') : ''
      if (request.method === 'OPTIONS') {
        if (!allowed) {
          return errorResponse(
            relayFailure('cors_origin_not_allowed', `Origin ${origin} may not call this relay.`),
          )
        }
        return new Response(null, {
          status: 204,
          headers: {
            ...corsHeaders(origin, allowed),
            'access-control-allow-methods': 'GET, POST, OPTIONS',
            'access-control-allow-headers':
              request.headers.get('access-control-request-headers') ?? 'Authorization, Content-Type',
            'access-control-max-age': '600',
            vary: 'Origin, Access-Control-Request-Headers',
          },
        })
      }
      if (!allowed) {
        return errorResponse(
          relayFailure('cors_origin_not_allowed', `Origin ${origin} may not call this relay.`),
        )
      }
      const response = inside
        ? await answer(request, client, path)
        : errorResponse(relayFailure('route_not_found', `No endpoint ${url.pathname} in the relay.`))
      for (const [name, value] of Object.entries(corsHeaders(origin, allowed)))
        response.headers.set(name, value)
      return response
    },
  }
}
