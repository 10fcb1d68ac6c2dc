// @vitest-environment jsdom
// The vendor's browser SDK (@stytch/vanilla-js 6, headless), unchanged but for its test API URL, against
// the emulator on loopback under jsdom: a whole login, the error paths, and not one console error or warning.
import type { StytchHeadlessClient as Client } from '@stytch/vanilla-js/headless'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEMO_PROJECT_ID, DEMO_PUBLIC_TOKEN } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { OTHER_PHONE, PHONE } from './helpers'

let server: EmulatorServer
let consoleErrors: unknown[][]
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, log: false })
})
afterAll(async () => {
  await server.close()
})
// Each test is a new page, with a new copy of the SDK: its registry of session refreshers lives in its
// module, and one left from an earlier test makes it warn of "multiple copies of the Stytch client".
let StytchHeadlessClient: typeof Client
beforeEach(async () => {
  vi.resetModules()
  ;({ StytchHeadlessClient } = await import('@stytch/vanilla-js/headless'))
  consoleErrors = []
  vi.spyOn(console, 'error').mockImplementation((...args) => consoleErrors.push(args))
  vi.spyOn(console, 'warn').mockImplementation((...args) => consoleErrors.push(args))
})
afterEach(() => {
  // Every test, error paths included: the SDK logs no error and no warning.
  expect(consoleErrors).toEqual([])
  vi.restoreAllMocks()
  vi.useRealTimers()
  server.emulator.reset()
  // The SDK keeps its session in cookies and local storage; each test starts signed out.
  for (const cookie of document.cookie.split('; ')) {
    document.cookie = `${cookie.split('=')[0]}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
  localStorage.clear()
})

/** `customBaseUrl` loses its port and becomes https; `endpoints.testAPIURL` is used as given. */
function client(publicToken = DEMO_PUBLIC_TOKEN) {
  return new StytchHeadlessClient(publicToken, {
    endpoints: { testAPIURL: server.url },
  } as ConstructorParameters<typeof StytchHeadlessClient>[1])
}

const lastCode = () => server.emulator.messages().at(-1)?.code as string

describe('@stytch/vanilla-js 6 (headless) against the emulator', () => {
  it.each(['sms', 'whatsapp'] as const)(
    'a whole login by %s: send, authenticate, session, JWT check, revoke',
    async (channel) => {
      const stytch = client()
      const { method_id } = await stytch.otps[channel].loginOrCreate(PHONE)
      expect(server.emulator.messages().at(-1)?.channel).toBe(channel)
      const auth = await stytch.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 })
      expect(auth.user.phone_numbers[0]?.phone_number).toBe(PHONE)
      expect(stytch.user.getSync()?.roles).toEqual(['stytch_user'])

      const refreshed = await stytch.session.authenticate({ session_duration_minutes: 60 })
      expect(refreshed.user_id).toBe(auth.user_id)
      expect(refreshed.session.session_id).toBe(auth.session.session_id)

      // What an app server does with the JWT the SDK holds: check it against the emulator's key set.
      const jwt = stytch.session.getTokens()?.session_jwt as string
      const { payload } = await jwtVerify(
        jwt,
        createRemoteJWKSet(new URL(`${server.url}/v1/sessions/jwks/${DEMO_PROJECT_ID}`)),
        { issuer: `stytch.com/${DEMO_PROJECT_ID}`, audience: DEMO_PROJECT_ID },
      )
      expect(payload.sub).toBe(auth.user_id)

      await stytch.session.revoke()
      expect(stytch.session.getSync()).toBeNull()
    },
  )

  it('a wrong code is otp_code_not_found; a spent one unable_to_auth_otp_code', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    const code = lastCode()
    const wrong = code === '000001' ? '000002' : '000001'
    await expect(
      stytch.otps.authenticate(wrong, method_id, { session_duration_minutes: 60 }),
    ).rejects.toMatchObject({ error_type: 'otp_code_not_found', status_code: 404 })
    await stytch.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
    await expect(
      stytch.otps.authenticate(code, method_id, { session_duration_minutes: 60 }),
    ).rejects.toMatchObject({ error_type: 'unable_to_auth_otp_code', status_code: 401 })
  })

  it('an expired code is unable_to_auth_otp_code', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE, { expiration_minutes: 1 })
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] })
    await expect(
      stytch.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 }),
    ).rejects.toMatchObject({ error_type: 'unable_to_auth_otp_code', status_code: 401 })
  })

  it('a bad phone number is invalid_phone_number and sends nothing', async () => {
    await expect(client().otps.sms.loginOrCreate('+1202')).rejects.toMatchObject({
      error_type: 'invalid_phone_number',
    })
    expect(server.emulator.messages()).toEqual([])
  })

  it('a public token the emulator does not know is unauthorized_credentials', async () => {
    const stranger = client('public-token-test-00000000-0000-4000-8000-000000000000')
    await expect(stranger.otps.sms.loginOrCreate(OTHER_PHONE)).rejects.toMatchObject({
      error_type: 'unauthorized_credentials',
      status_code: 401,
    })
    expect(server.emulator.messages()).toEqual([])
    // Its bootstrap was refused too, which the SDK logs, as it would against the vendor: that is the
    // one console error allowed in this file.
    await vi.waitFor(() => expect(consoleErrors.length).toBeGreaterThan(0))
    expect(JSON.stringify(consoleErrors.flat().map(String))).toContain('unauthorized_credentials')
    consoleErrors = []
  })

  it('a session revoked elsewhere is session_not_found, and the SDK signs out', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    const auth = await stytch.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 })
    const revoked = await fetch(`${server.url}/v1/sessions/revoke`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${DEMO_PROJECT_ID}:${server.emulator.config.secret}`)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ session_id: auth.session.session_id }),
    })
    expect(revoked.status).toBe(200)
    await expect(stytch.session.authenticate()).rejects.toMatchObject({
      error_type: 'session_not_found',
      status_code: 404,
    })
    expect(stytch.session.getSync()).toBeNull()
  })
})
