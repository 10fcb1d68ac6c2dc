// The whole SMS login through the relay with otpkit's own browser client, unchanged: Stytch's backend API and
// MoonKey behind it, the emulator as both.
import { createMemoryStorage, createStytchClient, type StytchHeadlessClient } from '@otpkit/core'
import { afterEach, describe, expect, it } from 'vitest'
import { APP, PHONE, PROVIDERS, PUBLIC_TOKEN, setUp, signIn } from './support'

const clients: StytchHeadlessClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.destroy())
})

describe.each(PROVIDERS)('through %s', (name) => {
  it('signs in with createStytchClient: send, code, authenticate, session, user, revoke', async () => {
    const setup = setUp(name, { basePath: '/auth' })
    const stytch = createStytchClient(PUBLIC_TOKEN, {
      baseUrl: `${APP}/auth`,
      storage: createMemoryStorage(),
      fetch: (input, init) => setup.relay.fetch(new Request(input, init)),
    })
    clients.push(stytch)

    const sent = await stytch.otps.sms.loginOrCreate(PHONE, { expiration_minutes: 5 })
    expect(sent.method_id).toMatch(name === 'moonkey' ? /^pn_/ : /^phone-number-/)
    const [message] = setup.emulator.messages()
    expect(message?.to).toBe(PHONE)

    const auth = await stytch.otps.authenticate(setup.lastCode(), sent.method_id, {
      session_duration_minutes: 60,
    })
    expect(auth.user_id).toMatch(name === 'moonkey' ? /^user_/ : /^user-/)
    expect(auth.user.phone_numbers).toEqual([
      { phone_id: sent.method_id, phone_number: PHONE, verified: true },
    ])
    expect(auth.session.authentication_factors).toEqual([
      expect.objectContaining({
        type: 'otp',
        delivery_method: 'sms',
        phone_number_factor: { phone_id: sent.method_id, phone_number: PHONE },
      }),
    ])
    expect(stytch.session.getSync()?.session_id).toBe(auth.session.session_id)

    const again = await stytch.session.authenticate({ session_duration_minutes: 30 })
    expect(again.session.session_id).toBe(auth.session.session_id)
    const user = await stytch.user.get()
    expect(user.user_id).toBe(auth.user_id)

    await stytch.session.revoke()
    expect(stytch.session.getSync()).toBeNull()
    const after = await setup.call('/auth/sdk/v1/sessions/authenticate', {
      body: {},
      session: auth.session_token,
    })
    expect(after.status).toBe(404)
    expect(await after.json()).toMatchObject({ error_type: 'session_not_found', status_code: 404 })
  })

  it("answers in the public-token API's envelope and fields", async () => {
    const setup = setUp(name)
    const sent = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    expect(sent.status).toBe(200)
    const sentBody = (await sent.json()) as { data: Record<string, unknown> }
    expect(Object.keys(sentBody)).toEqual(['data'])
    expect(sentBody.data).toEqual({
      request_id: expect.any(String),
      status_code: 200,
      method_id: expect.any(String),
    })

    const { data, sessionToken } = await signIn(setup)
    expect(data).toMatchObject({
      status_code: 200,
      user_id: expect.any(String),
      method_id: expect.any(String),
      session_token: expect.any(String),
      session_jwt: expect.any(String),
      reset_sessions: false,
      session: {
        session_id: expect.any(String),
        user_id: data.user_id,
        started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        last_accessed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        attributes: { ip_address: '203.0.113.7', user_agent: 'relay-test/1.0' },
      },
      user: { user_id: data.user_id, status: 'active', created_at: expect.any(String) },
    })

    const me = await setup.call('/sdk/v1/users/me', { session: sessionToken })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { data: unknown }).data).toMatchObject({
      user_id: data.user_id,
      phone_numbers: [{ phone_number: PHONE, verified: true }],
    })
    const revoked = await setup.call('/sdk/v1/sessions/revoke', { body: {}, session: sessionToken })
    expect(await revoked.json()).toEqual({ data: { request_id: expect.any(String), status_code: 200 } })
  })

  it('gives an unknown number on send/primary the same answer, and sends nothing', async () => {
    const setup = setUp(name)
    const response = await setup.call('/sdk/v1/otps/sms/send/primary', { body: { phone_number: PHONE } })
    expect(response.status).toBe(200)
    const decoy = ((await response.json()) as { data: { method_id: string } }).data.method_id
    expect(setup.emulator.messages()).toEqual([])

    const { methodId } = await signIn(setup)
    const known = await setup.call('/sdk/v1/otps/sms/send/primary', { body: { phone_number: PHONE } })
    expect(known.status).toBe(200)
    expect(setup.emulator.messages()).toHaveLength(2)
    // The made-up id has the shape of a real one, so its form does not give the answer away either.
    const shape = (id: string) =>
      id
        .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/, 'UUID')
        .replace(/^pn_[A-Za-z0-9]{27}$/, 'pn_ID')
    expect(shape(decoy)).toBe(shape(methodId))
    expect(shape(decoy)).not.toBe(decoy)
  })

  it('refuses any other public token with 401 unauthorized_credentials, before the provider', async () => {
    const setup = setUp(name)
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', {
      body: { phone_number: PHONE },
      token: 'public-token-test-someone-else',
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error_type: 'unauthorized_credentials', status_code: 401 })
    expect(setup.providerCalls).toEqual([])
  })

  it('a browser still holding an ended session signs in afresh', async () => {
    const setup = setUp(name)
    const first = await signIn(setup)
    await setup.call('/sdk/v1/sessions/revoke', { body: {}, session: first.sessionToken })
    const sent = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    const { data } = (await sent.json()) as { data: { method_id: string } }
    const auth = await setup.call('/sdk/v1/otps/authenticate', {
      body: { token: setup.lastCode(), method_id: data.method_id, session_duration_minutes: 60 },
      session: first.sessionToken,
    })
    expect(auth.status).toBe(200)
    const body = (await auth.json()) as { data: { session_token: string } }
    expect(body.data.session_token).not.toBe(first.sessionToken)
  })

  it('serves its paths under basePath only', async () => {
    const setup = setUp(name, { basePath: '/auth' })
    const outside = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    expect(outside.status).toBe(404)
    const inside = await setup.call('/auth/sdk/v1/otps/sms/login_or_create', {
      body: { phone_number: PHONE },
    })
    expect(inside.status).toBe(200)
    const wrongMethod = await setup.call('/auth/sdk/v1/users/me', { body: {} })
    expect(wrongMethod.status).toBe(405)
  })
})

