// Languages in Chromium: Arabic lays the login out right to left (the country button on the right, the
// number still left to right inside), Japanese renders, and axe finds nothing in either.
import { expect, test } from 'vitest'
import { expectAccessible, expectCleanPage, openApp, phoneNumbers, screenshot, setUpBrowser } from './harness'

const nextPhone = phoneNumbers(631)
const browser = setUpBrowser()

test('Arabic: right to left, the country button on the right of the number, accessible', async () => {
  const context = await browser.newContext()
  const app = await openApp(context, '/?lang=ar')
  const { page } = app
  await page.getByRole('heading', { name: 'سجّل الدخول برقم هاتفك' }).waitFor()
  const login = page.locator('.otpkit-login')
  expect(await login.getAttribute('dir')).toBe('rtl')
  expect(await login.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
  const country = await page.getByRole('button', { name: /^البلد/ }).boundingBox()
  const field = await page.getByLabel('رقم الهاتف').boundingBox()
  if (!country || !field) throw new Error('no boxes')
  expect(country.x).toBeGreaterThan(field.x)
  // The calling code reads "+1", not "1+": the "+" is drawn left of the digit in the right-to-left row.
  const plusLeftOfDigit = await page.getByRole('button', { name: /^البلد/ }).evaluate((button) => {
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT)
    const xOf = (char: string) => {
      walker.currentNode = button
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(char) ?? -1
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 1)
        return range.getBoundingClientRect().x
      }
      return Number.NaN
    }
    return xOf('+') < xOf('1')
  })
  expect(plusLeftOfDigit).toBe(true)
  const phone = nextPhone()
  await page.getByLabel('رقم الهاتف').pressSequentially(phone.digits)
  await screenshot(page, '11-phone-step-rtl')
  await expectAccessible(page, 'the Arabic phone step')
  await page.getByRole('button', { name: 'أرسل الرمز' }).click()
  await page.getByRole('heading', { name: 'أدخل الرمز' }).waitFor()
  // The masked number stays left to right inside the right-to-left sentence.
  const number = page.locator('.otpkit-phone-number')
  expect(await number.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr')
  // Laid out left to right: the "+1" is at the left end of the number.
  const plus = await number.evaluate((element) => {
    const range = document.createRange()
    const text = element.firstChild as Text
    range.setStart(text, 0)
    range.setEnd(text, 2)
    return range.getBoundingClientRect().x - element.getBoundingClientRect().x
  })
  expect(plus).toBeLessThan(2)
  await screenshot(page, '12-code-step-rtl')
  await expectAccessible(page, 'the Arabic code step')
  await expectCleanPage(app)
  await context.close()
})

test('Japanese renders and is accessible', async () => {
  const context = await browser.newContext()
  const app = await openApp(context, '/?lang=ja')
  const { page } = app
  await page.getByRole('heading', { name: '電話番号でサインイン' }).waitFor()
  expect(await page.locator('.otpkit-login').getAttribute('lang')).toBe('ja')
  await expectAccessible(page, 'the Japanese phone step')
  await expectCleanPage(app)
  await context.close()
})
