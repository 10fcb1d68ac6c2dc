'use client'

import { createContext } from 'react'
import type { StytchHeadlessClient } from '@otpkit/core'
import type { QueryClient } from '@tanstack/query-core'

export interface StytchContextValue {
  stytch: StytchHeadlessClient
  assumeHydrated: boolean
  /**
   * The provider's private request-state store. The first request hook creates the QueryClient in it,
   * so apps that only read the session never load @tanstack/query-core.
   */
  queries: { client?: QueryClient }
}

export const StytchContext = /* @__PURE__ */ createContext<StytchContextValue | null>(null)
