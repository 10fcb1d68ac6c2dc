// An app module that only sorts errors (a toast, a logger): it imports the guards and a class, no client.
import { isStytchAPIError, isStytchError, isStytchNetworkError, StytchUsageError } from '@otpkit/core'

export function errorLabel(error: unknown): string {
  if (isStytchAPIError(error)) return `${error.status_code} ${error.error_type}`
  if (isStytchNetworkError(error)) return 'offline'
  if (error instanceof StytchUsageError) return `bad input: ${error.code}`
  return isStytchError(error) ? error.code : 'unknown'
}
