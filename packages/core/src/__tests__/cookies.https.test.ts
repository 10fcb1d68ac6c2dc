// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/account" }
// On a real https origin the session cookies are Secure, and the domain is configurable.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createStytchClient } from '../index'
import type { StytchHeadlessClient } from '../index'
import { authData, makeSession, ok, recordCookieWrites, recordingFetch, TOKEN } from './support'

const clients: StytchHeadlessClient[] = []
let cookieWrites: string[]

beforeEach(() => {
  cookieWrites = recordCookieWrites()
})
afterEach(() => clients.splice(0).forEach((c) => c.destroy()))

it('writes Secure cookies on https, with the configured domain, readable by the page', async () => {
  const session = makeSession({ expires_at: '2099-01-02T03:04:05.000Z' })
  const net = recordingFetch(ok(authData('session-token-A', session)))
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, cookie: { domain: 'example.com' } })
  clients.push(stytch)
  await stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 })
  const attrs = 'Expires=Fri, 02 Jan 2099 03:04:05 GMT; Path=/; Domain=example.com; SameSite=Lax; Secure'
  expect(cookieWrites).toEqual([
    `stytch_session=session-token-A; ${attrs}`,
    `stytch_session_jwt=jwt-for-session-token-A; ${attrs}`,
  ])
  expect(document.cookie).toBe('stytch_session=session-token-A; stytch_session_jwt=jwt-for-session-token-A')
})
