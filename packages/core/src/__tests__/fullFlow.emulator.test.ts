// The whole SMS login against the emulator's in-process fetch handler: the same client code, a
// faithful server, the code read from the emulator's SMS inbox.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { Emulator } from '@otpkit/emulator'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createMemoryStorage,
  createStytchClient,
  isStytchAPIError,
  StytchAPIError,
  StytchNetworkError,
  StytchSchemaError,
  StytchTimeoutError,
} from '../index'
import type { StytchHeadlessClient } from '../index'
import { settle } from './support'

const PHONE = '+12025550162'
let emulator: Emulator
const clients: StytchHeadlessClient[] = []

beforeEach(() => {
  emulator = createEmulator()
})
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy())
  vi.useRealTimers()
})

function client(storage = createMemoryStorage(), options: { timeoutMs?: number } = {}) {
  const stytch = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: emulator.fetch,
    storage,
    ...options,
  })
  clients.push(stytch)
  return stytch
}

function lastCode(to = PHONE): string {
  const message = emulator
    .messages()
    .filter((m) => m.to === to)
    .at(-1)
  if (!message) throw new Error(`no SMS to ${to}`)
  return message.code
}

describe('full login against the emulator', () => {
  it('loginOrCreate → SMS → authenticate → session.authenticate → user.get → revoke', async () => {
    const stytch = client()
    const sessions: unknown[] = []
    stytch.session.onChange((s) => sessions.push(s?.session_id ?? null))

    const sent = await stytch.otps.sms.loginOrCreate(PHONE, { expiration_minutes: 5, locale: 'es' })
    expect(sent.status_code).toBe(200)
    expect(sent.method_id).toMatch(/^phone-number-/)
    const [message] = emulator.messages()
    expect(message).toMatchObject({ to: PHONE, method_id: sent.method_id })
    expect(message?.code).toMatch(/^\d{6}$/)

    // Typed with a space in the middle, as people do.
    const code = `${lastCode().slice(0, 3)} ${lastCode().slice(3)}`
    const auth = await stytch.otps.authenticate(code, sent.method_id, { session_duration_minutes: 60 })
    expect(auth.user.phone_numbers.map((p) => p.phone_number)).toContain(PHONE)
    expect(auth.session.user_id).toBe(auth.user_id)
    expect(stytch.session.getSync()).toEqual(auth.session)
    expect(stytch.session.getTokens()).toEqual({
      session_token: auth.session_token,
      session_jwt: auth.session_jwt,
    })

    const confirmed = await stytch.session.authenticate({ session_duration_minutes: 30 })
    expect(confirmed.session.session_id).toBe(auth.session.session_id)
    expect(stytch.session.getInfo().fromCache).toBe(false)

    const user = await stytch.user.get()
    expect(user.user_id).toBe(auth.user_id)
    expect(user).not.toHaveProperty('request_id')
    expect(stytch.user.getSync()?.user_id).toBe(auth.user_id)

    await expect(stytch.session.revoke()).resolves.toMatchObject({ status_code: 200 })
    expect(stytch.session.getSync()).toBeNull()
    expect(sessions).toEqual([auth.session.session_id, auth.session.session_id, null])

    // The old token is dead on the server too.
    const revokedToken = auth.session_token
    const response = await emulator.fetch('http://emulator.test/sdk/v1/sessions/authenticate', {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${DEMO_PUBLIC_TOKEN}:${revokedToken}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error_type: 'session_not_found' })
  })

  it('WhatsApp: loginOrCreate → message → authenticate → session.authenticate → user.get → revoke', async () => {
    const stytch = client()
    const sent = await stytch.otps.whatsapp.loginOrCreate(PHONE, { expiration_minutes: 5 })
    expect(sent.status_code).toBe(200)
    expect(sent.method_id).toMatch(/^phone-number-/)
    // The message went out on WhatsApp, not SMS.
    expect(emulator.messages()).toEqual([
      expect.objectContaining({ to: PHONE, channel: 'whatsapp', method_id: sent.method_id }),
    ])

    const auth = await stytch.otps.authenticate(lastCode(), sent.method_id, { session_duration_minutes: 60 })
    expect(auth.session.authentication_factors).toEqual([
      expect.objectContaining({
        type: 'otp',
        delivery_method: 'whatsapp',
        phone_number_factor: { phone_id: sent.method_id, phone_number: PHONE },
      }),
    ])
    expect(stytch.session.getSync()).toEqual(auth.session)

    // A resend on the signed-in user's number is a WhatsApp send/secondary, and its code works too.
    const resent = await stytch.otps.whatsapp.send(PHONE)
    expect(emulator.messages().at(-1)).toMatchObject({ channel: 'whatsapp', method_id: resent.method_id })

    const confirmed = await stytch.session.authenticate()
    expect(confirmed.session.session_id).toBe(auth.session.session_id)
    expect((await stytch.user.get()).phone_numbers.map((p) => p.phone_number)).toContain(PHONE)
    await expect(stytch.session.revoke()).resolves.toMatchObject({ status_code: 200 })
    expect(stytch.session.getSync()).toBeNull()
  })

  it('a reload (new client, same storage) picks the session up and the server confirms it', async () => {
    const storage = createMemoryStorage()
    const first = client(storage)
    const { method_id } = await first.otps.sms.loginOrCreate(PHONE)
    await first.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 })
    first.destroy()

    const second = client(storage)
    expect(second.session.getInfo().fromCache).toBe(true)
    await second.session.authenticate()
    expect(second.session.getInfo().fromCache).toBe(false)
  })

  it('send with a session adds a second phone to the signed-in user', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    await stytch.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 })
    const second = '+14155550100'
    const added = await stytch.otps.sms.send(second)
    await stytch.otps.authenticate(lastCode(second), added.method_id, { session_duration_minutes: 60 })
    const user = await stytch.user.get()
    expect(user.phone_numbers.map((p) => p.phone_number).sort()).toEqual([PHONE, second].sort())
  })

  it('two identical concurrent sends deliver one SMS', async () => {
    const stytch = client()
    const [a, b] = await Promise.all([
      stytch.otps.sms.loginOrCreate(PHONE),
      stytch.otps.sms.loginOrCreate(PHONE),
    ])
    expect(a).toEqual(b)
    expect(emulator.messages()).toHaveLength(1)
  })

  it('the sandbox number takes 000000', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate('+10000000000')
    await stytch.otps.authenticate('000000', method_id, { session_duration_minutes: 5 })
    expect(stytch.session.getSync()).not.toBeNull()
  })
})

