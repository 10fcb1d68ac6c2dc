import { Component, useEffect } from 'react'
import type { ReactNode } from 'react'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryStorage, isStytchAPIError } from '@otpkit/core'
import {
  MissingProviderError,
  PhoneLogin,
  StytchProvider,
  useAuthenticateCode,
  useSendCode,
  useStytch,
  useStytchSession,
  useStytchUser,
} from '../index'
import { createHarness } from './harness'

type Stytch = ReturnType<typeof createHarness>['stytch']
const wrapperFor =
  (stytch: Stytch) =>
  ({ children }: { children: ReactNode }) => <StytchProvider stytch={stytch}>{children}</StytchProvider>

describe('useStytch', () => {
  it('returns the client given to the provider', () => {
    const { stytch } = createHarness()
    const { result } = renderHook(() => useStytch(), { wrapper: wrapperFor(stytch) })
    expect(result.current).toBe(stytch)
  })

  class Catch extends Component<
    { children: ReactNode; onError: (error: unknown) => void },
    { failed: boolean }
  > {
    override state = { failed: false }
    static getDerivedStateFromError() {
      return { failed: true }
    }
    override componentDidCatch(error: unknown) {
      this.props.onError(error)
    }
    override render() {
      return this.state.failed ? null : this.props.children
    }
  }

  it.each([
    ['useStytch()', () => useStytch()],
    ['useStytchSession()', () => useStytchSession()],
    ['useStytchUser()', () => useStytchUser()],
    ['useSendCode()', () => useSendCode()],
    ['useAuthenticateCode()', () => useAuthenticateCode()],
    ['PhoneLogin', null],
  ])('%s outside the provider throws a clear error', (name, hook) => {
    // React logs the caught error (and React 18 re-dispatches it as a window error event); keep the output clean.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const silence = (event: ErrorEvent) => event.preventDefault()
    window.addEventListener('error', silence)
    const onError = vi.fn()
    const Probe = () => {
      hook?.()
      return null
    }
    render(<Catch onError={onError}>{hook ? <Probe /> : <PhoneLogin />}</Catch>)
    quiet.mockRestore()
    window.removeEventListener('error', silence)
    const error = onError.mock.calls[0]?.[0] as MissingProviderError
    expect(error).toBeInstanceOf(MissingProviderError)
    expect(error.code).toBe('missing_provider')
    expect(error.message).toContain('<StytchProvider')
    if (hook) expect(error.message).toContain(name)
  })
})

describe('useSendCode / useAuthenticateCode', () => {
  it('go idle → pending → success, and the session hooks follow the sign-in', async () => {
    const { emulator, stytch } = createHarness()
    const statuses: string[] = []
    const { result } = renderHook(
      () => {
        const send = useSendCode()
        const authenticate = useAuthenticateCode()
        const session = useStytchSession()
        const user = useStytchUser()
        useEffect(() => {
          statuses.push(`${send.status}/${authenticate.status}`)
        })
        return { send, authenticate, session, user }
      },
      { wrapper: wrapperFor(stytch) },
    )
    expect(result.current.send).toMatchObject({ status: 'idle', isIdle: true, data: undefined, error: null })
    expect(result.current.session).toEqual({ session: null, isInitialized: true, fromCache: false })

    act(() => result.current.send.mutate({ phoneNumber: '+14155550123', options: { locale: 'fr' } }))
    expect(result.current.send.isPending).toBe(true)
    await waitFor(() => expect(result.current.send.status).toBe('success'))
    const methodId = result.current.send.data?.method_id ?? ''
    expect(methodId).toMatch(/^phone-number-/)
    expect(result.current.send.variables).toEqual({ phoneNumber: '+14155550123', options: { locale: 'fr' } })
    expect(emulator.messages()[0]?.body).toMatch(/est votre code/)

    const code = emulator.messages()[0]?.code ?? ''
    act(() =>
      result.current.authenticate.mutate({ code, methodId, options: { session_duration_minutes: 30 } }),
    )
    expect(result.current.authenticate.isPending).toBe(true)
    await waitFor(() => expect(result.current.authenticate.isSuccess).toBe(true))
    const response = result.current.authenticate.data
    expect(response?.session_token).toBeTruthy()
    expect(result.current.session.session?.session_id).toBe(response?.session.session_id)
    expect(result.current.user.user?.user_id).toBe(response?.user.user_id)
    expect(result.current.session.fromCache).toBe(false)
    // Renders in between (the session arriving) may repeat a state; the order is what counts.
    const transitions = statuses.filter((status, index) => status !== statuses[index - 1])
    expect(transitions).toEqual([
      'idle/idle',
      'pending/idle',
      'success/idle',
      'success/pending',
      'success/success',
    ])
  })

  it('errors land in `error` with their code; mutate never rejects, mutateAsync does; reset goes back to idle', async () => {
    const { stytch } = createHarness()
    const { result } = renderHook(() => ({ send: useSendCode(), authenticate: useAuthenticateCode() }), {
      wrapper: wrapperFor(stytch),
    })
    act(() => result.current.send.mutate({ phoneNumber: '+442079460958' }))
    await waitFor(() => expect(result.current.send.status).toBe('error'))
    expect(result.current.send.isError).toBe(true)
    expect(result.current.send.error).toMatchObject({ code: 'invalid_phone_number_country_code' })

    let rejected: unknown
    await act(async () => {
      await result.current.authenticate
        .mutateAsync({
          code: '123456',
          methodId: 'phone-number-test-00000000-0000-0000-0000-000000000000',
          options: { session_duration_minutes: 30 },
        })
        .catch((error: unknown) => {
          rejected = error
        })
    })
    expect(isStytchAPIError(rejected)).toBe(true)
    expect(result.current.authenticate.error).toBe(rejected)

    act(() => result.current.send.reset())
    expect(result.current.send).toMatchObject({ status: 'idle', error: null, data: undefined })
  })

  it('bad input is a usage error before any request', async () => {
    const { stytch, requests } = createHarness()
    const { result } = renderHook(() => useSendCode(), { wrapper: wrapperFor(stytch) })
    act(() => result.current.mutate({ phoneNumber: '4155550123' }))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toMatchObject({ name: 'StytchUsageError', code: 'invalid_phone_number' })
    expect(requests).toEqual([])
  })
})

