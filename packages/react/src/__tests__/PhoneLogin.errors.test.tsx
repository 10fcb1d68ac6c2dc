import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryStorage, createStytchClient, isStytchAPIError, isStytchNetworkError } from '@otpkit/core'
import { DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { PhoneLogin } from '../index'
import type { PhoneLoginEvent } from '../index'
import { createHarness, renderWith, wholeText } from './harness'

afterEach(() => {
  vi.useRealTimers()
})

const SEND_PATH = '/sdk/v1/otps/sms/login_or_create'
const otherThan = (code: string) => (code === '111111' ? '222222' : '111111')

async function reachCodeStep(user: ReturnType<typeof renderWith>['user'], digits = '4155550123') {
  await user.type(screen.getByLabelText('Phone number'), digits)
  await user.click(screen.getByRole('button', { name: 'Send code' }))
  return screen.findByLabelText('6-digit code')
}

describe('<PhoneLogin> errors', () => {
  it('wrong code: stays on the step, clears and refocuses the field, then accepts the right code', async () => {
    const { stytch, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const onError = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} onError={onError} />)
    const codeInput = (await reachCodeStep(user)) as HTMLInputElement

    await user.type(codeInput, otherThan(lastCode()))
    const error = await screen.findByText('That code is not right. Check the text message and try again.')
    expect(codeInput.value).toBe('')
    expect(document.activeElement).toBe(codeInput)
    expect(codeInput.getAttribute('aria-invalid')).toBe('true')
    expect(codeInput.getAttribute('aria-describedby')?.split(' ')).toContain(error.id)
    expect(screen.getByRole('status').textContent).toContain('That code is not right')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(isStytchAPIError(onError.mock.calls[0]?.[0]) && onError.mock.calls[0]?.[0].code).toBe(
      'otp_code_not_found',
    )

    await user.type(codeInput, lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('expired code: says so when its time is up, sends no check, and offers resend at once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { emulator, stytch, lastCode, requests } = createHarness({ codeLifetimeSeconds: 120 })
    const onSuccess = vi.fn()
    const events: PhoneLoginEvent[] = []
    const { user } = renderWith(
      stytch,
      <PhoneLogin onSuccess={onSuccess} onEvent={(event) => events.push(event)} />,
      { fakeTimers: true },
    )
    const codeInput = await reachCodeStep(user)
    const firstCode = lastCode()
    expect(screen.getByRole('button', { name: 'Resend code in 30 s' })).toHaveProperty('disabled', true)

    await act(async () => {
      vi.advanceTimersByTime(121_000)
    })
    await screen.findByText('This code has expired or was already used. Send a new code.')
    // Typing the old code now asks the server nothing: the flow knows the code's lifetime.
    await user.type(codeInput, firstCode)
    expect(requests).not.toContain('/sdk/v1/otps/authenticate')
    const resend = screen.getByRole('button', { name: 'Resend code' })
    expect(resend).toHaveProperty('disabled', false)
    expect(document.activeElement).toBe(resend)

    await user.click(resend)
    await screen.findByText(wholeText('A new code is on its way to +1 ••• ••• 0123.'))
    expect(emulator.messages()).toHaveLength(2)
    expect(document.activeElement).toBe(codeInput)
    await user.type(codeInput, lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(events.map((event) => event.type)).toEqual(['code_sent', 'code_resent', 'authenticated'])
  })

  it('429 on send: counts down from Retry-After, then sends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { emulator, stytch } = createHarness()
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 3, path: SEND_PATH })
    const onError = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onError={onError} />, { fakeTimers: true })

    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText('Too many attempts. Try again in 3 seconds.')
    expect(screen.getByRole('button', { name: 'Send code in 3 s' })).toHaveProperty('disabled', true)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'too_many_requests', retryAfter: 3 })

    await act(async () => {
      vi.advanceTimersByTime(1000)
    })
    // The button counts down; the live region keeps what it said at the start, so it speaks once.
    expect(screen.getByText('Too many attempts. Try again in 3 seconds.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Send code in 2 s' })).toHaveProperty('disabled', true)

    await act(async () => {
      vi.advanceTimersByTime(2000)
    })
    expect(screen.queryByText(/Too many attempts/)).toBeNull()
    // …and once more when the wait is over.
    expect(screen.getByRole('status').textContent).toBe('You can try again now.')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByLabelText('6-digit code')
    expect(emulator.messages()).toHaveLength(1)
  })

  it('429 on resend: the countdown honours a Retry-After longer than the cool-down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { emulator, stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin resendCooldownSeconds={10} />, { fakeTimers: true })
    await reachCodeStep(user)
    expect(screen.getByRole('button', { name: 'Resend code in 10 s' })).toBeTruthy()
    await act(async () => {
      vi.advanceTimersByTime(10_000)
    })
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 45, path: SEND_PATH })
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await screen.findByText('Too many attempts. Try again in 45 seconds.')
    expect(screen.getByRole('button', { name: 'Resend code in 45 s' })).toHaveProperty('disabled', true)
    expect(screen.getByRole('button', { name: 'Verify' })).toHaveProperty('disabled', true)
    expect(emulator.messages()).toHaveLength(1)
  })

  it('a plain-text 429 (not JSON) still honours its Retry-After', async () => {
    const { emulator } = createHarness()
    // A proxy in front of the API answering in plain text: the network edge, replaced for this test.
    const fetch: typeof globalThis.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).endsWith(SEND_PATH)
        ? Promise.resolve(
            new Response('Too Many Requests', {
              status: 429,
              headers: { 'retry-after': '12', 'content-type': 'text/plain' },
            }),
          )
        : emulator.fetch(input, init)
    const stytch = createStytchClient(DEMO_PUBLIC_TOKEN, {
      baseUrl: 'http://emulator.test',
      fetch,
      storage: createMemoryStorage(),
      cookie: { enabled: false },
    })
    const onError = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onError={onError} />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText('Too many attempts. Try again in 12 seconds.')
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      name: 'StytchSchemaError',
      status_code: 429,
      retryAfter: 12,
    })
    stytch.destroy()
  })

  it('locked after too many wrong codes: says so without a countdown, and sends nothing more', async () => {
    const { emulator, stytch, lastCode, requests } = createHarness({
      userLock: { maxFailures: 2, lockSeconds: 3_600 },
    })
    const onError = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onError={onError} />)
    const codeInput = await reachCodeStep(user)
    for (const attempt of [1, 2]) {
      await user.type(codeInput, otherThan(lastCode()))
      await waitFor(() => expect(onError).toHaveBeenCalledTimes(attempt))
    }
    // The right code now meets the lock.
    await user.type(codeInput, lastCode())
    await screen.findByText(
      'Too many wrong codes. Sign-in for this number is paused for a while; try again later.',
    )
    expect(onError.mock.calls[2]?.[0]).toMatchObject({ code: 'user_lock_limit_reached', status_code: 429 })
    expect(screen.queryByText(/Try again in \d+/)).toBeNull()
    expect(emulator.messages()).toHaveLength(1)
    expect(requests.filter((path) => path === SEND_PATH)).toHaveLength(1)
  })

  it('network failure: explains, and the same button retries', async () => {
    const { emulator, stytch } = createHarness()
    emulator.faults.add({ kind: 'drop', path: SEND_PATH })
    const onError = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onError={onError} />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText('We could not reach the server. Check your connection and try again.')
    expect(isStytchNetworkError(onError.mock.calls[0]?.[0])).toBe(true)
    expect(emulator.messages()).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByLabelText('6-digit code')
    expect(emulator.messages()).toHaveLength(1)
  })

  it('timeout: explains, keeps the code, and Verify retries', async () => {
    // Fake time (still running) so the timeout is skipped instead of waited out.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { emulator, stytch, lastCode, requests } = createHarness({}, { timeoutMs: 300 })
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />, { fakeTimers: true })
    const codeInput = (await reachCodeStep(user)) as HTMLInputElement
    emulator.faults.add({ kind: 'latency', ms: 2000, path: '/sdk/v1/otps/authenticate' })
    await user.type(codeInput, lastCode())
    await waitFor(() => expect(requests).toContain('/sdk/v1/otps/authenticate'))
    await act(async () => {
      vi.advanceTimersByTime(300)
    })
    await screen.findByText('The server took too long to answer. Try again.')
    expect(codeInput.value).toBe(lastCode())
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('anything else: a generic message with the request id, and server text is never rendered as HTML', async () => {
    const { emulator, stytch } = createHarness()
    emulator.faults.add({
      kind: 'status',
      status: 500,
      error_type: 'internal_server_error',
      error_message: '<img src="x" alt="injected"><b>bold</b>',
      path: SEND_PATH,
    })
    const { user, container } = renderWith(stytch, <PhoneLogin />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    const message = await screen.findByText(/^Something went wrong\. Try again\. Request ID: \S+$/)
    expect(message.textContent).toMatch(/Request ID: request-id-/)
    expect(container.querySelector('img, b')).toBeNull()
    expect(container.textContent).not.toContain('bold')
  })

  it('a response that is not JSON still gets a message', async () => {
    const { emulator, stytch } = createHarness()
    emulator.faults.add({ kind: 'html', status: 502, path: SEND_PATH })
    const { user } = renderWith(stytch, <PhoneLogin />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText('Something went wrong. Try again.')
  })
})

describe('<PhoneLogin> phone validation (nothing is sent)', () => {
  it.each([
    ['', 'Enter your phone number.'],
    ['415555', 'This number is too short for United States.'],
    ['41555501234567', 'This number is too long for United States.'],
    ['2005550123', 'This is not a valid phone number for United States.'],
  ])('%j → %s', async (digits, text) => {
    const { stytch, requests } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const phone = screen.getByLabelText('Phone number')
    if (digits) await user.type(phone, digits)
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    const error = await screen.findByText(text)
    expect(phone.getAttribute('aria-invalid')).toBe('true')
    expect(phone.getAttribute('aria-describedby')?.split(' ')).toContain(error.id)
    expect(document.activeElement).toBe(phone)
    expect(requests).toEqual([])
  })

  it('a number from a country outside the allowlist is refused by name', async () => {
    const { stytch, requests } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement
    await user.click(phone)
    await user.paste('+44 20 7946 0958')
    expect(phone.value).toBe('+44 20 7946 0958')
    expect(await screen.findByRole('button', { name: /country: united states/i })).toBeTruthy()
    // Said at once, with the calling code, so the picker's +1 and the number do not disagree in silence.
    expect(screen.getByRole('status').textContent).toBe(
      'Numbers from United Kingdom (+44) are not supported here.',
    )
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText('Numbers from United Kingdom (+44) are not supported here.')
    expect(requests).toEqual([])
  })

  it('the server refusing the country gets the same message', async () => {
    const { stytch } = createHarness({ countries: ['US', 'CA'] })
    const { user } = renderWith(stytch, <PhoneLogin countries={['US', 'GB']} />)
    await user.click(screen.getByLabelText('Phone number'))
    await user.paste('+44 20 7946 0958')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText('Numbers from United Kingdom (+44) are not supported here.')
  })

  it('a region sharing its calling code with an allowed country is named plainly, and nothing is sent', async () => {
    const { stytch, requests } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin countries={['GB']} />)
    await user.click(screen.getByLabelText('Phone number'))
    await user.paste('+44 7797 712345')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText(
      'Jersey shares +44 with United Kingdom, but numbers from Jersey are not supported here.',
    )
    expect(requests).toEqual([])
  })

  it('a Canadian number with only the United States allowed says so, typed in national format', async () => {
    const { stytch, requests } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin countries={['US']} />)
    await user.type(screen.getByLabelText('Phone number'), '6135550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText(
      'Canada shares +1 with United States, but numbers from Canada are not supported here.',
    )
    expect(requests).toEqual([])
  })

  it('a typed number of another allowed country moves the picker to it', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin countries={['US', 'CA']} />)
    expect(await screen.findByRole('button', { name: /country: united states/i })).toBeTruthy()
    await user.type(screen.getByLabelText('Phone number'), '6135550123')
    await screen.findByRole('button', { name: /country: canada/i })
  })
})
