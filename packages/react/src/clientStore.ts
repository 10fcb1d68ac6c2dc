'use client'

// Adapts the client's session and user stores to useSyncExternalStore: a stable snapshot object
// that only changes when the value does, and a server snapshot that matches the server's render.
import { useMemo, useSyncExternalStore } from 'react'
import type { StytchHeadlessClient, Unsubscribe } from '@otpkit/core'
import { notify } from './notify'
import { useStytchContext } from './useStytch'

export interface ClientSnapshot<T> {
  value: T | null
  isInitialized: boolean
  fromCache: boolean
}

/** Where a hook reads one value of the client: how to subscribe, and how to read it now. */
export interface ClientSource<T> {
  onChange: (stytch: StytchHeadlessClient, listener: () => void) => Unsubscribe
  read: (stytch: StytchHeadlessClient) => { value: T | null; fromCache: boolean }
}

const notInitialized: ClientSnapshot<never> = { value: null, isInitialized: false, fromCache: false }

function getServerSnapshot(): ClientSnapshot<never> {
  return notInitialized
}

function clientStore<T>(stytch: StytchHeadlessClient, source: ClientSource<T>) {
  let last: ClientSnapshot<T> | undefined
  let lastJson = ''
  return {
    subscribe: (listener: () => void) => source.onChange(stytch, () => notify(listener)),
    getSnapshot(): ClientSnapshot<T> {
      const { value, fromCache } = source.read(stytch)
      if (last && last.value === value && last.fromCache === fromCache) return last
      // A store may hand out a fresh copy per read; an equal copy must not look like a change.
      const json = JSON.stringify(value)
      if (last && last.fromCache === fromCache && json === lastJson) return last
      lastJson = json
      last = { value, isInitialized: true, fromCache }
      return last
    },
  }
}

/** Reads one client value through useSyncExternalStore, hydration-safe. `source` must be a module constant. */
export function useClientSnapshot<T>(hook: string, source: ClientSource<T>): ClientSnapshot<T> {
  const { stytch, assumeHydrated } = useStytchContext(hook)
  const store = useMemo(() => clientStore(stytch, source), [stytch, source])
  return useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
    assumeHydrated ? store.getSnapshot : getServerSnapshot,
  )
}
