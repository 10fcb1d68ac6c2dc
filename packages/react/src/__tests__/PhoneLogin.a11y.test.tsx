import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PhoneLogin } from '../index'
import { createHarness, renderWith } from './harness'

describe('<PhoneLogin> accessibility', () => {
  it('works end to end with the keyboard only', async () => {
    const { emulator, stytch, lastCode } = createHarness()
    const onSuccess = vi.fn()
    const { user } = renderWith(stytch, <PhoneLogin onSuccess={onSuccess} />)

    // The country's name comes with the views loaded after the first paint (its ISO code until then).
    const countryButton = await screen.findByRole('button', { name: 'Country: United States +1' })
    await user.tab()
    expect(document.activeElement).toBe(countryButton)
    await user.keyboard('{ArrowDown}')
    // The list arrives after the first paint; a key pressed before it opens it when it is here.
    const search = await screen.findByRole('combobox', { name: 'Search countries' })
    expect(document.activeElement).toBe(search)
    expect(countryButton.getAttribute('aria-expanded')).toBe('true')
    await user.keyboard('ca')
    const active = search.getAttribute('aria-activedescendant')
    expect(active && document.getElementById(active)?.textContent).toContain('Canada')
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Country: Canada +1' }))

    await user.tab()
    expect(document.activeElement).toBe(screen.getByLabelText('Phone number'))
    await user.keyboard('4165550123{Enter}')
    const code = await screen.findByLabelText('6-digit code')
    expect(document.activeElement).toBe(code)
    expect(emulator.messages()[0]?.to).toBe('+14165550123')
    await user.keyboard(lastCode())
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('the country list: arrows move, Escape closes and returns focus, search by name, ISO code or dial code', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(stytch, <PhoneLogin countries={['US', 'CA', 'GB', 'FR', 'DE']} />)
    const button = await screen.findByRole('button', { name: 'Country: United States +1' })
    await user.click(button)
    const search = await screen.findByRole('combobox', { name: 'Search countries' })
    expect(search.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id)
    const activeName = () =>
      document.getElementById(search.getAttribute('aria-activedescendant') ?? '')?.textContent
    expect(activeName()).toContain('United States')
    await user.keyboard('{ArrowUp}')
    expect(activeName()).toContain('United Kingdom')

    const shown = () => screen.getAllByRole('option').map((option) => option.textContent?.trim())
    await user.keyboard('44')
    expect(shown()).toEqual(['United Kingdom +44'])
    await user.clear(search)
    await user.keyboard('+49')
    expect(shown()).toEqual(['Germany +49'])
    await user.clear(search)
    await user.keyboard('fr')
    expect(shown()).toEqual(['France +33'])
    await user.clear(search)
    await user.keyboard('kingdom')
    expect(shown()).toEqual(['United Kingdom +44'])
    await user.clear(search)
    await user.keyboard('zz')
    expect(screen.queryAllByRole('option')).toHaveLength(0)
    expect(screen.getByText('No matching country')).toBeTruthy()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(document.activeElement).toBe(button)
    expect(button.getAttribute('aria-expanded')).toBe('false')
  })

  it('every control has a name and the live region is polite', async () => {
    const { stytch } = createHarness()
    const { user, container } = renderWith(stytch, <PhoneLogin />)
    for (const control of container.querySelectorAll('input, button')) {
      const named =
        control.getAttribute('aria-label') ||
        control.textContent?.trim() ||
        (control.id && container.querySelector(`label[for="${control.id}"]`))
      expect(named, control.outerHTML).toBeTruthy()
    }
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    expect((await screen.findByRole('status')).textContent).toBe('Enter your phone number.')
  })

  it('injects no styles at run time (strict CSP without unsafe-inline)', async () => {
    const { stytch, lastCode } = createHarness()
    const { user, container } = renderWith(stytch, <PhoneLogin countries={['US', 'CA', 'GB']} />)
    await user.click(screen.getByRole('button', { name: /country/i }))
    await user.keyboard('{Escape}')
    await user.type(screen.getByLabelText('Phone number'), '4155550123{Enter}')
    await user.type(await screen.findByLabelText('6-digit code'), lastCode())
    await screen.findByText('You are signed in.')
    expect(document.querySelectorAll('style, link[rel="stylesheet"]')).toHaveLength(0)
    expect(container.querySelectorAll('[style]')).toHaveLength(0)
  })
})
