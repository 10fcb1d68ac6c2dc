// One intent, one SMS, in a real browser: two tabs of one browser pressing Send for the same number at the
// same moment share one SMS (core's Web Lock and a BroadcastChannel hand-off, held in memory), and a burst
// of Resend presses sends one more. SMS are counted in the emulator's inbox, requests in each page's network log.
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  addFault,
  apiCalls,
  expectCleanPage,
  expectSms,
  inbox,
  setUpBrowser,
  openApp,
  phoneNumbers,
} from './harness'
import type { AppPage } from './harness'

const SEND = '/sdk/v1/otps/sms/login_or_create'
const nextPhone = phoneNumbers(646)
const browser = setUpBrowser()

const codeStep = (page: Page) => page.getByRole('heading', { name: 'Enter your code' })
const signedIn = (page: Page) => page.getByRole('heading', { name: "You're signed in" })
const smsTo = async (e164: string) => (await inbox()).filter((message) => message.to === e164)
const sends = (app: AppPage) => apiCalls(app).filter((call) => call === `POST ${SEND}`).length

test.each(['the tab that sent', 'the other tab'] as const)(
  'two tabs pressing Send for the same number at once get one SMS, whose code signs in from %s',
  async (signInFrom) => {
    const context = await browser.newContext()
    const tabs = [await openApp(context), await openApp(context)]
    const phone = nextPhone()
    for (const { page } of tabs) await page.getByLabel('Phone number').pressSequentially(phone.digits)
    const sms = await expectSms(phone.e164)

    await Promise.all(tabs.map(({ page }) => page.getByRole('button', { name: 'Send code' }).click()))
    await Promise.all(tabs.map(({ page }) => codeStep(page).waitFor()))
    const code = await sms.code()
    // Let any late second send land before counting.
    await tabs[0]!.page.waitForTimeout(500)
    expect(await smsTo(phone.e164)).toHaveLength(1)
    // One tab sent; the other got that tab's answer without a request of its own.
    expect(tabs.map(sends).sort()).toEqual([0, 1])

    const sender = tabs.find((tab) => sends(tab) === 1)!
    const other = tabs.find((tab) => tab !== sender)!
    const chosen = signInFrom === 'the tab that sent' ? sender : other
    await chosen.page.getByLabel('6-digit code').pressSequentially(code)
    await signedIn(chosen.page).waitFor()
    // The other tab follows the session.
    await Promise.all(tabs.map(({ page }) => signedIn(page).waitFor()))
    expect(apiCalls(chosen)).toContain('POST /sdk/v1/otps/authenticate')
    expect(await smsTo(phone.e164)).toHaveLength(1)
    for (const tab of tabs) await expectCleanPage(tab)
    await context.close()
  },
)

test('a burst of Resend presses while the request is in flight sends one more SMS, and its code signs in', async () => {
  const context = await browser.newContext()
  // The page's clock, so the 30 s resend cool-down can be skipped instead of waited out.
  await context.clock.install()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()

  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const first = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await codeStep(page).waitFor()
  const firstCode = await first.code()
  const resend = page.getByRole('button', { name: /^Resend code/ })
  expect(await resend.isDisabled()).toBe(true)

  await page.clock.fastForward(31_000)
  await page.getByRole('button', { name: 'Resend code', exact: true }).waitFor()
  // Slow enough that every press below lands while the resend is in flight.
  await addFault({ kind: 'latency', ms: 1000, path: SEND })
  const second = await expectSms(phone.e164)
  const box = (await resend.boundingBox())!
  for (let press = 0; press < 5; press++) {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  }
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.getByText(/^A new code is on its way to /).waitFor()
  const secondCode = await second.code()
  // Let any late extra send land before counting.
  await page.waitForTimeout(700)
  expect(await smsTo(phone.e164)).toHaveLength(2)
  expect(sends(app)).toBe(2)

  if (secondCode !== firstCode) {
    // The resent code replaced the first one.
    await page.getByLabel('6-digit code').pressSequentially(firstCode)
    await page.getByText(/That code is not right|This code has expired or was already used/).waitFor()
  }
  await page.getByLabel('6-digit code').pressSequentially(secondCode)
  await signedIn(page).waitFor()
  expect(await smsTo(phone.e164)).toHaveLength(2)
  await expectCleanPage(app, { httpErrors: secondCode !== firstCode })
  await context.close()
})
