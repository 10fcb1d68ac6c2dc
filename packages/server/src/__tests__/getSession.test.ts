// getSession against the emulator's real backend and key set (RS256 JWTs, GET /v1/sessions/jwks/{id}),
// with the emulator's in-process handler as the network edge. Time moves with fake Dates, which the
// emulator and jose both read.
import { createEmulator, DEMO_PROJECT_ID, DEMO_SECRET } from '@otpkit/emulator'
import type { Emulator } from '@otpkit/emulator'
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getSession, GetSessionError } from '../index'
import type { GetSessionOptions } from '../index'

const BASE = 'http://emulator.test'
const PHONE = '+12025550123'

let emulator: Emulator
/** Every request getSession made, as "METHOD /path". */
let calls: string[]
let options: GetSessionOptions

/** A fetch that records, then hands the request to `target` (by default the emulator). */
function recordingFetch(target: () => Emulator = () => emulator): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    calls.push(`${request.method} ${new URL(request.url).pathname}`)
    return target().fetch(request)
  }
}

beforeEach(() => {
  emulator = createEmulator()
  calls = []
  options = { projectId: DEMO_PROJECT_ID, secret: DEMO_SECRET, baseUrl: BASE, fetch: recordingFetch() }
})

afterEach(() => {
  vi.useRealTimers()
})

