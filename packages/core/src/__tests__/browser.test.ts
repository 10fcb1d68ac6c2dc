// @vitest-environment jsdom
// In a browser-like page (http://localhost:3000): localStorage by default, cookies, cross-tab sync
// through the `storage` event, and no background refresh while the page is hidden.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryStorage, createStytchClient } from '../index'
import type { CookieOptions, Session, StytchHeadlessClient } from '../index'
import type { Reply } from './support'
import { authData, makeSession, ok, recordCookieWrites, recordingFetch, sessionData, TOKEN } from './support'

const KEY = `stytch_sdk_state_${TOKEN}`
const MIN3 = 3 * 60 * 1000
const clients: StytchHeadlessClient[] = []
let cookieWrites: string[]

beforeEach(() => {
  cookieWrites = recordCookieWrites()
})

afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy())
  localStorage.clear()
  for (const name of ['stytch_session', 'stytch_session_jwt', 'app_sess', 'app_jwt']) {
    document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`
  }
  delete (document as { cookie?: string }).cookie
  setVisibility('visible')
  vi.useRealTimers()
})

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}

function client(options: { cookie?: CookieOptions } = {}, ...replies: Reply[]) {
  const net = recordingFetch(...replies)
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, ...options })
  clients.push(stytch)
  return { net, stytch }
}

const signIn = (stytch: StytchHeadlessClient) =>
  stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 })

/** The snapshot text another tab's client would write after signing in. */
async function otherTabSnapshot(token: string, session: Session): Promise<string> {
  const storage = createMemoryStorage()
  const other = createStytchClient(TOKEN, {
    fetch: recordingFetch(ok(authData(token, session))).fetch,
    storage,
  })
  await signIn(other)
  other.destroy()
  return storage.getItem(KEY)!
}

function storageEvent(init: StorageEventInit) {
  window.dispatchEvent(new StorageEvent('storage', { storageArea: localStorage, ...init }))
}

describe('storage', () => {
  it('defaults to localStorage, so a reload (new client) finds the session', async () => {
    const { stytch } = client({}, ok(authData()))
    await signIn(stytch)
    expect(JSON.parse(localStorage.getItem(KEY)!).session_token).toBe('session-token-A')
    const reloaded = client({})
    expect(reloaded.stytch.session.getInfo()).toMatchObject({
      fromCache: true,
      session: { ...stytch.session.getSync(), authentication_factors: [] },
    })
  })
})

describe('cookies', () => {
  it('writes stytch_session and stytch_session_jwt, SameSite=Lax, expiring with the session; no Secure on http://localhost', async () => {
    const session = makeSession({ expires_at: '2099-05-01T08:30:00.000Z' })
    const { stytch } = client({}, ok(authData('session-token-A', session)))
    await signIn(stytch)
    const expires = 'Fri, 01 May 2099 08:30:00 GMT'
    expect(cookieWrites).toEqual([
      `stytch_session=session-token-A; Expires=${expires}; Path=/; SameSite=Lax`,
      `stytch_session_jwt=jwt-for-session-token-A; Expires=${expires}; Path=/; SameSite=Lax`,
    ])
    expect(document.cookie).toBe('stytch_session=session-token-A; stytch_session_jwt=jwt-for-session-token-A')
  })

  it('names and path are configurable', async () => {
    const session = makeSession({ expires_at: '2099-05-01T08:30:00.000Z' })
    const cookie = { opaqueTokenCookieName: 'app_sess', jwtCookieName: 'app_jwt', path: '/' }
    const { stytch } = client({ cookie }, ok(authData('session-token-A', session)))
    await signIn(stytch)
    expect(document.cookie).toBe('app_sess=session-token-A; app_jwt=jwt-for-session-token-A')
    expect(cookieWrites.every((c) => c.includes('; Path=/;'))).toBe(true)
  })

  it('revoke expires both cookies', async () => {
    const { stytch } = client({}, ok(authData()), ok({ request_id: 'r', status_code: 200 }))
    await signIn(stytch)
    cookieWrites.length = 0
    await stytch.session.revoke()
    expect(cookieWrites).toEqual([
      'stytch_session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; SameSite=Lax',
      'stytch_session_jwt=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; SameSite=Lax',
    ])
    expect(document.cookie).toBe('')
  })

  it('cookie.enabled false keeps tokens out of cookies', async () => {
    const { stytch } = client({ cookie: { enabled: false } }, ok(authData()))
    await signIn(stytch)
    expect(cookieWrites).toEqual([])
    expect(stytch.session.getTokens()?.session_token).toBe('session-token-A')
  })
})

describe('cross-tab sync', () => {
  it('a sign-in in another tab shows up here at once, fromCache, with onChange; one request fills in its phone fields', async () => {
    const session = makeSession()
    const { net, stytch } = client({}, ok(sessionData('session-token-other', session)))
    const seen: (Session | null)[] = []
    stytch.session.onChange((s) => seen.push(s))
    const snapshot = await otherTabSnapshot('session-token-other', session)
    localStorage.setItem(KEY, snapshot)
    storageEvent({ key: KEY, oldValue: null, newValue: snapshot })
    const asStored = { ...session, authentication_factors: [] }
    expect(stytch.session.getInfo()).toEqual({ session: asStored, fromCache: true })
    expect(stytch.user.getInfo().fromCache).toBe(true)
    expect(stytch.session.getTokens()?.session_token).toBe('session-token-other')
    expect(seen).toEqual([asStored])
    await vi.waitFor(() => expect(stytch.session.getInfo()).toEqual({ session, fromCache: false }))
    expect(net.calls).toHaveLength(1)
  })

  it('a newer snapshot of the session this tab holds keeps the phone fields from memory, and asks nothing', async () => {
    const session = makeSession()
    const { net, stytch } = client({}, ok(authData('session-token-A', session)))
    await signIn(stytch)
    // The other tab extended the same session: its snapshot has a later expiry and a new JWT.
    const extended = { ...session, expires_at: '2099-01-01T00:00:00.000Z' }
    const snapshot = JSON.stringify({
      ...JSON.parse(localStorage.getItem(KEY)!),
      session: { ...extended, authentication_factors: [] },
      session_jwt: 'jwt-from-the-other-tab',
    })
    storageEvent({ key: KEY, newValue: snapshot })
    expect(stytch.session.getInfo()).toEqual({ session: extended, fromCache: false })
    expect(stytch.session.getTokens()?.session_jwt).toBe('jwt-from-the-other-tab')
    expect(stytch.user.getSync()?.phone_numbers).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(net.calls).toHaveLength(1)
  })

  it('a sign-out in another tab signs this tab out', async () => {
    const { stytch } = client({}, ok(authData()))
    await signIn(stytch)
    const seen: unknown[] = []
    stytch.user.onChange((u) => seen.push(u))
    const oldValue = localStorage.getItem(KEY)
    localStorage.removeItem(KEY)
    storageEvent({ key: KEY, oldValue, newValue: null })
    expect(stytch.session.getSync()).toBeNull()
    expect(stytch.session.getTokens()).toBeNull()
    expect(seen).toEqual([null])
  })

  it('localStorage.clear() in another tab (key null) signs this tab out', async () => {
    const { stytch } = client({}, ok(authData()))
    await signIn(stytch)
    localStorage.clear()
    storageEvent({ key: null })
    expect(stytch.session.getSync()).toBeNull()
  })

  it('events for other keys, or repeating what this tab wrote, change nothing', async () => {
    const { stytch } = client({}, ok(authData()))
    await signIn(stytch)
    let changes = 0
    stytch.session.onChange(() => changes++)
    storageEvent({ key: 'something_else', newValue: null })
    storageEvent({ key: KEY, newValue: localStorage.getItem(KEY) })
    expect(changes).toBe(0)
    expect(stytch.session.getSync()).not.toBeNull()
  })

  it('a garbled value from another tab counts as signed out', async () => {
    const { stytch } = client({}, ok(authData()))
    await signIn(stytch)
    storageEvent({ key: KEY, newValue: '{"session": 1' })
    expect(stytch.session.getSync()).toBeNull()
  })

  it('after destroy the client no longer follows other tabs', async () => {
    const { stytch } = client({})
    stytch.destroy()
    const snapshot = await otherTabSnapshot('session-token-other', makeSession())
    storageEvent({ key: KEY, newValue: snapshot })
    expect(stytch.session.getSync()).toBeNull()
  })
})

describe('background refresh and page visibility', () => {
  it('sends nothing while the page is hidden, and refreshes as soon as it is visible again', async () => {
    vi.useFakeTimers()
    const { net, stytch } = client({}, ok(authData()), ok(sessionData()), ok(sessionData()))
    await signIn(stytch)
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(MIN3 * 3)
    expect(net.calls).toHaveLength(1)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(net.calls.map((c) => c.url.split('/sdk/v1')[1])).toEqual([
      '/otps/authenticate',
      '/sessions/authenticate',
    ])
    await vi.advanceTimersByTimeAsync(MIN3)
    expect(net.calls).toHaveLength(3)
  })

  it('a short absence does not trigger an early refresh', async () => {
    vi.useFakeTimers()
    const { net, stytch } = client({}, ok(authData()), ok(sessionData()))
    await signIn(stytch)
    await vi.advanceTimersByTimeAsync(60_000)
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(30_000)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(net.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(MIN3 - 90_000)
    expect(net.calls).toHaveLength(2)
  })

  it('without a session, becoming visible sends nothing', async () => {
    vi.useFakeTimers()
    const { net } = client({})
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(MIN3 * 2)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(MIN3 * 2)
    expect(net.calls).toHaveLength(0)
    expect(vi.getTimerCount()).toBe(0)
  })
})
