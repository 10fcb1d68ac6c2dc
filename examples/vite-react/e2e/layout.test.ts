// Layout at a phone's width (375 × 667) and narrower, in Chromium: numbers are never broken inside, the
// country list stays inside the viewport and the card, and a message that appears moves nothing (the
// Layout Instability API's layout-shift entries, counted whether or not they follow an input).
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { expectAccessible, expectSms, openApp, phoneNumbers, screenshot, setUpBrowser } from './harness'

const nextPhone = phoneNumbers(629)
const browser = setUpBrowser()
const phoneSize = { width: 375, height: 667 }

/** Starts collecting layout shifts; the returned function sums them so far. */
async function watchLayoutShift(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const shifts: number[] = []
    new PerformanceObserver((list) => {
      // Text moving inside a control (a typed digit, "Verify" becoming "Verifying…") is not layout; a
      // shift of any element is.
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { value: number; sources: { node?: Node }[] }
        if (shift.sources.some((source) => source.node instanceof Element)) shifts.push(shift.value)
      }
    }).observe({ type: 'layout-shift' })
    Object.defineProperty(window, '__shifts', { value: shifts })
  })
  return () =>
    page.evaluate(async () => {
      // Let the last frame be laid out and reported.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      return (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0)
    })
}

/** How many line boxes an inline element takes: 1 when it is not broken. */
const lines = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => element.getClientRects().length)

test('at 375 px: the masked and the signed-in number each on one line; no shift when an error appears', async () => {
  const context = await browser.newContext({ viewport: phoneSize })
  const { page } = await openApp(context)
  const phone = nextPhone()
  await page.getByLabel('Phone number').pressSequentially(phone.digits)
  const sms = await expectSms(phone.e164)
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor()
  expect(await lines(page, '.otpkit-phone-number')).toBe(1)
  await screenshot(page, '9-code-step-phone')
  await expectAccessible(page, 'the code step at 375 px')

  const shift = await watchLayoutShift(page)
  const code = await sms.code()
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
  await page.getByLabel('6-digit code').pressSequentially(wrong)
  await page.getByText('That code is not right. Check the text message and try again.').waitFor()
  expect(await shift()).toBe(0)

  await page.getByLabel('6-digit code').pressSequentially(code)
  await page.getByRole('heading', { name: "You're signed in" }).waitFor()
  expect(await page.getByRole('definition').first().textContent()).toBe(phone.display)
  expect(await lines(page, '.phone-number')).toBe(1)
  // …and inside its row, under its label when it cannot fit beside it.
  const [number, row] = await page
    .locator('.phone-number')
    .evaluate((element) =>
      [element, element.closest('.facts > div')].map((box) => box?.getBoundingClientRect().toJSON()),
    )
  expect(number.right).toBeLessThanOrEqual(row.right - 16)
  await screenshot(page, '10-signed-in-phone')
  await expectAccessible(page, 'the signed-in page at 375 px')
  await context.close()
})

test.each([375, 320])('at %i px the country list stays inside the viewport and the card', async (width) => {
  const context = await browser.newContext({ viewport: { width, height: 667 } })
  const { page } = await openApp(context)
  await page.getByRole('button', { name: /^Country: United States/ }).click()
  const list = page.getByRole('listbox')
  await list.waitFor()
  const box = await page.locator('.otpkit-country-popup').boundingBox()
  const card = await page.locator('.card').boundingBox()
  if (!box || !card) throw new Error('the country list or the card has no box')
  expect(box.x).toBeGreaterThanOrEqual(card.x)
  expect(box.x + box.width).toBeLessThanOrEqual(Math.min(card.x + card.width, width))
  await expectAccessible(page, `the open country list at ${width} px`)
  await context.close()
})
