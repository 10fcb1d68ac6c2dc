// Adapts the client's session and user stores to useSyncExternalStore: a stable snapshot object
// that only changes when the value does, and a server snapshot that matches the server's render.
import type { Unsubscribe } from '@otpkit/core'
import { notify } from './notify'

export interface ClientSnapshot<T> {
  value: T | null
  isInitialized: boolean
  fromCache: boolean
}

export interface ClientStore<T> {
  subscribe: (onChange: () => void) => Unsubscribe
  getSnapshot: () => ClientSnapshot<T>
}

const notInitialized: ClientSnapshot<never> = { value: null, isInitialized: false, fromCache: false }

export function getServerSnapshot(): ClientSnapshot<never> {
  return notInitialized
}

export function clientStore<T>(
  onChange: (listener: () => void) => Unsubscribe,
  read: () => { value: T | null; fromCache: boolean },
): ClientStore<T> {
  let last: ClientSnapshot<T> | undefined
  let lastJson = ''
  return {
    subscribe: (listener) => onChange(() => notify(listener)),
    getSnapshot() {
      const { value, fromCache } = read()
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
