// What goes on the wire for every call: URL, method, headers, body, credentials; and the {data} unwrap.
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryStorage, createStytchClient } from '../index'
import type { StytchHeadlessClient } from '../index'
import {
  authData,
  BASE,
  basic,
  LIVE_TOKEN,
  makeUser,
  ok,
  PHONE,
  recordingFetch,
  sendData,
  sessionData,
  TOKEN,
} from './support'

const clients: StytchHeadlessClient[] = []
function client(fetch: typeof globalThis.fetch, options = {}) {
  const c = createStytchClient(TOKEN, { fetch, storage: createMemoryStorage(), ...options })
  clients.push(c)
  return c
}
afterEach(() => clients.splice(0).forEach((c) => c.destroy()))

const JSON_HEADERS = { authorization: basic(), 'content-type': 'application/json' }

async function signedIn(...more: Parameters<typeof recordingFetch>) {
  const net = recordingFetch(ok(authData('session-token-A')), ...more)
  const stytch = client(net.fetch)
  await stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 })
  return { net, stytch }
}

describe('wire format', () => {
  it('constructing the client sends nothing', () => {
    const net = recordingFetch()
    client(net.fetch)
    expect(net.calls).toHaveLength(0)
  })

  it('loginOrCreate posts every option as JSON and unwraps {data}', async () => {
    const net = recordingFetch(ok(sendData('phone-number-test-9f')))
    const result = await client(net.fetch).otps.sms.loginOrCreate(PHONE, {
      expiration_minutes: 5,
      locale: 'es',
      enable_autofill: true,
      autofill_session_duration_minutes: 5,
    })
    expect(result).toEqual({
      request_id: 'request-id-test-send',
      status_code: 200,
      method_id: 'phone-number-test-9f',
    })
    expect(net.calls).toEqual([
      {
        url: `${BASE}/otps/sms/login_or_create`,
        method: 'POST',
        headers: JSON_HEADERS,
        body: {
          phone_number: PHONE,
          expiration_minutes: 5,
          locale: 'es',
          enable_autofill: true,
          autofill_session_duration_minutes: 5,
        },
        rawBody: expect.any(String),
        credentials: 'include',
        signal: expect.any(Object),
      },
    ])
  })

  it('loginOrCreate without options sends only the phone number', async () => {
    const net = recordingFetch(ok(sendData()))
    await client(net.fetch).otps.sms.loginOrCreate(PHONE)
    expect(net.calls[0]?.rawBody).toBe(JSON.stringify({ phone_number: PHONE }))
  })

  it('send without a session posts to /send/primary with the public token as password', async () => {
    const net = recordingFetch(ok(sendData()))
    await client(net.fetch).otps.sms.send(PHONE, { locale: 'pt-br' })
    expect(net.calls[0]).toMatchObject({
      url: `${BASE}/otps/sms/send/primary`,
      method: 'POST',
      headers: JSON_HEADERS,
      body: { phone_number: PHONE, locale: 'pt-br' },
      credentials: 'include',
    })
  })

  it('send with a session posts to /send/secondary with the session token as password', async () => {
    const { net, stytch } = await signedIn(ok(sendData('phone-number-test-second')))
    const result = await stytch.otps.sms.send('+14155550100')
    expect(result.method_id).toBe('phone-number-test-second')
    expect(net.calls[1]).toMatchObject({
      url: `${BASE}/otps/sms/send/secondary`,
      method: 'POST',
      headers: { authorization: basic('session-token-A'), 'content-type': 'application/json' },
      body: { phone_number: '+14155550100' },
      credentials: 'include',
    })
  })

  it('whatsapp.loginOrCreate posts to /otps/whatsapp/login_or_create with the shared options', async () => {
    const net = recordingFetch(ok(sendData('phone-number-test-wa')))
    const result = await client(net.fetch).otps.whatsapp.loginOrCreate(PHONE, {
      expiration_minutes: 5,
      locale: 'pt-br',
    })
    expect(result).toEqual({
      request_id: 'request-id-test-send',
      status_code: 200,
      method_id: 'phone-number-test-wa',
    })
    expect(net.calls).toEqual([
      {
        url: `${BASE}/otps/whatsapp/login_or_create`,
        method: 'POST',
        headers: JSON_HEADERS,
        body: { phone_number: PHONE, expiration_minutes: 5, locale: 'pt-br' },
        rawBody: JSON.stringify({ phone_number: PHONE, expiration_minutes: 5, locale: 'pt-br' }),
        credentials: 'include',
        signal: expect.any(Object),
      },
    ])
  })

  it('whatsapp.send without a session posts to /otps/whatsapp/send/primary with the public token', async () => {
    const net = recordingFetch(ok(sendData()))
    await client(net.fetch).otps.whatsapp.send(PHONE)
    expect(net.calls[0]).toMatchObject({
      url: `${BASE}/otps/whatsapp/send/primary`,
      method: 'POST',
      headers: JSON_HEADERS,
      rawBody: JSON.stringify({ phone_number: PHONE }),
      credentials: 'include',
    })
  })

  it('whatsapp.send with a session posts to /otps/whatsapp/send/secondary with the session token', async () => {
    const { net, stytch } = await signedIn(ok(sendData('phone-number-test-second')))
    const result = await stytch.otps.whatsapp.send('+14155550100', { expiration_minutes: 3 })
    expect(result.method_id).toBe('phone-number-test-second')
    expect(net.calls[1]).toMatchObject({
      url: `${BASE}/otps/whatsapp/send/secondary`,
      method: 'POST',
      headers: { authorization: basic('session-token-A'), 'content-type': 'application/json' },
      body: { phone_number: '+14155550100', expiration_minutes: 3 },
      credentials: 'include',
    })
  })

  it('a WhatsApp code signs in through the same otps.authenticate', async () => {
    const net = recordingFetch(ok(sendData('phone-number-test-wa')), ok(authData('session-token-W')))
    const stytch = client(net.fetch)
    const { method_id } = await stytch.otps.whatsapp.loginOrCreate(PHONE)
    await stytch.otps.authenticate('654321', method_id, { session_duration_minutes: 30 })
    expect(net.calls[1]).toMatchObject({
      url: `${BASE}/otps/authenticate`,
      body: { token: '654321', method_id: 'phone-number-test-wa', session_duration_minutes: 30 },
    })
    expect(stytch.session.getTokens()?.session_token).toBe('session-token-W')
  })

  it('autofill options on WhatsApp are refused before anything goes on the wire', async () => {
    const net = recordingFetch()
    const stytch = client(net.fetch)
    const options = { enable_autofill: true, autofill_session_duration_minutes: 5 } as never
    await expect(stytch.otps.whatsapp.loginOrCreate(PHONE, options)).rejects.toMatchObject({
      name: 'StytchUsageError',
      code: 'invalid_option',
    })
    await expect(stytch.otps.whatsapp.send(PHONE, options)).rejects.toMatchObject({ code: 'invalid_option' })
    expect(net.calls).toEqual([])
  })

  it('the same send on SMS and on WhatsApp are two requests, not one shared', async () => {
    const net = recordingFetch(ok(sendData('sms-id')), ok(sendData('wa-id')))
    const stytch = client(net.fetch)
    const [sms, wa] = await Promise.all([
      stytch.otps.sms.loginOrCreate(PHONE),
      stytch.otps.whatsapp.loginOrCreate(PHONE),
    ])
    expect([sms.method_id, wa.method_id]).toEqual(['sms-id', 'wa-id'])
    expect(net.calls.map((c) => c.url)).toEqual([
      `${BASE}/otps/sms/login_or_create`,
      `${BASE}/otps/whatsapp/login_or_create`,
    ])
  })

  it('otps.authenticate sends the code as `token` and returns the whole response', async () => {
    const data = authData('session-token-A')
    const net = recordingFetch(ok(data))
    const result = await client(net.fetch).otps.authenticate('123 456', 'phone-number-test-2b9c', {
      session_duration_minutes: 60,
    })
    expect(result).toEqual(data)
    expect(net.calls[0]).toMatchObject({
      url: `${BASE}/otps/authenticate`,
      method: 'POST',
      headers: JSON_HEADERS,
      body: { token: '123456', method_id: 'phone-number-test-2b9c', session_duration_minutes: 60 },
      credentials: 'include',
    })
  })

  it('session.authenticate posts with the session token and optional duration', async () => {
    const { net, stytch } = await signedIn(
      ok(sessionData('session-token-A')),
      ok(sessionData('session-token-A')),
    )
    await stytch.session.authenticate()
    await stytch.session.authenticate({ session_duration_minutes: 30 })
    const auth = { authorization: basic('session-token-A'), 'content-type': 'application/json' }
    expect(net.calls.slice(1)).toMatchObject([
      {
        url: `${BASE}/sessions/authenticate`,
        method: 'POST',
        headers: auth,
        body: {},
        credentials: 'include',
      },
      {
        url: `${BASE}/sessions/authenticate`,
        method: 'POST',
        headers: auth,
        body: { session_duration_minutes: 30 },
        credentials: 'include',
      },
    ])
  })

  it('session.revoke posts an empty body with the session token', async () => {
    const { net, stytch } = await signedIn(ok({ request_id: 'request-id-test-revoke', status_code: 200 }))
    await expect(stytch.session.revoke()).resolves.toEqual({
      request_id: 'request-id-test-revoke',
      status_code: 200,
    })
    expect(net.calls[1]).toMatchObject({
      url: `${BASE}/sessions/revoke`,
      method: 'POST',
      headers: { authorization: basic('session-token-A'), 'content-type': 'application/json' },
      body: {},
      credentials: 'include',
    })
  })

  it('user.get is a GET to /users/me with no body and returns the user without envelope fields', async () => {
    const user = makeUser({ name: { first_name: 'Ada', middle_name: '', last_name: 'Lovelace' } })
    const { net, stytch } = await signedIn(
      ok({ ...user, request_id: 'request-id-test-me', status_code: 200 }),
    )
    await expect(stytch.user.get()).resolves.toEqual(user)
    expect(net.calls[1]).toEqual({
      url: `${BASE}/users/me`,
      method: 'GET',
      headers: { authorization: basic('session-token-A') },
      body: undefined,
      rawBody: undefined,
      credentials: 'include',
      signal: expect.any(Object),
    })
  })

  it('live tokens go to api.stytch.com', async () => {
    const net = recordingFetch(ok(sendData()))
    const stytch = createStytchClient(LIVE_TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
    await stytch.otps.sms.loginOrCreate(PHONE)
    expect(net.calls[0]?.url).toBe('https://api.stytch.com/sdk/v1/otps/sms/login_or_create')
    expect(net.calls[0]?.headers.authorization).toBe(basic(LIVE_TOKEN, LIVE_TOKEN))
  })

  it('baseUrl overrides the host, keeping a path prefix and dropping trailing slashes', async () => {
    const net = recordingFetch(ok(sendData()), ok(sendData()))
    await client(net.fetch, { baseUrl: 'https://login.example.com/' }).otps.sms.loginOrCreate(PHONE)
    await client(net.fetch, { baseUrl: 'http://127.0.0.1:4010/auth//' }).otps.sms.loginOrCreate(PHONE)
    expect(net.calls.map((c) => c.url)).toEqual([
      'https://login.example.com/sdk/v1/otps/sms/login_or_create',
      'http://127.0.0.1:4010/auth/sdk/v1/otps/sms/login_or_create',
    ])
  })

  it('uses the global fetch when none is injected, looked up at call time', async () => {
    const net = recordingFetch(ok(sendData()))
    const original = globalThis.fetch
    const stytch = createStytchClient(TOKEN, { storage: createMemoryStorage() })
    globalThis.fetch = net.fetch
    try {
      await stytch.otps.sms.loginOrCreate(PHONE)
    } finally {
      globalThis.fetch = original
    }
    expect(net.calls).toHaveLength(1)
  })

  it('one call is one request', async () => {
    const net = recordingFetch(ok(sendData()), ok(authData()))
    const stytch = client(net.fetch)
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    await stytch.otps.authenticate('000000', method_id, { session_duration_minutes: 5 })
    expect(net.calls.map((c) => c.url)).toEqual([
      `${BASE}/otps/sms/login_or_create`,
      `${BASE}/otps/authenticate`,
    ])
  })
})
