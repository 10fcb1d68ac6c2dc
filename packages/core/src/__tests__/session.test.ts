// The session store through the public API: memory, storage snapshot, reload, onChange, background
// refresh, clearing on session-ending errors and on revoke.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryStorage, createStytchClient, StytchNetworkError } from '../index'
import type { KeyValueStorage, Session, StytchHeadlessClient } from '../index'
import type { Reply } from './support'
import {
  apiError,
  authData,
  basic,
  makeSession,
  makeUser,
  ok,
  recordingFetch,
  sendData,
  sessionData,
  settle,
  TOKEN,
} from './support'

const KEY = `stytch_sdk_state_${TOKEN}`
const clients: StytchHeadlessClient[] = []
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy())
  vi.useRealTimers()
})

function client(storage: KeyValueStorage, ...replies: Reply[]) {
  const net = recordingFetch(...replies)
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage })
  clients.push(stytch)
  return { net, stytch }
}

async function signIn(stytch: StytchHeadlessClient) {
  return stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 })
}

describe('after otps.authenticate', () => {
  it('the session, user and tokens are available synchronously and confirmed', async () => {
    const session = makeSession()
    const { stytch } = client(createMemoryStorage(), ok(authData('session-token-A', session)))
    expect(stytch.session.getSync()).toBeNull()
    expect(stytch.session.getInfo()).toEqual({ session: null, fromCache: false })
    expect(stytch.session.getTokens()).toBeNull()
    await signIn(stytch)
    expect(stytch.session.getSync()).toEqual(session)
    expect(stytch.session.getInfo()).toEqual({ session, fromCache: false })
    expect(stytch.session.getTokens()).toEqual({
      session_token: 'session-token-A',
      session_jwt: 'jwt-for-session-token-A',
    })
    expect(stytch.user.getSync()).toEqual(makeUser())
    expect(stytch.user.getInfo()).toEqual({ user: makeUser(), fromCache: false })
  })

  it('getSync and getInfo return the same objects until something changes', async () => {
    const { stytch } = client(createMemoryStorage(), ok(authData()))
    await signIn(stytch)
    expect(stytch.session.getSync()).toBe(stytch.session.getSync())
    expect(stytch.session.getInfo()).toBe(stytch.session.getInfo())
    expect(stytch.user.getInfo()).toBe(stytch.user.getInfo())
  })

  it('onChange listeners hear the session and the user; unsubscribing stops them', async () => {
    const { stytch } = client(
      createMemoryStorage(),
      ok(authData('session-token-A')),
      ok(authData('session-token-B')),
    )
    const sessions: (Session | null)[] = []
    const users: (string | null)[] = []
    const stop = stytch.session.onChange((s) => sessions.push(s))
    stytch.user.onChange((u) => users.push(u?.user_id ?? null))
    await signIn(stytch)
    stop()
    await signIn(stytch)
    expect(sessions).toHaveLength(1)
    expect(sessions[0]?.session_id).toBe(stytch.session.getSync() && sessions[0]?.session_id)
    expect(users).toEqual([makeUser().user_id, makeUser().user_id])
  })

  it('a throwing listener does not stop the others', async () => {
    const { stytch } = client(createMemoryStorage(), ok(authData()))
    const heard: string[] = []
    const reported = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve))
    stytch.session.onChange(() => {
      throw new Error('listener bug')
    })
    stytch.session.onChange(() => heard.push('second'))
    await signIn(stytch)
    expect(heard).toEqual(['second'])
    expect(await reported).toMatchObject({ message: 'listener bug' })
  })

  it('a {session, user} snapshot with the tokens is stored under a key naming the public token', async () => {
    const storage = createMemoryStorage()
    const session = makeSession()
    const { stytch } = client(storage, ok(authData('session-token-A', session)))
    await signIn(stytch)
    expect(JSON.parse(storage.getItem(KEY) ?? 'null')).toEqual({
      // The fields that hold phone numbers and phone ids are kept empty at rest.
      session: { ...session, authentication_factors: [] },
      user: { ...makeUser(), phone_numbers: [] },
      session_token: 'session-token-A',
      session_jwt: 'jwt-for-session-token-A',
    })
    // Memory keeps them as received.
    expect(stytch.session.getSync()).toEqual(session)
    expect(stytch.user.getSync()).toEqual(makeUser())
  })
})

