// @vitest-environment jsdom
// Sign-out wins, everywhere: an answer to a request that started before a sign-out (revoke in this tab,
// a sign-out in another tab, a session-ending error) never writes a session, in memory, storage or
// cookies; a session such an answer carries is revoked on the server. Against the emulator: the server
// answers at once, and the fetch holds that answer back until the sign-out has happened, as a slow
// network would. Tabs are clients on the page's localStorage; each write is relayed as the `storage`
// event a browser sends the other tabs.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { Emulator } from '@otpkit/emulator'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStytchClient } from '../index'
import type { StytchHeadlessClient } from '../index'

const PHONE = '+12025550162'
const KEY = `stytch_sdk_state_${DEMO_PUBLIC_TOKEN}`

let emulator: Emulator
/** The answer on this path is held back until released; `answered` says the server has acted. */
let held: { path: string; answered: () => void; release: Promise<void> } | null = null
const clients: StytchHeadlessClient[] = []

beforeEach(() => {
  emulator = createEmulator()
  relayStorageEvents()
})
afterEach(() => {
  held = null
  delayed = null
  clients.splice(0).forEach((c) => c.destroy())
  vi.restoreAllMocks()
  localStorage.clear()
  for (const name of ['stytch_session', 'stytch_session_jwt']) {
    document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`
  }
})

/** Storage events held back while the news of a change is slow to reach the other tabs. */
let delayed: (() => void)[] | null = null

/** What the browser does for other tabs: every localStorage change becomes a `storage` event. */
function relayStorageEvents(): void {
  const { setItem, removeItem } = Storage.prototype
  const relay = (storage: Storage, key: string, oldValue: string | null) => {
    const newValue = storage.getItem(key)
    const deliver = () =>
      window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue, storageArea: storage }))
    if (delayed) delayed.push(deliver)
    else queueMicrotask(deliver)
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

function tab(): StytchHeadlessClient {
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: async (input, init) => {
      const response = await emulator.fetch(input, init)
      const gate = held
      if (gate && new URL(String(input)).pathname === gate.path) {
        held = null
        gate.answered()
        await gate.release
      }
      return response
    },
  })
  clients.push(client)
  return client
}

async function sendCode(client: StytchHeadlessClient) {
  const { method_id } = await client.otps.sms.loginOrCreate(PHONE)
  return { method_id, code: emulator.messages().at(-1)!.code }
}

async function signIn(client: StytchHeadlessClient) {
  const { method_id, code } = await sendCode(client)
  return client.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
}

/** Asks the emulator directly whether a session token is still live. */
async function serverKnows(sessionToken: string): Promise<boolean> {
  const response = await emulator.fetch('http://emulator.test/sdk/v1/sessions/authenticate', {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${DEMO_PUBLIC_TOKEN}:${sessionToken}`)}`,
      'Content-Type': 'application/json',
    },
    body: '{}',
  })
  return response.status === 200
}

/**
 * Holds the next answer on `path` back; resolves once the server has answered it, with the function
 * that lets the answer through.
 */
function holdNextAnswer(path: string): { answered: Promise<void>; release: () => void } {
  let answered!: () => void
  let release!: () => void
  const answeredPromise = new Promise<void>((resolve) => (answered = resolve))
  held = { path, answered, release: new Promise<void>((resolve) => (release = resolve)) }
  return { answered: answeredPromise, release }
}

function expectSignedOut(client: StytchHeadlessClient): void {
  expect(client.session.getSync()).toBeNull()
  expect(client.user.getSync()).toBeNull()
  expect(client.session.getTokens()).toBeNull()
  expect(localStorage.getItem(KEY)).toBeNull()
  expect(document.cookie).toBe('')
}

/** The three calls whose answers could write the session or user. */
const RACES = [
  {
    call: 'otps.authenticate',
    path: '/sdk/v1/otps/authenticate',
    // A code sent while signed in (a re-login), traded while the sign-out happens.
    start: async (client: StytchHeadlessClient) => {
      const { method_id, code } = await sendCode(client)
      return () => client.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
    },
    carriesSession: true,
  },
  {
    call: 'session.authenticate',
    path: '/sdk/v1/sessions/authenticate',
    start: async (client: StytchHeadlessClient) => () => client.session.authenticate(),
    carriesSession: true,
  },
  {
    call: 'user.get',
    path: '/sdk/v1/users/me',
    start: async (client: StytchHeadlessClient) => () => client.user.get(),
    carriesSession: false,
  },
]

describe.each(RACES)('$call racing a sign-out', ({ path, start, carriesSession }) => {
  /** The session a late answer carried is revoked on the server (fire-and-forget, so wait for it). */
  async function expectRevokedOnServer(answer: { session_token?: string }) {
    if (carriesSession)
      await vi.waitFor(async () => expect(await serverKnows(answer.session_token!)).toBe(false))
  }

  it('in the same tab: revoke() wins; a session in the late answer is revoked on the server', async () => {
    const client = tab()
    const first = await signIn(client)
    const run = await start(client)
    const gate = holdNextAnswer(path)
    const pending = run()
    await gate.answered
    await client.session.revoke()
    gate.release()
    const answer = (await pending) as { session_token?: string }
    expectSignedOut(client)
    expect(await serverKnows(first.session_token)).toBe(false)
    await expectRevokedOnServer(answer)
  })

  it('from another tab: its sign-out wins here too', async () => {
    const [here, there] = [tab(), tab()]
    await signIn(here)
    await vi.waitFor(() => expect(there.session.getSync()).not.toBeNull())
    const run = await start(here)
    const gate = holdNextAnswer(path)
    const pending = run()
    await gate.answered
    await there.session.revoke()
    await vi.waitFor(() => expect(here.session.getSync()).toBeNull())
    gate.release()
    const answer = (await pending) as { session_token?: string }
    expectSignedOut(here)
    expectSignedOut(there)
    await expectRevokedOnServer(answer)
  })

  it('from another tab, when the answer lands here before the news of the sign-out does', async () => {
    const [here, there] = [tab(), tab()]
    await signIn(here)
    await vi.waitFor(() => expect(there.session.getSync()).not.toBeNull())
    const run = await start(here)
    const gate = holdNextAnswer(path)
    const pending = run()
    await gate.answered
    delayed = []
    await there.session.revoke()
    gate.release()
    const answer = (await pending) as { session_token?: string }
    // The news arrives, in order, after the answer was taken here.
    const news = delayed
    delayed = null
    news.forEach((deliver) => deliver())
    await vi.waitFor(() => {
      expectSignedOut(here)
      expectSignedOut(there)
    })
    await expectRevokedOnServer(answer)
  })

  it('after a session-ending error on another call: the late answer does not sign back in', async () => {
    const client = tab()
    await signIn(client)
    const run = await start(client)
    const gate = holdNextAnswer(path)
    const pending = run()
    await gate.answered
    // Any call the server answers "session gone" ends the session; here a send to a second number.
    emulator.faults.add({
      kind: 'status',
      status: 404,
      error_type: 'session_not_found',
      path: '/sdk/v1/otps/sms/send/secondary',
      count: 1,
    })
    await expect(client.otps.sms.send('+12025550163')).rejects.toMatchObject({ code: 'session_not_found' })
    gate.release()
    const answer = (await pending) as { session_token?: string }
    expectSignedOut(client)
    await expectRevokedOnServer(answer)
  })

  it('without a sign-out, the same late answer is taken (the control case)', async () => {
    const client = tab()
    await signIn(client)
    const run = await start(client)
    const gate = holdNextAnswer(path)
    const pending = run()
    await gate.answered
    gate.release()
    await pending
    expect(client.session.getSync()).not.toBeNull()
    expect(localStorage.getItem(KEY)).not.toBeNull()
  })
})
