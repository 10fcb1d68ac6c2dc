// What a keyboard and screen-reader user meets in <PhoneLogin>, in Chromium: the whole login by keyboard
// alone, where focus lands after sign-in and after log-out, the live regions' text recorded over time
// (a wait said once when it starts and once when it ends), and the code's lifetime shown, not spoken.
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  addFault,
  expectAccessible,
  expectCleanPage,
  expectSms,
  openApp,
  phoneNumbers,
  setUpBrowser,
} from './harness'

const nextPhone = phoneNumbers(628)
const browser = setUpBrowser()

/** Starts recording every distinct text the page's live regions hold, as a screen reader would hear them. */
async function recordLiveRegions(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const heard: string[] = []
    const read = () => {
      for (const region of document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')) {
        const text = region.textContent?.trim() ?? ''
        if (text && heard.at(-1) !== text) heard.push(text)
      }
    }
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true })
    Object.defineProperty(window, '__heard', { value: heard })
  })
  return () => page.evaluate(() => [...(window as unknown as { __heard: string[] }).__heard])
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement
    return active ? `${active.tagName.toLowerCase()}: ${active.textContent?.trim() ?? ''}` : ''
  })

test('keyboard only: log in, focus on the signed-in heading; log out, focus on the login heading', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()
  await page.getByRole('heading', { name: 'Sign in with your phone' }).waitFor()

  // Tab until the phone field has focus, as a person without a pointer would.
  for (let press = 0; press < 12; press++) {
    if (await page.getByLabel('Phone number').evaluate((field) => field === document.activeElement)) break
    await page.keyboard.press('Tab')
  }
  await page.keyboard.type(phone.digits)
  const sms = await expectSms(phone.e164)
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor()
  await page.keyboard.type(await sms.code())
  await page.getByRole('heading', { name: "You're signed in" }).waitFor()
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
  expect(await focused(page)).toBe("h1: You're signed in")

  // Log out by keyboard: focus goes to the login page's heading, not to <body>.
  for (let press = 0; press < 20; press++) {
    if ((await focused(page)) === 'button: Log out') break
    await page.keyboard.press('Tab')
  }
  expect(await focused(page)).toBe('button: Log out')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Pre-built component' }).waitFor()
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
  expect(await focused(page)).toBe('h1: Pre-built component')
  await expectAccessible(page, 'the login page after log-out')
  await expectCleanPage(app)
  await context.close()
})

test('a rate limit is announced once when it starts and once when it ends; the button counts down', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const heard = await recordLiveRegions(page)
  await addFault({ kind: 'rate_limit', retryAfter: 3, path: '/sdk/v1/otps/sms/login_or_create' })
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByRole('button', { name: /^Send code in [23] s$/ }).waitFor()
  await page.getByRole('button', { name: 'Send code' }).waitFor({ timeout: 6_000 })
  await page.getByText('You can try again now.').waitFor()
  expect(await heard()).toEqual(['Too many attempts. Try again in 3 seconds.', 'You can try again now.'])
  await expectAccessible(page, 'the phone step after a wait')
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})

test('the code step shows the code’s lifetime as a clock that no live region reads', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const phone = nextPhone()
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor()
  const heard = await recordLiveRegions(page)
  const clock = page.getByText(/^Code expires in \d:\d\d$/)
  const first = await clock.textContent()
  // The example asks for 5-minute codes.
  expect(first).toMatch(/^Code expires in 4:5\d|5:00$/)
  await page.waitForFunction((before) => !document.body.textContent?.includes(before ?? ''), first)
  expect(await clock.evaluate((element) => element.closest('[aria-live]'))).toBeNull()
  expect(await heard()).toEqual([])
  await expectAccessible(page, 'the code step with its clock')
  await expectCleanPage(app)
  await context.close()
})
