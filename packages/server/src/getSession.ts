// Who is signed in, from the session cookies the browser client writes: the JWT is checked locally
// against the project's key set (no request while the JWT is fresh), and only an expired or
// unverifiable-by-key JWT goes to the backend's sessions/authenticate with the opaque session token.
// Web-standard only (fetch, Headers, jose), so it runs on Node and on edge runtimes alike.
import { createLocalJWKSet, createRemoteJWKSet, customFetch, errors, jwtVerify } from 'jose'
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose'

/** What `getSession` reads: a `Request`, or anything with its headers (Next's `headers()`). */
export interface RequestLike {
  headers: { get(name: string): string | null }
}

export interface GetSessionOptions {
  /** The project id, `project-test-…` or `project-live-…`. It picks the default API host. */
  projectId: string
  /**
   * The project secret. With it, an expired JWT is renewed through `POST /v1/sessions/authenticate`
   * with the session token, and the key set is fetched with the project's credentials.
   */
  secret?: string
  /** A key set to verify against instead of fetching the project's (`GET /v1/sessions/jwks/{project_id}`). */
  jwks?: JSONWebKeySet
  /** API origin: the emulator or a custom domain. Default `https://test.stytch.com` for a test project id, `https://api.stytch.com` for a live one. */
  baseUrl?: string
  /** Cookie names, as in the browser client's `cookie` option. */
  cookie?: { opaqueTokenCookieName?: string; jwtCookieName?: string }
  /**
   * A JWT at least this old is not trusted locally but checked with the backend (needs `secret`), which
   * notices a revoked session sooner than the JWT's five-minute lifetime; 0 always asks. Default: no limit.
   */
  maxTokenAgeSeconds?: number
  /** Also load the full user (`GET /v1/users/{user_id}`, needs `secret`) when the JWT was enough. */
  includeUser?: boolean
  /** How long fetched keys are kept, and how soon an unknown key id may fetch them again. Defaults 10 minutes and 30 seconds. */
  jwksCache?: { maxAgeMs?: number; cooldownMs?: number }
  /** The fetch to use; default `globalThis.fetch`. The network edge, so tests inject here. */
  fetch?: typeof fetch
  /** Per-request timeout in milliseconds. Default 5000. */
  timeoutMs?: number
}

export interface SessionFactor {
  type: string
  delivery_method: string
  last_authenticated_at: string
  phone_number_factor?: { phone_id: string; phone_number: string }
}

/** A session as the API describes it (the same shape as `Session` in @otpkit/core). */
export interface ServerSession {
  session_id: string
  user_id: string
  started_at: string
  last_accessed_at: string
  expires_at: string
  authentication_factors: SessionFactor[]
  attributes: { ip_address: string; user_agent: string }
  custom_claims: Record<string, unknown>
}

/** A user as the API describes it (the same shape as `User` in @otpkit/core). */
export interface ServerUser {
  user_id: string
  created_at: string
  status: string
  name: { first_name: string; middle_name: string; last_name: string }
  emails: { email_id: string; email: string; verified: boolean }[]
  phone_numbers: { phone_id: string; phone_number: string; verified: boolean }[]
  trusted_metadata: Record<string, unknown>
  untrusted_metadata: Record<string, unknown>
}

export interface SessionResult {
  session: ServerSession
  /** The user, when the backend was asked (a renewed JWT, or `includeUser`); null after a local check. */
  user: ServerUser | null
  /** The phone number the session was last proven with, from its factors; null if it has none. */
  phoneNumber: string | null
  /** The JWT that proved the session: the cookie's, or a fresh one after a renewal (set it as the new cookie). */
  sessionJwt: string
  /** `'jwt'` when the key set was enough, `'api'` when the backend was asked. */
  verifiedBy: 'jwt' | 'api'
}

export type GetSessionErrorCode = 'invalid_options' | 'invalid_credentials' | 'network_error' | 'api_error'

/**
 * Thrown only when the answer is unknown (bad options, wrong secret, the API unreachable or failing),
 * never for a missing, expired, forged or revoked session: those are `null`.
 */
export class GetSessionError extends Error {
  override name = 'GetSessionError'
  readonly code: GetSessionErrorCode
  /** The HTTP status from the API, when there was one. */
  readonly status: number | undefined

  constructor(code: GetSessionErrorCode, message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.status = status
  }
}