describe('reload', () => {
  it('a new client on the same storage reads the session back at once, marked fromCache, and confirms it in the background', async () => {
    const storage = createMemoryStorage()
    const session = makeSession()
    const first = client(storage, ok(authData('session-token-A', session)))
    await signIn(first.stytch)
    first.stytch.destroy()

    const second = client(storage, ok(sessionData('session-token-A', session)))
    // Synchronously: the session as stored, without its phone fields, and no request yet.
    expect(second.net.calls).toHaveLength(0)
    expect(second.stytch.session.getInfo()).toEqual({
      session: { ...session, authentication_factors: [] },
      fromCache: true,
    })
    expect(second.stytch.user.getInfo()).toEqual({
      user: { ...makeUser(), phone_numbers: [] },
      fromCache: true,
    })
    expect(second.stytch.session.getTokens()?.session_token).toBe('session-token-A')

    // Then one session.authenticate, whose answer fills them back in.
    await vi.waitFor(() => expect(second.stytch.session.getInfo().fromCache).toBe(false))
    expect(second.net.calls).toHaveLength(1)
    expect(second.net.calls[0]?.url).toMatch(/\/sessions\/authenticate$/)
    expect(second.net.calls[0]?.headers.authorization).toBe(basic('session-token-A'))
    expect(second.stytch.session.getSync()).toEqual(session)
    expect(second.stytch.user.getInfo()).toEqual({ user: makeUser(), fromCache: false })
  })

  it('user.get confirms the user only', async () => {
    const storage = createMemoryStorage()
    await signIn(client(storage, ok(authData())).stytch)
    // users/me answers; the confirmation the client sends by itself on restore (queued after it)
    // finds no answer here, so the session stays unconfirmed.
    const { net, stytch } = client(
      storage,
      ok({ ...makeUser({ status: 'pending' }), request_id: 'r', status_code: 200 }),
    )
    await stytch.user.get()
    expect(net.calls.map((call) => new URL(call.url).pathname)).toEqual(['/sdk/v1/users/me'])
    expect(stytch.user.getInfo()).toMatchObject({ user: { status: 'pending' }, fromCache: false })
    expect(stytch.session.getInfo().fromCache).toBe(true)
    expect(JSON.parse(storage.getItem(KEY) ?? '{}').user.status).toBe('pending')
  })

  it('an expired snapshot is dropped', () => {
    const storage = createMemoryStorage()
    const expired = makeSession({ expires_at: new Date(Date.now() - 1000).toISOString() })
    storage.setItem(
      KEY,
      JSON.stringify({ session: expired, user: makeUser(), session_token: 't', session_jwt: 'j' }),
    )
    const { stytch } = client(storage)
    expect(stytch.session.getSync()).toBeNull()
    expect(storage.getItem(KEY)).toBeNull()
  })

  it.each([
    ['not JSON', '{"session":'],
    ['no tokens', JSON.stringify({ session: makeSession(), user: makeUser() })],
    [
      'a wrong session',
      JSON.stringify({ session: { id: 1 }, user: makeUser(), session_token: 't', session_jwt: 'j' }),
    ],
  ])('a corrupt snapshot (%s) counts as signed out', (_label, raw) => {
    const storage = createMemoryStorage()
    storage.setItem(KEY, raw)
    const { stytch } = client(storage)
    expect(stytch.session.getSync()).toBeNull()
    expect(stytch.user.getSync()).toBeNull()
  })

  it('another public token does not see the snapshot', async () => {
    const storage = createMemoryStorage()
    await signIn(client(storage, ok(authData())).stytch)
    const other = createStytchClient('public-token-test-other-project', {
      storage,
      fetch: recordingFetch().fetch,
    })
    clients.push(other)
    expect(other.session.getSync()).toBeNull()
  })

  it('storage that throws on every call still lets a login work in memory', async () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
    }
    const { stytch } = client(broken, ok(authData()), ok({ request_id: 'r', status_code: 200 }))
    await signIn(stytch)
    expect(stytch.session.getTokens()?.session_token).toBe('session-token-A')
    await stytch.session.revoke()
    expect(stytch.session.getSync()).toBeNull()
  })
})

