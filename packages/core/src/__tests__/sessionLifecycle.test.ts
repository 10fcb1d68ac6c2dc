// @vitest-environment jsdom
// The session against the emulator, in a browser-like page: it survives a reload and a failed
// background refresh (a network error is not a logout), and a logout, even one whose request fails,
// signs out every tab. Tabs are clients sharing localStorage; the page relays each localStorage write
// as the `storage` event a browser delivers to the other tabs.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { Emulator } from '@otpkit/emulator'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStytchClient, StytchNetworkError } from '../index'
import type { Fault } from '@otpkit/emulator'
import type { Session, StytchHeadlessClient } from '../index'
import { settle } from './support'

const PHONE = '+12025550162'
const KEY = `stytch_sdk_state_${DEMO_PUBLIC_TOKEN}`
const REFRESH = '/sdk/v1/sessions/authenticate'
const MIN3 = 3 * 60 * 1000

let emulator: Emulator
let requests: string[]
const clients: StytchHeadlessClient[] = []

beforeEach(() => {
  emulator = createEmulator()
  requests = []
  relayStorageEvents()
})
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy())
  vi.restoreAllMocks()
  localStorage.clear()
  for (const name of ['stytch_session', 'stytch_session_jwt']) {
    document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`
  }
  vi.useRealTimers()
})

/** What the browser does for other tabs: every localStorage change becomes a `storage` event. */
function relayStorageEvents(): void {
  const { setItem, removeItem } = Storage.prototype
  const relay = (storage: Storage, key: string, oldValue: string | null) => {
    const newValue = storage.getItem(key)
    queueMicrotask(() =>
      window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue, storageArea: storage })),
    )
  }
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
    const old = this.getItem(key)
    setItem.call(this, key, value)
    relay(this, key, old)
  })
  vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(function (this: Storage, key) {
    const old = this.getItem(key)
    removeItem.call(this, key)
    relay(this, key, old)
  })
}

/** A tab (or a reload of one): a client on the page's localStorage and cookies. */
function tab(timeoutMs = 2000): StytchHeadlessClient {
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => {
      requests.push(new URL(String(input)).pathname)
      return emulator.fetch(input, init)
    },
    timeoutMs,
  })
  clients.push(client)
  return client
}

async function signIn(client: StytchHeadlessClient) {
  const { method_id } = await client.otps.sms.loginOrCreate(PHONE)
  const code = emulator.messages().at(-1)!.code
  return client.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
}

/** Asks the emulator directly whether a session token is still live. */
async function serverKnows(sessionToken: string): Promise<boolean> {
  const response = await emulator.fetch(`http://emulator.test${REFRESH}`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${DEMO_PUBLIC_TOKEN}:${sessionToken}`)}`,
      'Content-Type': 'application/json',
    },
    body: '{}',
  })
  return response.status === 200
}

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe('reload', () => {
  it('the session is read back at once without its phone fields; one request confirms it and fills them in', async () => {
    const first = tab()
    const auth = await signIn(first)
    first.destroy()
    requests = []
    const reloaded = tab()
    const asStored = { ...auth.session, authentication_factors: [] }
    expect(reloaded.session.getInfo()).toEqual({ session: asStored, fromCache: true })
    expect(reloaded.user.getInfo()).toEqual({ user: { ...auth.user, phone_numbers: [] }, fromCache: true })
    expect(requests).toEqual([])
    await vi.waitFor(() => expect(reloaded.session.getInfo().fromCache).toBe(false))
    expect(requests).toEqual([REFRESH])
    expect(reloaded.session.getSync()?.authentication_factors).toEqual(auth.session.authentication_factors)
    expect(reloaded.user.getSync()?.phone_numbers).toEqual(auth.user.phone_numbers)
    expect(reloaded.session.getTokens()?.session_token).toBe(auth.session_token)
  })

  it('a reload while offline keeps the restored session; it is confirmed once back online', async () => {
    const first = tab()
    const auth = await signIn(first)
    first.destroy()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    emulator.faults.add({ kind: 'drop', path: REFRESH, count: 3 })
    requests = []
    const reloaded = tab()
    await vi.advanceTimersByTimeAsync(1_200)
    // The confirmation on restore failed (three tries); the session stays as stored.
    expect(requests).toEqual([REFRESH, REFRESH, REFRESH])
    expect(emulator.faults.list()).toEqual([])
    expect(reloaded.session.getInfo()).toEqual({
      session: { ...auth.session, authentication_factors: [] },
      fromCache: true,
    })
    await reloaded.session.authenticate()
    expect(reloaded.session.getInfo().fromCache).toBe(false)
    expect(reloaded.user.getSync()?.phone_numbers).toEqual(auth.user.phone_numbers)
  })
})

