import { useContext } from 'react'
import type { StytchHeadlessClient } from '@otpkit/core'
import { StytchContext } from './StytchContext'
import type { StytchContextValue } from './StytchContext'

/** Thrown when a hook or <PhoneLogin> renders outside <StytchProvider>. */
export class MissingProviderError extends Error {
  override name = 'MissingProviderError'
  readonly code = 'missing_provider'

  constructor(hook: string) {
    super(
      `${hook} must be used inside <StytchProvider stytch={client}>. Wrap your app (or this part of it) in the provider from @otpkit/react.`,
    )
  }
}

export function useStytchContext(hook: string): StytchContextValue {
  const context = useContext(StytchContext)
  if (!context) throw new MissingProviderError(hook)
  return context
}

/** The client given to <StytchProvider>. */
export function useStytch(): StytchHeadlessClient {
  return useStytchContext('useStytch()').stytch
}
