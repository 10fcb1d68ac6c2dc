import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { backend, data, decodeJwt, expectErrorShape, sdk, signIn } from './helpers'

let emulator: Emulator
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
  emulator = createEmulator()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('sessions', () => {
  it('end after session_duration_minutes → 404 session_not_found', async () => {
    const { session_token } = await signIn(emulator, undefined, 10)
    vi.advanceTimersByTime(10 * 60_000 - 1)
    expect((await sdk(emulator.fetch, '/users/me', undefined, { session: session_token })).status).toBe(200)
    vi.advanceTimersByTime(1)
    const gone = await sdk(emulator.fetch, '/sessions/authenticate', {}, { session: session_token })
    expect(gone.status).toBe(404)
    expectErrorShape(gone.json, 404, 'session_not_found')
  })

  it('authenticate extends the session when asked, and only then', async () => {
    const { session_token } = await signIn(emulator, undefined, 10)
    vi.advanceTimersByTime(5 * 60_000)
    const plain = await sdk(emulator.fetch, '/sessions/authenticate', {}, { session: session_token })
    const plainSession = data(plain.json).session as { expires_at: string; last_accessed_at: string }
    expect(plainSession.expires_at).toBe('2030-01-01T00:10:00.000Z')
    expect(plainSession.last_accessed_at).toBe('2030-01-01T00:05:00.000Z')

    const extended = await sdk(
      emulator.fetch,
      '/sessions/authenticate',
      { session_duration_minutes: 60 },
      { session: session_token },
    )
    expect((data(extended.json).session as { expires_at: string }).expires_at).toBe(
      '2030-01-01T01:05:00.000Z',
    )
    vi.advanceTimersByTime(30 * 60_000)
    expect((await sdk(emulator.fetch, '/users/me', undefined, { session: session_token })).status).toBe(200)
  })

  it('hands out a fresh JWT that lives five minutes from now', async () => {
    const { session_token, session_jwt } = await signIn(emulator)
    vi.advanceTimersByTime(4 * 60_000)
    const again = await sdk(emulator.fetch, '/sessions/authenticate', {}, { session: session_token })
    const first = decodeJwt(session_jwt).payload
    const second = decodeJwt(data(again.json).session_jwt as string).payload
    expect(second.iat).toBe((first.iat as number) + 240)
    expect(second.exp).toBe((second.iat as number) + 300)
  })

  it('a JWT past its five minutes still names a live session on /v1', async () => {
    const { session_jwt } = await signIn(emulator, undefined, 60)
    vi.advanceTimersByTime(10 * 60_000)
    const { status, json } = await backend(emulator.fetch, '/sessions/authenticate', { session_jwt })
    expect(status).toBe(200)
    expect(decodeJwt(json.session_jwt as string).payload.iat).toBe(Math.floor(Date.now() / 1000))
  })

  it('a JWT from another emulator is refused', async () => {
    const other = createEmulator()
    const { session_jwt } = await signIn(other)
    const { json } = await backend(emulator.fetch, '/sessions/authenticate', { session_jwt })
    expectErrorShape(json, 404, 'session_not_found')
  })

  it('revoke ends the session for both families', async () => {
    const { session_token, session_jwt } = await signIn(emulator)
    expect((await sdk(emulator.fetch, '/sessions/revoke', {}, { session: session_token })).status).toBe(200)
    expectErrorShape(
      (await backend(emulator.fetch, '/sessions/authenticate', { session_jwt })).json,
      404,
      'session_not_found',
    )
    const twice = await sdk(emulator.fetch, '/sessions/revoke', {}, { session: session_token })
    expectErrorShape(twice.json, 404, 'session_not_found')
  })

  it('session endpoints without a session token → 404 session_not_found', async () => {
    for (const [path, body] of [
      ['/sessions/authenticate', {}],
      ['/sessions/revoke', {}],
      ['/users/me', undefined],
    ] as const) {
      const { status, json } = await sdk(emulator.fetch, path, body)
      expect(status).toBe(404)
      expectErrorShape(json, 404, 'session_not_found')
    }
  })

  it('signing in again while signed in as someone else starts a new session', async () => {
    const first = await signIn(emulator, '+12025550162')
    const methodId = data(
      (await sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: '+12025550163' })).json,
    ).method_id as string
    const second = await sdk(
      emulator.fetch,
      '/otps/authenticate',
      { token: emulator.messages().at(-1)?.code, method_id: methodId, session_duration_minutes: 5 },
      { session: first.session_token },
    )
    expect(second.status).toBe(200)
    expect(data(second.json).session_token).not.toBe(first.session_token)
    expect(data(second.json).user_id).not.toBe(first.user_id)
  })

  it('records the user agent in the session attributes', async () => {
    const methodId = data(
      (await sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: '+12025550162' })).json,
    ).method_id as string
    const { json } = await sdk(
      emulator.fetch,
      '/otps/authenticate',
      { token: emulator.messages()[0]?.code, method_id: methodId, session_duration_minutes: 5 },
      { headers: { 'user-agent': 'otpkit-test/1.0' } },
    )
    expect((data(json).session as { attributes: unknown }).attributes).toEqual({
      ip_address: '',
      user_agent: 'otpkit-test/1.0',
    })
  })
})
