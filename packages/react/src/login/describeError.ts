// Sorts any failure into the few situations the UI explains differently. Chosen by `code` and status,
// never by reading messages.
import {
  isStytchAPIError,
  isStytchError,
  isStytchNetworkError,
  isStytchSchemaError,
  isStytchTimeoutError,
} from '@otpkit/core'
import type { LoginChannel, LoginFlowError } from '@otpkit/core/flow'
import { fill } from '../strings/resolveStrings'
import type { PhoneLoginStrings } from '../strings/types'
import { channelText } from './channels'

export type LoginErrorKind =
  | 'phone_required'
  | 'phone_too_short'
  | 'phone_too_long'
  | 'phone_invalid'
  | 'country_not_allowed'
  | 'code_incomplete'
  | 'wrong_code'
  | 'code_expired'
  | 'code_killed'
  | 'rate_limited'
  | 'locked'
  | 'network'
  | 'timeout'
  | 'generic'

export interface LoginError {
  kind: LoginErrorKind
  /** ISO code the phone messages name. */
  country?: string
  /** Seconds to wait, from the server's Retry-After. */
  retryAfter?: number
  requestId?: string
}

export function classifyError(error: unknown): LoginError {
  if (isStytchNetworkError(error)) return { kind: 'network' }
  if (isStytchTimeoutError(error)) return { kind: 'timeout' }
  const status = isStytchAPIError(error) || isStytchSchemaError(error) ? error.status_code : undefined
  const code = isStytchError(error) ? error.code : undefined
  // Too many wrong codes: a lock for a while (an hour at the vendor), not a countdown of seconds.
  if (code === 'user_lock_limit_reached') return { kind: 'locked' }
  if (status === 429 || code === 'too_many_requests') {
    const retryAfter = isStytchAPIError(error) || isStytchSchemaError(error) ? error.retryAfter : undefined
    return retryAfter === undefined ? { kind: 'rate_limited' } : { kind: 'rate_limited', retryAfter }
  }
  switch (code) {
    case 'otp_code_not_found':
      return { kind: 'wrong_code' }
    case 'unable_to_auth_otp_code':
      return { kind: 'code_expired' }
    case 'invalid_phone_number':
      return { kind: 'phone_invalid' }
    case 'invalid_phone_number_country_code':
      return { kind: 'country_not_allowed' }
    case 'invalid_code':
      return { kind: 'code_incomplete' }
  }
  // A chunk or request that failed before reaching the client's transport (e.g. the phone library).
  if (!isStytchError(error) && error instanceof TypeError) return { kind: 'network' }
  return isStytchAPIError(error) ? { kind: 'generic', requestId: error.request_id } : { kind: 'generic' }
}

/** The flow's own codes first; a failed request is sorted by what was thrown. */
export function describeFlowError(error: LoginFlowError): LoginError {
  switch (error.code) {
    case 'too_many_wrong_codes':
      return { kind: 'code_killed' }
    case 'code_expired':
    case 'number_unknown':
      return { kind: 'code_expired' }
    case 'send_limited':
      return { kind: 'rate_limited', ...(error.retryAfter !== undefined && { retryAfter: error.retryAfter }) }
  }
  return classifyError(error.cause)
}

const messageKey: Record<LoginErrorKind, keyof PhoneLoginStrings> = {
  phone_required: 'errorPhoneRequired',
  phone_too_short: 'errorPhoneTooShort',
  phone_too_long: 'errorPhoneTooLong',
  phone_invalid: 'errorPhoneInvalid',
  country_not_allowed: 'errorCountryNotAllowed',
  code_incomplete: 'errorCodeIncomplete',
  wrong_code: 'errorWrongCode',
  code_expired: 'errorCodeExpired',
  code_killed: 'errorTooManyWrongCodes',
  rate_limited: 'errorRateLimited',
  locked: 'errorLocked',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  generic: 'errorGeneric',
}

/** The text shown for an error; plain text, rendered by React as text. A wrong code names its channel. */
export function errorText(
  error: LoginError,
  strings: PhoneLoginStrings,
  values: { country: string; seconds: number; channel: LoginChannel },
): string {
  const key = error.kind === 'wrong_code' ? channelText[values.channel].wrongCode : messageKey[error.kind]
  const text = fill(strings[key], values)
  return error.requestId ? `${text} ${fill(strings.errorRequestId, { requestId: error.requestId })}` : text
}