describe('a failed background refresh is not a logout', () => {
  const faults: [string, Fault][] = [
    ['the connection drops on every try', { kind: 'drop', path: REFRESH, count: 3 }],
    ['the request goes out and the answer is lost', { kind: 'offline', path: REFRESH, count: 3 }],
    ['503 on every try', { kind: 'status', status: 503, path: REFRESH, count: 3 }],
    ['an HTML 502 page on every try', { kind: 'html', status: 502, path: REFRESH, count: 3 }],
    ['no answer before the timeout', { kind: 'latency', ms: 60_000, path: REFRESH }],
    ['a 429', { kind: 'rate_limit', retryAfter: 30, path: REFRESH }],
  ]

  it.each(faults)(
    '%s: session, user, storage and cookies are kept; the next refresh confirms',
    async (_label, fault) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
      const client = tab()
      const auth = await signIn(client)
      const snapshot = localStorage.getItem(KEY)
      const cookies = document.cookie
      const changes: (Session | null)[] = []
      client.session.onChange((s) => changes.push(s))
      emulator.faults.add(fault)
      requests = []
      await vi.advanceTimersByTimeAsync(MIN3 + 65_000)
      expect(requests.length).toBeGreaterThanOrEqual(1)
      expect(requests.every((path) => path === REFRESH)).toBe(true)
      expect(emulator.faults.list()).toEqual([])
      expect(client.session.getSync()).toBe(auth.session)
      expect(client.user.getSync()).toBe(auth.user)
      expect(client.session.getTokens()?.session_token).toBe(auth.session_token)
      expect(localStorage.getItem(KEY)).toBe(snapshot)
      expect(document.cookie).toBe(cookies)
      expect(changes).toEqual([])
      // The schedule goes on, and the first refresh that gets through confirms the session.
      const before = requests.length
      await vi.advanceTimersByTimeAsync(MIN3)
      expect(requests.length).toBe(before + 1)
      expect(changes).toHaveLength(1)
      expect(changes[0]?.session_id).toBe(auth.session.session_id)
      expect(client.session.getInfo().fromCache).toBe(false)
    },
  )

  it('a session ended on the server is cleared by the next refresh, in every tab', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const a = tab()
    const auth = await signIn(a)
    const c = tab()
    expect(c.session.getSync()?.session_id).toBe(auth.session.session_id)
    await emulator.fetch(`http://emulator.test/sdk/v1/sessions/revoke`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${DEMO_PUBLIC_TOKEN}:${auth.session_token}`)}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    })
    await vi.advanceTimersByTimeAsync(MIN3)
    await flush()
    expect(a.session.getSync()).toBeNull()
    expect(c.session.getSync()).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(document.cookie).toBe('')
  })
})

describe('tabs that confirm a session whenever it comes from cache', () => {
  /** A tab running app code that asks the server whenever it sees a session read back from storage. */
  function confirmingTab(): StytchHeadlessClient {
    const client = tab()
    const confirmIfCached = () => {
      if (client.session.getInfo().fromCache) client.session.authenticate().catch(() => {})
    }
    client.session.onChange(confirmIfCached)
    confirmIfCached()
    return client
  }
  const settleDown = () => new Promise((resolve) => setTimeout(resolve, 100))

  it('a sign-in in one tab reaches the others, which confirm it once each (for its phone fields); no loop', async () => {
    const tabs = [confirmingTab(), confirmingTab(), confirmingTab()]
    await signIn(tabs[0]!)
    await settleDown()
    expect(requests.filter((path) => path === REFRESH)).toHaveLength(2)
    requests = []
    await settleDown()
    expect(requests).toEqual([])
    for (const client of tabs) {
      expect(client.session.getInfo().fromCache).toBe(false)
      expect(client.user.getSync()?.phone_numbers[0]?.phone_number).toBe(PHONE)
    }
  })

  it('a reloaded tab confirms its restored session once; the other tabs take that answer as is', async () => {
    const tabs = [confirmingTab(), confirmingTab()]
    await signIn(tabs[0]!)
    await settleDown()
    requests = []
    const reloaded = confirmingTab()
    await settleDown()
    expect(requests).toEqual([REFRESH])
    for (const client of [...tabs, reloaded]) expect(client.session.getInfo().fromCache).toBe(false)
  })
})

describe('logout signs out every tab', () => {
  async function threeTabs() {
    const a = tab()
    const auth = await signIn(a)
    const [b, c] = [tab(), tab()]
    const heard = { b: [] as (Session | null)[], c: [] as (Session | null)[] }
    b.session.onChange((s) => heard.b.push(s))
    c.session.onChange((s) => heard.c.push(s))
    expect(b.session.getSync()?.session_id).toBe(auth.session.session_id)
    expect(c.session.getSync()?.session_id).toBe(auth.session.session_id)
    return { a, b, c, auth, heard }
  }

  it('revoke in one tab clears memory, storage and cookies, and every other tab hears it', async () => {
    const { a, b, c, auth, heard } = await threeTabs()
    await a.session.revoke()
    await flush()
    for (const client of [a, b, c]) {
      expect(client.session.getSync()).toBeNull()
      expect(client.user.getSync()).toBeNull()
      expect(client.session.getTokens()).toBeNull()
    }
    expect(heard).toEqual({ b: [null], c: [null] })
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(document.cookie).toBe('')
    expect(await serverKnows(auth.session_token)).toBe(false)
  })

  it('a revoke that fails on the network still signs out every tab, and reports the failure', async () => {
    const { a, b, c, auth, heard } = await threeTabs()
    emulator.faults.add({ kind: 'drop', path: '/sdk/v1/sessions/revoke' })
    const error = await settle(a.session.revoke())
    await flush()
    expect(error).toBeInstanceOf(StytchNetworkError)
    expect(error).toMatchObject({ code: 'network_error' })
    for (const client of [a, b, c]) expect(client.session.getSync()).toBeNull()
    expect(heard).toEqual({ b: [null], c: [null] })
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(document.cookie).toBe('')
    // What the error reports: the server was not told, so that session is still live there.
    expect(await serverKnows(auth.session_token)).toBe(true)
  })

  it('after logout no tab keeps refreshing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { a } = await threeTabs()
    await a.session.revoke()
    await flush()
    requests = []
    await vi.advanceTimersByTimeAsync(MIN3 * 3)
    expect(requests).toEqual([])
  })
})
