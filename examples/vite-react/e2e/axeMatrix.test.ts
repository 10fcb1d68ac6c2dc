// axe on every state of <PhoneLogin> in every mode: each mode walks the whole login, from the empty phone
// step to the signed-in page, and axe must find no violation of any impact at each state. Modes are the
// light and dark themes, Arabic (right to left), a phone's width, and their combinations.
import { ar } from '@otpkit/react/locales/ar'
import { en } from '@otpkit/react/locales/en'
import type { PhoneLoginStrings } from '@otpkit/react/locales/en'
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

const nextPhone = phoneNumbers(650)
const browser = setUpBrowser()

const phoneSize = { width: 375, height: 667 }
const modes = [
  { mode: 'light', strings: en, path: '/', options: {} },
  { mode: 'dark', strings: en, path: '/', options: { colorScheme: 'dark' } },
  { mode: 'RTL (ar)', strings: ar, path: '/?lang=ar', options: {} },
  { mode: '375 px', strings: en, path: '/', options: { viewport: phoneSize } },
  { mode: 'dark RTL', strings: ar, path: '/?lang=ar', options: { colorScheme: 'dark' } },
  { mode: 'dark 375 px', strings: en, path: '/', options: { colorScheme: 'dark', viewport: phoneSize } },
  { mode: 'RTL 375 px', strings: ar, path: '/?lang=ar', options: { viewport: phoneSize } },
  {
    mode: 'dark RTL 375 px',
    strings: ar,
    path: '/?lang=ar',
    options: { colorScheme: 'dark', viewport: phoneSize },
  },
] satisfies {
  mode: string
  strings: PhoneLoginStrings
  path: string
  options: Parameters<typeof browser.newContext>[0]
}[]

test.each(modes)('axe finds nothing on any state, $mode', async ({ mode, strings, path, options }) => {
  const context = await browser.newContext(options)
  const app = await openApp(context, path)
  const { page } = app
  const phone = nextPhone()
  // Every contrast in the card is decided too, except behind the open country list, which covers it.
  const check = (state: string, decidedWithin: string | undefined = '.card') =>
    expectAccessible(page, `${state}, ${mode}`, { impact: 'any', decidedWithin })

  // The phone step: empty, with an error, and with the country list open.
  await page.getByRole('heading', { name: strings.phoneTitle }).waitFor()
  await check('the empty phone step')
  await page.getByRole('button', { name: strings.sendCode }).click()
  await page.getByText(strings.errorPhoneRequired).waitFor()
  await check('the phone step with an error')
  await page.getByRole('button', { name: new RegExp(`^${strings.countryLabel}`) }).click()
  await page.getByRole('listbox').waitFor()
  await check('the open country list', '.otpkit-country-popup')
  await page.keyboard.press('Escape')
  await page.getByRole('listbox').waitFor({ state: 'detached' })

  // The code step: fresh, then a wrong code, then a code that has expired.
  await page.getByLabel(strings.phoneLabel).pressSequentially(phone.digits)
  await page.getByRole('button', { name: strings.sendCode }).click()
  await page.getByRole('heading', { name: strings.codeTitle }).waitFor()
  await page.getByRole('group', { name: strings.noCode }).waitFor()
  await check('the fresh code step with its "Didn’t get a code?" options')
  const codeField = page.getByLabel(strings.codeLabel)
  await codeField.pressSequentially('000000')
  await page.getByText(strings.errorWrongCode).waitFor()
  await check('the code step with a wrong code')
  // The emulator's answer for a code past its lifetime, without waiting five minutes for one.
  await addFault({
    kind: 'status',
    status: 401,
    error_type: 'unable_to_auth_otp_code',
    path: '/sdk/v1/otps/authenticate',
  })
  await codeField.pressSequentially('000001')
  await page.getByText(strings.errorCodeExpired).waitFor()
  // A dead code hands focus to "Resend code", the first of the options.
  const resend = page.getByRole('button', { name: strings.resendCode })
  await page.waitForFunction(() => document.activeElement?.classList.contains('otpkit-link'))
  expect(await resend.evaluate((element) => element === document.activeElement)).toBe(true)
  await check('the code step with an expired code')

  // A new code signs in.
  const sms = await expectSms(phone.e164)
  await resend.click()
  await page.getByText(strings.codeResent.split('{phone}')[0] as string).waitFor()
  await check('the code step with a new code on its way')
  await codeField.pressSequentially(await sms.code())
  await page.getByRole('heading', { name: "You're signed in" }).waitFor()
  await check('the signed-in page')
  await expectCleanPage(app, { httpErrors: true })
  await context.close()
})
