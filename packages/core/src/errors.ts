// One error hierarchy. Every error carries a stable `code`; apps pick their UI text by code, never by
// parsing `message`. Messages never contain tokens.

/** A registry symbol, so guards recognise errors thrown by another bundled copy of this package. */
const BRAND = Symbol.for('@otpkit/core/StytchError')

/** `error_type` values the SMS flow meets; any other string the server sends is passed through. */
export type KnownAPIErrorType =
  | 'invalid_phone_number'
  | 'invalid_phone_number_country_code'
  | 'invalid_expiration'
  | 'invalid_locale'
  | 'invalid_session_duration_minutes'
  | 'invalid_method_id'
  | 'invalid_code'
  | 'otp_code_not_found'
  | 'unable_to_auth_otp_code'
  | 'unauthorized_credentials'
  | 'user_unauthenticated'
  | 'invalid_secret_authentication'
  | 'session_not_found'
  | 'duplicate_phone_number'
  | 'too_many_requests'
  | 'user_lock_limit_reached'
  | 'captcha_required'

export type StytchUsageErrorCode =
  | 'invalid_public_token'
  | 'secret_key_in_client'
  | 'invalid_phone_number'
  | 'invalid_expiration'
  | 'invalid_locale'
  | 'invalid_session_duration_minutes'
  | 'invalid_code'
  | 'invalid_method_id'
  | 'invalid_option'
  | 'no_session'

export type StytchErrorCode =
  KnownAPIErrorType | StytchUsageErrorCode | 'network_error' | 'timeout' | 'invalid_response' | (string & {})

export class StytchError extends Error {
  override name = 'StytchError'
  readonly code: StytchErrorCode

  constructor(code: StytchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message)
    this.code = code
    // Set by hand: `new Error(message, { cause })` is ignored by older browsers.
    if (options && 'cause' in options) this.cause = options.cause
    Object.defineProperty(this, BRAND, { value: true })
  }
}

export interface StytchAPIErrorFields {
  status_code: number
  error_type: string
  error_message: string
  error_url: string
  request_id: string
  retryAfter?: number
}

/** The server answered with an error body. `code` is the server's `error_type`. */
export class StytchAPIError extends StytchError {
  override name = 'StytchAPIError'
  declare readonly code: KnownAPIErrorType | (string & {})
  readonly status_code: number
  readonly error_type: string
  readonly error_message: string
  readonly error_url: string
  readonly request_id: string
  /** Seconds to wait, from the `Retry-After` header (sent with 429). */
  readonly retryAfter: number | undefined

  constructor(fields: StytchAPIErrorFields) {
    super(fields.error_type, fields.error_message || fields.error_type)
    this.status_code = fields.status_code
    this.error_type = fields.error_type
    this.error_message = fields.error_message
    this.error_url = fields.error_url
    this.request_id = fields.request_id
    this.retryAfter = fields.retryAfter
  }
}

/** fetch itself failed: offline, DNS, CORS, connection reset. The browser's TypeError is in `cause`. */
export class StytchNetworkError extends StytchError {
  override name = 'StytchNetworkError'
  declare readonly code: 'network_error'

  constructor(message: string, cause: unknown) {
    super('network_error', message, { cause })
  }
}

/** No complete response within `timeoutMs`. */
export class StytchTimeoutError extends StytchError {
  override name = 'StytchTimeoutError'
  declare readonly code: 'timeout'
  readonly timeoutMs: number

  constructor(message: string, timeoutMs: number) {
    super('timeout', message)
    this.timeoutMs = timeoutMs
  }
}

/** Bad input or a call that cannot work; thrown before any request is sent. */
export class StytchUsageError extends StytchError {
  override name = 'StytchUsageError'
  declare readonly code: StytchUsageErrorCode

  constructor(code: StytchUsageErrorCode, message: string) {
    super(code, message)
  }
}

/** The response was not JSON or not the documented shape (HTML error pages, plain-text 429s). */
export class StytchSchemaError extends StytchError {
  override name = 'StytchSchemaError'
  declare readonly code: 'invalid_response'
  readonly status_code: number
  readonly retryAfter: number | undefined

  constructor(message: string, status_code: number, retryAfter?: number) {
    super('invalid_response', message)
    this.status_code = status_code
    this.retryAfter = retryAfter
  }
}

export function isStytchError(error: unknown): error is StytchError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true
}

const hasName = (error: unknown, name: string) => isStytchError(error) && error.name === name

export const isStytchAPIError = (error: unknown): error is StytchAPIError => hasName(error, 'StytchAPIError')
export const isStytchNetworkError = (error: unknown): error is StytchNetworkError =>
  hasName(error, 'StytchNetworkError')
export const isStytchTimeoutError = (error: unknown): error is StytchTimeoutError =>
  hasName(error, 'StytchTimeoutError')
export const isStytchUsageError = (error: unknown): error is StytchUsageError =>
  hasName(error, 'StytchUsageError')
export const isStytchSchemaError = (error: unknown): error is StytchSchemaError =>
  hasName(error, 'StytchSchemaError')

/** The rejection a caller's own AbortSignal produces, as fetch would. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError')
}
