import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '@otpkit/core'
import { createLoginFlow } from '@otpkit/core/flow'
import { PhoneLogin, StytchProvider, useStytchSession } from '../index'
import { createHarness } from './harness'

function SessionStatus() {
  const { session, isInitialized, fromCache } = useStytchSession()
  const text = [
    isInitialized ? 'initialized' : 'not initialized',
    session ? 'signed in' : 'signed out',
    fromCache ? 'from cache' : 'confirmed',
  ].join(', ')
  return <p data-testid="status">{text}</p>
}

describe('hydration', () => {
  it('hydrates the server HTML without a mismatch, then shows the stored session', async () => {
    const { emulator, newClient } = createHarness()
    const storage = createMemoryStorage()
    const first = newClient(storage)
    const { method_id } = await first.otps.sms.loginOrCreate('+14155550123')
    await first.otps.authenticate(emulator.messages()[0]?.code ?? '', method_id, {
      session_duration_minutes: 30,
    })
    const stytch = newClient(storage)
    expect(stytch.session.getSync()).not.toBeNull()

    const tree = (
      <StrictMode>
        <StytchProvider stytch={stytch}>
          <SessionStatus />
          <PhoneLogin countries={['US', 'CA', 'GB']} />
        </StytchProvider>
      </StrictMode>
    )
    // What a server without the browser's storage sends: nobody signed in yet.
    const container = document.createElement('div')
    container.innerHTML = renderToString(tree)
    document.body.append(container)
    expect(container.textContent).toContain('not initialized, signed out, confirmed')

    const recoverable: unknown[] = []
    let root: ReturnType<typeof hydrateRoot> | undefined
    await act(async () => {
      root = hydrateRoot(container, tree, { onRecoverableError: (error) => recoverable.push(error) })
    })
    expect(recoverable).toEqual([])
    expect(screen.getByTestId('status').textContent).toBe('initialized, signed in, from cache')
    // The name replaces the ISO code once the browser is idle after hydration.
    expect(await screen.findByRole('button', { name: 'Country: United States +1' })).toBeTruthy()
    act(() => root?.unmount())
    container.remove()
  })

  it('renders the phone step on the server, then the code step this tab kept, without a mismatch', async () => {
    const { stytch, emulator } = createHarness()
    // A code sent before the reload: the flow keeps its step in this tab's sessionStorage.
    const before = createLoginFlow(stytch)
    await before.send({ phone: '+14155550123' })
    before.destroy()

    const tree = (
      <StrictMode>
        <StytchProvider stytch={stytch}>
          <PhoneLogin />
        </StytchProvider>
      </StrictMode>
    )
    const container = document.createElement('div')
    container.innerHTML = renderToString(tree)
    document.body.append(container)
    expect(container.textContent).toContain('Sign in with your phone')

    const recoverable: unknown[] = []
    let root: ReturnType<typeof hydrateRoot> | undefined
    await act(async () => {
      root = hydrateRoot(container, tree, { onRecoverableError: (error) => recoverable.push(error) })
    })
    expect(recoverable).toEqual([])
    // The code step's view arrives after the first paint; the kept step shows as soon as it is here.
    expect(await screen.findByRole('heading', { name: 'Enter your code' })).toBeTruthy()
    expect(emulator.messages()).toHaveLength(1)
    act(() => root?.unmount())
    container.remove()
  })
})
