// Idempotent calls (sessions/authenticate, users/me) retry network failures and 5xx: 3 tries at most.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryStorage, createStytchClient } from '../index'
import type { Reply } from './support'
import { apiError, authData, makeUser, ok, recordingFetch, sessionData, settle, TOKEN } from './support'

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

async function signedIn(...replies: Reply[]) {
  const net = recordingFetch(ok(authData('session-token-A')), ...replies)
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
  await stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 })
  return { net, stytch, later: () => net.calls.slice(1) }
}

describe('session.authenticate', () => {
  it('retries a network error and a 502, then succeeds on the third try', async () => {
    const { stytch, later } = await signedIn(
      new TypeError('Failed to fetch'),
      new Response('<h1>502 Bad Gateway</h1>', { status: 502 }),
      ok(sessionData('session-token-A')),
    )
    const result = settle(stytch.session.authenticate())
    await vi.advanceTimersByTimeAsync(0)
    expect(later()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(300)
    expect(later()).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(900)
    expect(later()).toHaveLength(3)
    expect(await result).toBeUndefined()
    expect(stytch.session.getInfo().fromCache).toBe(false)
  })

  it('gives up after 3 tries with the last error', async () => {
    const { stytch, later } = await signedIn(
      apiError(500, 'internal_server_error'),
      apiError(503, 'service_unavailable'),
      new TypeError('Load failed'),
    )
    const result = settle(stytch.session.authenticate())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await result).toMatchObject({ code: 'network_error' })
    expect(later()).toHaveLength(3)
    expect(later().every((c) => c.url.endsWith('/sessions/authenticate'))).toBe(true)
  })

  it.each([
    ['a 4xx', apiError(400, 'invalid_session_duration_minutes')],
    ['a 429', apiError(429, 'too_many_requests', { 'Retry-After': '5' })],
    ['a malformed 200', ok({ nothing: true })],
  ])('does not retry %s', async (_label, reply) => {
    const { stytch, later } = await signedIn(reply)
    const result = settle(stytch.session.authenticate())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await result).toHaveProperty('code')
    expect(later()).toHaveLength(1)
  })

  it('does not retry a timeout (the wait would triple)', async () => {
    const { stytch, later } = await signedIn('hang')
    const result = settle(stytch.session.authenticate())
    await vi.advanceTimersByTimeAsync(15_000)
    expect(await result).toMatchObject({ code: 'timeout' })
    expect(later()).toHaveLength(1)
  })

  it('aborting during the backoff stops further tries', async () => {
    const { stytch, later } = await signedIn(new TypeError('Failed to fetch'))
    const controller = new AbortController()
    const result = settle(stytch.session.authenticate({ signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(100)
    controller.abort()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await result).toMatchObject({ name: 'AbortError' })
    expect(later()).toHaveLength(1)
  })
})

describe('user.get', () => {
  it('retries a network error and returns the user', async () => {
    const user = makeUser({ user_id: 'user-test-retried' })
    const { stytch, later } = await signedIn(
      new TypeError('Failed to fetch'),
      ok({ ...user, request_id: 'r', status_code: 200 }),
    )
    const result = stytch.user.get()
    await vi.advanceTimersByTimeAsync(300)
    expect((await result).user_id).toBe('user-test-retried')
    expect(later().map((c) => c.method)).toEqual(['GET', 'GET'])
    expect(stytch.user.getSync()?.user_id).toBe('user-test-retried')
  })

  it('stops after 3 tries', async () => {
    const { stytch, later } = await signedIn(
      apiError(500, 'internal_server_error'),
      apiError(500, 'internal_server_error'),
      apiError(500, 'internal_server_error'),
    )
    const result = settle(stytch.user.get())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await result).toMatchObject({ code: 'internal_server_error', status_code: 500 })
    expect(later()).toHaveLength(3)
  })
})
