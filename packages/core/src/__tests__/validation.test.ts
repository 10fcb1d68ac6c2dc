// Bad input gets a typed, documented error before anything is sent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMemoryStorage, createStytchClient, StytchUsageError } from '../index'
import type { ClientOptions } from '../index'
import { authData, ok, PHONE, recordingFetch, sendData, settle, TOKEN } from './support'

function setup() {
  const net = recordingFetch()
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
  return { net, stytch }
}

async function expectUsage(promise: Promise<unknown>, code: string) {
  const error = await settle(promise)
  expect(error).toBeInstanceOf(StytchUsageError)
  expect(error).toMatchObject({ name: 'StytchUsageError', code })
}

function construct(token: unknown, options?: unknown) {
  return () => createStytchClient(token as string, options as ClientOptions)
}

describe('the public token', () => {
  it('a secret key throws secret_key_in_client and never appears in the message', () => {
    const secret = 'secret-test-Zm9vYmFyYmF6cXV4cXV1eA=='
    expect(construct(secret)).toThrow(expect.objectContaining({ code: 'secret_key_in_client' }))
    try {
      construct(secret)()
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret)
    }
  })

  it.each([
    ['empty', ''],
    ['a project id', 'project-test-3b3c1a5e'],
    ['only the prefix', 'public-token-'],
    ['with a space', 'public-token-test abc'],
    ['not a string', 42],
    ['undefined', undefined],
  ])('%s throws invalid_public_token', (_label, token) => {
    expect(construct(token)).toThrow(expect.objectContaining({ code: 'invalid_public_token' }))
  })

  it('the message does not echo the bad token', () => {
    const token = 'pk_live_abcdef123456'
    expect(construct(token)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(token) }))
  })
})

describe('client options', () => {
  it.each([
    ['baseUrl not a URL', { baseUrl: 'login.example.com' }],
    ['baseUrl with a query', { baseUrl: 'https://login.example.com?x=1' }],
    ['baseUrl not http', { baseUrl: 'ftp://login.example.com' }],
    ['fetch not a function', { fetch: 'fetch' }],
    ['timeoutMs zero', { timeoutMs: 0 }],
    ['timeoutMs too large for a timer', { timeoutMs: 2 ** 31 }],
    ['storage without removeItem', { storage: { getItem: () => null, setItem: () => {} } }],
    ['cookie name with "="', { cookie: { opaqueTokenCookieName: 'a=b' } }],
    ['cookie path without "/"', { cookie: { path: 'app' } }],
    ['cookie domain with ";"', { cookie: { domain: 'example.com; Secure' } }],
    ['unknown option', { timeout: 5000 }],
    ['options not an object', 'fast'],
  ])('%s throws invalid_option', (_label, options) => {
    expect(construct(TOKEN, options)).toThrow(expect.objectContaining({ code: 'invalid_option' }))
  })
})

describe.each(['sms', 'whatsapp'] as const)('%s sends', (channel) => {
  it.each([
    ['no plus', '12025550162'],
    ['leading zero', '+02025550162'],
    ['too short', '+1202555'],
    ['too long', '+1202555016212345'],
    ['spaces', '+1 202 555 0162'],
    ['letters', '+1202555CALL'],
    ['empty', ''],
    ['not a string', 12025550162],
  ])('phone %s → invalid_phone_number, nothing sent', async (_label, phone) => {
    const { net, stytch } = setup()
    await expectUsage(stytch.otps[channel].loginOrCreate(phone as string), 'invalid_phone_number')
    await expectUsage(stytch.otps[channel].send(phone as string), 'invalid_phone_number')
    expect(net.calls).toHaveLength(0)
  })

  it.each([
    ['expiration_minutes 0', { expiration_minutes: 0 }, 'invalid_expiration'],
    ['expiration_minutes 11', { expiration_minutes: 11 }, 'invalid_expiration'],
    ['expiration_minutes 2.5', { expiration_minutes: 2.5 }, 'invalid_expiration'],
    ['expiration_minutes "5"', { expiration_minutes: '5' }, 'invalid_expiration'],
    ['locale empty', { locale: '' }, 'invalid_locale'],
    ['locale not BCP 47', { locale: 'english please' }, 'invalid_locale'],
    ['locale underscore', { locale: 'pt_BR' }, 'invalid_locale'],
    ['unknown key', { expiration_minute: 5 }, 'invalid_option'],
    ['signal not a signal', { signal: 'stop' }, 'invalid_option'],
    ['options null', null, 'invalid_option'],
  ])('%s → %s, nothing sent', async (_label, options, code) => {
    const { net, stytch } = setup()
    await expectUsage(stytch.otps[channel].loginOrCreate(PHONE, options as never), code)
    await expectUsage(stytch.otps[channel].send(PHONE, options as never), code)
    expect(net.calls).toHaveLength(0)
  })
})

