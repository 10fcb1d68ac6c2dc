// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createMemoryStorage, createStytchClient } from '@otpkit/core'
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { PhoneLogin, StytchProvider, useStytchSession, useStytchUser } from '../index'
import { fr } from '../locales/fr'

function SessionStatus() {
  const { session, isInitialized, fromCache } = useStytchSession()
  const { user } = useStytchUser()
  const parts = [
    isInitialized ? 'initialized' : 'not initialized',
    session ? `session ${session.user_id}` : 'no session',
    user ? 'user' : 'no user',
    fromCache ? 'cached' : 'fresh',
  ]
  return <p>{parts.join(' / ')}</p>
}

describe('server rendering with react-dom/server, no window', () => {
  it('runs where there is no DOM at all', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(typeof navigator === 'undefined' || !('credentials' in navigator)).toBe(true)
  })

  it('renders the provider, the hooks and <PhoneLogin> to HTML', () => {
    const stytch = createStytchClient(DEMO_PUBLIC_TOKEN, { storage: createMemoryStorage() })
    const html = renderToString(
      <StytchProvider stytch={stytch}>
        <SessionStatus />
        <PhoneLogin locale="fr" strings={fr} countries={['US', 'CA', 'FR']} defaultCountry="FR" />
      </StytchProvider>,
    )
    expect(html).toContain('not initialized / no session / no user / fresh')
    expect(html).toContain('Connectez-vous avec votre téléphone')
    expect(html).toMatch(/<input[^>]*autoComplete="tel"[^>]*inputMode="tel"|<input[^>]*inputMode="tel"/i)
    // Country names are made when the browser is idle after the first paint (Intl.DisplayNames is slow on
    // phones); the server renders what the first client render shows: the ISO code.
    expect(html).toContain('aria-label="Pays: FR +33"')
    expect(html).toContain('lang="fr"')
    expect(html).not.toContain('<style')
    stytch.destroy()
  })

  it('a language neither imported nor loaded renders an empty, busy login rather than another language', () => {
    const stytch = createStytchClient(DEMO_PUBLIC_TOKEN, { storage: createMemoryStorage() })
    const html = renderToString(
      <StytchProvider stytch={stytch}>
        <PhoneLogin locale="es" />
      </StytchProvider>,
    )
    expect(html).toBe('<div class="otpkit-login" lang="es" data-step="phone" aria-busy="true"></div>')
    stytch.destroy()
  })

  it('assumeHydrated renders the stored session on the server; the default does not', async () => {
    const emulator = createEmulator()
    const storage = createMemoryStorage()
    const options = { baseUrl: 'http://emulator.test', fetch: emulator.fetch, storage }
    const first = createStytchClient(DEMO_PUBLIC_TOKEN, options)
    const { method_id } = await first.otps.sms.loginOrCreate('+14155550123')
    const { user_id } = await first.otps.authenticate(emulator.messages()[0]?.code ?? '', method_id, {
      session_duration_minutes: 30,
    })
    first.destroy()

    const stytch = createStytchClient(DEMO_PUBLIC_TOKEN, options)
    const render = (assumeHydrated: boolean) =>
      renderToString(
        <StytchProvider stytch={stytch} assumeHydrated={assumeHydrated}>
          <SessionStatus />
        </StytchProvider>,
      )
    expect(render(false)).toContain('not initialized / no session / no user / fresh')
    expect(render(true)).toContain(`initialized / session ${user_id} / user / cached`)
    stytch.destroy()
  })
})