describe('clearing', () => {
  const ENDING = [
    'unauthorized_credentials',
    'user_unauthenticated',
    'invalid_secret_authentication',
    'session_not_found',
  ]

  it.each(ENDING)('session.authenticate failing with %s clears memory and storage', async (type) => {
    const storage = createMemoryStorage()
    const status = type === 'session_not_found' ? 404 : 401
    const { stytch } = client(storage, ok(authData()), apiError(status, type))
    await signIn(stytch)
    const seen: (Session | null)[] = []
    stytch.session.onChange((s) => seen.push(s))
    const users: unknown[] = []
    stytch.user.onChange((u) => users.push(u))
    expect(await settle(stytch.session.authenticate())).toMatchObject({ code: type })
    expect(stytch.session.getSync()).toBeNull()
    expect(stytch.session.getTokens()).toBeNull()
    expect(stytch.user.getSync()).toBeNull()
    expect(storage.getItem(KEY)).toBeNull()
    expect(seen).toEqual([null])
    expect(users).toEqual([null])
  })

  it.each(ENDING)('user.get failing with %s clears the session', async (type) => {
    const { stytch } = client(createMemoryStorage(), ok(authData()), apiError(401, type))
    await signIn(stytch)
    await settle(stytch.user.get())
    expect(stytch.session.getSync()).toBeNull()
  })

  it.each(ENDING)('send/secondary failing with %s clears the session', async (type) => {
    const { stytch } = client(createMemoryStorage(), ok(authData()), apiError(401, type))
    await signIn(stytch)
    await settle(stytch.otps.sms.send('+14155550100'))
    expect(stytch.session.getSync()).toBeNull()
  })

  it.each([
    ['a 500', apiError(500, 'internal_server_error')],
    ['a 429', apiError(429, 'too_many_requests')],
    ['a network error', new TypeError('Failed to fetch')],
    ['an HTML page', new Response('<html>', { status: 401 })],
  ])('other failures (%s) keep the session', async (_label, reply) => {
    vi.useFakeTimers()
    const { stytch } = client(createMemoryStorage(), ok(authData()), reply, reply, reply)
    await signIn(stytch)
    const result = settle(stytch.session.authenticate())
    await vi.advanceTimersByTimeAsync(5000)
    expect(await result).toHaveProperty('code')
    expect(stytch.session.getTokens()?.session_token).toBe('session-token-A')
  })

  it('an old call failing after a new login does not clear the new session', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { stytch } = client(
      createMemoryStorage(),
      ok(authData('session-token-A')),
      async () => {
        await held
        return apiError(404, 'session_not_found')
      },
      ok(authData('session-token-B')),
    )
    await signIn(stytch)
    const old = settle(stytch.session.authenticate())
    await signIn(stytch)
    release()
    expect(await old).toMatchObject({ code: 'session_not_found' })
    expect(stytch.session.getTokens()?.session_token).toBe('session-token-B')
  })

  it('an old session.authenticate answer arriving after a new login does not replace the new session', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { stytch } = client(
      createMemoryStorage(),
      ok(authData('session-token-A')),
      async () => {
        await held
        return ok(sessionData('session-token-A'))
      },
      ok(authData('session-token-B')),
    )
    await signIn(stytch)
    const old = stytch.session.authenticate()
    await signIn(stytch)
    release()
    await old
    expect(stytch.session.getTokens()?.session_token).toBe('session-token-B')
  })

  it('an old session.authenticate answer arriving after revoke does not restore the session', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { stytch } = client(
      createMemoryStorage(),
      ok(authData('session-token-A')),
      async () => {
        await held
        return ok(sessionData('session-token-A'))
      },
      ok({ request_id: 'r', status_code: 200 }),
    )
    await signIn(stytch)
    const pending = stytch.session.authenticate()
    await stytch.session.revoke()
    release()
    await pending
    expect(stytch.session.getSync()).toBeNull()
  })
})

describe('revoke', () => {
  it('clears memory, storage and listeners at once and resolves with the response', async () => {
    const storage = createMemoryStorage()
    const { net, stytch } = client(
      storage,
      ok(authData()),
      ok({ request_id: 'request-id-test-revoke', status_code: 200 }),
    )
    await signIn(stytch)
    const seen: unknown[] = []
    stytch.session.onChange((s) => seen.push(s))
    const pending = stytch.session.revoke()
    expect(stytch.session.getSync()).toBeNull()
    expect(seen).toEqual([null])
    await expect(pending).resolves.toMatchObject({ request_id: 'request-id-test-revoke' })
    expect(storage.getItem(KEY)).toBeNull()
    expect(net.calls[1]?.headers.authorization).toBe(basic('session-token-A'))
  })

  it('when the network fails, it still clears locally and then rejects with the typed error', async () => {
    const storage = createMemoryStorage()
    const { stytch } = client(storage, ok(authData()), new TypeError('Failed to fetch'))
    await signIn(stytch)
    const error = await settle(stytch.session.revoke())
    expect(error).toBeInstanceOf(StytchNetworkError)
    expect(stytch.session.getSync()).toBeNull()
    expect(stytch.session.getTokens()).toBeNull()
    expect(storage.getItem(KEY)).toBeNull()
  })

  it('when the server says the session is already gone, it rejects with that error, still cleared', async () => {
    const { stytch } = client(createMemoryStorage(), ok(authData()), apiError(404, 'session_not_found'))
    await signIn(stytch)
    expect(await settle(stytch.session.revoke())).toMatchObject({ code: 'session_not_found' })
    expect(stytch.session.getSync()).toBeNull()
  })

  it('after revoke, send goes to /send/primary with the public token again', async () => {
    const { net, stytch } = client(
      createMemoryStorage(),
      ok(authData()),
      ok({ request_id: 'r', status_code: 200 }),
      ok(sendData()),
    )
    await signIn(stytch)
    await stytch.session.revoke()
    await stytch.otps.sms.send('+14155550100')
    expect(net.calls[2]).toMatchObject({
      url: expect.stringContaining('/send/primary'),
      headers: { authorization: basic() },
    })
  })
})

