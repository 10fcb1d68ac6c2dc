// One SMS per intent. Within a tab, concurrent identical sends share one request (dedupe.test.ts);
// here, two tabs of one browser (two clients sharing one storage and one LockManager) press send for
// the same number at the same moment, and the emulator's inbox counts what actually went out.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { Emulator } from '@otpkit/emulator'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStytchClient } from '../index'
import type { KeyValueStorage, StytchHeadlessClient } from '../index'
import { createLockManager } from '../../../tooling/testing/lockManager'
import type { TestLockManager } from '../../../tooling/testing/lockManager'
import { settle } from './support'

const PHONE = '+12025550162'
const LOGIN = '/sdk/v1/otps/sms/login_or_create'
const SEND_PREFIX = `stytch_sdk_send_${DEMO_PUBLIC_TOKEN} `

let emulator: Emulator
let requests: string[]
const clients: StytchHeadlessClient[] = []

beforeEach(() => {
  emulator = createEmulator()
  requests = []
})
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy())
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

/** A browser's localStorage stand-in that can list its keys. */
function sharedStorage(): KeyValueStorage & { keys(): string[] } {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  }
}

/** The browser's `navigator.locks`, shared by every tab. */
function withLocks(): TestLockManager {
  const locks = createLockManager()
  vi.stubGlobal('navigator', { locks })
  return locks
}

/** One tab: its own client (memory, inflight table, owner id) on the browser's shared storage. */
function tab(storage: KeyValueStorage): StytchHeadlessClient {
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => {
      requests.push(new URL(String(input)).pathname)
      return emulator.fetch(input, init)
    },
    storage,
  })
  clients.push(client)
  return client
}

const sms = () => emulator.messages().length