describe('WhatsApp and second phones', () => {
  it('moonkey: no WhatsApp route, and adding a phone to a signed-in user is 501 unsupported_by_provider', async () => {
    const setup = setUp('moonkey')
    const whatsapp = await setup.call('/sdk/v1/otps/whatsapp/login_or_create', {
      body: { phone_number: PHONE },
    })
    expect(whatsapp.status).toBe(404)
    const { sessionToken } = await signIn(setup)
    const secondary = await setup.call('/sdk/v1/otps/sms/send/secondary', {
      body: { phone_number: '+12025550163' },
      session: sessionToken,
    })
    expect(secondary.status).toBe(501)
    expect(await secondary.json()).toMatchObject({ error_type: 'unsupported_by_provider' })
  })

  it('stytch-backend: a WhatsApp login through /sdk/v1/otps/whatsapp/*', async () => {
    const setup = setUp('stytch-backend')
    const sent = await setup.call('/sdk/v1/otps/whatsapp/login_or_create', { body: { phone_number: PHONE } })
    expect(sent.status).toBe(200)
    const { data } = (await sent.json()) as { data: { method_id: string } }
    expect(setup.emulator.messages().map((message) => message.channel)).toEqual(['whatsapp'])
    const auth = await setup.call('/sdk/v1/otps/authenticate', {
      body: { token: setup.lastCode(), method_id: data.method_id, session_duration_minutes: 60 },
    })
    const body = (await auth.json()) as { data: { session: { authentication_factors: unknown[] } } }
    expect(body.data.session.authentication_factors).toEqual([
      expect.objectContaining({ delivery_method: 'whatsapp' }),
    ])
    const primary = await setup.call('/sdk/v1/otps/whatsapp/send/primary', { body: { phone_number: PHONE } })
    expect(primary.status).toBe(200)
    expect(setup.emulator.messages()).toHaveLength(2)
  })

  it('stytch-backend: send/secondary adds a phone to the signed-in user', async () => {
    const setup = setUp('stytch-backend')
    const { sessionToken } = await signIn(setup)
    const second = '+12025550163'
    const sent = await setup.call('/sdk/v1/otps/sms/send/secondary', {
      body: { phone_number: second },
      session: sessionToken,
    })
    expect(sent.status).toBe(200)
    const { data } = (await sent.json()) as { data: { method_id: string } }
    const auth = await setup.call('/sdk/v1/otps/authenticate', {
      body: { token: setup.lastCode(second), method_id: data.method_id, session_duration_minutes: 60 },
      session: sessionToken,
    })
    const body = (await auth.json()) as {
      data: { user: { phone_numbers: unknown[] }; session: { authentication_factors: unknown[] } }
    }
    expect(body.data.user.phone_numbers).toHaveLength(2)
    expect(body.data.session.authentication_factors).toHaveLength(2)
  })
})
