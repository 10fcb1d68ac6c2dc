import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../index'
import { createHarness, renderWith, wholeText } from './harness'

describe('<PhoneLogin> phone field', () => {
  it('formats as you type, in the national format of the country', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement
    expect(phone.getAttribute('autocomplete')).toBe('tel')
    expect(phone.getAttribute('inputmode')).toBe('tel')
    await user.type(phone, '415')
    // Digits typed before the phone library arrived are kept, and formatted once it is here.
    await waitFor(() => expect(phone.value).toBe('(415)'))
    await user.type(phone, '5550123')
    expect(phone.value).toBe('(415) 555-0123')
  })

  it('backspace over formatting deletes a digit instead of getting stuck', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement
    await user.type(phone, '415{Backspace}')
    expect(phone.value).toBe('41')
  })

  it('editing in the middle keeps the caret next to the edited digit', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement
    await user.type(phone, '4155550123')
    await waitFor(() => expect(phone.value).toBe('(415) 555-0123'))
    // Caret after "(415) 5": Backspace removes that 5.
    await user.type(phone, '{Backspace}', { initialSelectionStart: 7, initialSelectionEnd: 7 })
    expect(phone.value).toBe('(415) 550-123')
    expect(phone.selectionStart).toBe(6)
    await user.keyboard('7')
    expect(phone.value).toBe('(415) 755-0123')
    expect(phone.selectionStart).toBe(7)
  })

  it('pasting an international number switches the country and sends E.164', async () => {
    const { emulator, stytch } = createHarness({ countries: ['US', 'CA', 'GB'] })
    const { user } = renderWith(stytch, <PhoneLogin countries={['US', 'CA', 'GB']} />)
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement
    await user.click(phone)
    await user.paste('+44 20 7946 0958')
    // The metadata for +44 may still be on its way: the pasted text is read once it is here.
    expect(await screen.findByRole('button', { name: 'Country: United Kingdom +44' })).toBeTruthy()
    expect(phone.value).toBe('020 7946 0958')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByText(wholeText('We sent a 6-digit code to +44 •• •••• 0958.'))
    expect(emulator.messages()[0]?.to).toBe('+442079460958')
  })

  it('a +1 number from Canada switches from the United States to Canada', async () => {
    const { emulator, stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    await user.click(screen.getByLabelText('Phone number'))
    await user.paste('+1 416-555-0123')
    expect(await screen.findByRole('button', { name: 'Country: Canada +1' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByLabelText('6-digit code')
    expect(emulator.messages()[0]?.to).toBe('+14165550123')
  })

  it('defaultCountry and the countries allowlist pick what is offered', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin countries={['US', 'CA', 'MX']} defaultCountry="MX" />)
    await user.click(await screen.findByRole('button', { name: 'Country: Mexico +52' }))
    const names = screen.getAllByRole('option').map((option) => option.textContent?.trim())
    // No flag emoji here (jsdom draws nothing): the ISO code in a badge instead, drawn by CSS.
    expect(names).toEqual(['Canada +1', 'Mexico +52', 'United States +1'])
    expect(
      [...document.querySelectorAll('[role="option"] .otpkit-flag-code')].map((badge) =>
        badge.getAttribute('data-code'),
      ),
    ).toEqual(['CA', 'MX', 'US'])
    expect(screen.getByRole('option', { name: /Mexico/ }).getAttribute('aria-selected')).toBe('true')
  })

  it('a single allowed country shows its code without a picker', async () => {
    const { stytch } = createHarness()
    renderWith(stytch, <PhoneLogin countries={['CA']} />)
    expect(screen.queryByRole('button', { name: /country/i })).toBeNull()
    expect(await screen.findByRole('img', { name: 'Country: Canada +1' })).toBeTruthy()
  })

  it('the sandbox number +1 000-000-0000 can be sent (test projects)', async () => {
    const { emulator, stytch } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />)
    await user.type(screen.getByLabelText('Phone number'), '0000000000')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await user.type(await screen.findByLabelText('6-digit code'), '000000')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(emulator.messages()[0]?.to ?? '+10000000000').toBe('+10000000000')
  })
})

describe('<PhoneLogin> code field', () => {
  it.each(['123 456', '123-456', ' 123456 '])('pasting %j submits the six digits', async (pasted) => {
    const { stytch, bodies } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByLabelText('6-digit code')
    await user.paste(pasted)
    await waitFor(() => expect(bodies.map((request) => request.path)).toContain('/sdk/v1/otps/authenticate'))
    expect(bodies.at(-1)?.body).toMatchObject({ token: '123456' })
  })

  it('fewer than six digits: Verify says what is missing and sends nothing', async () => {
    const { stytch, requests } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin />)
    await user.type(screen.getByLabelText('Phone number'), '4155550123')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    const code = await screen.findByLabelText('6-digit code')
    await user.type(code, '12a3')
    expect((code as HTMLInputElement).value).toBe('123')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByText('Enter all 6 digits of the code.')
    expect(requests).toEqual(['/sdk/v1/otps/sms/login_or_create'])
  })
})
