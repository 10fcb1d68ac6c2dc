// The number and the country picker agree, in Chromium: a pasted number of a country the app does not
// take is named with its calling code at once, and a typed number of another allowed country moves the
// picker to it. The example allows the vendor's default countries, the United States and Canada.
import { expect, test } from 'vitest'
import { apiCalls, expectAccessible, expectCleanPage, openApp, setUpBrowser } from './harness'

const browser = setUpBrowser()

test('a pasted +44 number is named as the United Kingdom (+44) right away, and nothing is sent', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  const field = page.getByLabel('Phone number')
  await field.click()
  await field.fill('+44 7911 123456')
  const message = 'Numbers from United Kingdom (+44) are not supported here.'
  await page.getByRole('status').filter({ hasText: message }).waitFor()
  await page.getByRole('button', { name: 'Send code' }).click()
  await page.getByText(message).waitFor()
  expect(apiCalls(app)).toEqual([])
  await expectAccessible(page, 'a number from a country the app does not take')
  await expectCleanPage(app)
  await context.close()
})

test('a Canadian number typed with the United States selected moves the picker to Canada', async () => {
  const context = await browser.newContext()
  const app = await openApp(context)
  const { page } = app
  await page.getByRole('button', { name: /^Country: United States/ }).waitFor()
  await page.getByLabel('Phone number').pressSequentially('6135550123')
  await page.getByRole('button', { name: /^Country: Canada/ }).waitFor()
  await expectCleanPage(app)
  await context.close()
})
