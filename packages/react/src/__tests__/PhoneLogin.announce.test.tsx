// What a screen reader hears and where focus goes: waits said once at their start and once at their
// end (never per second), long waits in minutes, the code's lifetime shown but not announced, and focus
// after sign-in. Live regions are recorded over time with a MutationObserver, as a screen reader sees them.
import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../index'
import { createHarness, renderWith } from './harness'

vi.setConfig({ testTimeout: 20_000 })
afterEach(() => {
  vi.useRealTimers()
})

const SEND_PATH = '/sdk/v1/otps/sms/login_or_create'

async function reachCodeStep(user: ReturnType<typeof renderWith>['user']) {
  await user.type(screen.getByLabelText('Phone number'), '4155550123')
  await user.click(screen.getByRole('button', { name: 'Send code' }))
  return screen.findByLabelText('6-digit code')
}

/** Every distinct non-empty text the page's live regions held, in order. */
function recordLiveRegions() {
  const heard: string[] = []
  const read = () => {
    for (const region of document.querySelectorAll('[aria-live]')) {
      const text = region.textContent?.trim() ?? ''
      if (text && heard.at(-1) !== text) heard.push(text)
    }
  }
  const observer = new MutationObserver(read)
  observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  return {
    heard,
    stop: () => {
      read()
      observer.disconnect()
    },
  }
}

describe('<PhoneLogin> announcements', () => {
  it('a wait is announced when it starts and when it ends, never per second', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { emulator, stytch } = createHarness()
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 5, path: SEND_PATH })
    const { user } = renderWith(stytch, <PhoneLogin />, { fakeTimers: true })
    const live = recordLiveRegions()
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText('Too many attempts. Try again in 5 seconds.')
    for (let second = 0; second < 5; second++) {
      await act(async () => {
        vi.advanceTimersByTime(1000)
      })
    }
    live.stop()
    expect(live.heard).toEqual(['Too many attempts. Try again in 5 seconds.', 'You can try again now.'])
    expect(screen.getByRole('button', { name: 'Send code' })).toHaveProperty('disabled', false)
  })

  it.each([
    [503, 'en', 'Too many attempts. Try again in 9 minutes.'],
    [60, 'en', 'Too many attempts. Try again in 1 minute.'],
    [1, 'en', 'Too many attempts. Try again in 1 second.'],
    [120, 'fr', 'Trop de tentatives. Réessayez dans 2 minutes.'],
    [60, 'es', 'Demasiados intentos. Vuelve a intentarlo en 1 minuto.'],
  ] as const)('a %i s wait reads in words with the plural of %s', async (retryAfter, locale, text) => {
    const { emulator, stytch } = createHarness()
    emulator.faults.add({ kind: 'rate_limit', retryAfter, path: SEND_PATH })
    const { user } = renderWith(stytch, <PhoneLogin locale={locale} />)
    const phone = await screen.findByRole('textbox', { name: /phone|teléfono|téléphone/i })
    await user.type(phone, '4155550123')
    await user.click(screen.getAllByRole('button').at(-1) as HTMLElement)
    expect(await screen.findByText(text)).toBeTruthy()
  })
})

describe('<PhoneLogin> code lifetime', () => {
  it('shows "Code expires in m:ss" outside any live region, then says once that it expired', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin expirationMinutes={5} />, { fakeTimers: true })
    await reachCodeStep(user)
    const live = recordLiveRegions()
    const clock = screen.getByText(/^Code expires in \d:\d\d$/)
    expect(clock.textContent).toMatch(/^Code expires in (5:00|4:59)$/)
    expect(clock.closest('[aria-live]')).toBeNull()
    await act(async () => {
      vi.advanceTimersByTime(61_000)
    })
    expect(clock.textContent).toMatch(/^Code expires in (3:59|3:58)$/)
    await act(async () => {
      vi.advanceTimersByTime(240_000)
    })
    live.stop()
    expect(screen.queryByText(/Code expires in/)).toBeNull()
    expect(live.heard).toEqual(['This code has expired or was already used. Send a new code.'])
  })
})

describe('<PhoneLogin> focus after sign-in', () => {
  it('moves focus to the signed-in notice, which is read on focus rather than from a live region', async () => {
    const { stytch, lastCode } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const code = await reachCodeStep(user)
    const live = recordLiveRegions()
    await user.type(code, lastCode())
    const notice = await screen.findByText('You are signed in.')
    await waitFor(() => expect(document.activeElement).toBe(notice))
    live.stop()
    expect(live.heard).not.toContain('You are signed in.')
  })

  it("leaves focus where the app's onSuccess put it", async () => {
    const { stytch, lastCode } = createHarness()
    const onSuccess = () => document.getElementById('account')?.focus()
    const { user } = renderWith(
      stytch,
      <>
        <h1 id="account" tabIndex={-1}>
          Your account
        </h1>
        <PhoneLogin onSuccess={onSuccess} />
      </>,
    )
    await user.type(await reachCodeStep(user), lastCode())
    await screen.findByText('You are signed in.')
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your account' }))
  })
})

describe('<PhoneLogin> "Didn’t get a code?"', () => {
  it('groups resend (once allowed), the other channel and a different number under one name', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { stytch, emulator } = createHarness()
    const { user } = renderWith(
      stytch,
      <PhoneLogin channels={['sms', 'whatsapp']} resendCooldownSeconds={5} />,
      {
        fakeTimers: true,
      },
    )
    await reachCodeStep(user)
    const group = screen.getByRole('group', { name: 'Didn’t get a code?' })
    const names = () =>
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent)
    expect(names()).toEqual(['Resend code in 5 s', 'Send by WhatsApp instead', 'Use a different number'])
    expect(within(group).getByRole('button', { name: 'Resend code in 5 s' })).toHaveProperty('disabled', true)
    await act(async () => {
      vi.advanceTimersByTime(5_000)
    })
    await user.click(within(group).getByRole('button', { name: 'Send by WhatsApp instead' }))
    await waitFor(() =>
      expect(emulator.messages().map((message) => message.channel)).toEqual(['sms', 'whatsapp']),
    )
    await user.click(screen.getByRole('button', { name: 'Use a different number' }))
    expect(await screen.findByLabelText('Phone number')).toBeTruthy()
  })
})
