import { useMemo, useSyncExternalStore } from 'react'
import type { User } from '@otpkit/core'
import { clientStore, getServerSnapshot } from './clientStore'
import type { ClientSnapshot } from './clientStore'
import { useStytchContext } from './useStytch'

export interface UserState {
  user: User | null
  /** False on the server and during hydration (unless `assumeHydrated`); true once the client has read its storage. */
  isInitialized: boolean
  /** True while the user was read back from storage and not yet confirmed by the server on this page. */
  fromCache: boolean
}

const toState = ({ value, isInitialized, fromCache }: ClientSnapshot<User>): UserState => ({
  user: value,
  isInitialized,
  fromCache,
})

/** The signed-in user; re-renders when it changes. */
export function useStytchUser(): UserState {
  const { stytch, assumeHydrated } = useStytchContext('useStytchUser()')
  const store = useMemo(
    () =>
      clientStore<User>(
        (listener) => stytch.user.onChange(listener),
        () => {
          const { user, fromCache } = stytch.user.getInfo()
          return { value: user, fromCache }
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
