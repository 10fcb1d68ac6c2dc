// @vitest-environment jsdom
// One message per intent. Within a tab, concurrent identical sends share one request (dedupe.test.ts);
// here, two tabs of one browser (two clients sharing one LockManager, with BroadcastChannel between
// them) press send for the same number at the same moment, and the emulator's inbox counts what went
// out. The sharing lives in memory: after every step, the page's storage and cookies hold nothing.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { Emulator } from '@otpkit/emulator'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStytchClient } from '../index'
import type { StytchHeadlessClient } from '../index'
import { createLockManager } from '../../../tooling/testing/lockManager'
import type { TestLockManager } from '../../../tooling/testing/lockManager'
import { settle } from './support'

const PHONE = '+12025550162'
const LOGIN = '/sdk/v1/otps/sms/login_or_create'

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
  localStorage.clear()
  sessionStorage.clear()
  for (const name of ['stytch_session', 'stytch_session_jwt']) {
    document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`
  }
})

/** The browser's `navigator.locks`, shared by every tab. */
function withLocks(): TestLockManager {
  const locks = createLockManager()
  vi.stubGlobal('navigator', { locks })
  return locks
}

/** One tab: its own client (memory, inflight table, channel) on the page's localStorage. */
function tab(): StytchHeadlessClient {
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => {
      requests.push(new URL(String(input)).pathname)
      return emulator.fetch(input, init)
    },
  })
  clients.push(client)
  return client
}

const sms = () => emulator.messages().length

/** Everything the page keeps at rest: both storages, key by key, and the cookies. */
function atRest(): string[] {
  const keys = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i)!)
  return [...keys(localStorage), ...keys(sessionStorage), ...document.cookie.split('; ').filter(Boolean)]
}

describe('two tabs pressing send for the same number at once', () => {
  it('with Web Locks: one request, one SMS, both tabs get the same method_id, nothing at rest', async () => {
    const locks = withLocks()
    const [a, b] = [tab(), tab()]
    const [first, second] = await Promise.all([
      a.otps.sms.loginOrCreate(PHONE, { locale: 'es' }),
      b.otps.sms.loginOrCreate(PHONE, { locale: 'es' }),
    ])
    expect(sms()).toBe(1)
    expect(requests).toEqual([LOGIN])
    expect(second).toEqual(first)
    expect(locks.requested).toHaveLength(2)
    expect(new Set(locks.requested).size).toBe(1)
    expect(atRest()).toEqual([])
    // The code in the one SMS signs in either tab.
    const code = emulator.messages()[0]!.code
    await b.otps.authenticate(code, second.method_id, { session_duration_minutes: 30 })
    expect(b.session.getSync()).not.toBeNull()
  })

  it('without Web Locks (older browsers): no sharing, and nothing written to storage instead', async () => {
    const [a, b] = [tab(), tab()]
    await Promise.all([a.otps.sms.loginOrCreate(PHONE), b.otps.sms.loginOrCreate(PHONE)])
    expect(requests).toEqual([LOGIN, LOGIN])
    expect(atRest()).toEqual([])
  })

  it('without BroadcastChannel: no sharing either', async () => {
    withLocks()
    vi.stubGlobal('BroadcastChannel', undefined)
    const [a, b] = [tab(), tab()]
    await Promise.all([a.otps.sms.loginOrCreate(PHONE), b.otps.sms.loginOrCreate(PHONE)])
    expect(requests).toEqual([LOGIN, LOGIN])
    expect(atRest()).toEqual([])
  })

  it('when the first tab is slow, the second waits for it instead of sending', async () => {
    const locks = withLocks()
    emulator.faults.add({ kind: 'latency', ms: 300, path: LOGIN })
    const [a, b] = [tab(), tab()]
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
    const [a, b] = [tab(), tab()]
    const first = await a.otps.sms.loginOrCreate(PHONE)
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    vi.setSystemTime(Date.now() + 4_000)
    expect(await b.otps.sms.loginOrCreate(PHONE)).toEqual(first)
    expect(sms()).toBe(1)
  })

  it('a press in the other tab after the window is a real resend', async () => {
    withLocks()
    vi.useFakeTimers({ toFake: ['Date'] })
    const [a, b] = [tab(), tab()]
    await a.otps.sms.loginOrCreate(PHONE)
    await new Promise((resolve) => setTimeout(resolve, 10))
    vi.setSystemTime(Date.now() + 5_001)
    await b.otps.sms.loginOrCreate(PHONE)
    expect(sms()).toBe(2)
  })

  it('the same tab pressing again after its send finished is a real resend', async () => {
    withLocks()
    const a = tab()
    await a.otps.sms.loginOrCreate(PHONE)
    await a.otps.sms.loginOrCreate(PHONE)
    expect(sms()).toBe(2)
  })

  it('different numbers or options are different intents and do not wait for each other', async () => {
    const locks = withLocks()
    const [a, b, c] = [tab(), tab(), tab()]
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
    const [a, b] = [tab(), tab()]
    await a.otps.sms.loginOrCreate(PHONE)
    await new Promise((resolve) => setTimeout(resolve, 10))
    const [first, second] = await Promise.all([a.otps.sms.send(PHONE), b.otps.sms.send(PHONE)])
    expect(second).toEqual(first)
    expect(sms()).toBe(2)
  })

  it('a failed send is not shared: the other tab makes its own attempt', async () => {
    withLocks()
    emulator.faults.add({ kind: 'status', status: 503, path: LOGIN })
    const [a, b] = [tab(), tab()]
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
    const [a, b] = [tab(), tab()]
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

  it('a frame where the Locks API refuses sends without sharing', async () => {
    vi.stubGlobal('navigator', {
      locks: {
        request: () => Promise.reject(new DOMException('Access denied', 'SecurityError')),
      },
    })
    const [a, b] = [tab(), tab()]
    const [first, second] = await Promise.all([
      a.otps.sms.loginOrCreate(PHONE),
      b.otps.sms.loginOrCreate(PHONE),
    ])
    expect(second.method_id).toBe(first.method_id)
    expect(requests).toEqual([LOGIN, LOGIN])
  })

  it('a garbled or foreign message on the channel is never taken as an answer', async () => {
    emulator = createEmulator({ rateLimit: { max: 100, windowSeconds: 600 } })
    withLocks()
    const a = tab()
    const intruder = new BroadcastChannel(`stytch_sdk_send ${DEMO_PUBLIC_TOKEN}`)
    const call = `/otps/sms/login_or_create ${JSON.stringify({ phone_number: PHONE })}`
    for (const message of [
      'phone-number-test-1',
      { call: 42, response: { method_id: 'phone-number-test-1' } },
      { call, response: { method_id: 7 } },
      { call, response: 'phone-number-test-1' },
      { call, response: { method_id: '' } },
    ]) {
      intruder.postMessage(message)
      await new Promise((resolve) => setTimeout(resolve, 5))
      await a.otps.sms.loginOrCreate(PHONE)
    }
    expect(sms()).toBe(5)
    // The same call with a well-formed answer is taken: nothing sent.
    intruder.postMessage({ call, response: { method_id: 'phone-number-test-1' } })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await a.otps.sms.loginOrCreate(PHONE)).toEqual({ method_id: 'phone-number-test-1' })
    expect(sms()).toBe(5)
    intruder.close()
  })
})
