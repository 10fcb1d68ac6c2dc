import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { backend, decodeJwt, expectErrorShape, lastCode, OTHER_PHONE, PHONE, sdk, signIn } from './helpers'
import {
  authenticateResponse,
  backendLoginOrCreateResponse,
  backendSendResponse,
  revokeResponse,
  schemaProblems,
  sessionAuthenticateResponse,
  sessionSchema,
  userSchema,
} from './schema'

let emulator: Emulator
beforeEach(() => {
  emulator = createEmulator()
})
afterEach(() => {
  vi.useRealTimers()
})

async function loginOrCreate(body: Record<string, unknown> = { phone_number: PHONE }) {
  const result = await backend(emulator.fetch, '/otps/sms/login_or_create', body)
  expect(result.status).toBe(200)
  return result.json as { user_id: string; phone_id: string; user_created: boolean }
}

describe('/v1 contract (seed pages 000 and 003)', () => {
  it('login_or_create returns exactly the seed response fields, flat', async () => {
    const { status, json } = await backend(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
    })
    expect(status).toBe(200)
    expect(json.data).toBeUndefined()
    expect(schemaProblems(json, backendLoginOrCreateResponse)).toEqual([])
    expect(Object.keys(json).sort()).toEqual([
      'phone_id',
      'request_id',
      'status_code',
      'user_created',
      'user_id',
    ])
    expect(json.user_created).toBe(true)
    expect(json.status_code).toBe(200)
  })

  it('user_created is false for a known number, with the same user and phone', async () => {
    const first = await loginOrCreate()
    const second = await loginOrCreate()
    expect(second.user_created).toBe(false)
    expect(second.user_id).toBe(first.user_id)
    expect(second.phone_id).toBe(first.phone_id)
  })

  it('create_user_as_pending keeps the user pending until authenticated', async () => {
    const { user_id, phone_id } = await loginOrCreate({ phone_number: PHONE, create_user_as_pending: true })
    const before = await backend(emulator.fetch, `/users/${user_id}`)
    expect(before.status).toBe(200)
    expect(schemaProblems(before.json, userSchema)).toEqual([])
    expect(before.json).toMatchObject({ user_id, status: 'pending' })
    expect(before.json.phone_numbers).toEqual([{ phone_id, phone_number: PHONE, verified: false }])

    const code = lastCode(emulator)
    const wrong = code === '111111' ? '222222' : '111111'
    expect(
      (await backend(emulator.fetch, '/otps/authenticate', { method_id: phone_id, code: wrong })).status,
    ).toBe(404)
    expect((await backend(emulator.fetch, `/users/${user_id}`)).json.status).toBe('pending')

    const auth = await backend(emulator.fetch, '/otps/authenticate', { method_id: phone_id, code })
    expect(auth.status).toBe(200)
    expect((auth.json.user as { status: string }).status).toBe('active')
    expect((await backend(emulator.fetch, `/users/${user_id}`)).json.status).toBe('active')
  })

  it('users are active at once without create_user_as_pending', async () => {
    const { user_id } = await loginOrCreate()
    expect((await backend(emulator.fetch, `/users/${user_id}`)).json.status).toBe('active')
    const missing = await backend(emulator.fetch, '/users/user-test-nope')
    expectErrorShape(missing.json, 404, 'user_not_found')
  })

  it('accepts attributes and locale as the seed describes', async () => {
    const body = await loginOrCreate({
      phone_number: PHONE,
      attributes: { ip_address: '203.0.113.7', user_agent: 'test-agent' },
      locale: 'pt-br',
      expiration_minutes: 5,
    })
    expect(body.phone_id).toMatch(/^phone-number-test-/)
    expect(emulator.messages()[0]?.body).toMatch(/expira em 5 minutos/)
  })

  it('send to a known number returns the seed fields', async () => {
    const created = await loginOrCreate()
    const { status, json } = await backend(emulator.fetch, '/otps/sms/send', { phone_number: PHONE })
    expect(status).toBe(200)
    expect(schemaProblems(json, backendSendResponse)).toEqual([])
    expect(Object.keys(json).sort()).toEqual(['phone_id', 'request_id', 'status_code', 'user_id'])
    expect(json).toMatchObject({ user_id: created.user_id, phone_id: created.phone_id })
  })

  it('send to an unknown number without a user is 404 phone_number_not_found', async () => {
    const { status, json } = await backend(emulator.fetch, '/otps/sms/send', { phone_number: PHONE })
    expect(status).toBe(404)
    expectErrorShape(json, 404, 'phone_number_not_found')
    expect(emulator.messages()).toHaveLength(0)
  })

  it('send with user_id adds an unverified phone that is kept once authenticated', async () => {
    const created = await loginOrCreate()
    const sent = await backend(emulator.fetch, '/otps/sms/send', {
      phone_number: OTHER_PHONE,
      user_id: created.user_id,
    })
    expect(sent.status).toBe(200)
    expect(schemaProblems(sent.json, backendSendResponse)).toEqual([])
    expect(sent.json.user_id).toBe(created.user_id)
    const auth = await backend(emulator.fetch, '/otps/authenticate', {
      method_id: sent.json.phone_id,
      code: lastCode(emulator),
    })
    expect(auth.status).toBe(200)
    expect((auth.json.user as { phone_numbers: unknown[] }).phone_numbers).toContainEqual({
      phone_id: sent.json.phone_id,
      phone_number: OTHER_PHONE,
      verified: true,
    })
  })

  it('an added phone not authenticated within 5 minutes is dropped', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const signedIn = await signIn(emulator, PHONE, 60)
    const sent = await backend(emulator.fetch, '/otps/sms/send', {
      phone_number: OTHER_PHONE,
      session_token: signedIn.session_token,
      expiration_minutes: 10,
    })
    expect(sent.status).toBe(200)
    const code = lastCode(emulator)
    vi.advanceTimersByTime(5 * 60_000 + 1)
    const me = await sdk(emulator.fetch, '/users/me', undefined, { session: signedIn.session_token })
    expect(
      (me.json.data as { phone_numbers: { phone_number: string }[] }).phone_numbers.map(
        (p) => p.phone_number,
      ),
    ).toEqual([PHONE])
    const late = await backend(emulator.fetch, '/otps/authenticate', { method_id: sent.json.phone_id, code })
    expect(late.status).toBe(404)
    expectErrorShape(late.json, 404, 'otp_code_not_found')
  })

  it('send with session_jwt names the user too', async () => {
    const signedIn = await signIn(emulator)
    const sent = await backend(emulator.fetch, '/otps/sms/send', {
      phone_number: OTHER_PHONE,
      session_jwt: signedIn.session_jwt,
    })
    expect(sent.status).toBe(200)
    expect(sent.json.user_id).toBe(signedIn.user_id)
  })

  it('send with an unknown user_id or session is 404', async () => {
    const user = await backend(emulator.fetch, '/otps/sms/send', {
      phone_number: PHONE,
      user_id: 'user-test-nope',
    })
    expectErrorShape(user.json, 404, 'user_not_found')
    const session = await backend(emulator.fetch, '/otps/sms/send', {
      phone_number: PHONE,
      session_token: 'nope',
    })
    expectErrorShape(session.json, 404, 'session_not_found')
  })

  it('send refuses a number another user already has', async () => {
    await loginOrCreate({ phone_number: OTHER_PHONE })
    const signedIn = await signIn(emulator)
    const sent = await backend(emulator.fetch, '/otps/sms/send', {
      phone_number: OTHER_PHONE,
      user_id: signedIn.user_id,
    })
    expect(sent.status).toBe(409)
    expectErrorShape(sent.json, 409, 'duplicate_phone_number')
  })

  it('authenticate takes `code`; without session_duration_minutes there is no session', async () => {
    const { phone_id } = await loginOrCreate()
    const { status, json } = await backend(emulator.fetch, '/otps/authenticate', {
      method_id: phone_id,
      code: lastCode(emulator),
    })
    expect(status).toBe(200)
    expect(schemaProblems(json, authenticateResponse)).toEqual([])
    expect(json).toMatchObject({ session_token: '', session_jwt: '', session: null, method_id: phone_id })
    expect(schemaProblems(json.user, userSchema)).toEqual([])
  })

  it('authenticate with session_duration_minutes starts a session', async () => {
    const { phone_id } = await loginOrCreate()
    const { json } = await backend(emulator.fetch, '/otps/authenticate', {
      method_id: phone_id,
      code: lastCode(emulator),
      session_duration_minutes: 30,
      options: { ignored: true },
    })
    expect(schemaProblems(json.session, sessionSchema)).toEqual([])
    expect(json.session_token).not.toBe('')
    expect(decodeJwt(json.session_jwt as string).header.alg).toBe('RS256')
  })

  it('authenticate sends `token` on /v1 to invalid_code (the field is `code` there)', async () => {
    const { phone_id } = await loginOrCreate()
    const { status, json } = await backend(emulator.fetch, '/otps/authenticate', {
      method_id: phone_id,
      token: lastCode(emulator),
    })
    expect(status).toBe(400)
    expectErrorShape(json, 400, 'invalid_code')
  })

  it('sessions/authenticate takes exactly one of session_token / session_jwt', async () => {
    const signedIn = await signIn(emulator)
    for (const body of [{ session_token: signedIn.session_token }, { session_jwt: signedIn.session_jwt }]) {
      const { status, json } = await backend(emulator.fetch, '/sessions/authenticate', body)
      expect(status).toBe(200)
      expect(schemaProblems(json, sessionAuthenticateResponse)).toEqual([])
      expect((json.session as { session_id: string }).session_id).toBe(signedIn.session.session_id)
    }
    const both = await backend(emulator.fetch, '/sessions/authenticate', {
      session_token: signedIn.session_token,
      session_jwt: signedIn.session_jwt,
    })
    expectErrorShape(both.json, 400, 'bad_request')
    const none = await backend(emulator.fetch, '/sessions/authenticate', {})
    expectErrorShape(none.json, 400, 'bad_request')
  })

  it('sessions/authenticate refuses a tampered JWT', async () => {
    const signedIn = await signIn(emulator)
    const [header, payload, signature] = signedIn.session_jwt.split('.')
    const forged = `${header}.${payload}.${(signature ?? '').slice(0, -2)}AA`
    const { status, json } = await backend(emulator.fetch, '/sessions/authenticate', { session_jwt: forged })
    expect(status).toBe(404)
    expectErrorShape(json, 404, 'session_not_found')
  })

  it('sessions/revoke takes session_id, session_token or session_jwt', async () => {
    for (const pick of ['session_id', 'session_token', 'session_jwt'] as const) {
      const signedIn = await signIn(emulator)
      const value = pick === 'session_id' ? signedIn.session.session_id : signedIn[pick]
      const { status, json } = await backend(emulator.fetch, '/sessions/revoke', { [pick]: value })
      expect(status).toBe(200)
      expect(schemaProblems(json, revokeResponse)).toEqual([])
      const again = await backend(emulator.fetch, '/sessions/authenticate', {
        session_token: signedIn.session_token,
      })
      expectErrorShape(again.json, 404, 'session_not_found')
    }
  })
})
