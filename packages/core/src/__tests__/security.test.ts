// Security properties of the client: a secret key never gets as far as a request, and tokens (and the
// code a person typed) appear only in the Authorization header and the request body field that needs
// them: never in a URL, a console line or anything an error shows. Cookies: cookies.security.test.ts.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryStorage, createStytchClient, StytchHeadlessClient, StytchUsageError } from '../index'
import { fuzz, fuzzTimeout } from '../../../tooling/testing/fuzzConfig'
import { settle } from './support'

const PHONE = '+12025550162'
const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const

beforeEach(() => {
  for (const method of CONSOLE) vi.spyOn(console, method)
})
afterEach(() => {
  for (const method of CONSOLE) expect(console[method], `console.${method}`).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})

/** Everything an error shows: message, stack, string form, JSON, cause. */
function shown(error: unknown): string {
  const e = error as Error & { cause?: unknown }
  return [e.message, e.stack, String(e), JSON.stringify(e), String(e.cause)].join('\n')
}

describe('a secret key', () => {
  it('throws secret_key_in_client at construction, before any request, and is never repeated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('secret-test-', 'secret-live-', 'secret-'),
        fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=_-'),
          minLength: 8,
          maxLength: 64,
        }),
        fc.boolean(),
        (prefix, rest, viaClass) => {
          const secret = prefix + rest
          const fetch = vi.fn<typeof globalThis.fetch>()
          let error: unknown
          try {
            if (viaClass) new StytchHeadlessClient(secret, { fetch })
            else createStytchClient(secret, { fetch, baseUrl: 'https://login.example.com' })
          } catch (caught) {
            error = caught
          }
          expect(error).toBeInstanceOf(StytchUsageError)
          expect(error).toMatchObject({ code: 'secret_key_in_client' })
          // The whole key: a short tail alone can occur by chance in the stack's file paths.
          expect(shown(error)).not.toContain(secret)
          expect(fetch).not.toHaveBeenCalled()
        },
      ),
      fuzz(0x5ec_01, 200),
    )
  })
})

describe('tokens and codes stay out of URLs, bodies they do not belong in, errors and the console', () => {
  it('through a whole login, a resend, a wrong code, a refresh, users/me and a sign-out', async () => {
    const emulator = createEmulator()
    const wire: { url: string; authorization: string; body: string }[] = []
    const stytch = createStytchClient(DEMO_PUBLIC_TOKEN, {
      baseUrl: 'http://emulator.test',
      storage: createMemoryStorage(),
      fetch: (input, init) => {
        wire.push({
          url: String(input),
          authorization: new Headers(init?.headers).get('authorization') ?? '',
          body: typeof init?.body === 'string' ? init.body : '',
        })
        return emulator.fetch(input, init)
      },
    })
    const errors: unknown[] = []
    const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
    const code = emulator.messages().at(-1)!.code
    const wrong = code === '111111' ? '222222' : '111111'
    errors.push(await settle(stytch.otps.authenticate(wrong, method_id, { session_duration_minutes: 60 })))
    const auth = await stytch.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
    await stytch.session.authenticate({ session_duration_minutes: 60 })
    await stytch.user.get()
    await stytch.otps.sms.send('+12025550163')
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 5 })
    errors.push(await settle(stytch.user.get()))
    emulator.faults.add({ kind: 'drop', path: '/sdk/v1/sessions/revoke' })
    errors.push(await settle(stytch.session.revoke()))
    errors.push(await settle(stytch.otps.authenticate(code, method_id, { session_duration_minutes: 60 })))
    stytch.destroy()

    const { session_token, session_jwt } = auth
    expect(errors.every((e) => e instanceof Error)).toBe(true)
    for (const secret of [DEMO_PUBLIC_TOKEN, session_token, session_jwt, code, wrong]) {
      for (const { url } of wire) expect(url).not.toContain(secret)
      for (const error of errors) expect(shown(error)).not.toContain(secret)
    }
    // The session token travels only as the Basic password; the JWT never travels at all.
    for (const { authorization, body } of wire) {
      expect(body).not.toContain(session_token)
      expect(body).not.toContain(session_jwt)
      expect(authorization).not.toContain(session_jwt)
    }
    const withSession = wire.filter((w) =>
      atob(w.authorization.replace('Basic ', '')).endsWith(`:${session_token}`),
    )
    expect(withSession.map((w) => new URL(w.url).pathname)).toEqual([
      '/sdk/v1/sessions/authenticate',
      '/sdk/v1/users/me',
      '/sdk/v1/otps/sms/send/secondary',
      '/sdk/v1/users/me',
      '/sdk/v1/sessions/revoke',
    ])
    // The code appears only as the `token` field of otps/authenticate.
    const withCode = wire.filter((w) => w.body.includes(code) || w.body.includes(wrong))
    expect(withCode.map((w) => JSON.parse(w.body) as unknown)).toEqual([
      { token: wrong, method_id, session_duration_minutes: 60 },
      { token: code, method_id, session_duration_minutes: 60 },
      { token: code, method_id, session_duration_minutes: 60 },
    ])
  })

  it(
    'usage errors never repeat the value that was refused',
    async () => {
      const stytch = createStytchClient(DEMO_PUBLIC_TOKEN, {
        fetch: vi.fn<typeof globalThis.fetch>(),
        storage: createMemoryStorage(),
      })
      const marked = fc.string({ minLength: 4, maxLength: 20 }).map((s) => `Zq7${s}`)
      await fc.assert(
        fc.asyncProperty(marked, async (value) => {
          const attempts = [
            stytch.otps.sms.loginOrCreate(value),
            stytch.otps.sms.loginOrCreate(PHONE, { locale: value }),
            stytch.otps.sms.loginOrCreate(PHONE, { expiration_minutes: value as never }),
            stytch.otps.sms.loginOrCreate(PHONE, { enable_autofill: value as never }),
            stytch.otps.authenticate(value, 'phone-number-test-1', { session_duration_minutes: 60 }),
            stytch.otps.authenticate('123456', 'phone-number-test-1', {
              session_duration_minutes: value as never,
            }),
          ]
          for (const attempt of attempts) {
            const error = await settle(attempt)
            expect(error).toBeInstanceOf(StytchUsageError)
            expect(shown(error)).not.toContain(value)
          }
        }),
        fuzz(0x5ec_02, 200),
      )
      stytch.destroy()
    },
    fuzzTimeout(200),
  )
})
