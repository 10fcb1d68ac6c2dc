'use client'

import type { AuthenticateOptions, AuthenticateResponse, StytchHeadlessClient } from '@otpkit/core'
import { useStytchMutation } from './useStytchMutation'
import type { RequestState } from './useStytchMutation'

export interface AuthenticateCodeVariables {
  /** The 6 digits from the text message. */
  code: string
  /** `method_id` from the send response. */
  methodId: string
  /** `session_duration_minutes` (required, ≥ 5) and an optional `signal`. */
  options: AuthenticateOptions
}

const authenticateCode = (
  stytch: StytchHeadlessClient,
  { code, methodId, options }: AuthenticateCodeVariables,
) => stytch.otps.authenticate(code, methodId, options)

/** Request state for checking a code; on success the client stores the session and the session hooks update. */
export function useAuthenticateCode(): RequestState<AuthenticateResponse, AuthenticateCodeVariables> {
  return useStytchMutation('useAuthenticateCode()', authenticateCode)
}
