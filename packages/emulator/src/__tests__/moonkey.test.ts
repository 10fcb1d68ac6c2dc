// MoonKey's routes in the emulator: Bearer keys, `pn_…`/`user_…` ids, the 1-minute default expiry, sessions only
// with `session_expires_in`, flat bodies and `{error_type, error_message, status_code}` errors; the same inbox.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseCliArgs } from '../cliArgs'
import { createEmulator, DEMO_MOONKEY_API_KEY, DEMO_MOONKEY_PUBLIC_KEY } from '../index'
import { startEmulatorServer } from '../server'

const PHONE = '+12025550162'
const BASE = 'http://127.0.0.1:8787/v1/auth'

afterEach(() => {
  vi.useRealTimers()
})

function moonkeyCall(
  emulator: ReturnType<typeof createEmulator>,
  path: string,
  body?: unknown,
  { key = DEMO_MOONKEY_API_KEY, method = 'POST' } = {},
) {
  return emulator.fetch(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

async function sendCode(emulator: ReturnType<typeof createEmulator>) {
  const response = await moonkeyCall(emulator, '/otps/sms/login_or_create', { phone_number: PHONE })
  return (await response.json()) as {
    phone_number_id: string
    user_id: string
    user_created: boolean
    status: string
  }
}

describe('MoonKey routes', () => {
  it("login_or_create answers MoonKey's flat body with pn_ and user_ ids, and the code lands in the inbox", async () => {
    const emulator = createEmulator()
    const response = await moonkeyCall(emulator, '/otps/sms/login_or_create', { phone_number: PHONE })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toEqual({
      phone_number_id: expect.stringMatching(/^pn_[A-Za-z0-9]{27}$/),
      user_created: true,
      user_id: expect.stringMatching(/^user_[A-Za-z0-9]{27}$/),
      status: 'active',
    })
    expect(emulator.messages()).toEqual([expect.objectContaining({ to: PHONE, channel: 'sms' })])
    expect(await sendCode(emulator)).toMatchObject({ user_created: false, user_id: body.user_id })
  })

  it('requires_verification keeps a new user pending', async () => {
    const emulator = createEmulator()
    const response = await moonkeyCall(emulator, '/otps/sms/login_or_create', {
      phone_number: PHONE,
      requires_verification: true,
    })
    expect(await response.json()).toMatchObject({ status: 'pending' })
  })

  it('takes the secret key; the public key is 403, anything else 401, in MoonKey\u2019s error shape', async () => {
    const emulator = createEmulator()
    const pk = await moonkeyCall(
      emulator,
      '/otps/sms/login_or_create',
      { phone_number: PHONE },
      { key: DEMO_MOONKEY_PUBLIC_KEY },
    )
    expect(pk.status).toBe(403)
    expect(await pk.json()).toEqual({
      error_type: 'secret_key_required',
      error_message: expect.any(String),
      status_code: 403,
    })
    const wrong = await moonkeyCall(
      emulator,
      '/otps/sms/login_or_create',
      { phone_number: PHONE },
      { key: 'sk_test_nope' },
    )
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ error_type: 'invalid_api_key' })
    expect(emulator.messages()).toEqual([])
  })

  it('a code lives one minute by default, expires_in minutes when given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const emulator = createEmulator()
    const { phone_number_id } = await sendCode(emulator)
    const code = emulator.messages()[0]?.code
    vi.setSystemTime(Date.now() + 61_000)
    const late = await moonkeyCall(emulator, '/otps/verify', { otp: code, method_id: phone_number_id })
    expect(late.status).toBe(401)
    expect(await late.json()).toMatchObject({ error_type: 'otp_expired' })

    await moonkeyCall(emulator, '/otps/sms/send', { phone_number: PHONE, expires_in: 3 })
    vi.setSystemTime(Date.now() + 150_000)
    const inTime = await moonkeyCall(emulator, '/otps/verify', {
      otp: emulator.messages()[1]?.code,
      method_id: phone_number_id,
    })
    expect(inTime.status).toBe(200)
  })

  it('verify creates a session only when session_expires_in is sent', async () => {
    const emulator = createEmulator()
    const { phone_number_id, user_id } = await sendCode(emulator)
    const bare = await moonkeyCall(emulator, '/otps/verify', {
      otp: emulator.messages()[0]?.code,
      method_id: phone_number_id,
    })
    expect(await bare.json()).toEqual({ method_id: phone_number_id, method_type: 'phone_number', user_id })

    await moonkeyCall(emulator, '/otps/sms/send', { phone_number: PHONE })
    const withSession = await moonkeyCall(emulator, '/otps/verify', {
      otp: emulator.messages()[1]?.code,
      method_id: phone_number_id,
      session_expires_in: 60,
      device_fingerprint: { ip: '203.0.113.9', user_agent: 'test' },
    })
    const body = await withSession.json()
    expect(body).toMatchObject({
      user_id,
      session_token: expect.any(String),
      session_jwt: expect.any(String),
      session: {
        id: expect.stringMatching(/^session_/),
        user_id,
        expires_at: expect.any(Number),
        device_fingerprint: { ip: '203.0.113.9', user_agent: 'test' },
        factors: [
          {
            type: 'otp',
            delivery_channel: 'sms',
            method: { method_id: phone_number_id, phone_number: PHONE },
          },
        ],
      },
    })
    expect(body.session.expires_at - body.session.started_at).toBe(3600)

    const verified = await moonkeyCall(emulator, '/sessions/verify', { session_token: body.session_token })
    expect(await verified.json()).toMatchObject({ session: { id: body.session.id } })
    const user = await moonkeyCall(emulator, `/users/${user_id}`, undefined, { method: 'GET' })
    expect(await user.json()).toMatchObject({
      user_id,
      active: true,
      phone_numbers: [{ id: phone_number_id, phone_number: PHONE, verified: true }],
    })
    const deleted = await moonkeyCall(
      emulator,
      '/sessions/delete',
      { session_token: body.session_token },
      { method: 'DELETE' },
    )
    expect(deleted.status).toBe(200)
    const gone = await moonkeyCall(emulator, '/sessions/verify', { session_token: body.session_token })
    expect(gone.status).toBe(404)
    expect(await gone.json()).toMatchObject({ error_type: 'session_not_found', status_code: 404 })
  })

  it('refuses bad input in its own error types', async () => {
    const emulator = createEmulator()
    for (const [path, body, status, type] of [
      ['/otps/sms/login_or_create', { phone_number: '202' }, 400, 'invalid_phone_number'],
      [
        '/otps/sms/login_or_create',
        { phone_number: '+442079460958' },
        400,
        'phone_number_country_not_allowed',
      ],
      ['/otps/sms/login_or_create', { phone_number: PHONE, expires_in: 11 }, 400, 'invalid_expires_in'],
      ['/otps/sms/send', { phone_number: '+12025550199' }, 404, 'phone_number_not_found'],
      ['/otps/verify', { otp: '12', method_id: 'pn_x' }, 400, 'invalid_otp'],
      ['/otps/verify', { otp: '123456', method_id: 'phone-number-x' }, 400, 'invalid_method_id'],
      ['/otps/verify', { otp: '123456', method_id: 'pn_unknown' }, 404, 'otp_incorrect'],
      [
        '/otps/verify',
        { otp: '123456', method_id: 'pn_x', session_expires_in: 4 },
        400,
        'invalid_session_expires_in',
      ],
    ] as const) {
      const response = await moonkeyCall(emulator, path, body)
      expect({ path, status: response.status, body: await response.json() }).toEqual({
        path,
        status,
        body: { error_type: type, error_message: expect.any(String), status_code: status },
      })
    }
    expect(emulator.messages()).toEqual([])
  })
})

describe('MoonKey keys on the command line and in the banner', () => {
  it('demo keys by default, printed in full; flags set them', async () => {
    const lines: string[] = []
    const server = await startEmulatorServer({ port: 0, log: (line) => lines.push(line) })
    try {
      expect(lines.join('\n')).toContain(DEMO_MOONKEY_API_KEY)
      expect(lines.join('\n')).toContain(DEMO_MOONKEY_PUBLIC_KEY)
    } finally {
      await server.close()
    }
    expect(
      parseCliArgs(['--moonkey-api-key', 'sk_test_a', '--moonkey-public-key', 'pk_test_b']),
    ).toMatchObject({
      options: { moonkeyApiKey: 'sk_test_a', moonkeyPublicKey: 'pk_test_b' },
    })
    const emulator = createEmulator({ moonkeyApiKey: 'sk_test_a' })
    const response = await moonkeyCall(
      emulator,
      '/otps/sms/login_or_create',
      { phone_number: PHONE },
      { key: 'sk_test_a' },
    )
    expect(response.status).toBe(200)
  })
})
