// @vitest-environment jsdom
// Nothing personal at rest: storage and cookies are listed after each step of a whole session, in a
// page with Web Locks and BroadcastChannel (so cross-tab send sharing is on). Before sign-in the SDK
// keeps nothing at all; while signed in, only the session snapshot and the two session cookies; after
// sign-out, nothing again.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { afterEach, expect, it, vi } from 'vitest'
import { createStytchClient } from '../index'
import { createLockManager } from '../../../tooling/testing/lockManager'

const PHONE = '+12025550162'

afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.clear()
  sessionStorage.clear()
})

/** Every key of both storages, and every cookie name. */
function atRest(): { localStorage: string[]; sessionStorage: string[]; cookies: string[] } {
  const keys = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i)!)
  return {
    localStorage: keys(localStorage),
    sessionStorage: keys(sessionStorage),
    cookies: document.cookie
      .split('; ')
      .filter(Boolean)
      .map((cookie) => cookie.split('=')[0]!),
  }
}

const NOTHING = { localStorage: [], sessionStorage: [], cookies: [] }
const SESSION_ONLY = {
  localStorage: [`stytch_sdk_state_${DEMO_PUBLIC_TOKEN}`],
  sessionStorage: [],
  cookies: ['stytch_session', 'stytch_session_jwt'],
}

it('send, resend, authenticate, refresh, sign-out: storage and cookies after each step', async () => {
  vi.stubGlobal('navigator', { locks: createLockManager() })
  const emulator = createEmulator()
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => emulator.fetch(input, init),
  })
  // The same steps in a second tab, so that sharing has someone to tell.
  const other = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => emulator.fetch(input, init),
  })
  const steps: [string, ReturnType<typeof atRest>][] = []

  await Promise.all([client.otps.sms.loginOrCreate(PHONE), other.otps.sms.loginOrCreate(PHONE)])
  steps.push(['send', atRest()])
  const { method_id } = await client.otps.sms.loginOrCreate(PHONE)
  steps.push(['resend', atRest()])
  const code = emulator.messages().at(-1)!.code
  await client.otps.authenticate(code, method_id, { session_duration_minutes: 60 })
  steps.push(['authenticate', atRest()])
  await client.session.authenticate()
  steps.push(['refresh', atRest()])
  await client.session.revoke()
  steps.push(['sign-out', atRest()])
  client.destroy()
  other.destroy()

  expect(steps).toEqual([
    ['send', NOTHING],
    ['resend', NOTHING],
    ['authenticate', SESSION_ONLY],
    ['refresh', SESSION_ONLY],
    ['sign-out', NOTHING],
  ])
})

it('no stored value holds the phone number or the code before sign-in', async () => {
  vi.stubGlobal('navigator', { locks: createLockManager() })
  const emulator = createEmulator()
  const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => emulator.fetch(input, init),
  })
  const { method_id } = await client.otps.sms.loginOrCreate(PHONE)
  const code = emulator.messages().at(-1)!.code
  const values = [
    ...Array.from({ length: localStorage.length }, (_, i) => localStorage.getItem(localStorage.key(i)!)),
    ...Array.from({ length: sessionStorage.length }, (_, i) =>
      sessionStorage.getItem(sessionStorage.key(i)!),
    ),
    document.cookie,
  ].join('\n')
  for (const secret of [PHONE, PHONE.slice(1), method_id, code]) expect(values).not.toContain(secret)
  client.destroy()
})
