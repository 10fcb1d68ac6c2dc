// The Next.js example end to end: sign in with <PhoneLogin>, the server renders /account with the
// number from the session cookies, the proxy keeps signed-out visitors out, and logging out ends it.
import { expect, test } from 'vitest'
import { apiOrigin, appOrigin, expectAccessible, expectSms, openPage, setUpBrowser } from './harness'

const browser = setUpBrowser()
const phoneStep = 'Sign in with your phone'

test('sign in, /account rendered on the server with the number, log out and be sent to the login', async () => {
  const context = await browser.newContext()
  const { page, requests, consoleErrors } = await openPage(context)
  const phone = { e164: '+12125550101', digits: '2125550101' }

  await page.goto(`${appOrigin}/`)
  await page.getByRole('heading', { name: phoneStep }).waitFor()
  await expectAccessible(page, 'the login')
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByLabel('6-digit code').pressSequentially(await sms.code())

  // onSuccess takes the visitor to /account.
  await page.getByRole('heading', { name: 'Your account' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/account')
  await expectAccessible(page, 'the account page')

  // The number is in the HTML the server sent, not only after hydration.
  const response = await page.goto(`${appOrigin}/account`)
  expect(response?.status()).toBe(200)
  const html = await response!.text()
  expect(html).toContain(phone.e164)
  expect(await page.getByRole('definition').first().textContent()).toBe(phone.e164)

  await page.getByRole('button', { name: 'Log out' }).click()
  await page.getByRole('heading', { name: phoneStep }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/')
  // The session is gone on the server too: /account sends the browser to the login.
  await page.goto(`${appOrigin}/account`)
  await page.getByRole('heading', { name: phoneStep }).waitFor()
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/?next=%2Faccount')

  // Nothing was fetched from anywhere but the app and the emulator (no fonts, no telemetry, no CDN).
  const origins = new Set(requests.map((url) => url.origin))
  expect([...origins].filter((origin) => origin !== appOrigin && origin !== apiOrigin)).toEqual([])
  expect(consoleErrors).toEqual([])
  await context.close()
})

test('a signed-out visitor to /account is redirected by the proxy before any page renders', async () => {
  const response = await fetch(`${appOrigin}/account`, { redirect: 'manual' })
  expect(response.status).toBe(307)
  expect(response.headers.get('location')).toBe('/?next=%2Faccount')
})

test('a forged session cookie does not get in either', async () => {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'forged' })).toString('base64url')
  const claims = Buffer.from(JSON.stringify({ sub: 'user-test-x', exp: 4102444800 })).toString('base64url')
  const response = await fetch(`${appOrigin}/account`, {
    redirect: 'manual',
    headers: { cookie: `stytch_session_jwt=${header}.${claims}.c2lnbmF0dXJl` },
  })
  expect(response.status).toBe(307)
})
