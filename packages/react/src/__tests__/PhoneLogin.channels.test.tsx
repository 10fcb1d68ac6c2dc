// <PhoneLogin> as a view over the login flow: channels, per-number waits, the code step across a
// remount (a reload), a code killed by wrong tries, and sign-out. Queried by role and label.
import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../index'
import type { PhoneLoginEvent } from '../index'
import { createHarness, renderWith, wholeText } from './harness'

// Whole logins through a real client and emulator: slower than a unit test on a busy machine.
vi.setConfig({ testTimeout: 20_000 })

afterEach(() => {
  Reflect.deleteProperty(window, 'OTPCredential')
  Reflect.deleteProperty(navigator, 'credentials')
})

const otherThan = (code: string) => (code === '111111' ? '222222' : '111111')

async function sendTo(user: ReturnType<typeof renderWith>['user'], digits = '4155550123') {
  const phone = screen.getByLabelText('Phone number')
  await user.clear(phone)
  await user.type(phone, digits)
  await user.click(screen.getByRole('button', { name: 'Send code' }))
}

describe('<PhoneLogin channels>', () => {
  it('offers only SMS by default: no choice, no other channel on the code step', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    expect(screen.queryByRole('group', { name: 'Send the code by' })).toBeNull()
    expect(screen.getByText('We will text you a 6-digit code.')).toBeTruthy()
    await sendTo(user)
    await screen.findByLabelText('6-digit code')
    expect(screen.queryByRole('button', { name: /instead/ })).toBeNull()
  })

  it('a WhatsApp login: chosen on the phone step, named on the code step, no WebOTP, events name it', async () => {
    const get = vi.fn(() => new Promise(() => undefined))
    Object.defineProperty(window, 'OTPCredential', { value: function OTPCredential() {}, configurable: true })
    Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true })
    const { emulator, stytch, requests, lastCode } = createHarness({ appOrigin: 'https://app.example' })
    const events: PhoneLoginEvent[] = []
    const onSuccess = vi.fn()
    const { user } = renderWith(
      stytch,
      <PhoneLogin channels={['sms', 'whatsapp']} onEvent={(e) => events.push(e)} onSuccess={onSuccess} />,
      { strict: true },
    )
    const choice = screen.getByRole('group', { name: 'Send the code by' })
    expect(screen.getByRole('radio', { name: 'SMS' })).toHaveProperty('checked', true)
    await user.click(screen.getByRole('radio', { name: 'WhatsApp' }))
    expect(choice).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'WhatsApp' })).toHaveProperty('checked', true)
    expect(screen.getByText('We will send you a 6-digit code on WhatsApp.')).toBeTruthy()

    await sendTo(user)
    await screen.findByText(wholeText('We sent a 6-digit code to +1 ••• ••• 0123 on WhatsApp.'))
    expect(requests).toEqual(['/sdk/v1/otps/whatsapp/login_or_create'])
    expect(emulator.messages()).toMatchObject([{ channel: 'whatsapp' }])
    expect(emulator.messages()[0]?.body).not.toContain('@app.example')
    expect(get).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Send by SMS instead' })).toBeTruthy()

    await user.type(screen.getByLabelText('6-digit code'), lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(events.map((e) => [e.type, e.channel])).toEqual([
      ['code_sent', 'whatsapp'],
      ['authenticated', 'whatsapp'],
    ])
  })

  it('"Send by WhatsApp instead" sends one code by WhatsApp; a wrong code then names WhatsApp', async () => {
    const { emulator, stytch, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(
      stytch,
      <PhoneLogin channels={['sms', 'whatsapp']} resendCooldownSeconds={0} onSuccess={onSuccess} />,
    )
    await sendTo(user)
    await screen.findByText(wholeText('We sent a 6-digit code to +1 ••• ••• 0123.'))
    await user.click(screen.getByRole('button', { name: 'Send by WhatsApp instead' }))
    await screen.findByText(wholeText('We sent a 6-digit code to +1 ••• ••• 0123 on WhatsApp.'))
    expect(emulator.messages().map((m) => m.channel)).toEqual(['sms', 'whatsapp'])
    expect(screen.getByText(wholeText('A new code is on its way to +1 ••• ••• 0123.'))).toBeTruthy()
    const code = screen.getByLabelText('6-digit code')
    await user.type(code, otherThan(lastCode()))
    await screen.findByText('That code is not right. Check the WhatsApp message and try again.')
    await user.type(code, lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('speaks each built-in language for the channel choice', async () => {
    const { stytch } = createHarness()
    renderWith(stytch, <PhoneLogin channels={['sms', 'whatsapp']} locale="es" />)
    // Spanish loads on demand: the step appears once it has arrived.
    expect(await screen.findByRole('group', { name: 'Enviar el código por' })).toBeTruthy()
    await userChoose('WhatsApp')
    expect(screen.getByText('Te enviaremos un código de 6 dígitos por WhatsApp.')).toBeTruthy()
  })
})

async function userChoose(name: string) {
  const radio = screen.getByRole('radio', { name })
  await act(async () => radio.click())
}

describe('<PhoneLogin> per-number waits', () => {
  it('a 429 for one number leaves another free; going back to it shows its remaining wait', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const { emulator, stytch } = createHarness({ rateLimit: { max: 1, windowSeconds: 600 } })
      const { user } = renderWith(stytch, <PhoneLogin resendCooldownSeconds={0} />, { fakeTimers: true })
      await sendTo(user, '4155550123')
      await screen.findByLabelText('6-digit code')
      await user.click(screen.getByRole('button', { name: 'Use a different number' }))
      await user.click(screen.getByRole('button', { name: 'Send code' }))
      await screen.findByText('Too many attempts. Try again in 10 minutes.')
      expect(screen.getByRole('button', { name: /^Send code in \d+ s$/ })).toHaveProperty('disabled', true)

      // Another number: no wait, no message, and it sends.
      const phone = screen.getByLabelText('Phone number')
      await user.clear(phone)
      await user.type(phone, '4155550199')
      expect(screen.queryByText(/Too many attempts/)).toBeNull()
      expect(screen.getByRole('button', { name: 'Send code' })).toHaveProperty('disabled', false)
      await user.click(screen.getByRole('button', { name: 'Send code' }))
      await screen.findByText(wholeText('We sent a 6-digit code to +1 ••• ••• 0199.'))
      expect(emulator.messages().map((m) => m.to)).toEqual(['+14155550123', '+14155550199'])

      // Back to the first number: its wait is still running.
      await user.click(screen.getByRole('button', { name: 'Use a different number' }))
      await user.clear(screen.getByLabelText('Phone number'))
      await user.type(screen.getByLabelText('Phone number'), '4155550123')
      const wait = screen.getByRole('button', { name: /^Send code in \d+ s$/ })
      expect(wait).toHaveProperty('disabled', true)
      expect(Number(/(\d+) s/.exec(wait.textContent ?? '')?.[1])).toBeGreaterThan(500)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('<PhoneLogin> across a reload', () => {
  it('a new mount in the same tab comes back to the code step and signs in with no second message', async () => {
    const { emulator, stytch, newClient, lastCode, requests } = createHarness()
    const first = renderWith(stytch, <PhoneLogin />)
    await sendTo(first.user)
    await screen.findByLabelText('6-digit code')
    first.unmount()
    expect(sessionStorage.getItem('otpkit:login:code')).not.toContain('4155550123')

    const onSuccess = vi.fn()
    const again = renderWith(newClient(), <PhoneLogin onSuccess={onSuccess} />)
    const code = await screen.findByLabelText('6-digit code')
    expect(screen.getByText(wholeText('We sent a 6-digit code to +1 ••• ••• 0123.'))).toBeTruthy()
    // The full number is not kept, so a new code starts from the phone step.
    expect(screen.queryByRole('button', { name: /Resend code/ })).toBeNull()
    await again.user.type(code, lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(emulator.messages()).toHaveLength(1)
    expect(requests.filter((p) => p.endsWith('/login_or_create'))).toHaveLength(1)
    expect(sessionStorage.getItem('otpkit:login:code')).toBeNull()
  })

  it('"Use a different number" forgets the kept step', async () => {
    const { stytch, newClient } = createHarness()
    const first = renderWith(stytch, <PhoneLogin />)
    await sendTo(first.user)
    await screen.findByLabelText('6-digit code')
    await first.user.click(screen.getByRole('button', { name: 'Use a different number' }))
    first.unmount()
    renderWith(newClient(), <PhoneLogin />)
    expect(screen.getByLabelText('Phone number')).toBeTruthy()
  })
})

describe('<PhoneLogin> killed code', () => {
  it('after 5 wrong codes says so, checks nothing more, and offers a new code at once', async () => {
    const { emulator, stytch, lastCode, requests } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin resendCooldownSeconds={600} onSuccess={onSuccess} />)
    await sendTo(user)
    const code = await screen.findByLabelText('6-digit code')
    const right = lastCode()
    for (let i = 0; i < 5; i++) {
      await user.type(code, otherThan(right))
      await waitFor(() =>
        expect(requests.filter((p) => p.endsWith('/otps/authenticate'))).toHaveLength(i + 1),
      )
    }
    const text = 'Too many wrong codes were entered, so this code no longer works. Send a new code.'
    await screen.findByText(text)
    const resend = screen.getByRole('button', { name: 'Resend code' })
    expect(resend).toHaveProperty('disabled', false)
    expect(document.activeElement).toBe(resend)

    await user.type(code, right)
    expect(requests.filter((p) => p.endsWith('/otps/authenticate'))).toHaveLength(5)
    expect(screen.getByText(text)).toBeTruthy()

    await user.click(resend)
    await screen.findByText(wholeText('A new code is on its way to +1 ••• ••• 0123.'))
    expect(emulator.messages()).toHaveLength(2)
    await user.type(code, lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })
})

describe('<PhoneLogin> sign-out', () => {
  it('goes back to the phone step when the session ends in this tab', async () => {
    const { stytch, lastCode } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    await sendTo(user)
    await user.type(await screen.findByLabelText('6-digit code'), lastCode())
    await screen.findByText('You are signed in.')
    await act(async () => {
      await stytch.session.revoke()
    })
    expect(screen.queryByText('You are signed in.')).toBeNull()
    expect(screen.getByLabelText('Phone number')).toBeTruthy()
  })

  it('and when another tab signs out (the shared storage is cleared)', async () => {
    const { newClient, lastCode } = createHarness()
    const storage = window.localStorage
    const mine = newClient(storage)
    const other = newClient(storage)
    const { user } = renderWith(mine, <PhoneLogin />)
    await sendTo(user)
    await user.type(await screen.findByLabelText('6-digit code'), lastCode())
    await screen.findByText('You are signed in.')
    await act(async () => {
      await other.session.revoke()
      // What the browser tells this tab when another tab removes the session from shared storage.
      window.dispatchEvent(new StorageEvent('storage', { storageArea: localStorage, key: null }))
    })
    await waitFor(() => expect(screen.getByLabelText('Phone number')).toBeTruthy())
  })
})
