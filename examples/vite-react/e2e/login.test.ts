// The pre-built <PhoneLogin> in a real browser against the emulator: typed, autofilled by WebOTP, and
// with a wrong code first. Also the screenshots of each step.
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  apiCalls,
  apiOrigin,
  appOrigin,
  expectAccessible,
  expectCleanPage,
  expectSms,
  setUpBrowser,
  openApp,
  phoneNumbers,
  screenshot,
} from './harness'

const nextPhone = phoneNumbers(415)
const browser = setUpBrowser()

const signedInHeading = (page: Page) => page.getByRole('heading', { name: "You're signed in" })

test('logs in with a typed number and the code from the inbox, in exactly two API requests', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()

  await page.getByRole('heading', { name: 'Sign in with your phone' }).waitFor()
  await expectAccessible(page, 'the empty phone step')
  const phoneField = page.getByLabel('Phone number')
  await phoneField.pressSequentially(phone.digits)
  // Formatted as typed, in the national format of the selected country.
  expect(await phoneField.inputValue()).toBe(
    `(${phone.digits.slice(0, 3)}) ${phone.digits.slice(3, 6)}-${phone.digits.slice(6)}`,
  )
  expect(await phoneField.getAttribute('autocomplete')).toBe('tel')
  await screenshot(page, '1-phone-step')
  await expectAccessible(page, 'the phone step')

  await page.getByRole('button', { name: /^Country: United States/ }).click()
  await page.getByRole('listbox').waitFor()
  // The vendor's default allowlist with dial codes. This machine has no emoji font, so flag emoji would
  // be empty boxes: the picker found that out on a canvas and shows the ISO code in a badge (nothing fetched).
  expect((await page.getByRole('option').allTextContents()).map((text) => text.trim())).toEqual([
    'Canada +1',
    'United States +1',
  ])
  const badges = page.getByRole('listbox').locator('.otpkit-flag-code')
  expect(
    await badges.evaluateAll((all) => all.map((badge) => getComputedStyle(badge, '::before').content)),
  ).toEqual(['"CA"', '"US"'])
  expect(await badges.first().isVisible()).toBe(true)
  await screenshot(page, '2-country-picker')
  await expectAccessible(page, 'the open country picker')
  await page.keyboard.press('Escape')
  await page.getByRole('listbox').waitFor({ state: 'detached' })

  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor()
  const code = await sms.code()
  const codeField = page.getByLabel('6-digit code')
  // Focus moves to the code field when the step appears.
  expect(await codeField.evaluate((element) => element === document.activeElement)).toBe(true)
  expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code')
  expect(await page.getByText(/We sent a 6-digit code to/).textContent()).not.toContain(phone.digits)
  await screenshot(page, '3-code-step')
  await expectAccessible(page, 'the code step')

  // Six digits submit by themselves.
  await codeField.pressSequentially(code)
  await signedInHeading(page).waitFor()
  const facts = page.getByRole('definition')
  // Formatted for reading, as one unbroken word.
  expect(await facts.nth(0).textContent()).toBe(phone.display)
  expect(await facts.nth(1).textContent()).toMatch(/^user-test-/)
  const timer = page.getByRole('timer')
  expect(await timer.textContent()).toMatch(/^(59:[0-5]\d|1:00:00)$/)
  await page.waitForFunction(
    (before) => document.querySelector('[role="timer"]')?.textContent !== before,
    await timer.textContent(),
  )
  await screenshot(page, '5-signed-in')
  await expectAccessible(page, 'the signed-in page')

  // Settle, then look at the whole network log of the page.
  await page.waitForTimeout(500)
  expect(apiCalls(app)).toEqual(['POST /sdk/v1/otps/sms/login_or_create', 'POST /sdk/v1/otps/authenticate'])
  const origins = new Set(app.requests.map((request) => request.url.origin))
  expect([...origins].sort()).toEqual([apiOrigin, appOrigin].sort())
  await expectCleanPage(app)
  await context.close()
})

test('a wrong code shows an error, clears the field, and the right code then signs in', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()

  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  const code = await sms.code()
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')

  const codeField = page.getByLabel('6-digit code')
  await codeField.pressSequentially(wrong)
  await page.getByText('That code is not right. Check the text message and try again.').waitFor()
  expect(await codeField.inputValue()).toBe('')
  expect(await codeField.getAttribute('aria-invalid')).toBe('true')
  expect(await codeField.evaluate((element) => element === document.activeElement)).toBe(true)
  await screenshot(page, '4-error-state')
  await expectAccessible(page, 'the wrong-code error')

  await codeField.pressSequentially(code)
  await signedInHeading(page).waitFor()
  expect(apiCalls(app)).toEqual([
    'POST /sdk/v1/otps/sms/login_or_create',
    'POST /sdk/v1/otps/authenticate',
    'POST /sdk/v1/otps/authenticate',
  ])
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})

test('WebOTP: the code the browser reads from the SMS submits by itself', async () => {
  const context = await browser.newContext()
  const phone = nextPhone()
  const sms = await expectSms(phone.e164)
  // Stands in for Chrome's WebOTP: resolves with the code of the SMS in the emulator's inbox.
  await context.exposeFunction('readSmsCodeFromInbox', () => sms.code())
  await context.addInitScript(() => {
    const calls: string[] = []
    Object.defineProperty(window, '__webOtpCalls', { value: calls })
    Object.defineProperty(window, 'OTPCredential', { value: class OTPCredential {} })
    const read = (window as unknown as { readSmsCodeFromInbox: () => Promise<string> }).readSmsCodeFromInbox
    navigator.credentials.get = (options?: CredentialRequestOptions & { otp?: unknown }) => {
      calls.push(JSON.stringify(options?.otp))
      return new Promise((resolve, reject) => {
        const aborted = () => reject(new DOMException('The request was aborted.', 'AbortError'))
        if (options?.signal?.aborted) return aborted()
        options?.signal?.addEventListener('abort', aborted)
        read().then((code) => resolve({ type: 'otp', id: '', code } as unknown as Credential), reject)
      })
    }
  })
  const app = await openApp(context)
  const { page } = app

  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  await page.getByRole('button', { name: 'Send code' }).click()
  // Nothing is typed into the code field.
  await signedInHeading(page).waitFor()

  expect(await page.evaluate(() => (window as unknown as { __webOtpCalls: string[] }).__webOtpCalls)).toEqual(
    [JSON.stringify({ transport: ['sms'] })],
  )
  // The component asked for the origin-bound last line that WebOTP needs.
  const message = await sms.message()
  expect(message.body.trim().split('\n').at(-1)).toBe(`@${new URL(appOrigin).hostname} #${message.code}`)
  expect(apiCalls(app)).toEqual(['POST /sdk/v1/otps/sms/login_or_create', 'POST /sdk/v1/otps/authenticate'])
  await expectCleanPage(app)
  await context.close()
})

test('the dark theme passes the accessibility checks too', async () => {
  const context = await browser.newContext({ colorScheme: 'dark' })
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  await screenshot(page, '7-phone-step-dark')
  await expectAccessible(page, 'the phone step, dark')
  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByLabel('6-digit code').pressSequentially(await sms.code())
  await signedInHeading(page).waitFor()
  await screenshot(page, '8-signed-in-dark')
  await expectAccessible(page, 'the signed-in page, dark')
  await expectCleanPage(app)
  await context.close()
})
