// `OTPKIT_PROVIDER=moonkey|stytch-backend`: the same app, signing in through the relay in its own server
// (@otpkit/server) to MoonKey or Stytch's backend API, both played by the emulator. The browser talks to its
// own origin only, and the built bundle holds no secret.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_MOONKEY_API_KEY, DEMO_PUBLIC_TOKEN, DEMO_SECRET } from '@otpkit/emulator'
import { describe, expect, inject, test } from 'vitest'
import { expectAccessible, expectSms, phoneNumbers, setUpBrowser } from './harness'

const relays = inject('relays')
const browser = setUpBrowser()

/** Every file of a build, as text. */
function bundleText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')
}

describe.each(relays)('through the relay to $provider', ({ provider, origin, outDir }) => {
  const nextPhone = phoneNumbers(provider === 'moonkey' ? 213 : 312)

  test('a person signs in with <PhoneLogin>; every request stays on the page’s origin', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const requests: URL[] = []
    const consoleErrors: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url())))
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.goto(`${origin}/`)
    const phone = nextPhone()

    await page.getByRole('heading', { name: 'Sign in with your phone' }).waitFor()
    await expect(page.getByRole('contentinfo').textContent()).resolves.toContain(
      provider === 'moonkey' ? 'MoonKey' : "Stytch's backend API",
    )
    await expectAccessible(page, `the phone step (${provider})`)
    await page.getByLabel('Phone number').pressSequentially(phone.digits)
    const sms = await expectSms(phone.e164)
    await page.getByRole('button', { name: 'Send code' }).click()
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor()
    await page.getByLabel('6-digit code').pressSequentially(await sms.code())
    await page.getByRole('heading', { name: "You're signed in" }).waitFor()
    await expectAccessible(page, `signed in (${provider})`)

    const api = requests.filter((url) => url.pathname.startsWith('/auth/'))
    expect(api.map((url) => url.pathname)).toEqual(
      expect.arrayContaining(['/auth/sdk/v1/otps/sms/login_or_create', '/auth/sdk/v1/otps/authenticate']),
    )
    expect(requests.filter((url) => url.origin !== origin).map((url) => url.href)).toEqual([])
    expect(consoleErrors).toEqual([])

    // The session survives a reload: confirmed through the relay.
    await page.reload()
    await page.getByRole('heading', { name: "You're signed in" }).waitFor()
    await context.close()
  })

  test('the built app holds the public token and no secret', () => {
    const text = bundleText(outDir)
    // The grep can fail: the public token, which belongs in the bundle, is found the same way.
    expect(text).toContain(DEMO_PUBLIC_TOKEN)
    expect(text).not.toContain(DEMO_SECRET)
    expect(text).not.toContain(DEMO_MOONKEY_API_KEY)
    expect(text).not.toContain(btoa(`project-test-00000000-0000-4000-8000-6f74706b6974:${DEMO_SECRET}`))
  })
})
