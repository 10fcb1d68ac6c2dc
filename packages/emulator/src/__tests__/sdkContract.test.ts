import { beforeEach, describe, expect, it } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { data, decodeJwt, lastCode, OTHER_PHONE, PHONE, sdk, sendCode, signIn } from './helpers'
import {
  authenticateResponse,
  revokeResponse,
  schemaProblems,
  sdkSendData,
  sessionAuthenticateResponse,
  sessionSchema,
  userSchema,
} from './schema'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const id = (kind: string) => new RegExp(`^${kind}-test-${UUID}$`)

let emulator: Emulator
beforeEach(() => {
  emulator = createEmulator()
})

describe('/sdk/v1 contract', () => {
  it('login_or_create answers {data: {request_id, status_code, method_id}} with a phone id', async () => {
    const { status, json, response } = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
    })
    expect(status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Object.keys(json)).toEqual(['data'])
    expect(schemaProblems(data(json), sdkSendData)).toEqual([])
    expect(data(json).status_code).toBe(200)
    expect(data(json).request_id).toMatch(id('request-id'))
    expect(data(json).method_id).toMatch(id('phone-number'))
  })

  it('gives every response its own request id', async () => {
    const first = await sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    const second = await sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    expect(data(first.json).request_id).not.toBe(data(second.json).request_id)
    // The same phone keeps its method id.
    expect(data(first.json).method_id).toBe(data(second.json).method_id)
  })

  it('send/primary sends to a known number with the same shape', async () => {
    const methodId = await sendCode(emulator)
    const { status, json } = await sdk(emulator.fetch, '/otps/sms/send/primary', { phone_number: PHONE })
    expect(status).toBe(200)
    expect(schemaProblems(data(json), sdkSendData)).toEqual([])
    expect(data(json).method_id).toBe(methodId)
    expect(emulator.messages()).toHaveLength(2)
  })

  it('authenticate takes `token` and returns user, session and tokens', async () => {
    const methodId = await sendCode(emulator)
    const { status, json } = await sdk(emulator.fetch, '/otps/authenticate', {
      token: lastCode(emulator),
      method_id: methodId,
      session_duration_minutes: 60,
    })
    expect(status).toBe(200)
    const body = data(json)
    expect(schemaProblems(body, authenticateResponse)).toEqual([])
    expect(schemaProblems(body.session, sessionSchema)).toEqual([])
    expect(schemaProblems(body.user, userSchema)).toEqual([])
    expect(body.user_id).toMatch(id('user'))
    expect(body.method_id).toBe(methodId)
    expect(body.reset_sessions).toBe(false)
    const session = body.session as Record<string, unknown>
    expect(session.session_id).toMatch(id('session'))
    expect(Date.parse(session.expires_at as string) - Date.parse(session.started_at as string)).toBe(
      60 * 60_000,
    )
    expect(session.authentication_factors).toEqual([
      {
        type: 'otp',
        delivery_method: 'sms',
        last_authenticated_at: session.started_at,
        phone_number_factor: { phone_id: methodId, phone_number: PHONE },
      },
    ])
    const user = body.user as Record<string, unknown>
    expect(user.status).toBe('active')
    expect(user.phone_numbers).toEqual([{ phone_id: methodId, phone_number: PHONE, verified: true }])
  })

  it('signs the session JWT with RS256 and gives it five minutes', async () => {
    const { session_jwt, session, user_id } = await signIn(emulator)
    const { header, payload } = decodeJwt(session_jwt)
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' })
    expect(payload.sub).toBe(user_id)
    expect((payload.exp as number) - (payload.iat as number)).toBe(300)
    expect(payload['https://stytch.com/session']).toMatchObject({ id: session.session_id })
  })

  it('sessions/authenticate reads the session token from the Basic password', async () => {
    const signedIn = await signIn(emulator)
    const { status, json } = await sdk(
      emulator.fetch,
      '/sessions/authenticate',
      {},
      { session: signedIn.session_token },
    )
    expect(status).toBe(200)
    expect(schemaProblems(data(json), sessionAuthenticateResponse)).toEqual([])
    expect(data(json).session_token).toBe(signedIn.session_token)
    expect((data(json).session as Record<string, unknown>).session_id).toBe(signedIn.session.session_id)
  })

  it('users/me is a GET that returns the user with phone numbers and status', async () => {
    const signedIn = await signIn(emulator)
    const { status, json } = await sdk(emulator.fetch, '/users/me', undefined, {
      session: signedIn.session_token,
    })
    expect(status).toBe(200)
    expect(schemaProblems(data(json), userSchema)).toEqual([])
    expect(data(json)).toMatchObject({ user_id: signedIn.user_id, status: 'active' })
    const post = await sdk(emulator.fetch, '/users/me', {}, { session: signedIn.session_token })
    expect(post.status).toBe(405)
    expect(post.response.headers.get('allow')).toBe('GET')
  })

  it('sessions/revoke ends the session', async () => {
    const signedIn = await signIn(emulator)
    const revoked = await sdk(emulator.fetch, '/sessions/revoke', {}, { session: signedIn.session_token })
    expect(revoked.status).toBe(200)
    expect(schemaProblems(data(revoked.json), revokeResponse)).toEqual([])
    const after = await sdk(emulator.fetch, '/users/me', undefined, { session: signedIn.session_token })
    expect(after.status).toBe(404)
    expect(after.json.error_type).toBe('session_not_found')
  })

  it('send/secondary adds an unverified phone to the signed-in user', async () => {
    const signedIn = await signIn(emulator)
    const sent = await sdk(
      emulator.fetch,
      '/otps/sms/send/secondary',
      { phone_number: OTHER_PHONE },
      { session: signedIn.session_token },
    )
    expect(sent.status).toBe(200)
    expect(schemaProblems(data(sent.json), sdkSendData)).toEqual([])
    const methodId = data(sent.json).method_id as string
    const me = await sdk(emulator.fetch, '/users/me', undefined, { session: signedIn.session_token })
    expect(data(me.json).phone_numbers).toContainEqual({
      phone_id: methodId,
      phone_number: OTHER_PHONE,
      verified: false,
    })

    const auth = await sdk(
      emulator.fetch,
      '/otps/authenticate',
      { token: lastCode(emulator), method_id: methodId, session_duration_minutes: 60 },
      { session: signedIn.session_token },
    )
    expect(auth.status).toBe(200)
    // The factor joins the same session.
    expect(data(auth.json).session_token).toBe(signedIn.session_token)
    expect(
      (data(auth.json).session as { authentication_factors: unknown[] }).authentication_factors,
    ).toHaveLength(2)
    expect((data(auth.json).user as { phone_numbers: unknown[] }).phone_numbers).toContainEqual({
      phone_id: methodId,
      phone_number: OTHER_PHONE,
      verified: true,
    })
  })

  it('send/secondary needs a live session', async () => {
    const { status, json } = await sdk(emulator.fetch, '/otps/sms/send/secondary', {
      phone_number: OTHER_PHONE,
    })
    expect(status).toBe(404)
    expect(json.error_type).toBe('session_not_found')
    expect(emulator.messages()).toHaveLength(0)
  })

  it('answers unknown routes with the error shape', async () => {
    const { status, json } = await sdk(emulator.fetch, '/otps/email/login_or_create', { email: 'a@b.c' })
    expect(status).toBe(404)
    expect(json.error_type).toBe('route_not_found')
  })
})
