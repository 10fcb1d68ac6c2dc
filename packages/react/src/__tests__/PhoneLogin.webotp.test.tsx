import { screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../index'
import { createHarness, renderWith } from './harness'

interface OtpRequestOptions {
  otp: { transport: string[] }
  signal: AbortSignal
}

/** A browser with WebOTP: each request waits until the test delivers a code or it is aborted. */
function stubWebOtp() {
  const requests: { options: OtpRequestOptions; deliver: (code: string) => void }[] = []
  const get = vi.fn(
    (options: OtpRequestOptions) =>
      new Promise<{ type: string; code: string }>((resolve, reject) => {
        options.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))
        requests.push({ options, deliver: (code) => resolve({ type: 'otp', code }) })
      }),
  )
  Object.defineProperty(window, 'OTPCredential', { value: function OTPCredential() {}, configurable: true })
  Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true })
  return { get, requests, live: () => requests.filter((request) => !request.options.signal.aborted) }
}

beforeEach(() => {
  Reflect.deleteProperty(window, 'OTPCredential')
  Reflect.deleteProperty(navigator, 'credentials')
})
afterEach(() => {
  Reflect.deleteProperty(window, 'OTPCredential')
  Reflect.deleteProperty(navigator, 'credentials')
})

async function sendCode(user: ReturnType<typeof renderWith>['user']) {
  await user.type(screen.getByLabelText('Phone number'), '4155550123')
  await user.click(screen.getByRole('button', { name: 'Send code' }))
  return (await screen.findByLabelText('6-digit code')) as HTMLInputElement
}

describe('<PhoneLogin> WebOTP', () => {
  it('fills in and submits the code the browser reads from the SMS, under StrictMode', async () => {
    const webOtp = stubWebOtp()
    const { emulator, stytch, requests, lastCode } = createHarness({ appOrigin: 'https://app.example' })
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />, { strict: true })
    await sendCode(user)

    await waitFor(() => expect(webOtp.get).toHaveBeenCalled())
    expect(webOtp.requests[0]?.options.otp).toEqual({ transport: ['sms'] })
    // StrictMode's extra mount asks nothing: one request, and it is waiting.
    expect(webOtp.get).toHaveBeenCalledTimes(1)
    expect(webOtp.live()).toHaveLength(1)
    expect(emulator.messages()[0]?.body.endsWith(`\n@app.example #${lastCode()}`)).toBe(true)

    webOtp.live()[0]?.deliver(lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(requests.filter((path) => path === '/sdk/v1/otps/authenticate')).toHaveLength(1)
  })

  it('a typed code aborts the waiting request', async () => {
    const webOtp = stubWebOtp()
    const { stytch, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />)
    const code = await sendCode(user)
    const [request] = webOtp.live()
    await user.type(code, lastCode())
    expect(request?.options.signal.aborted).toBe(true)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('unmounting aborts the waiting request', async () => {
    const webOtp = stubWebOtp()
    const { stytch } = createHarness()
    const { user, unmount } = renderWith(stytch, <PhoneLogin />)
    await sendCode(user)
    const [request] = webOtp.live()
    expect(request).toBeDefined()
    unmount()
    expect(request?.options.signal.aborted).toBe(true)
  })

  it('"Use a different number" aborts it and goes back to the phone field, number kept', async () => {
    const webOtp = stubWebOtp()
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    await sendCode(user)
    const [request] = webOtp.live()
    await user.click(screen.getByRole('button', { name: 'Use a different number' }))
    expect(request?.options.signal.aborted).toBe(true)
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement
    expect(phone.value).toBe('(415) 555-0123')
    expect(document.activeElement).toBe(phone)
  })

  it('a resent code starts a new request', async () => {
    const webOtp = stubWebOtp()
    const { stytch, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin resendCooldownSeconds={0} onSuccess={onSuccess} />)
    await sendCode(user)
    const [first] = webOtp.live()
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await screen.findByText(/A new code is on its way/)
    expect(first?.options.signal.aborted).toBe(true)
    expect(webOtp.live()).toHaveLength(1)
    webOtp.live()[0]?.deliver(lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('with enableAutofill={false} it asks nothing and the SMS has no autofill line', async () => {
    const webOtp = stubWebOtp()
    const { emulator, stytch } = createHarness({ appOrigin: 'https://app.example' })
    const { user } = renderWith(stytch, <PhoneLogin enableAutofill={false} />)
    await sendCode(user)
    expect(webOtp.get).not.toHaveBeenCalled()
    expect(emulator.messages()[0]?.body).not.toContain('@app.example')
  })

  it('without WebOTP the field still works with autocomplete="one-time-code"', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const code = await sendCode(user)
    expect(code.getAttribute('autocomplete')).toBe('one-time-code')
    expect(code.getAttribute('inputmode')).toBe('numeric')
    expect(code.getAttribute('pattern')).toBe('\\d{6}')
    expect(code.getAttribute('maxlength')).toBe('6')
  })
})