describe('autofill options: SMS only', () => {
  it.each([
    ['autofill duration 4', { autofill_session_duration_minutes: 4 }, 'invalid_session_duration_minutes'],
    ['autofill duration NaN', { autofill_session_duration_minutes: NaN }, 'invalid_session_duration_minutes'],
    ['enable_autofill "yes"', { enable_autofill: 'yes' }, 'invalid_option'],
  ])('SMS: %s → %s, nothing sent', async (_label, options, code) => {
    const { net, stytch } = setup()
    await expectUsage(stytch.otps.sms.loginOrCreate(PHONE, options as never), code)
    await expectUsage(stytch.otps.sms.send(PHONE, options as never), code)
    expect(net.calls).toHaveLength(0)
  })

  it.each([
    ['enable_autofill true', { enable_autofill: true }],
    ['enable_autofill false', { enable_autofill: false }],
    ['autofill duration 5', { autofill_session_duration_minutes: 5 }],
    [
      'both, beside valid options',
      { locale: 'es', enable_autofill: true, autofill_session_duration_minutes: 30 },
    ],
  ])('WhatsApp: %s → invalid_option, nothing sent', async (_label, options) => {
    const { net, stytch } = setup()
    await expectUsage(stytch.otps.whatsapp.loginOrCreate(PHONE, options as never), 'invalid_option')
    await expectUsage(stytch.otps.whatsapp.send(PHONE, options as never), 'invalid_option')
    expect(net.calls).toHaveLength(0)
  })

  it('an SMS option WhatsApp lacks is named in the error', async () => {
    const { stytch } = setup()
    const error = await settle(stytch.otps.whatsapp.send(PHONE, { enable_autofill: true } as never))
    expect(error).toMatchObject({
      code: 'invalid_option',
      message: 'enable_autofill does not apply to WhatsApp sends.',
    })
  })
})

describe('SMS sends', () => {
  it('accepts the boundaries and every locale the SMS schema lists', async () => {
    const locales = [
      'en',
      'es',
      'pt-br',
      'fr',
      'it',
      'de-DE',
      'zh-Hans',
      'ca-ES',
      'ja',
      'ru',
      'nl',
      'pl',
      'tr',
    ]
    const net = recordingFetch(...locales.map(() => ok(sendData())), ok(sendData()), ok(sendData()))
    const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
    for (const locale of locales) await stytch.otps.sms.loginOrCreate(PHONE, { locale })
    await stytch.otps.sms.loginOrCreate('+10000000000', {
      expiration_minutes: 1,
      autofill_session_duration_minutes: 5,
    })
    await stytch.otps.sms.loginOrCreate('+123456789012345', {
      expiration_minutes: 10,
      enable_autofill: false,
    })
    expect(net.calls.map((c) => c.body)).toEqual([
      ...locales.map((locale) => ({ phone_number: PHONE, locale })),
      { phone_number: '+10000000000', expiration_minutes: 1, autofill_session_duration_minutes: 5 },
      { phone_number: '+123456789012345', expiration_minutes: 10, enable_autofill: false },
    ])
  })

  it('undefined options count as absent', async () => {
    const net = recordingFetch(ok(sendData()))
    const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
    await stytch.otps.sms.loginOrCreate(PHONE, { locale: undefined, expiration_minutes: undefined })
    expect(net.calls[0]?.body).toEqual({ phone_number: PHONE })
  })

  it('property: any string that is not E.164 is refused without a request', async () => {
    const { net, stytch } = setup()
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 20 }).filter((s) => !/^\+[1-9]\d{7,14}$/.test(s)),
        async (phone) => {
          await expectUsage(stytch.otps.sms.loginOrCreate(phone), 'invalid_phone_number')
        },
      ),
    )
    expect(net.calls).toHaveLength(0)
  })

  it('property: every E.164 number is sent exactly as given', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 9 }),
        fc.stringMatching(/^\d{7,14}$/),
        async (first, rest) => {
          const phone = `+${first}${rest}`
          const net = recordingFetch(ok(sendData()))
          const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
          await stytch.otps.sms.loginOrCreate(phone)
          expect(net.calls.map((c) => c.body)).toEqual([{ phone_number: phone }])
        },
      ),
      { numRuns: 50 },
    )
  })
})