describe('errors from the emulator', () => {
  it('a wrong code is a StytchAPIError and keeps the user signed out', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    const wrong = lastCode() === '111111' ? '222222' : '111111'
    const error = await settle(stytch.otps.authenticate(wrong, method_id, { session_duration_minutes: 60 }))
    expect(error).toBeInstanceOf(StytchAPIError)
    expect(isStytchAPIError(error) && ['otp_code_not_found', 'unable_to_auth_otp_code']).toContain(
      (error as StytchAPIError).code,
    )
    expect(stytch.session.getSync()).toBeNull()
  })

  it('ten wrong codes in a row lock the user: even the right code is then user_lock_limit_reached', async () => {
    const stytch = client()
    const wrong = (i: number) => String((Number(lastCode()) + i) % 1_000_000).padStart(6, '0')
    // A code dies after five wrong guesses, so the ten failures take two codes.
    for (const _run of [1, 2]) {
      const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
      for (let i = 1; i <= 5; i += 1)
        await settle(stytch.otps.authenticate(wrong(i), method_id, { session_duration_minutes: 60 }))
    }
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    const error = await settle(
      stytch.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 }),
    )
    expect(error).toMatchObject({ name: 'StytchAPIError', code: 'user_lock_limit_reached', status_code: 429 })
    expect(stytch.session.getSync()).toBeNull()
  })

  it('a country outside the allowlist is invalid_phone_number_country_code', async () => {
    const error = await settle(client().otps.sms.loginOrCreate('+447911123456'))
    expect(error).toMatchObject({ code: 'invalid_phone_number_country_code', status_code: 400 })
  })

  it('a rate limit surfaces as too_many_requests with retryAfter', async () => {
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 42 })
    const error = await settle(client().otps.sms.loginOrCreate(PHONE))
    expect(error).toMatchObject({ code: 'too_many_requests', status_code: 429, retryAfter: 42 })
  })

  it('an HTML error page is a StytchSchemaError', async () => {
    emulator.faults.add({ kind: 'html', status: 502 })
    const error = await settle(client().otps.sms.loginOrCreate(PHONE))
    expect(error).toBeInstanceOf(StytchSchemaError)
    expect(error).toMatchObject({ status_code: 502 })
  })

  it('truncated JSON and a wrong shape are StytchSchemaErrors', async () => {
    emulator.faults.add({ kind: 'truncated_json' })
    emulator.faults.add({ kind: 'wrong_shape' })
    const stytch = client()
    expect(await settle(stytch.otps.sms.loginOrCreate(PHONE))).toBeInstanceOf(StytchSchemaError)
    expect(await settle(stytch.otps.sms.loginOrCreate(PHONE))).toBeInstanceOf(StytchSchemaError)
  })

  it('a dropped connection on a send is one StytchNetworkError and no retry', async () => {
    emulator.faults.add({ kind: 'drop', count: 5 })
    const error = await settle(client().otps.sms.loginOrCreate(PHONE))
    expect(error).toBeInstanceOf(StytchNetworkError)
    expect(emulator.faults.list()[0]?.remaining).toBe(4)
  })

  it('session.authenticate rides out one dropped connection', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    await stytch.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 })
    emulator.faults.add({ path: '/sdk/v1/sessions/authenticate', kind: 'drop' })
    await expect(stytch.session.authenticate()).resolves.toHaveProperty('session')
  })

  it('latency beyond timeoutMs is a StytchTimeoutError', async () => {
    emulator.faults.add({ kind: 'latency', ms: 500 })
    const error = await settle(client(createMemoryStorage(), { timeoutMs: 50 }).otps.sms.loginOrCreate(PHONE))
    expect(error).toBeInstanceOf(StytchTimeoutError)
  })

  it('a session revoked elsewhere is cleared locally on the next check', async () => {
    const stytch = client()
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    await stytch.otps.authenticate(lastCode(), method_id, { session_duration_minutes: 60 })
    // Another device signs the same session out.
    const tokens = stytch.session.getTokens()!
    await emulator.fetch('http://emulator.test/sdk/v1/sessions/revoke', {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${DEMO_PUBLIC_TOKEN}:${tokens.session_token}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    })
    expect(await settle(stytch.session.authenticate())).toMatchObject({ code: 'session_not_found' })
    expect(stytch.session.getSync()).toBeNull()
  })
})
