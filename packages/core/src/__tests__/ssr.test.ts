// On a server (no window, no document): importing does nothing, the client works in memory, and no
// timer starts until there is a session.
import { afterEach, expect, it, vi } from 'vitest'
import { authData, ok, PHONE, recordingFetch, sendData, TOKEN } from './support'

afterEach(() => {
  vi.useRealTimers()
  vi.resetModules()
})

it('importing the package touches no browser global and starts no timer', async () => {
  vi.useFakeTimers()
  vi.resetModules()
  const touched: string[] = []
  const names = ['window', 'document', 'localStorage', 'location', 'fetch']
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const)
  for (const name of names) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name)
        return undefined
      },
    })
  }
  try {
    const core = await import('../index')
    expect(typeof core.createStytchClient).toBe('function')
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor)
      else delete (globalThis as Record<string, unknown>)[name]
    }
  }
  expect(touched).toEqual([])
  expect(vi.getTimerCount()).toBe(0)
})

it('with no window the default storage is memory: each client starts signed out', async () => {
  const { createStytchClient } = await import('../index')
  expect(typeof window).toBe('undefined')
  const first = createStytchClient(TOKEN, { fetch: recordingFetch(ok(authData())).fetch })
  await first.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 })
  expect(first.session.getSync()).not.toBeNull()
  const second = createStytchClient(TOKEN, { fetch: recordingFetch().fetch })
  expect(second.session.getSync()).toBeNull()
  first.destroy()
})

it('the whole send and authenticate works on the server; the timer starts only with the session', async () => {
  vi.useFakeTimers()
  const { createStytchClient } = await import('../index')
  const net = recordingFetch(ok(sendData()), ok(authData()))
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch })
  expect(vi.getTimerCount()).toBe(0)
  const { method_id } = await stytch.otps.sms.loginOrCreate(PHONE)
  expect(vi.getTimerCount()).toBe(0)
  await stytch.otps.authenticate('000000', method_id, { session_duration_minutes: 5 })
  expect(vi.getTimerCount()).toBe(1)
  stytch.destroy()
  expect(net.calls).toHaveLength(2)
})
