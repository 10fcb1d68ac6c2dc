'use client'

import { useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { StytchHeadlessClient } from '@otpkit/core'
import { StytchContext } from './StytchContext'
import type { StytchContextValue } from './StytchContext'

export interface StytchProviderProps {
  /** The client from `createStytchClient(publicToken, options)`. Create it once, outside render. */
  stytch: StytchHeadlessClient
  /**
   * Render the stored session and user from the very first render. Only for apps that are not
   * server-rendered (or accept a hydration mismatch); by default the first render matches the server's:
   * nothing signed in, `isInitialized: false`.
   */
  assumeHydrated?: boolean
  children?: ReactNode
}

export function StytchProvider({ stytch, assumeHydrated = false, children }: StytchProviderProps) {
  const [queries] = useState<StytchContextValue['queries']>(() => ({}))
  const value = useMemo(() => ({ stytch, assumeHydrated, queries }), [stytch, assumeHydrated, queries])
  return <StytchContext.Provider value={value}>{children}</StytchContext.Provider>
}
