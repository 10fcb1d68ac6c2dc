'use client'

import { useMemo } from 'react'
import type { User } from '@otpkit/core'
import { useClientSnapshot } from './clientStore'
import type { ClientSource } from './clientStore'

export interface UserState {
  user: User | null
  /** False on the server and during hydration (unless `assumeHydrated`); true once the client has read its storage. */
  isInitialized: boolean
  /** True while the user was read back from storage and not yet confirmed by the server on this page. */
  fromCache: boolean
}

const userSource: ClientSource<User> = {
  onChange: (stytch, listener) => stytch.user.onChange(listener),
  read: (stytch) => {
    const { user, fromCache } = stytch.user.getInfo()
    return { value: user, fromCache }
  },
}

/** The signed-in user; re-renders when it changes. */
export function useStytchUser(): UserState {
  const { value, isInitialized, fromCache } = useClientSnapshot('useStytchUser()', userSource)
  return useMemo(() => ({ user: value, isInitialized, fromCache }), [value, isInitialized, fromCache])
}