const SESSION_CLAIM = 'https://stytch.com/session'
const RESERVED_CLAIMS = new Set(['aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'sub', SESSION_CLAIM])
// The API's answers that mean "no such live session", as opposed to "cannot tell".
const GONE = new Set([
  'session_not_found',
  'user_unauthenticated',
  'invalid_session_token',
  'invalid_session_jwt',
  'user_not_found',
])

/** `https://test.stytch.com` for a test project, `https://api.stytch.com` for a live one. */
export function defaultBaseUrl(projectId: string): string {
  return projectId.startsWith('project-live-') ? 'https://api.stytch.com' : 'https://test.stytch.com'
}

function checkOptions(options: GetSessionOptions): void {
  const fail = (message: string) => {
    throw new GetSessionError('invalid_options', message)
  }
  if (typeof options !== 'object' || options === null)
    fail('getSession needs options: { projectId, secret? | jwks? }.')
  if (typeof options.projectId !== 'string' || !/^project-(test|live)-\S+$/.test(options.projectId))
    fail(
      `projectId must look like project-test-… or project-live-…, got ${JSON.stringify(options.projectId)}.`,
    )
  if (options.secret !== undefined && (typeof options.secret !== 'string' || options.secret === ''))
    fail('secret must be a non-empty string.')
  if (options.jwks !== undefined && !Array.isArray(options.jwks?.keys))
    fail('jwks must be a key set: { keys: [...] }.')
  if (options.baseUrl !== undefined && !/^https?:$/.test(protocolOf(options.baseUrl)))
    fail(`baseUrl must be an http(s) URL, got ${JSON.stringify(options.baseUrl)}.`)
  if (options.includeUser && options.secret === undefined) fail('includeUser needs the project secret.')
  if (options.maxTokenAgeSeconds !== undefined && !(options.maxTokenAgeSeconds >= 0))
    fail('maxTokenAgeSeconds must be a number ≥ 0.')
}

function protocolOf(url: unknown): string {
  try {
    return new URL(String(url)).protocol
  } catch {
    return ''
  }
}

/** Reads one cookie from a Cookie header; undefined when absent, empty or not decodable. */
function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue
    try {
      const value = decodeURIComponent(part.slice(eq + 1).trim())
      return value === '' ? undefined : value
    } catch {
      return undefined
    }
  }
  return undefined
}

// Key sets are kept per fetch function and URL, so every request of a process shares one cache and
// an unknown key id (a rotation) refetches at most once per cooldown.
const remoteKeySets = new WeakMap<typeof fetch, Map<string, JWTVerifyGetKey>>()

function keySetFor(options: GetSessionOptions, baseUrl: string, fetchFn: typeof fetch): JWTVerifyGetKey {
  if (options.jwks) return createLocalJWKSet(options.jwks)
  const url = `${baseUrl}/v1/sessions/jwks/${encodeURIComponent(options.projectId)}`
  const cache = options.jwksCache ?? {}
  const key = `${url} ${cache.maxAgeMs ?? ''} ${cache.cooldownMs ?? ''} ${options.secret ?? ''}`
  let byUrl = remoteKeySets.get(fetchFn)
  if (!byUrl) remoteKeySets.set(fetchFn, (byUrl = new Map()))
  let keySet = byUrl.get(key)
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url), {
      ...(cache.maxAgeMs !== undefined && { cacheMaxAge: cache.maxAgeMs }),
      ...(cache.cooldownMs !== undefined && { cooldownDuration: cache.cooldownMs }),
      timeoutDuration: options.timeoutMs ?? 5000,
      headers: options.secret ? { authorization: basicAuth(options.projectId, options.secret) } : {},
      [customFetch]: (input, init) => fetchFn(input, init as RequestInit),
    })
    byUrl.set(key, keySet)
  }
  return keySet
}

function basicAuth(projectId: string, secret: string): string {
  return `Basic ${btoa(`${projectId}:${secret}`)}`
}

/** The session a verified JWT describes, in the API's shape. */
function sessionFromClaims(payload: JWTPayload): ServerSession | null {
  const claim = payload[SESSION_CLAIM] as Record<string, unknown> | undefined
  if (
    typeof claim !== 'object' ||
    claim === null ||
    typeof claim.id !== 'string' ||
    typeof payload.sub !== 'string'
  )
    return null
  const custom = Object.fromEntries(Object.entries(payload).filter(([name]) => !RESERVED_CLAIMS.has(name)))
  return {
    session_id: claim.id,
    user_id: payload.sub,
    started_at: String(claim.started_at),
    last_accessed_at: String(claim.last_accessed_at),
    expires_at: String(claim.expires_at),
    authentication_factors: Array.isArray(claim.authentication_factors)
      ? (claim.authentication_factors as SessionFactor[])
      : [],
    attributes: (claim.attributes as ServerSession['attributes']) ?? { ip_address: '', user_agent: '' },
    custom_claims: custom,
  }
}

function phoneNumberOf(session: ServerSession): string | null {
  const factors = session.authentication_factors.filter((factor) => factor.phone_number_factor)
  const latest = factors.sort(
    (a, b) => Date.parse(b.last_authenticated_at) - Date.parse(a.last_authenticated_at),
  )[0]
  return latest?.phone_number_factor?.phone_number ?? null
}

type Verdict =
  | { kind: 'valid'; session: ServerSession }
  // Genuine but too old (or signed with a key not in the set yet): the backend can still vouch for it.
  | { kind: 'stale' }
  // The key set could not be loaded: that says nothing about the JWT.
  | { kind: 'unavailable'; cause: unknown }
  | { kind: 'invalid' }