describe('otps.authenticate', () => {
  const good = { session_duration_minutes: 60 }

  it.each([
    ['five digits', '12345'],
    ['seven digits', '1234567'],
    ['letters', '12345a'],
    ['empty', ''],
    ['a number', 123456],
    ['full stops', '123.456'],
  ])('code %s → invalid_code, nothing sent', async (_label, code) => {
    const { net, stytch } = setup()
    await expectUsage(
      stytch.otps.authenticate(code as string, 'phone-number-test-2b9c', good),
      'invalid_code',
    )
    expect(net.calls).toHaveLength(0)
  })

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['missing', undefined],
  ])('method_id %s → invalid_method_id, nothing sent', async (_label, methodId) => {
    const { net, stytch } = setup()
    await expectUsage(stytch.otps.authenticate('123456', methodId as string, good), 'invalid_method_id')
    expect(net.calls).toHaveLength(0)
  })

  it.each([
    ['missing', {}],
    ['4', { session_duration_minutes: 4 }],
    ['fractional', { session_duration_minutes: 30.5 }],
    ['a string', { session_duration_minutes: '60' }],
    ['no options', undefined],
  ])('session_duration_minutes %s → invalid_session_duration_minutes', async (_label, options) => {
    const { net, stytch } = setup()
    await expectUsage(
      stytch.otps.authenticate('123456', 'phone-number-test-2b9c', options as never),
      'invalid_session_duration_minutes',
    )
    expect(net.calls).toHaveLength(0)
  })

  it('property: spaces and dashes a user pasted are stripped before sending', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^\d{6}$/),
        fc.array(fc.constantFrom(' ', '-', '\t'), { maxLength: 6 }),
        fc.array(fc.nat({ max: 6 }), { maxLength: 6 }),
        async (code, separators, positions) => {
          let pasted = code
          separators.forEach((sep, i) => {
            const at = Math.min(positions[i] ?? 0, pasted.length)
            pasted = pasted.slice(0, at) + sep + pasted.slice(at)
          })
          const net = recordingFetch(ok(authData()))
          const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
          await stytch.otps.authenticate(pasted, 'phone-number-test-2b9c', good)
          expect((net.calls[0]?.body as { token: string }).token).toBe(code)
          stytch.destroy()
        },
      ),
      { numRuns: 50 },
    )
  })
})

describe('session and user calls', () => {
  it('session.authenticate without a session → no_session, nothing sent', async () => {
    const { net, stytch } = setup()
    await expectUsage(stytch.session.authenticate(), 'no_session')
    expect(net.calls).toHaveLength(0)
  })

  it('user.get without a session → no_session, nothing sent', async () => {
    const { net, stytch } = setup()
    await expectUsage(stytch.user.get(), 'no_session')
    expect(net.calls).toHaveLength(0)
  })

  it('session.authenticate with a bad duration → invalid_session_duration_minutes', async () => {
    const { net, stytch } = setup()
    await expectUsage(
      stytch.session.authenticate({ session_duration_minutes: 1 }),
      'invalid_session_duration_minutes',
    )
    expect(net.calls).toHaveLength(0)
  })

  it('onChange with something other than a function → invalid_option', () => {
    const { stytch } = setup()
    expect(() => stytch.session.onChange('x' as never)).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    )
  })

  it('revoke without a session resolves null without a request', async () => {
    const { net, stytch } = setup()
    await expect(stytch.session.revoke()).resolves.toBeNull()
    expect(net.calls).toHaveLength(0)
  })
})
