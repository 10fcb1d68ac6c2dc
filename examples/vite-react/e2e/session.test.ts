// The session after sign-in: it survives a reload, other tabs follow it, and logging out revokes it.
import { DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { BrowserContext, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  apiCalls,
  apiOrigin,
  expectAccessible,
  expectCleanPage,
  setUpBrowser,
  logInWithComponent,
  openApp,
  phoneNumbers,
} from './harness'

const nextPhone = phoneNumbers(202)
const browser = setUpBrowser()

const signedIn = (page: Page) => page.getByRole('heading', { name: "You're signed in" })
const phoneStep = (page: Page) => page.getByRole('heading', { name: 'Sign in with your phone' })

test('a reload keeps the session', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const phone = nextPhone()
  await logInWithComponent(app.page, phone)
  const userId = await app.page.getByRole('definition').nth(1).textContent()

  await app.page.reload()
  await signedIn(app.page).waitFor()
  expect(await app.page.getByRole('definition').nth(1).textContent()).toBe(userId)
  // Storage keeps no phone number: it comes back with the confirmation the client sends by itself, once.
  await app.page.getByRole('definition').filter({ hasText: phone.display }).waitFor()
  expect(await app.page.getByRole('definition').nth(0).textContent()).toBe(phone.display)
  const stored = await app.page.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie)
  expect(stored).toContain('session_token')
  expect(stored).not.toContain(phone.e164.slice(1))
  await app.page.waitForTimeout(300)
  expect(apiCalls(app)).toEqual([
    'POST /sdk/v1/otps/sms/login_or_create',
    'POST /sdk/v1/otps/authenticate',
    'POST /sdk/v1/sessions/authenticate',
  ])
  await expectCleanPage(app)
  await context.close()
})

test('a second tab sees the login and the logout', async () => {
  const context = await browser.newContext()
  const first = await openApp(context)
  const second = await openApp(context)
  await phoneStep(second.page).waitFor()

  const phone = nextPhone()
  await logInWithComponent(first.page, phone)
  await signedIn(second.page).waitFor()
  // The session came through storage, which keeps no phone number: the second tab asks for it once.
  await second.page.getByRole('definition').filter({ hasText: phone.display }).waitFor()

  await second.page.getByRole('button', { name: 'Log out' }).click()
  await phoneStep(second.page).waitFor()
  await phoneStep(first.page).waitFor()
  expect(apiCalls(second)).toEqual(['POST /sdk/v1/sessions/authenticate', 'POST /sdk/v1/sessions/revoke'])
  await expectCleanPage(first)
  await expectCleanPage(second)
  await context.close()
})

/** Calls the emulator directly, as the holder of `sessionToken`; returns the HTTP status. */
async function sessionCall(path: 'authenticate' | 'revoke', sessionToken: string): Promise<number> {
  const response = await fetch(`${apiOrigin}/sdk/v1/sessions/${path}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${DEMO_PUBLIC_TOKEN}:${sessionToken}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: '{}',
  })
  return response.status
}

const sessionToken = async (context: BrowserContext) =>
  (await context.cookies()).find((cookie) => cookie.name === 'stytch_session')?.value ?? ''

test('a session ended elsewhere is dropped when the page comes back', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  await logInWithComponent(app.page, nextPhone())
  expect(await sessionCall('revoke', await sessionToken(context))).toBe(200)

  await app.page.reload()
  // Shown from storage at first, then the server says no and the login returns.
  await phoneStep(app.page).waitFor()
  expect(apiCalls(app).at(-1)).toBe('POST /sdk/v1/sessions/authenticate')
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})

test('log out revokes the session on the server and returns to the login', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  await logInWithComponent(page, nextPhone())
  const token = await sessionToken(context)
  expect(await sessionCall('authenticate', token)).toBe(200)

  await page.getByRole('button', { name: 'Log out' }).click()
  await phoneStep(page).waitFor()
  await expectAccessible(page, 'the login after logging out')
  expect(apiCalls(app).at(-1)).toBe('POST /sdk/v1/sessions/revoke')
  expect((await context.cookies()).filter((cookie) => cookie.name.startsWith('stytch_session'))).toEqual([])
  expect(await sessionCall('authenticate', token)).toBe(404)

  await page.reload()
  await phoneStep(page).waitFor()
  await expectCleanPage(app)
  await context.close()
})
