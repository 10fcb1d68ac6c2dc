// The login flow behind <PhoneLogin> in a real browser: the code step survives a reload without a second
// SMS, a WhatsApp login end to end, and a 429 for one number that leaves another free.
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  addFault,
  apiCalls,
  expectAccessible,
  expectCleanPage,
  expectSms,
  inbox,
  openApp,
  phoneNumbers,
  screenshot,
  setUpBrowser,
} from './harness'

const nextPhone = phoneNumbers(718)
const browser = setUpBrowser()

const codeStep = (page: Page) => page.getByRole('heading', { name: 'Enter your code' })
const signedIn = (page: Page) => page.getByRole('heading', { name: "You're signed in" })
const sendsTo = async (e164: string) => (await inbox()).filter((message) => message.to === e164)

test('a reload on the code step comes back to it and signs in with no second SMS', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await codeStep(page).waitFor()
  const code = await sms.code()

  // From here on, note whether the phone step ever shows: the reloaded login must go straight back.
  await page.addInitScript(() => {
    const look = () => {
      if (document.querySelector('input[name="phone"]')) Object.assign(window, { phoneStepSeen: true })
    }
    new MutationObserver(look).observe(document, { childList: true, subtree: true })
  })
  await page.reload()
  await codeStep(page).waitFor()
  // Busy until the flow that restores the step is here, never the phone step meanwhile.
  expect(await page.evaluate(() => 'phoneStepSeen' in window)).toBe(false)
  await page.getByText(/We sent a 6-digit code to \+1 ••• ••• \d{4}\./).waitFor()
  // This tab keeps the step without the full number.
  const kept = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))
  expect(kept).not.toContain(phone.digits)
  await expectAccessible(page, 'the code step after a reload')

  await page.getByLabel('6-digit code').pressSequentially(code)
  await signedIn(page).waitFor()
  expect(await sendsTo(phone.e164)).toHaveLength(1)
  expect(apiCalls(app).filter((call) => call.endsWith('/login_or_create'))).toHaveLength(1)
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
  await expectCleanPage(app)
  await context.close()
})

test('a WhatsApp login end to end: chosen, sent by WhatsApp, named on the code step', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()
  await page.getByRole('group', { name: 'Send the code by' }).waitFor()
  await page.getByRole('radio', { name: 'WhatsApp' }).check()
  await page.getByText('We will send you a 6-digit code on WhatsApp.').waitFor()
  await expectAccessible(page, 'the phone step with WhatsApp chosen')
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const message = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await codeStep(page).waitFor()
  await page.getByText(/We sent a 6-digit code to \+1 ••• ••• \d{4} on WhatsApp\./).waitFor()
  await page.getByRole('button', { name: 'Send by SMS instead' }).waitFor()
  await screenshot(page, '13-code-step-whatsapp')
  await expectAccessible(page, 'the WhatsApp code step')

  const sent = await message.message()
  expect(sent.channel).toBe('whatsapp')
  // No origin-bound autofill line: that is an SMS feature.
  expect(sent.body).not.toMatch(/#\d{6}$/)
  expect(apiCalls(app)).toContain('POST /sdk/v1/otps/whatsapp/login_or_create')
  await page.getByLabel('6-digit code').pressSequentially(sent.code)
  await signedIn(page).waitFor()
  await expectCleanPage(app)
  await context.close()
})

test('a 429 for one number: that number waits, another sends at once', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const [limited, other] = [nextPhone(), nextPhone()]
  await addFault({ kind: 'rate_limit', retryAfter: 90, path: '/sdk/v1/otps/sms/login_or_create' })
  const phoneField = page.getByLabel('Phone number')
  await phoneField.pressSequentially(limited.digits)
  await page.getByRole('button', { name: 'Send code' }).click()
  // A long wait reads in minutes (90 s → 2 minutes), said once; the button counts the seconds.
  await page.getByText('Too many attempts. Try again in 2 minutes.').waitFor()
  expect(await page.getByRole('button', { name: /^Send code in \d+ s$/ }).isDisabled()).toBe(true)
  await expectAccessible(page, 'the phone step during a 429 wait')

  await phoneField.fill('')
  await phoneField.pressSequentially(other.digits)
  const sms = await expectSms(other.e164)
  const send = page.getByRole('button', { name: 'Send code' })
  expect(await send.isEnabled()).toBe(true)
  expect(await page.getByText(/Too many attempts/).count()).toBe(0)
  await send.click()
  await codeStep(page).waitFor()
  expect((await sms.message()).to).toBe(other.e164)
  expect(await sendsTo(limited.e164)).toHaveLength(0)

  // Back to the limited number: its own wait is still running.
  await page.getByRole('button', { name: 'Use a different number' }).click()
  await phoneField.fill('')
  await phoneField.pressSequentially(limited.digits)
  const waiting = page.getByRole('button', { name: /^Send code in \d+ s$/ })
  expect(await waiting.isDisabled()).toBe(true)
  expect(Number(/(\d+) s/.exec((await waiting.textContent()) ?? '')?.[1])).toBeGreaterThan(60)
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})
