// Sorts a flow error into the few situations the UI explains differently. Chosen by `code` (and the
// wait the flow attached), never by reading messages. Errors come after a Send, so this module comes
// with the views loaded after the first paint (laterViews.ts): what it needs from the first paint
// (`fill`, `channelString`) arrives as the login kit.
import type { LoginChannel, LoginFlowError } from '@otpkit/core/flow'
import { formatWait } from '../strings/formatWait'
import type { PhoneLoginStrings, RequiredStringKey } from '../strings/types'
import type { LoginKit } from './loginKit'

export type LoginErrorKind =
  | 'phone_required'
  | 'phone_too_short'
  | 'phone_too_long'
  | 'phone_invalid'
  | 'country_not_allowed'
  | 'region_not_allowed'
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
  /** The allowed main country of a refused region's calling code. */
  mainCountry?: string
  requestId?: string
}

const kindOf: Record<string, LoginErrorKind> = {
  network_error: 'network',
  timeout: 'timeout',
  // Too many wrong codes for the user: a lock for a while (an hour at the vendor), not a countdown.
  user_lock_limit_reached: 'locked',
  otp_code_not_found: 'wrong_code',
  unable_to_auth_otp_code: 'code_expired',
  code_expired: 'code_expired',
  number_unknown: 'code_expired',
  too_many_wrong_codes: 'code_killed',
  invalid_phone_number: 'phone_invalid',
  invalid_phone_number_country_code: 'country_not_allowed',
  invalid_code: 'code_incomplete',
}

export function describeFlowError(error: LoginFlowError): LoginError {
  // The flow attaches a wait to every rate limit (a 429, or a number still in its wait).
  if (error.retryAfter !== undefined) return { kind: 'rate_limited' }
  const kind = kindOf[error.code]
  if (kind) return { kind }
  const requestId = (error.cause as { request_id?: unknown } | undefined)?.request_id
  return typeof requestId === 'string' ? { kind: 'generic', requestId } : { kind: 'generic' }
}

const messageKey: Record<Exclude<LoginErrorKind, 'wrong_code'>, RequiredStringKey> = {
  phone_required: 'errorPhoneRequired',
  phone_too_short: 'errorPhoneTooShort',
  phone_too_long: 'errorPhoneTooLong',
  phone_invalid: 'errorPhoneInvalid',
  country_not_allowed: 'errorCountryNotAllowed',
  region_not_allowed: 'errorRegionNotAllowed',
  code_incomplete: 'errorCodeIncomplete',
  code_expired: 'errorCodeExpired',
  code_killed: 'errorTooManyWrongCodes',
  rate_limited: 'errorRateLimited',
  locked: 'errorLocked',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  generic: 'errorGeneric',
}

export interface ErrorValues {
  /** The country's name, for the phone messages. */
  country: string
  dialCode?: string
  mainCountry?: string
  /** The wait's length when it started, for a rate limit. */
  seconds: number
  /** BCP 47 tag of the language shown, for the wait's plural form. */
  lang: string
  channel: LoginChannel
}

/** The text shown for an error; plain text, rendered by React as text. A wrong code names its channel. */
export function errorText(
  { fill, channelString }: Pick<LoginKit, 'fill' | 'channelString'>,
  error: LoginError,
  strings: PhoneLoginStrings,
  values: ErrorValues,
): string {
  const text =
    error.kind === 'wrong_code'
      ? channelString(strings, values.channel, 'wrongCode')
      : fill(strings[messageKey[error.kind]], {
          ...values,
          wait: formatWait(values.seconds, strings, values.lang, fill),
        })
  return error.requestId ? `${text} ${fill(strings.errorRequestId, { requestId: error.requestId })}` : text
}
