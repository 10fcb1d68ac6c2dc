'use client'

import { useContext } from 'react'
import type { StytchHeadlessClient } from '@otpkit/core'
import { StytchContext } from './StytchContext'
import type { StytchContextValue } from './StytchContext'
import { MissingProviderError } from './MissingProviderError'

export function useStytchContext(hook: string): StytchContextValue {
  const context = useContext(StytchContext)
  if (!context) throw new MissingProviderError(hook)
  return context
}

/** The client given to <StytchProvider>. */
export function useStytch(): StytchHeadlessClient {
  return useStytchContext('useStytch()').stytch
}
