// @vitest-environment jsdom
// Session cookies on every kind of origin: always SameSite=Lax, Secure everywhere but plain-http
// loopback (where a Secure cookie would be refused), and a token can never inject cookie attributes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryStorage, createStytchClient } from '../index'
import type { StytchHeadlessClient } from '../index'
import { authData, makeSession, ok, recordingFetch, TOKEN } from './support'

const clients: StytchHeadlessClient[] = []
let cookieWrites: string[] = []
const jsdom = (globalThis as unknown as { jsdom: { reconfigure(options: { url: string }): void } }).jsdom

beforeEach(() => {
  // Record what is written through document.cookie, the platform edge.
  cookieWrites = []
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => '',
    set: (value: string) => void cookieWrites.push(value),
  })
})
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy())
  delete (document as { cookie?: string }).cookie
  jsdom.reconfigure({ url: 'http://localhost:3000/' })
})

async function signInAt(url: string, token = 'session-token-A') {
  jsdom.reconfigure({ url })
  const session = makeSession({ expires_at: '2099-01-02T03:04:05.000Z' })
  const net = recordingFetch(ok(authData(token, session)), ok({ request_id: 'r', status_code: 200 }))
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
  clients.push(stytch)
  await stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 })
  return stytch
}

/** The attributes of one Set-Cookie string, lower-cased names. */
function attributes(cookie: string): Map<string, string> {
  const [, ...parts] = cookie.split('; ')
  return new Map(parts.map((part) => [part.split('=')[0]!.toLowerCase(), part.split('=')[1] ?? '']))
}

describe('session cookies', () => {
  it.each([
    ['http://localhost:5173/', false],
    ['http://127.0.0.1:8080/login', false],
    ['http://[::1]:3000/', false],
    ['https://localhost/', true],
    ['https://app.example.com/account', true],
    ['http://app.example.com/', true],
    ['http://localhost.example.com/', true],
  ])('on %s: SameSite=Lax, Secure %s, on sign-in and on sign-out', async (url, secure) => {
    const stytch = await signInAt(url)
    await stytch.session.revoke()
    expect(cookieWrites).toHaveLength(4)
    for (const cookie of cookieWrites) {
      const attrs = attributes(cookie)
      expect(attrs.get('samesite'), cookie).toBe('Lax')
      expect(attrs.has('secure'), cookie).toBe(secure)
      expect(attrs.get('path'), cookie).toBe('/')
      expect(attrs.has('domain'), cookie).toBe(false)
    }
  })

  it('a token holding ";", "=" or spaces is encoded, so it cannot add attributes or cookies', async () => {
    const hostile = 'tok; Domain=evil.example; SameSite=None; Max-Age=99999999 x=y'
    await signInAt('https://app.example.com/', hostile)
    const [sessionCookie] = cookieWrites
    expect(sessionCookie).toBe(
      `stytch_session=${encodeURIComponent(hostile)}; Expires=Fri, 02 Jan 2099 03:04:05 GMT; Path=/; SameSite=Lax; Secure`,
    )
    expect(attributes(sessionCookie!).has('domain')).toBe(false)
    expect(attributes(sessionCookie!).get('samesite')).toBe('Lax')
  })
})
