// Test harness: a real client talking to the emulator's in-process fetch handler. Nothing of the
// package is mocked; the network is replaced at its edge.
import { StrictMode } from 'react'
import type { ReactNode } from 'react'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryStorage, createStytchClient } from '@otpkit/core'
import type { KeyValueStorage } from '@otpkit/core'
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { EmulatorOptions } from '@otpkit/emulator'
import { afterEach, vi } from 'vitest'
import { StytchProvider } from '../index'

const clients: { destroy: () => void }[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

export function createHarness(options: EmulatorOptions = {}, clientOptions: { timeoutMs?: number } = {}) {
  const emulator = createEmulator(options)
  const requests: string[] = []
  const bodies: { path: string; body: unknown }[] = []
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const path = new URL(url).pathname
    requests.push(path)
    bodies.push({ path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    return emulator.fetch(input, init)
  }
  const newClient = (storage: KeyValueStorage = createMemoryStorage()) => {
    const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
      baseUrl: 'http://emulator.test',
      fetch,
      storage,
      cookie: { enabled: false },
      ...clientOptions,
    })
    clients.push(client)
    return client
  }
  const stytch = newClient()
  return {
    emulator,
    stytch,
    newClient,
    /** Paths requested so far, in order. */
    requests,
    /** JSON bodies sent, in order. */
    bodies,
    lastCode: () => emulator.messages().at(-1)?.code ?? '',
  }
}

export function renderWith(
  stytch: ReturnType<typeof createStytchClient>,
  ui: ReactNode,
  { strict = false, fakeTimers = false }: { strict?: boolean; fakeTimers?: boolean } = {},
) {
  // No pause between simulated key presses and pointer steps: each event is already wrapped in act(), so
  // React has settled before the next one, and the real-time pause only slowed the suite down.
  const user = userEvent.setup({ delay: null, ...(fakeTimers && { advanceTimers: vi.advanceTimersByTime }) })
  const tree = <StytchProvider stytch={stytch}>{ui}</StytchProvider>
  const result = render(strict ? <StrictMode>{tree}</StrictMode> : tree)
  return { user, ...result }
}

/**
 * Matches the element whose whole text is `text`, even when parts of it are elements of their own (the
 * masked number is a <bdi> inside its sentence), as a screen reader reads it.
 */
export function wholeText(text: string) {
  return (_content: string, element: Element | null) =>
    element?.textContent === text && ![...element.children].some((child) => child.textContent === text)
}
