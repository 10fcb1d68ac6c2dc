// Public types of @otpkit/core. Option and field names follow the vendor's wire format on purpose,
// so apps can move between SDKs without edits.

/** An ISO 8601 timestamp as the API sends it. */
export type Timestamp = string

export interface PhoneNumber {
  phone_id: string
  phone_number: string
  verified: boolean
}

export interface User {
  user_id: string
  created_at: Timestamp
  status: 'active' | 'pending' | (string & {})
  name: { first_name: string; middle_name: string; last_name: string }
  emails: { email_id: string; email: string; verified: boolean }[]
  phone_numbers: PhoneNumber[]
  trusted_metadata: Record<string, unknown>
  untrusted_metadata: Record<string, unknown>
}

export interface AuthenticationFactor {
  type: 'otp' | (string & {})
  delivery_method: 'sms' | 'whatsapp' | (string & {})
  last_authenticated_at: Timestamp
  phone_number_factor?: { phone_id: string; phone_number: string }
}

export interface Session {
  session_id: string
  user_id: string
  started_at: Timestamp
  last_accessed_at: Timestamp
  expires_at: Timestamp
  authentication_factors: AuthenticationFactor[]
  attributes: { ip_address: string; user_agent: string }
  custom_claims: Record<string, unknown>
}

/** Fields every successful response carries. */
export interface ResponseCommon {
  request_id: string
  status_code: number
}

export interface SmsSendResponse extends ResponseCommon {
  /** The phone id; pass it to `otps.authenticate`. */
  method_id: string
}

/** A WhatsApp send answers exactly like an SMS send. */
export type WhatsAppSendResponse = SmsSendResponse

export interface AuthenticateResponse extends ResponseCommon {
  user_id: string
  method_id: string
  session_token: string
  session_jwt: string
  session: Session
  user: User
  reset_sessions: boolean
}

export interface SessionAuthenticateResponse extends ResponseCommon {
  session: Session
  session_token: string
  session_jwt: string
  user: User
}

export type RevokeResponse = ResponseCommon

/** Options shared by every call. */
export interface CallOptions {
  /** Aborting rejects the call with the standard `AbortError` DOMException. */
  signal?: AbortSignal
}

export interface SmsOptions extends CallOptions {
  /** Code lifetime, integer 1–10. The API's default is 2. */
  expiration_minutes?: number
  /** BCP 47 language tag for the SMS text, e.g. `es` or `pt-br`. */
  locale?: string
  /** Append the origin-bound `@host #code` line so browsers and phones can autofill the code. */
  enable_autofill?: boolean
  /** Session length for an autofilled sign-in, integer ≥ 5. */
  autofill_session_duration_minutes?: number
}

/** The SMS options without the autofill ones: WhatsApp messages carry no WebOTP line. */
export type WhatsAppOptions = Omit<SmsOptions, 'enable_autofill' | 'autofill_session_duration_minutes'>

export interface AuthenticateOptions extends CallOptions {
  /** Session length in minutes, integer ≥ 5. */
  session_duration_minutes: number
}

export interface SessionAuthenticateOptions extends CallOptions {
  /** Extend the session to this many minutes from now, integer ≥ 5. */
  session_duration_minutes?: number
}

export interface SessionTokens {
  session_token: string
  session_jwt: string
}

/** A key–value store shaped like the Web Storage API; `localStorage` fits, so does `createMemoryStorage()`. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface CookieOptions {
  /** Session token cookie name. Default `stytch_session`. */
  opaqueTokenCookieName?: string
  /** Session JWT cookie name. Default `stytch_session_jwt`. */
  jwtCookieName?: string
  /** Cookie domain; default: the page's host only. */
  domain?: string
  /** Cookie path. Default `/`. */
  path?: string
  /** Set `false` to keep tokens out of cookies entirely (storage only). Default `true` in a browser. */
  enabled?: boolean
}

export interface ClientOptions {
  /** API origin, e.g. a custom domain or the local emulator. Default from the token (test or live). */
  baseUrl?: string
  /** The fetch to use; default `globalThis.fetch`. The network edge, so tests inject here. */
  fetch?: typeof fetch
  /** Per-request timeout in milliseconds. Default 15000. */
  timeoutMs?: number
  /** Where the session snapshot and tokens live. Default `localStorage` in a browser, memory elsewhere. */
  storage?: KeyValueStorage
  cookie?: CookieOptions
}

export type Unsubscribe = () => void
