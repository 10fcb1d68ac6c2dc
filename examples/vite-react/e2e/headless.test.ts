// The second route: the app's own form on `stytch.otps.sms.loginOrCreate` and `useAuthenticateCode()`.

import { expect, test } from 'vitest'
import {
  apiCalls,
  appOrigin,
  expectAccessible,
  expectCleanPage,
  expectSms,
  setUpBrowser,
  openApp,
  phoneNumbers,
  screenshot,
} from './harness'

const nextPhone = phoneNumbers(312)
const browser = setUpBrowser()

test('the navigation switches between the two ways to log in', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const nav = page.getByRole('navigation', { name: 'Ways to log in' })

  await nav.getByRole('link', { name: 'Headless hooks' }).click()
  await page.getByRole('heading', { name: 'Headless hooks' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/headless')
  expect(await nav.getByRole('link', { name: 'Headless hooks' }).getAttribute('aria-current')).toBe('page')

  await page.goBack()
  await page.getByRole('heading', { name: 'Pre-built component' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/')
  // Client-side navigation: the document was loaded once.
  expect(
    app.requests.filter(
      (request) => request.url.href.startsWith(`${appOrigin}/`) && request.url.pathname === '/',
    ),
  ).toHaveLength(1)
  await expectCleanPage(app)
  await context.close()
})

test('logs in on the headless route, with a wrong code first', async () => {
  const context = await browser.newContext()
  const app = await openApp(context, '/headless')
  const { page } = app
  const phone = nextPhone()

  await page.getByRole('heading', { name: 'Headless hooks' }).waitFor()
  await page
    .getByLabel('Phone number')
    .fill(`+1 ${phone.digits.slice(0, 3)} ${phone.digits.slice(3, 6)} ${phone.digits.slice(6)}`)
  await screenshot(page, '6-headless-route')
  await expectAccessible(page, 'the headless phone form')

  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor()
  expect(await page.getByText(`We sent a 6-digit code to ${phone.e164}.`).count()).toBe(1)
  const code = await sms.code()
  const codeField = page.getByLabel('6-digit code')
  expect(await codeField.evaluate((element) => element === document.activeElement)).toBe(true)

  await codeField.fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'))
  await page.getByRole('button', { name: 'Verify' }).click()
  await page.getByRole('alert').getByText('That code is not right.', { exact: false }).waitFor()
  expect(await codeField.inputValue()).toBe('')
  await expectAccessible(page, 'the headless code form with an error')

  await codeField.fill(code)
  await page.getByRole('button', { name: 'Verify' }).click()
  await page.getByRole('heading', { name: "You're signed in" }).waitFor()
  expect(await page.getByRole('definition').nth(0).textContent()).toBe(phone.display)
  expect(apiCalls(app)).toEqual([
    'POST /sdk/v1/otps/sms/login_or_create',
    'POST /sdk/v1/otps/authenticate',
    'POST /sdk/v1/otps/authenticate',
  ])
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})

test('the headless form refuses a number that is not in international format without a request', async () => {
  const context = await browser.newContext()
  const app = await openApp(context, '/headless')
  const { page } = app
  await page.getByLabel('Phone number').fill('415 555')
  await page.getByRole('button', { name: 'Send code' }).click()
  await page
    .getByRole('alert')
    .getByText('Enter the number in international format', { exact: false })
    .waitFor()
  expect(await page.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true')
  expect(apiCalls(app)).toEqual([])
  await expectCleanPage(app)
  await context.close()
})
