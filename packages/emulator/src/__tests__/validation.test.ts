import { beforeEach, describe, expect, it } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { backend, CANADA_PHONE, data, expectErrorShape, PHONE, sdk, sendCode } from './helpers'

let emulator: Emulator
beforeEach(() => {
  emulator = createEmulator()
})

const sendPaths = [
  ['sdk', '/otps/sms/login_or_create'],
  ['sdk', '/otps/sms/send/primary'],
  ['backend', '/otps/sms/login_or_create'],
  ['backend', '/otps/sms/send'],
] as const

function post(family: 'sdk' | 'backend', path: string, body: unknown, raw?: string) {
  const options = raw === undefined ? {} : { raw }
  return family === 'sdk'
    ? sdk(emulator.fetch, path, body, options)
    : backend(emulator.fetch, path, body, options)
}

describe.each(sendPaths)('%s %s validation', (family, path) => {
  it.each([
    ['missing', {}],
    ['not E.164', { phone_number: '202-555-0162' }],
    ['national digits', { phone_number: '2025550162' }],
    ['not a string', { phone_number: 12025550162 }],
    ['not a real number', { phone_number: '+11235550162' }],
    ['too short', { phone_number: '+1202555' }],
  ])('phone number %s → 400 invalid_phone_number', async (_name, body) => {
    const { status, json } = await post(family, path, body)
    expect(status).toBe(400)
    expectErrorShape(json, 400, 'invalid_phone_number')
    expect(emulator.messages()).toEqual([])
  })

  it('a valid number outside the allowlist → 400 invalid_phone_number_country_code', async () => {
    const { status, json } = await post(family, path, { phone_number: '+33612345678' })
    expect(status).toBe(400)
    expectErrorShape(json, 400, 'invalid_phone_number_country_code')
  })

  it.each([0, 11, 2.5, '5', -1])('expiration_minutes %s → 400 invalid_expiration', async (value) => {
    const { json } = await post(family, path, { phone_number: PHONE, expiration_minutes: value })
    expectErrorShape(json, 400, 'invalid_expiration')
  })

  it.each(['xx', 'en-GB', 'klingon', 3])('locale %s → 400 invalid_locale', async (value) => {
    const { json } = await post(family, path, { phone_number: PHONE, locale: value })
    expectErrorShape(json, 400, 'invalid_locale')
  })

  it('malformed JSON → 400 with a clear message', async () => {
    const { status, json } = await post(family, path, undefined, '{"phone_number": "+1202')
    expect(status).toBe(400)
    expectErrorShape(json, 400, 'bad_request')
    expect(json.error_message).toMatch(/not valid JSON/)
  })

  it('a JSON array body → 400 bad_request', async () => {
    const { json } = await post(family, path, [PHONE])
    expectErrorShape(json, 400, 'bad_request')
  })
})

describe('accepted input', () => {
  it('ignores unknown fields', async () => {
    const { status } = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
      favourite_colour: 'teal',
      nested: { anything: [1, 2] },
    })
    expect(status).toBe(200)
  })

  it('accepts Canadian numbers by default and honours a custom allowlist', async () => {
    expect(
      (await sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: CANADA_PHONE })).status,
    ).toBe(200)
    const french = createEmulator({ countries: ['FR'] })
    expect(
      (await sdk(french.fetch, '/otps/sms/login_or_create', { phone_number: '+33612345678' })).status,
    ).toBe(200)
    const us = await sdk(french.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    expectErrorShape(us.json, 400, 'invalid_phone_number_country_code')
  })

  it.each(['en', 'es', 'pt-br', 'PT-BR', 'fr', 'de-DE', 'zh-Hans', 'cs'])(
    'accepts locale %s',
    async (locale) => {
      const { status } = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
        phone_number: PHONE,
        locale,
      })
      expect(status).toBe(200)
    },
  )

  it.each([1, 10])('accepts expiration_minutes %s', async (value) => {
    const { status } = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
      expiration_minutes: value,
    })
    expect(status).toBe(200)
  })

  it('checks the autofill options’ types', async () => {
    const flag = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
      enable_autofill: 'yes',
    })
    expectErrorShape(flag.json, 400, 'bad_request')
    const minutes = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
      autofill_session_duration_minutes: 2,
    })
    expectErrorShape(minutes.json, 400, 'invalid_session_duration_minutes')
  })

  it('checks create_user_as_pending and attributes types on /v1', async () => {
    const pending = await backend(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
      create_user_as_pending: 'true',
    })
    expectErrorShape(pending.json, 400, 'bad_request')
    const attributes = await backend(emulator.fetch, '/otps/sms/login_or_create', {
      phone_number: PHONE,
      attributes: 'x',
    })
    expectErrorShape(attributes.json, 400, 'bad_request')
  })
})

describe('authenticate validation', () => {
  it.each([4, 527041, 2.5, '30'])(
    'session_duration_minutes %s → 400 invalid_session_duration_minutes',
    async (value) => {
      const methodId = await sendCode(emulator)
      const body = {
        token: emulator.messages()[0]?.code,
        method_id: methodId,
        session_duration_minutes: value,
      }
      const { json } = await sdk(emulator.fetch, '/otps/authenticate', body)
      expectErrorShape(json, 400, 'invalid_session_duration_minutes')
      // The code was not spent by the bad request.
      const ok = await sdk(emulator.fetch, '/otps/authenticate', { ...body, session_duration_minutes: 5 })
      expect(ok.status).toBe(200)
    },
  )

  it('accepts the bounds 5 and 527040', async () => {
    for (const minutes of [5, 527040]) {
      const methodId = await sendCode(emulator)
      const body = {
        token: emulator.messages().at(-1)?.code,
        method_id: methodId,
        session_duration_minutes: minutes,
      }
      expect((await sdk(emulator.fetch, '/otps/authenticate', body)).status).toBe(200)
    }
  })

  it('requires session_duration_minutes on /sdk/v1', async () => {
    const methodId = await sendCode(emulator)
    const { json } = await sdk(emulator.fetch, '/otps/authenticate', {
      token: emulator.messages()[0]?.code,
      method_id: methodId,
    })
    expectErrorShape(json, 400, 'invalid_session_duration_minutes')
  })

  it.each(['12345', '1234567', 'abcdef', 123456, undefined])('code %s → 400 invalid_code', async (token) => {
    const methodId = await sendCode(emulator)
    const { json } = await sdk(emulator.fetch, '/otps/authenticate', {
      token,
      method_id: methodId,
      session_duration_minutes: 5,
    })
    expectErrorShape(json, 400, 'invalid_code')
  })

  it.each(['', 'user-test-1', 42, undefined])('method_id %s → 400 invalid_method_id', async (methodId) => {
    const { json } = await sdk(emulator.fetch, '/otps/authenticate', {
      token: '123456',
      method_id: methodId,
      session_duration_minutes: 5,
    })
    expectErrorShape(json, 400, 'invalid_method_id')
  })

  it('sessions/authenticate checks session_duration_minutes', async () => {
    const methodId = await sendCode(emulator)
    const auth = await sdk(emulator.fetch, '/otps/authenticate', {
      token: emulator.messages()[0]?.code,
      method_id: methodId,
      session_duration_minutes: 5,
    })
    const session = data(auth.json).session_token as string
    const { json } = await sdk(
      emulator.fetch,
      '/sessions/authenticate',
      { session_duration_minutes: 1 },
      { session },
    )
    expectErrorShape(json, 400, 'invalid_session_duration_minutes')
  })
})
