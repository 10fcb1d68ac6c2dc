// Flags where the system draws flag emoji: this Chromium has a colour emoji font (Twemoji, installed as a
// system font for it alone), so the picker shows each country's flag emoji and no ISO badge. Where no
// emoji font is present (this machine's own Chromium), the badge: login.test.ts.
import { expect, test } from 'vitest'
import { expectAccessible, expectCleanPage, openApp, screenshot, setUpBrowser } from './harness'

const browser = setUpBrowser({ emojiFont: true })

test('with an emoji font, the picker shows flag emoji, not ISO badges', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const country = page.getByRole('button', { name: /^Country: United States/ })
  // The flag replaces the badge after mount, once the canvas has shown that flags draw in colour.
  await country.filter({ hasText: '🇺🇸 +1' }).waitFor()
  await country.click()
  await page.getByRole('listbox').waitFor()
  expect((await page.getByRole('option').allTextContents()).map((text) => text.trim())).toEqual([
    '🇨🇦 Canada +1',
    '🇺🇸 United States +1',
  ])
  expect(await page.locator('.otpkit-flag-code').count()).toBe(0)
  // Decorative: the option's name for a screen reader is the country alone.
  await page.getByRole('option', { name: 'Canada +1', exact: true }).waitFor()
  await screenshot(page, '14-country-picker-emoji')
  await expectAccessible(page, 'the open country list with flag emoji', { impact: 'any' })
  await expectCleanPage(app)
  await context.close()
})