async function backend(
  path: string,
  body: unknown,
  on: Emulator = emulator,
): Promise<Record<string, unknown>> {
  const response = await on.fetch(`${BASE}/v1${path}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${DEMO_PROJECT_ID}:${DEMO_SECRET}`)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  })
  const json = (await response.json()) as Record<string, unknown>
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`)
  return json
}

/** Signs in through the backend API, as a login on the app's server would. */
async function signIn(on: Emulator = emulator, phone = PHONE) {
  const sent = await backend('/otps/sms/login_or_create', { phone_number: phone }, on)
  const code = on.messages().at(-1)!.code
  const done = await backend(
    '/otps/authenticate',
    { method_id: sent.phone_id, code, session_duration_minutes: 60 },
    on,
  )
  return {
    jwt: done.session_jwt as string,
    token: done.session_token as string,
    sessionId: (done.session as { session_id: string }).session_id,
    userId: done.user_id as string,
  }
}

const withCookies = (cookies: Record<string, string>) =>
  new Request('https://app.example/account', {
    headers: {
      cookie: Object.entries(cookies)
        .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
        .join('; '),
    },
  })

/** Moves the clock (Date only: the emulator's and jose's) `minutes` ahead. */
function later(minutes: number) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + minutes * 60_000 })
}

describe('a valid JWT', () => {
  it('is verified locally: the session and its phone number, no request but the key set', async () => {
    const { jwt, token, sessionId, userId } = await signIn()
    const result = await getSession(withCookies({ stytch_session_jwt: jwt, stytch_session: token }), options)
    expect(result).toMatchObject({
      session: { session_id: sessionId, user_id: userId },
      user: null,
      phoneNumber: PHONE,
      sessionJwt: jwt,
      verifiedBy: 'jwt',
    })
    expect(calls).toEqual([`GET /v1/sessions/jwks/${DEMO_PROJECT_ID}`])
  })

  it('the key set is fetched once and kept: the next requests make no call', async () => {
    const { jwt } = await signIn()
    for (let i = 0; i < 3; i++) {
      expect(await getSession(withCookies({ stytch_session_jwt: jwt }), options)).not.toBeNull()
    }
    expect(calls).toEqual([`GET /v1/sessions/jwks/${DEMO_PROJECT_ID}`])
  })

  it('works without the secret (JWT only) and with a given key set (no request at all)', async () => {
    const { jwt } = await signIn()
    const noSecret = { projectId: DEMO_PROJECT_ID, baseUrl: BASE, fetch: recordingFetch() }
    expect(await getSession(withCookies({ stytch_session_jwt: jwt }), noSecret)).toMatchObject({
      verifiedBy: 'jwt',
    })
    const response = await emulator.fetch(`${BASE}/v1/sessions/jwks/${DEMO_PROJECT_ID}`)
    const jwks = (await response.json()) as { keys: never[] }
    calls = []
    const given = { projectId: DEMO_PROJECT_ID, jwks: { keys: jwks.keys }, fetch: recordingFetch() }
    expect(await getSession(withCookies({ stytch_session_jwt: jwt }), given)).toMatchObject({
      phoneNumber: PHONE,
    })
    expect(calls).toEqual([])
  })

  it('includeUser loads the user', async () => {
    const { jwt, userId } = await signIn()
    const result = await getSession(withCookies({ stytch_session_jwt: jwt }), {
      ...options,
      includeUser: true,
    })
    expect(result?.user).toMatchObject({ user_id: userId, phone_numbers: [{ phone_number: PHONE }] })
    expect(calls).toContain(`GET /v1/users/${userId}`)
  })

  it('reads the cookie names it is told', async () => {
    const { jwt } = await signIn()
    const named = { ...options, cookie: { jwtCookieName: 'my_jwt', opaqueTokenCookieName: 'my_token' } }
    expect(await getSession(withCookies({ my_jwt: jwt }), named)).toMatchObject({ verifiedBy: 'jwt' })
    expect(await getSession(withCookies({ stytch_session_jwt: jwt }), named)).toBeNull()
  })

  it('takes the headers alone (a Server Component has `await headers()`, not a Request)', async () => {
    const { jwt } = await signIn()
    const headers = new Headers({ cookie: `other=1; stytch_session_jwt=${jwt}; more=2` })
    expect(await getSession({ headers }, options)).toMatchObject({ phoneNumber: PHONE })
  })
})

describe('an expired JWT', () => {
  it('with a live session token: renewed through sessions/authenticate, with the user and a fresh JWT', async () => {
    const { jwt, token, sessionId } = await signIn()
    later(6)
    const result = await getSession(withCookies({ stytch_session_jwt: jwt, stytch_session: token }), options)
    expect(result).toMatchObject({
      session: { session_id: sessionId },
      user: { phone_numbers: [{ phone_number: PHONE }] },
      phoneNumber: PHONE,
      verifiedBy: 'api',
    })
    expect(result?.sessionJwt).not.toBe(jwt)
    expect(calls).toEqual([`GET /v1/sessions/jwks/${DEMO_PROJECT_ID}`, 'POST /v1/sessions/authenticate'])
    // The renewed JWT is good locally again.
    calls = []
    expect(await getSession(withCookies({ stytch_session_jwt: result!.sessionJwt }), options)).toMatchObject({
      verifiedBy: 'jwt',
    })
  })

  it('without a session token, or without the secret to use it: null', async () => {
    const { jwt, token } = await signIn()
    later(6)
    expect(await getSession(withCookies({ stytch_session_jwt: jwt }), options)).toBeNull()
    const { secret: _secret, ...noSecret } = options
    expect(
      await getSession(withCookies({ stytch_session_jwt: jwt, stytch_session: token }), noSecret),
    ).toBeNull()
    expect(calls.filter((call) => call.includes('sessions/authenticate'))).toEqual([])
  })

  it('after the session itself ended: null', async () => {
    const { jwt, token } = await signIn()
    later(61)
    expect(
      await getSession(withCookies({ stytch_session_jwt: jwt, stytch_session: token }), options),
    ).toBeNull()
  })
})

describe('a revoked session', () => {
  it('is null once the backend is asked: after the JWT expired, or always with maxTokenAgeSeconds: 0', async () => {
    const { jwt, token, sessionId } = await signIn()
    await backend('/sessions/revoke', { session_id: sessionId })
    const cookies = withCookies({ stytch_session_jwt: jwt, stytch_session: token })
    expect(await getSession(cookies, { ...options, maxTokenAgeSeconds: 0 })).toBeNull()
    expect(calls).toContain('POST /v1/sessions/authenticate')
    later(6)
    expect(await getSession(cookies, options)).toBeNull()
  })

  it('still passes the local check while its JWT lives (at most five minutes; the documented trade-off)', async () => {
    const { jwt, sessionId } = await signIn()
    await backend('/sessions/revoke', { session_id: sessionId })
    expect(await getSession(withCookies({ stytch_session_jwt: jwt }), options)).toMatchObject({
      verifiedBy: 'jwt',
    })
  })
})

describe('a forged JWT is null, and no session token rescues it', () => {
  it('tampered claims (another user) under the genuine signature', async () => {
    const { jwt, token } = await signIn()
    const other = await signIn(emulator, '+12025550199')
    const [header, , signature] = jwt.split('.')
    const [, otherClaims] = other.jwt.split('.')
    const tampered = `${header}.${otherClaims}.${signature}`
    expect(
      await getSession(withCookies({ stytch_session_jwt: tampered, stytch_session: token }), options),
    ).toBeNull()
    expect(calls).not.toContain('POST /v1/sessions/authenticate')
  })

  it('signed with another key under the project key id', async () => {
    const { jwt, token } = await signIn()
    const { kid } = decodeProtectedHeader(jwt)
    const { privateKey } = await generateKeyPair('RS256')
    const claims = JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: kid! }).sign(privateKey)
    expect(
      await getSession(withCookies({ stytch_session_jwt: forged, stytch_session: token }), options),
    ).toBeNull()
    expect(calls).not.toContain('POST /v1/sessions/authenticate')
  })

  it('unsigned (alg none), garbage, cut short, or for another project', async () => {
    const { jwt } = await signIn()
    const [, claims] = jwt.split('.')
    const none = `${btoa(JSON.stringify({ alg: 'none', typ: 'JWT' })).replace(/=+$/, '')}.${claims}.`
    for (const value of [none, 'not-a-jwt', 'a.b.c', jwt.slice(0, -4)]) {
      expect(await getSession(withCookies({ stytch_session_jwt: value }), options), value).toBeNull()
    }
    // Genuine keys, but the JWT's issuer and audience name another project.
    const response = await emulator.fetch(`${BASE}/v1/sessions/jwks/${DEMO_PROJECT_ID}`)
    const { keys } = (await response.json()) as { keys: never[] }
    const otherProject = { projectId: 'project-test-00000000-0000-4000-8000-000000000000', jwks: { keys } }
    await expect(getSession(withCookies({ stytch_session_jwt: jwt }), otherProject)).resolves.toBeNull()
  })
})

describe('missing or unreadable cookies', () => {
  it('no cookie header, other cookies only, empty values, broken escapes: null, without a request', async () => {
    const requests = [
      new Request('https://app.example/'),
      withCookies({ theme: 'dark' }),
      new Request('https://app.example/', { headers: { cookie: 'stytch_session_jwt=; stytch_session=' } }),
      new Request('https://app.example/', {
        headers: { cookie: 'stytch_session_jwt=%E0%A4%A; stytch_session=%' },
      }),
    ]
    for (const request of requests) expect(await getSession(request, options)).toBeNull()
    expect(calls).toEqual([])
  })

  it('only the session token: the backend decides', async () => {
    const { token } = await signIn()
    expect(await getSession(withCookies({ stytch_session: token }), options)).toMatchObject({
      verifiedBy: 'api',
    })
    expect(await getSession(withCookies({ stytch_session: 'made-up-token' }), options)).toBeNull()
  })
})

describe('rotated keys', () => {
  // The project's key set changes under the same URL: another emulator instance (another kid) now answers it.
  let current: Emulator
  beforeEach(() => {
    current = emulator
    options = { ...options, fetch: recordingFetch(() => current) }
  })

  it('a JWT under the new key id fetches the key set again and is verified locally', async () => {
    const before = await signIn()
    expect(
      await getSession(withCookies({ stytch_session_jwt: before.jwt }), {
        ...options,
        jwksCache: { cooldownMs: 0 },
      }),
    ).not.toBeNull()
    current = createEmulator()
    const after = await signIn(current)
    calls = []
    const result = await getSession(withCookies({ stytch_session_jwt: after.jwt }), {
      ...options,
      jwksCache: { cooldownMs: 0 },
    })
    expect(result).toMatchObject({ session: { session_id: after.sessionId }, verifiedBy: 'jwt' })
    expect(calls).toEqual([`GET /v1/sessions/jwks/${DEMO_PROJECT_ID}`])
    // The retired key is gone from the set: its JWTs no longer pass.
    expect(
      await getSession(withCookies({ stytch_session_jwt: before.jwt }), {
        ...options,
        jwksCache: { cooldownMs: 0 },
      }),
    ).toBeNull()
  })

  it('within the refetch cooldown, a new key id with a session token goes to the backend instead', async () => {
    const before = await signIn()
    expect(await getSession(withCookies({ stytch_session_jwt: before.jwt }), options)).not.toBeNull()
    current = createEmulator()
    const after = await signIn(current)
    calls = []
    const result = await getSession(
      withCookies({ stytch_session_jwt: after.jwt, stytch_session: after.token }),
      options,
    )
    expect(result).toMatchObject({ session: { session_id: after.sessionId }, verifiedBy: 'api' })
    expect(calls).toEqual(['POST /v1/sessions/authenticate'])
  })
})

describe('errors', () => {
  it('bad options: a typed error, and no request', async () => {
    const request = withCookies({ stytch_session_jwt: 'x' })
    const bad: unknown[] = [
      undefined,
      {},
      { projectId: 'my-project' },
      { projectId: DEMO_PROJECT_ID, secret: '' },
      { projectId: DEMO_PROJECT_ID, baseUrl: 'emulator:8787/' + ' x' },
      { projectId: DEMO_PROJECT_ID, jwks: { keys: 'none' } },
      { projectId: DEMO_PROJECT_ID, includeUser: true },
      { projectId: DEMO_PROJECT_ID, maxTokenAgeSeconds: -1 },
    ]
    for (const value of bad) {
      const error = await getSession(request, {
        ...(value as GetSessionOptions),
        fetch: recordingFetch(),
      }).catch((caught: unknown) => caught)
      expect(error, JSON.stringify(value)).toBeInstanceOf(GetSessionError)
      expect((error as GetSessionError).code).toBe('invalid_options')
    }
    for (const notARequest of [undefined, {}, { headers: {} }]) {
      const error = await getSession(notARequest as never, options).catch((caught: unknown) => caught)
      expect(error).toMatchObject({ code: 'invalid_options' })
    }
    expect(calls).toEqual([])
  })

  it('the API unreachable: network_error, not "signed out"', async () => {
    const { jwt, token } = await signIn()
    const down: typeof fetch = () => Promise.reject(new TypeError('fetch failed'))
    const error = await getSession(withCookies({ stytch_session_jwt: jwt }), {
      ...options,
      fetch: down,
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'GetSessionError', code: 'network_error' })
    later(6)
    const renewal = await getSession(withCookies({ stytch_session_jwt: jwt, stytch_session: token }), {
      ...options,
      jwks: { keys: [] },
      fetch: down,
    }).catch((caught: unknown) => caught)
    expect(renewal).toMatchObject({ code: 'network_error' })
  })

  it('a wrong secret: invalid_credentials', async () => {
    const { token } = await signIn()
    const error = await getSession(withCookies({ stytch_session: token }), {
      ...options,
      secret: 'secret-test-wrong',
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'invalid_credentials', status: 401 })
  })
})