describe('two tabs pressing send for the same number at once', () => {
  it('with Web Locks: one request, one SMS, and both tabs get the same method_id', async () => {
    const locks = withLocks()
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    const [first, second] = await Promise.all([
      a.otps.sms.loginOrCreate(PHONE, { locale: 'es' }),
      b.otps.sms.loginOrCreate(PHONE, { locale: 'es' }),
    ])
    expect(sms()).toBe(1)
    expect(requests).toEqual([LOGIN])
    expect(second).toEqual(first)
    expect(locks.requested).toHaveLength(2)
    expect(new Set(locks.requested).size).toBe(1)
    // The code in the one SMS signs in either tab.
    const code = emulator.messages()[0]!.code
    await b.otps.authenticate(code, second.method_id, { session_duration_minutes: 30 })
    expect(b.session.getSync()).not.toBeNull()
  })

  it('without Web Locks (older browsers): the pending mark in storage still gives one SMS', async () => {
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    const [first, second] = await Promise.all([
      a.otps.sms.loginOrCreate(PHONE),
      b.otps.sms.loginOrCreate(PHONE),
    ])
    expect(sms()).toBe(1)
    expect(requests).toEqual([LOGIN])
    expect(second).toEqual(first)
  })

  it('when the first tab is slow, the second waits for it instead of sending', async () => {
    const locks = withLocks()
    emulator.faults.add({ kind: 'latency', ms: 300, path: LOGIN })
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    const first = a.otps.sms.loginOrCreate(PHONE)
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    const second = b.otps.sms.loginOrCreate(PHONE)
    await vi.waitFor(() => expect(locks.waiting()).toBe(1))
    expect(await second).toEqual(await first)
    expect(sms()).toBe(1)
  })

  it('a press in the other tab shortly after the send finished reuses it too', async () => {
    withLocks()
    vi.useFakeTimers({ toFake: ['Date'] })
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    const first = await a.otps.sms.loginOrCreate(PHONE)
    vi.setSystemTime(Date.now() + 4_000)
    expect(await b.otps.sms.loginOrCreate(PHONE)).toEqual(first)
    expect(sms()).toBe(1)
  })

  it('a press in the other tab after the window is a real resend', async () => {
    withLocks()
    vi.useFakeTimers({ toFake: ['Date'] })
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    await a.otps.sms.loginOrCreate(PHONE)
    vi.setSystemTime(Date.now() + 5_001)
    await b.otps.sms.loginOrCreate(PHONE)
    expect(sms()).toBe(2)
  })

  it('the same tab pressing again after its send finished is a real resend', async () => {
    withLocks()
    const a = tab(sharedStorage())
    await a.otps.sms.loginOrCreate(PHONE)
    await a.otps.sms.loginOrCreate(PHONE)
    expect(sms()).toBe(2)
  })

  it('different numbers or options are different intents and do not wait for each other', async () => {
    const locks = withLocks()
    const storage = sharedStorage()
    const [a, b, c] = [tab(storage), tab(storage), tab(storage)]
    await Promise.all([
      a.otps.sms.loginOrCreate(PHONE),
      b.otps.sms.loginOrCreate('+12025550163'),
      c.otps.sms.loginOrCreate(PHONE, { locale: 'fr' }),
    ])
    expect(sms()).toBe(3)
    expect(new Set(locks.requested).size).toBe(3)
  })

  it('send/primary from two tabs is shared the same way', async () => {
    withLocks()
    const storage = sharedStorage()
    const setup = tab(sharedStorage())
    await setup.otps.sms.loginOrCreate(PHONE)
    const [a, b] = [tab(storage), tab(storage)]
    const [first, second] = await Promise.all([a.otps.sms.send(PHONE), b.otps.sms.send(PHONE)])
    expect(second).toEqual(first)
    expect(sms()).toBe(2)
  })

  it('a failed send is not shared: the other tab makes its own attempt', async () => {
    withLocks()
    emulator.faults.add({ kind: 'status', status: 503, path: LOGIN })
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    const [failed, sent] = await Promise.all([
      settle(a.otps.sms.loginOrCreate(PHONE)),
      b.otps.sms.loginOrCreate(PHONE),
    ])
    expect(failed).toMatchObject({ code: 'service_unavailable', status_code: 503 })
    expect(sent.method_id).toMatch(/^phone-number-/)
    expect(sms()).toBe(1)
    expect(requests).toEqual([LOGIN, LOGIN])
  })

  it('a tab that gives up while waiting gets AbortError; the other tab still sends once', async () => {
    const locks = withLocks()
    emulator.faults.add({ kind: 'latency', ms: 200, path: LOGIN })
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    const first = a.otps.sms.loginOrCreate(PHONE)
    const controller = new AbortController()
    const second = settle(b.otps.sms.loginOrCreate(PHONE, { signal: controller.signal }))
    await vi.waitFor(() => expect(locks.waiting()).toBe(1))
    controller.abort()
    expect(await second).toMatchObject({ name: 'AbortError' })
    expect(locks.waiting()).toBe(0)
    expect((await first).method_id).toMatch(/^phone-number-/)
    expect(sms()).toBe(1)
  })

  it('a frame where the Locks API refuses falls back to the storage mark', async () => {
    vi.stubGlobal('navigator', {
      locks: {
        request: () => Promise.reject(new DOMException('Access denied', 'SecurityError')),
      },
    })
    const storage = sharedStorage()
    const [a, b] = [tab(storage), tab(storage)]
    const [first, second] = await Promise.all([
      a.otps.sms.loginOrCreate(PHONE),
      b.otps.sms.loginOrCreate(PHONE),
    ])
    expect(second).toEqual(first)
    expect(sms()).toBe(1)
  })

  it('a garbled or foreign record in storage is ignored, never taken as an answer', async () => {
    emulator = createEmulator({ rateLimit: { max: 100, windowSeconds: 600 } })
    withLocks()
    const storage = sharedStorage()
    const a = tab(storage)
    await a.otps.sms.loginOrCreate(PHONE)
    const [key] = storage.keys().filter((k) => k.startsWith(SEND_PREFIX))
    expect(key).toBeDefined()
    const good = JSON.parse(storage.getItem(key!)!) as Record<string, unknown>
    const b = tab(storage)
    for (const value of [
      '{"owner": 1',
      JSON.stringify({ ...good, at: 'now' }),
      JSON.stringify({ ...good, owner: 42 }),
      JSON.stringify({ ...good, response: { method_id: 7 } }),
      JSON.stringify({ ...good, response: 'phone-number-test-1' }),
    ]) {
      storage.setItem(key!, value)
      await b.otps.sms.loginOrCreate(PHONE)
    }
    expect(sms()).toBe(6)
    // The same record, intact, is taken as the answer: nothing sent.
    storage.setItem(key!, JSON.stringify(good))
    await b.otps.sms.loginOrCreate(PHONE)
    expect(sms()).toBe(6)
  })

  it('records are short-lived: a tab removes its own once the window has passed', async () => {
    withLocks()
    vi.useFakeTimers({ toFake: ['Date'] })
    const storage = sharedStorage()
    const a = tab(storage)
    await a.otps.sms.loginOrCreate(PHONE)
    await a.otps.sms.loginOrCreate('+12025550163')
    const records = () => storage.keys().filter((k) => k.startsWith(SEND_PREFIX))
    expect(records()).toHaveLength(2)
    vi.setSystemTime(Date.now() + 6_000)
    await a.otps.sms.loginOrCreate('+12025550164')
    expect(records()).toHaveLength(1)
    expect(storage.keys().every((k) => k.startsWith(SEND_PREFIX))).toBe(true)
  })
})
