import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../index'
import type { PhoneLoginEvent } from '../index'
import { createHarness, renderWith, wholeText } from './harness'

describe('<PhoneLogin> full flow against the emulator', () => {
  it('picks a country, sends the code, enters it and signs in', async () => {
    const { emulator, stytch, requests } = createHarness()
    const onSuccess = vi.fn()
    const events: PhoneLoginEvent[] = []
    const { user } = renderWith(
      stytch,
      <PhoneLogin onSuccess={onSuccess} onEvent={(event) => events.push(event)} />,
    )

    await user.click(await screen.findByRole('button', { name: /country: united states \+1/i }))
    await user.type(await screen.findByRole('combobox', { name: 'Search countries' }), 'cana')
    await user.click(screen.getByRole('option', { name: /canada/i }))
    expect(screen.getByRole('button', { name: /country: canada \+1/i })).toBeTruthy()

    const phone = screen.getByLabelText('Phone number')
    await user.type(phone, '4165550123')
    // Digits typed before the phone library arrived are kept, and formatted once it is here.
    await waitFor(() => expect((phone as HTMLInputElement).value).toBe('(416) 555-0123'))
    await user.click(screen.getByRole('button', { name: 'Send code' }))

    const codeInput = await screen.findByLabelText('6-digit code')
    expect(document.activeElement).toBe(codeInput)
    expect(emulator.messages()).toHaveLength(1)
    expect(emulator.messages()[0]?.to).toBe('+14165550123')
    expect(screen.getByText(wholeText('We sent a 6-digit code to +1 ••• ••• 0123.'))).toBeTruthy()

    await user.type(codeInput, emulator.messages()[0]?.code ?? '')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    const [{ session, user: signedIn }] = onSuccess.mock.calls[0] as [
      { session: { session_id: string }; user: { user_id: string } },
    ]
    expect(session.session_id).toMatch(/^session-/)
    expect(stytch.session.getSync()?.session_id).toBe(session.session_id)
    expect(signedIn.user_id).toBe(stytch.user.getSync()?.user_id)
    expect(screen.getByText('You are signed in.')).toBeTruthy()
    expect(events.map((event) => event.type)).toEqual(['code_sent', 'authenticated'])
    expect(events[0]).toMatchObject({ type: 'code_sent', phone_number: '+14165550123' })
    expect(requests).toEqual(['/sdk/v1/otps/sms/login_or_create', '/sdk/v1/otps/authenticate'])
  })
})
