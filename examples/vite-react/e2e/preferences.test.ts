// The person's display preferences, emulated in Chromium: reduced motion turns transitions off, forced
// colours (Windows high contrast) keep the active country and focus visible in system colours, and axe
// finds nothing in forced colours (dark mode, right to left and a phone's width: axeMatrix.test.ts).
import { expect, test } from 'vitest'
import { expectAccessible, expectCleanPage, openApp, setUpBrowser } from './harness'

const browser = setUpBrowser()

test.each(['reduce', 'no-preference'] as const)('prefers-reduced-motion: %s', async (reducedMotion) => {
  const context = await browser.newContext({ reducedMotion })
  const { page } = await openApp(context)
  const send = page.getByRole('button', { name: 'Send code' })
  await send.waitFor()
  const durations = await send.evaluate((element) => getComputedStyle(element).transitionDuration)
  if (reducedMotion === 'reduce') expect(durations.split(', ').every((value) => value === '0s')).toBe(true)
  else expect(durations).toContain('0.12s')
  await context.close()
})

test('forced colours: the active country is outlined in Highlight, and axe passes', async () => {
  const context = await browser.newContext({ forcedColors: 'active' })
  const app = await openApp(context)
  const { page } = app
  await page.getByRole('button', { name: /^Country: United States/ }).click()
  await page.getByRole('listbox').waitFor()
  await page.keyboard.press('ArrowDown')
  const active = page.locator('.otpkit-country-option[data-active]')
  const outline = await active.evaluate((element) => {
    const style = getComputedStyle(element)
    return { width: style.outlineWidth, style: style.outlineStyle }
  })
  expect(outline).toEqual({ width: '2px', style: 'solid' })
  await expectAccessible(page, 'the open country list in forced colours')
  await page.keyboard.press('Escape')
  await expectAccessible(page, 'the phone step in forced colours')
  await expectCleanPage(app)
  await context.close()
})