describe('useStytchSession / useStytchUser', () => {
  it('report a stored session as fromCache until the server confirms it, and null after revoke', async () => {
    const { emulator, stytch, newClient } = createHarness()
    const storage = new Map<string, string>()
    const shared = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    }
    const first = newClient(shared)
    const { method_id } = await first.otps.sms.loginOrCreate('+14155550123')
    await first.otps.authenticate(emulator.messages()[0]?.code ?? '', method_id, {
      session_duration_minutes: 30,
    })
    first.destroy()
    void stytch

    const restored = newClient(shared)
    const { result } = renderHook(() => ({ session: useStytchSession(), user: useStytchUser() }), {
      wrapper: wrapperFor(restored),
    })
    expect(result.current.session).toMatchObject({ isInitialized: true, fromCache: true })
    expect(result.current.session.session?.user_id).toBe(result.current.user.user?.user_id)
    expect(result.current.user.fromCache).toBe(true)

    await act(async () => {
      await restored.session.authenticate()
    })
    expect(result.current.session.fromCache).toBe(false)
    expect(result.current.user.fromCache).toBe(false)

    await act(async () => {
      await restored.session.revoke()
    })
    expect(result.current.session).toEqual({ session: null, isInitialized: true, fromCache: false })
    expect(result.current.user).toEqual({ user: null, isInitialized: true, fromCache: false })
  })

  it('after a reload, the user shows the phone number again once the client confirms the session by itself', async () => {
    const { emulator, newClient, requests } = createHarness()
    const shared = createMemoryStorage()
    const first = newClient(shared)
    const { method_id } = await first.otps.whatsapp.loginOrCreate('+14155550123')
    await first.otps.authenticate(emulator.messages().at(-1)?.code ?? '', method_id, {
      session_duration_minutes: 30,
    })
    first.destroy()
    // The stored snapshot has no phone number (core's atRest test): the reloaded page starts without it.
    requests.length = 0

    function Phone() {
      const { user, fromCache } = useStytchUser()
      const phone = user ? (user.phone_numbers[0]?.phone_number ?? 'no number yet') : 'signed out'
      return <p>{`${phone}${fromCache ? ' (from cache)' : ''}`}</p>
    }
    render(
      <StytchProvider stytch={newClient(shared)}>
        <Phone />
      </StytchProvider>,
    )
    expect(screen.getByText('no number yet (from cache)')).toBeTruthy()
    expect(await screen.findByText('+14155550123')).toBeTruthy()
    expect(requests).toEqual(['/sdk/v1/sessions/authenticate'])
  })

  it('keep the same object between renders while nothing changed', () => {
    const { stytch } = createHarness()
    const { result, rerender } = renderHook(() => useStytchSession(), { wrapper: wrapperFor(stytch) })
    const first = result.current
    rerender()
    expect(result.current).toBe(first)
  })

  it('a component shows sign-in as it happens through <PhoneLogin>', async () => {
    const { stytch, lastCode } = createHarness()
    function Status() {
      const { session } = useStytchSession()
      return <p>{session ? 'signed in' : 'signed out'}</p>
    }
    const { default: userEvent } = await import('@testing-library/user-event')
    const user = userEvent.setup()
    render(
      <StytchProvider stytch={stytch}>
        <Status />
        <PhoneLogin />
      </StytchProvider>,
    )
    expect(screen.getByText('signed out')).toBeTruthy()
    await user.type(screen.getByLabelText('Phone number'), '4155550123{Enter}')
    await user.type(await screen.findByLabelText('6-digit code'), lastCode())
    await screen.findByText('signed in')
  })
})
