// The vendor's Node backend SDK (stytch 14), unchanged but for its base URL, against the emulator on
// loopback: a whole login and the error paths an app server meets.
import { Client } from 'stytch'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_PROJECT_ID, DEMO_SECRET } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { PHONE } from './helpers'

let server: EmulatorServer
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, log: false })
})
afterAll(async () => {
  await server.close()
})
afterEach(() => {
  vi.useRealTimers()
  server.emulator.reset()
})

/**
 * The SDK refuses an http `custom_base_url`; its `env` takes any base URL and warns once that it is
 * not one of the vendor's two hosts. That warning is the only console output allowed.
 */
function client(secret = DEMO_SECRET): Client {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    return new Client({ project_id: DEMO_PROJECT_ID, secret, env: `${server.url}/` })
  } finally {
    expect(warn.mock.calls).toEqual([[expect.stringContaining("custom 'env' value")]])
    warn.mockRestore()
  }
}

const lastCode = () => server.emulator.messages().at(-1)?.code as string

describe('stytch (Node SDK) 14 against the emulator', () => {
  it('refuses the emulator as an http custom_base_url, as documented in the README', () => {
    expect(
      () => new Client({ project_id: DEMO_PROJECT_ID, secret: DEMO_SECRET, custom_base_url: server.url }),
    ).toThrow(/HTTPS/)
  })

  it.each(['sms', 'whatsapp'] as const)(
    'a whole login by %s: send, authenticate, session, JWT check, revoke',
    async (channel) => {
      const stytch = client()
      const sent = await stytch.otps[channel].loginOrCreate({ phone_number: PHONE })
      expect(sent).toMatchObject({ status_code: 200, user_created: true })
      const auth = await stytch.otps.authenticate({
        method_id: sent.phone_id,
        code: lastCode(),
        session_duration_minutes: 60,
      })
      expect(auth.user_id).toBe(sent.user_id)
      expect(auth.session?.authentication_factors[0]?.delivery_method).toBe(channel)

      const session = await stytch.sessions.authenticate({ session_token: auth.session_token })
      expect(session.session.session_id).toBe(auth.session?.session_id)
      expect(session.user.roles).toEqual(['stytch_user'])

      const local = await stytch.sessions.authenticateJwtLocal({ session_jwt: auth.session_jwt })
      expect(local).toMatchObject({ session_id: auth.session?.session_id, user_id: auth.user_id })
      const byJwt = await stytch.sessions.authenticateJwt({ session_jwt: auth.session_jwt })
      expect(byJwt.session.session_id).toBe(auth.session?.session_id)

      await stytch.sessions.revoke({ session_token: auth.session_token })
      await expect(stytch.sessions.authenticate({ session_token: auth.session_token })).rejects.toMatchObject(
        {
          status_code: 404,
          error_type: 'session_not_found',
        },
      )
    },
  )

  it('a wrong code is 404 otp_code_not_found; a spent one 401 unable_to_auth_otp_code', async () => {
    const stytch = client()
    const { phone_id } = await stytch.otps.sms.loginOrCreate({ phone_number: PHONE })
    const code = lastCode()
    const wrong = code === '000001' ? '000002' : '000001'
    await expect(stytch.otps.authenticate({ method_id: phone_id, code: wrong })).rejects.toMatchObject({
      status_code: 404,
      error_type: 'otp_code_not_found',
    })
    await stytch.otps.authenticate({ method_id: phone_id, code })
    await expect(stytch.otps.authenticate({ method_id: phone_id, code })).rejects.toMatchObject({
      status_code: 401,
      error_type: 'unable_to_auth_otp_code',
    })
  })

  it('an expired code is 401 unable_to_auth_otp_code', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date'] })
    const stytch = client()
    const { phone_id } = await stytch.otps.sms.loginOrCreate({ phone_number: PHONE, expiration_minutes: 1 })
    vi.setSystemTime(new Date('2030-01-01T00:01:00Z'))
    await expect(stytch.otps.authenticate({ method_id: phone_id, code: lastCode() })).rejects.toMatchObject({
      status_code: 401,
      error_type: 'unable_to_auth_otp_code',
    })
  })

  it('a bad phone number is 400 invalid_phone_number and sends nothing', async () => {
    await expect(client().otps.sms.loginOrCreate({ phone_number: '2025550162' })).rejects.toMatchObject({
      status_code: 400,
      error_type: 'invalid_phone_number',
    })
    expect(server.emulator.messages()).toEqual([])
  })

  it('a bad secret is 401 unauthorized_credentials', async () => {
    await expect(
      client('secret-test-wrong').otps.sms.loginOrCreate({ phone_number: PHONE }),
    ).rejects.toMatchObject({ status_code: 401, error_type: 'unauthorized_credentials' })
    expect(server.emulator.messages()).toEqual([])
  })

  it("a revoked session's JWT fails on the API, though its signature still checks locally until it expires", async () => {
    const stytch = client()
    const { phone_id } = await stytch.otps.sms.loginOrCreate({ phone_number: PHONE })
    const auth = await stytch.otps.authenticate({
      method_id: phone_id,
      code: lastCode(),
      session_duration_minutes: 60,
    })
    await stytch.sessions.revoke({ session_jwt: auth.session_jwt })
    await expect(stytch.sessions.authenticate({ session_jwt: auth.session_jwt })).rejects.toMatchObject({
      error_type: 'session_not_found',
    })
    // As with the vendor: a local check trusts the JWT for its five minutes; max_token_age_seconds: 0 asks.
    await expect(
      stytch.sessions.authenticateJwtLocal({ session_jwt: auth.session_jwt }),
    ).resolves.toMatchObject({
      session_id: auth.session?.session_id,
    })
    await expect(
      stytch.sessions.authenticateJwt({ session_jwt: auth.session_jwt, max_token_age_seconds: 0 }),
    ).rejects.toMatchObject({ error_type: 'session_not_found' })
  })
})