describe('background refresh', () => {
  const MIN3 = 3 * 60 * 1000

  it('no timer before a session exists', () => {
    vi.useFakeTimers()
    client(createMemoryStorage())
    expect(vi.getTimerCount()).toBe(0)
  })

  it('re-authenticates every 3 minutes while the session exists, then stops after it is cleared', async () => {
    vi.useFakeTimers()
    const { net, stytch } = client(
      createMemoryStorage(),
      ok(authData('session-token-A')),
      ok(sessionData('session-token-A')),
      ok(sessionData('session-token-A')),
      apiError(404, 'session_not_found'),
    )
    await signIn(stytch)
    const refreshes = () => net.calls.filter((c) => c.url.endsWith('/sessions/authenticate'))
    await vi.advanceTimersByTimeAsync(MIN3 - 1)
    expect(refreshes()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(refreshes()).toHaveLength(1)
    expect(refreshes()[0]).toMatchObject({ body: {}, headers: { authorization: basic('session-token-A') } })
    await vi.advanceTimersByTimeAsync(MIN3)
    expect(refreshes()).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(MIN3)
    expect(refreshes()).toHaveLength(3)
    expect(stytch.session.getSync()).toBeNull()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(MIN3 * 3)
    expect(refreshes()).toHaveLength(3)
  })

  it('a restored session is confirmed at once, then refreshed every 3 minutes', async () => {
    vi.useFakeTimers()
    const storage = createMemoryStorage()
    await signIn(client(storage, ok(authData())).stytch)
    clients.splice(0).forEach((c) => c.destroy())
    const { net, stytch } = client(storage, ok(sessionData()), ok(sessionData()))
    expect(stytch.session.getInfo().fromCache).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(net.calls).toHaveLength(1)
    expect(stytch.session.getInfo().fromCache).toBe(false)
    await vi.advanceTimersByTimeAsync(MIN3 - 1)
    expect(net.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(net.calls).toHaveLength(2)
  })

  it('a network failure during a refresh keeps the session and the schedule', async () => {
    vi.useFakeTimers()
    const failure = new TypeError('Failed to fetch')
    const { net, stytch } = client(
      createMemoryStorage(),
      ok(authData()),
      failure,
      failure,
      failure,
      ok(sessionData()),
    )
    await signIn(stytch)
    await vi.advanceTimersByTimeAsync(MIN3 + 5000)
    expect(net.calls).toHaveLength(4)
    expect(stytch.session.getSync()).not.toBeNull()
    await vi.advanceTimersByTimeAsync(MIN3)
    expect(net.calls).toHaveLength(5)
  })

  it('revoke stops the timer', async () => {
    vi.useFakeTimers()
    const { net, stytch } = client(
      createMemoryStorage(),
      ok(authData()),
      ok({ request_id: 'r', status_code: 200 }),
    )
    await signIn(stytch)
    await stytch.session.revoke()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(MIN3 * 2)
    expect(net.calls).toHaveLength(2)
  })

  it('destroy stops the timer', async () => {
    vi.useFakeTimers()
    const { stytch } = client(createMemoryStorage(), ok(authData()))
    await signIn(stytch)
    expect(vi.getTimerCount()).toBe(1)
    stytch.destroy()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('after destroy, a new sign-in starts no timer', async () => {
    vi.useFakeTimers()
    const { stytch } = client(createMemoryStorage(), ok(authData()))
    stytch.destroy()
    await signIn(stytch)
    expect(stytch.session.getSync()).not.toBeNull()
    expect(vi.getTimerCount()).toBe(0)
  })
})
