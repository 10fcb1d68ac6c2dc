import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../index'
import { createHarness, renderWith } from './harness'

describe('<PhoneLogin>: one intent sends one SMS', () => {
  it('rendering sends nothing, in StrictMode too', async () => {
    const { stytch, requests } = createHarness()
    renderWith(stytch, <PhoneLogin />, { strict: true })
    await screen.findByRole('button', { name: 'Send code' })
    expect(requests).toEqual([])
  })

  it('a double click sends one SMS', async () => {
    const { emulator, stytch, requests } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.dblClick(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByLabelText('6-digit code')
    expect(emulator.messages()).toHaveLength(1)
    expect(requests).toEqual(['/sdk/v1/otps/sms/login_or_create'])
  })

  it('Enter and a click in the same moment send one SMS', async () => {
    const { emulator, stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const phone = screen.getByLabelText('Phone number')
    await user.type(phone, '4155550123')
    const button = screen.getByRole('button', { name: 'Send code' })
    // Both land before React re-renders the button as disabled.
    act(() => {
      phone.closest('form')?.requestSubmit()
      button.click()
    })
    await screen.findByLabelText('6-digit code')
    expect(emulator.messages()).toHaveLength(1)
  })

  it('the button shows progress and is disabled while the request is in flight', async () => {
    const { emulator, stytch } = createHarness()
    emulator.faults.add({ kind: 'latency', ms: 300, path: '/sdk/v1/otps/sms/login_or_create' })
    const { user } = renderWith(stytch, <PhoneLogin />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    const busy = await screen.findByRole('button', { name: 'Sending code…' })
    expect(busy.getAttribute('aria-busy')).toBe('true')
    expect(busy).toHaveProperty('disabled', true)
    await user.click(busy)
    await screen.findByLabelText('6-digit code')
    expect(emulator.messages()).toHaveLength(1)
  })

  it('StrictMode: the whole flow sends one SMS and one authenticate', async () => {
    const { emulator, stytch, requests, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />, { strict: true })
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    const code = await screen.findByLabelText('6-digit code')
    expect(document.activeElement).toBe(code)
    await user.type(code, lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(emulator.messages()).toHaveLength(1)
    expect(requests).toEqual(['/sdk/v1/otps/sms/login_or_create', '/sdk/v1/otps/authenticate'])
  })

  it('a code typed while one is being checked is not sent again', async () => {
    const { emulator, stytch, requests, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    const code = await screen.findByLabelText('6-digit code')
    emulator.faults.add({ kind: 'latency', ms: 200, path: '/sdk/v1/otps/authenticate' })
    await user.type(code, lastCode())
    await user.keyboard('{Enter}')
    expect(screen.getByRole('button', { name: 'Verifying…' }).getAttribute('aria-busy')).toBe('true')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(requests.filter((path) => path === '/sdk/v1/otps/authenticate')).toHaveLength(1)
  })
})
