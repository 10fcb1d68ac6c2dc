'use client'

import { useMemo } from 'react'
import type { Session } from '@otpkit/core'
import { useClientSnapshot } from './clientStore'
import type { ClientSource } from './clientStore'

export interface SessionState {
  session: Session | null
  /** False on the server and during hydration (unless `assumeHydrated`); true once the client has read its storage. */
  isInitialized: boolean
  /** True while the session was read back from storage and not yet confirmed by the server on this page. */
  fromCache: boolean
}

const sessionSource: ClientSource<Session> = {
  onChange: (stytch, listener) => stytch.session.onChange(listener),
  read: (stytch) => {
    const { session, fromCache } = stytch.session.getInfo()
    return { value: session, fromCache }
  },
}

/** The current session; re-renders when it changes (sign-in, refresh, revoke, another tab). */
export function useStytchSession(): SessionState {
  const { value, isInitialized, fromCache } = useClientSnapshot('useStytchSession()', sessionSource)
  return useMemo(() => ({ session: value, isInitialized, fromCache }), [value, isInitialized, fromCache])
}
