// What a careful deployment needs: server text is never HTML, and the app runs under a strict CSP.
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  addFault,
  apiCalls,
  apiOrigin,
  expectCleanPage,
  expectSms,
  setUpBrowser,
  openApp,
  phoneNumbers,
} from './harness'

const nextPhone = phoneNumbers(617)
const browser = setUpBrowser()

const payload = '<img src="/pwned.png" onerror="window.__pwned = true">Bad <b>request</b>'

/** Fails the next send with a 400 whose `error_message` is HTML. */
const htmlErrorOnSend = () =>
  addFault({
    path: '/sdk/v1/otps/sms/login_or_create',
    kind: 'status',
    status: 400,
    error_type: 'unexpected_html_error',
    error_message: payload,
  })

async function expectNoInjectedMarkup(page: Page) {
  expect(await page.locator('img, b').count()).toBe(0)
  expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false)
}

test('an error_message carrying HTML is shown as text on the headless route', async () => {
  const context = await browser.newContext()
  const app = await openApp(context, '/headless')
  const { page } = app
  await htmlErrorOnSend()
  await page.getByLabel('Phone number').fill(nextPhone().e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  const alert = page.getByRole('alert')
  await alert.getByText(payload, { exact: false }).waitFor()
  expect(await alert.textContent()).toMatch(/^<img src="\/pwned.png" .*<\/b> \(request request-id-test-/)
  await expectNoInjectedMarkup(page)
  expect(app.requests.some((request) => request.url.pathname === '/pwned.png')).toBe(false)
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})

test('<PhoneLogin> shows its own text and the request id for an unknown error, never the HTML', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  await htmlErrorOnSend()
  await page.getByLabel('Phone number').pressSequentially(nextPhone().digits)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByText('Something went wrong. Try again.').waitFor()
  expect(await page.getByText(/Request ID: request-id-test-/).count()).toBe(1)
  expect(await page.content()).not.toContain('pwned.png')
  await expectNoInjectedMarkup(page)
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})

test('the built app runs under a strict CSP with no violation', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const response = await page.reload()
  expect(response?.headers()['content-security-policy']).toBe(
    `default-src 'self'; connect-src ${apiOrigin}; style-src 'self'`,
  )
  // The stylesheets are files, so they apply: the page is not unstyled.
  const card = page.locator('.card')
  expect(await card.evaluate((element) => getComputedStyle(element).borderRadius)).toBe('16px')
  expect(await page.locator('.otpkit-button').evaluate((element) => getComputedStyle(element).cursor)).toBe(
    'pointer',
  )

  // The whole journey, both routes, with the phone library's lazy chunk.
  const phone = nextPhone()
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  await page.getByRole('button', { name: /^Country/ }).click()
  await page.keyboard.press('Escape')
  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByLabel('6-digit code').pressSequentially(await sms.code())
  await page.getByRole('heading', { name: "You're signed in" }).waitFor()
  await page.getByRole('button', { name: 'Log out' }).click()
  await page.getByRole('link', { name: 'Headless hooks' }).click()
  await page.getByRole('heading', { name: 'Headless hooks' }).waitFor()
  expect(apiCalls(app)).toHaveLength(3)
  await expectCleanPage(app)

  // The policy is enforced and the check can see a violation: an injected <style> is refused and reported.
  await page.evaluate(() => {
    const style = document.createElement('style')
    style.textContent = 'body { background: red }'
    document.head.append(style)
  })
  await page.waitForFunction(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0,
  )
  expect(await app.cspViolations()).toEqual([expect.stringMatching(/^style-src-elem inline$/)])
  await context.close()
})
