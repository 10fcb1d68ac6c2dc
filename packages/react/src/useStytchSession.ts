import { useMemo, useSyncExternalStore } from 'react'
import type { Session } from '@otpkit/core'
import { clientStore, getServerSnapshot } from './clientStore'
import type { ClientSnapshot } from './clientStore'
import { useStytchContext } from './useStytch'

export interface SessionState {
  session: Session | null
  /** False on the server and during hydration (unless `assumeHydrated`); true once the client has read its storage. */
  isInitialized: boolean
  /** True while the session was read back from storage and not yet confirmed by the server on this page. */
  fromCache: boolean
}

const toState = ({ value, isInitialized, fromCache }: ClientSnapshot<Session>): SessionState => ({
  session: value,
  isInitialized,
  fromCache,
})

/** The current session; re-renders when it changes (sign-in, refresh, revoke, another tab). */
export function useStytchSession(): SessionState {
  const { stytch, assumeHydrated } = useStytchContext('useStytchSession()')
  const store = useMemo(
    () =>
      clientStore<Session>(
        (listener) => stytch.session.onChange(listener),
        () => {
          const { session, fromCache } = stytch.session.getInfo()
          return { value: session, fromCache }
        },
      ),
    [stytch],
  )
  const snapshot = useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
    assumeHydrated ? store.getSnapshot : getServerSnapshot,
  )
  return useMemo(() => toState(snapshot), [snapshot])
}
