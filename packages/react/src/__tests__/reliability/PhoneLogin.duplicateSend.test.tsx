// One intent, one SMS, counted in the emulator's inbox. (A double click, Enter plus a click, and
// StrictMode are covered in PhoneLogin.guards.test.tsx.) Here: presses repeated while the network is
// slow, rapid resend presses, and two tabs of one browser pressing send for the same number at once.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryStorage } from '@otpkit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PhoneLogin, StytchProvider } from '../../index'
import { createHarness, renderWith } from '../harness'
import { createLockManager } from '../../../../tooling/testing/lockManager'

const SEND = '/sdk/v1/otps/sms/login_or_create'

afterEach(() => {
  delete (navigator as { locks?: unknown }).locks
})

describe('<PhoneLogin>: one SMS per intent', () => {
  it('pressing Send again and again (clicks and Enter) while the network is slow sends one SMS', async () => {
    const { emulator, stytch, requests } = createHarness()
    emulator.faults.add({ kind: 'latency', ms: 300, path: SEND })
    const { user } = renderWith(stytch, <PhoneLogin />)
    const phone = screen.getByLabelText('Phone number')
    await user.click(phone)
    await user.paste('4155550123')
    const button = screen.getByRole('button', { name: 'Send code' })
    act(() => {
      button.click()
      button.click()
      phone.closest('form')?.requestSubmit()
    })
    await user.keyboard('{Enter}{Enter}')
    fireEvent.click(button)
    await screen.findByLabelText('6-digit code')
    expect(emulator.messages()).toHaveLength(1)
    expect(requests).toEqual([SEND])
  })

  it('rapid presses on Resend send one new SMS, and the newest code signs in', async () => {
    const { emulator, stytch, requests, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin resendCooldownSeconds={0} onSuccess={onSuccess} />)
    await user.click(screen.getByLabelText('Phone number'))
    await user.paste('4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    const code = await screen.findByLabelText('6-digit code')
    emulator.faults.add({ kind: 'latency', ms: 200, path: SEND })
    const resend = screen.getByRole('button', { name: 'Resend code' })
    act(() => {
      for (let i = 0; i < 5; i++) resend.click()
    })
    await user.tripleClick(resend)
    await screen.findByText(/A new code is on its way/)
    expect(emulator.messages()).toHaveLength(2)
    expect(requests).toEqual([SEND, SEND])
    await user.click(code)
    await user.paste(lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('two tabs pressing Send for the same number at once send one SMS, and its code signs in either', async () => {
    // One browser: two tabs share localStorage and navigator.locks; each has its own client and page.
    const locks = createLockManager()
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true })
    const { emulator, newClient, requests, lastCode } = createHarness()
    const storage = createMemoryStorage()
    emulator.faults.add({ kind: 'latency', ms: 100, path: SEND })
    // Each tab: its own client (own memory, own in-flight table) and its own <PhoneLogin>. They share one
    // React root here only so the test's act() sees both; nothing else is shared but storage and locks.
    const clients = [newClient(storage), newClient(storage)]
    const onSuccess = [vi.fn(), vi.fn()]
    const onEvent = [vi.fn(), vi.fn()]
    render(
      <>
        {clients.map((client, i) => (
          <StytchProvider key={i} stytch={client}>
            <section aria-label={`tab ${i + 1}`}>
              <PhoneLogin onSuccess={onSuccess[i]} onEvent={onEvent[i]} />
            </section>
          </StytchProvider>
        ))}
      </>,
    )
    const tabs = [1, 2].map((n) => ({ page: within(screen.getByRole('region', { name: `tab ${n}` })) }))
    const user = userEvent.setup()
    for (const { page } of tabs) {
      await user.click(page.getByLabelText('Phone number'))
      await user.paste('4155550123')
    }
    // Both presses land in the same task, before either tab re-renders; one act() spans both answers,
    // as React needs when two trees update from the same pair of requests.
    await act(async () => {
      for (const { page } of tabs) page.getByRole('button', { name: 'Send code' }).click()
      await vi.waitFor(() => {
        for (const spy of onEvent)
          expect(spy).toHaveBeenCalledWith(expect.objectContaining({ type: 'code_sent' }))
      })
    })
    const [first, second] = await Promise.all(tabs.map(({ page }) => page.findByLabelText('6-digit code')))
    expect(emulator.messages()).toHaveLength(1)
    expect(requests).toEqual([SEND])
    expect(new Set(locks.requested).size).toBe(1)

    // The one code works in the tab that waited.
    await user.click(second!)
    await user.paste(lastCode())
    await waitFor(() => expect(onSuccess[1]).toHaveBeenCalledTimes(1))
    expect(onSuccess[0]).not.toHaveBeenCalled()
    expect(first).toBeTruthy()
  })
})