async function verifyLocally(
  jwt: string,
  keySet: JWTVerifyGetKey,
  options: GetSessionOptions,
): Promise<Verdict> {
  try {
    const { payload } = await jwtVerify(jwt, keySet, {
      algorithms: ['RS256'],
      // The vendor's issuer, or a custom domain's own origin (as the vendor's Node SDK accepts).
      issuer: [
        `stytch.com/${options.projectId}`,
        ...(options.baseUrl ? [options.baseUrl.replace(/\/+$/, '')] : []),
      ],
      audience: options.projectId,
    })
    const age = Date.now() / 1000 - (payload.iat ?? 0)
    if (options.maxTokenAgeSeconds !== undefined && age >= options.maxTokenAgeSeconds)
      return { kind: 'stale' }
    const session = sessionFromClaims(payload)
    if (!session) return { kind: 'invalid' }
    // The JWT outlives nothing: a session that ended is over whatever the JWT says.
    if (!(Date.parse(session.expires_at) > Date.now())) return { kind: 'invalid' }
    return { kind: 'valid', session }
  } catch (error) {
    if (error instanceof errors.JWTExpired || error instanceof errors.JWKSNoMatchingKey)
      return { kind: 'stale' }
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
      return { kind: 'unavailable', cause: error }
    // Anything else jose says is about the JWT (malformed, forged, wrong issuer); a non-jose error is
    // the key set's fetch failing (a refused connection, a non-200 answer).
    if (error instanceof errors.JOSEError && error.code !== 'ERR_JOSE_GENERIC') return { kind: 'invalid' }
    return { kind: 'unavailable', cause: error }
  }
}

async function callApi(
  options: GetSessionOptions,
  baseUrl: string,
  fetchFn: typeof fetch,
  path: string,
  body?: unknown,
): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; gone: true }> {
  const secret = options.secret as string
  let response: Response
  try {
    response = await fetchFn(`${baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: basicAuth(options.projectId, secret),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
  } catch (cause) {
    throw new GetSessionError(
      'network_error',
      `The session could not be checked: ${baseUrl} did not answer.`,
      undefined,
      {
        cause,
      },
    )
  }
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null
  if (response.ok && data) return { ok: true, data }
  const type = typeof data?.error_type === 'string' ? data.error_type : ''
  if (GONE.has(type)) return { ok: false, gone: true }
  if (response.status === 401 || type === 'unauthorized_credentials')
    throw new GetSessionError(
      'invalid_credentials',
      'The API refused the project id and secret.',
      response.status,
    )
  throw new GetSessionError(
    'api_error',
    `The session could not be checked: ${path} answered ${response.status}${type ? ` ${type}` : ''}.`,
    response.status,
  )
}

/**
 * The signed-in session of a request, from its `stytch_session_jwt` / `stytch_session` cookies, or
 * `null` when there is none (no cookies, a forged or wrongly signed JWT, a revoked or ended session).
 */
export async function getSession(
  request: RequestLike,
  options: GetSessionOptions,
): Promise<SessionResult | null> {
  checkOptions(options)
  if (typeof request?.headers?.get !== 'function')
    throw new GetSessionError(
      'invalid_options',
      'getSession needs a Request, or { headers } with a get(name) method.',
    )
  const baseUrl = (options.baseUrl ?? defaultBaseUrl(options.projectId)).replace(/\/+$/, '')
  const fetchFn = options.fetch ?? globalThis.fetch
  const cookies = request.headers.get('cookie')
  const jwt = readCookie(cookies, options.cookie?.jwtCookieName ?? 'stytch_session_jwt')
  const token = readCookie(cookies, options.cookie?.opaqueTokenCookieName ?? 'stytch_session')

  if (jwt !== undefined) {
    const verdict = await verifyLocally(jwt, keySetFor(options, baseUrl, fetchFn), options)
    if (verdict.kind === 'invalid') return null
    if (verdict.kind === 'unavailable' && (token === undefined || options.secret === undefined))
      throw new GetSessionError(
        'network_error',
        `The key set could not be loaded from ${baseUrl}.`,
        undefined,
        {
          cause: verdict.cause,
        },
      )
    if (verdict.kind === 'valid') {
      let user: ServerUser | null = null
      if (options.includeUser) {
        const answer = await callApi(
          options,
          baseUrl,
          fetchFn,
          `/v1/users/${encodeURIComponent(verdict.session.user_id)}`,
        )
        if (!answer.ok) return null
        user = answer.data as unknown as ServerUser
      }
      return {
        session: verdict.session,
        user,
        phoneNumber: phoneNumberOf(verdict.session),
        sessionJwt: jwt,
        verifiedBy: 'jwt',
      }
    }
  }
  // Expired JWT (or none): only the opaque token and the backend can tell.
  if (token === undefined || options.secret === undefined) return null
  const answer = await callApi(options, baseUrl, fetchFn, '/v1/sessions/authenticate', {
    session_token: token,
  })
  if (!answer.ok) return null
  const session = answer.data.session as ServerSession | undefined
  if (typeof session?.session_id !== 'string' || !Array.isArray(session.authentication_factors))
    throw new GetSessionError('api_error', 'sessions/authenticate answered without a session.', 200)
  return {
    session,
    user: (answer.data.user as ServerUser | undefined) ?? null,
    phoneNumber: phoneNumberOf(session),
    sessionJwt: String(answer.data.session_jwt ?? ''),
    verifiedBy: 'api',
  }
}
