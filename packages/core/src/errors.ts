// One error hierarchy. Every error carries a stable `code`; apps pick their UI text by code, never by
// parsing `message`. Messages never contain tokens. Plain classes, one per kind of failure.

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
  readonly code: StytchErrorCode
  /** Marks errors of this package, across bundled copies (see isStytchError). */
  readonly [BRAND] = true

  constructor(code: StytchErrorCode, message: string, cause?: unknown) {
    super(message)
    this.name = 'StytchError'
    this.code = code
    // Assigned by hand: `new Error(message, { cause })` is ignored by older browsers.
    if (cause !== undefined) this.cause = cause
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
  override readonly code: KnownAPIErrorType | (string & {})
  readonly status_code: number
  readonly error_type: string
  readonly error_message: string
  readonly error_url: string
  readonly request_id: string
  /** Seconds to wait, from the `Retry-After` header (sent with 429). */
  readonly retryAfter: number | undefined

  constructor(fields: StytchAPIErrorFields) {
    super(fields.error_type, fields.error_message || fields.error_type)
    this.name = 'StytchAPIError'
    this.code = fields.error_type
    this.status_code = fields.status_code
    this.error_type = fields.error_type
    this.error_message = fields.error_message
    this.error_url = fields.error_url
    this.request_id = fields.request_id
    this.retryAfter = fields.retryAfter
  }
}

/**
 * No answer came back: offline, DNS, CORS, a reset connection, a body that broke off mid-read, or an
 * injected fetch that threw or resolved with something that is not a Response. The cause is in `cause`.
 */
export class StytchNetworkError extends StytchError {
  override readonly code = 'network_error'

  constructor(message: string, cause: unknown) {
    super('network_error', message, cause)
    this.name = 'StytchNetworkError'
  }
}

/** No complete response within `timeoutMs`. */
export class StytchTimeoutError extends StytchError {
  override readonly code = 'timeout'
  readonly timeoutMs: number

  constructor(message: string, timeoutMs: number) {
    super('timeout', message)
    this.name = 'StytchTimeoutError'
    this.timeoutMs = timeoutMs
  }
}

/** Bad input or a call that cannot work; thrown before any request is sent. */
export class StytchUsageError extends StytchError {
  override readonly code: StytchUsageErrorCode

  constructor(code: StytchUsageErrorCode, message: string) {
    super(code, message)
    this.name = 'StytchUsageError'
    this.code = code
  }
}

/**
 * The response was not JSON, not a Stytch error body, or a success without an essential field (see
 * shapes.ts): HTML error pages, plain-text 429s, truncated bodies.
 */
export class StytchSchemaError extends StytchError {
  override readonly code = 'invalid_response'
  readonly status_code: number
  readonly retryAfter: number | undefined

  constructor(message: string, status_code: number, retryAfter?: number) {
    super('invalid_response', message)
    this.name = 'StytchSchemaError'
    this.status_code = status_code
    this.retryAfter = retryAfter
  }
}

export function isStytchError(error: unknown): error is StytchError {
  return (error as { [BRAND]?: unknown } | null | undefined)?.[BRAND] === true
}

/** A guard by `name`, which survives bundling twice where `instanceof` does not. */
const guard =
  <T extends StytchError>(name: string) =>
  (error: unknown): error is T =>
    isStytchError(error) && error.name === name

export const isStytchAPIError = /* @__PURE__ */ guard<StytchAPIError>('StytchAPIError')
export const isStytchNetworkError = /* @__PURE__ */ guard<StytchNetworkError>('StytchNetworkError')
export const isStytchTimeoutError = /* @__PURE__ */ guard<StytchTimeoutError>('StytchTimeoutError')
export const isStytchUsageError = /* @__PURE__ */ guard<StytchUsageError>('StytchUsageError')
export const isStytchSchemaError = /* @__PURE__ */ guard<StytchSchemaError>('StytchSchemaError')

/** Throws a StytchUsageError: the one way input checks fail. */
export function fail(code: StytchUsageErrorCode, message: string): never {
  throw new StytchUsageError(code, message)
}

/** The rejection a caller's own AbortSignal produces, as fetch would. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError')
}
