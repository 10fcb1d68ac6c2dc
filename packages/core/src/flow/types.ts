// The public types of the login flow (`@otpkit/core/flow`).
import type { Channel } from '../channels'
import type {
  AuthenticateResponse,
  KeyValueStorage,
  Session,
  SmsOptions,
  SmsSendResponse,
  User,
} from '../types'
import type { Unsubscribe } from '../types'

/** How the code travels: a row of core's CHANNELS, reached as `client.otps[channel]`. */
export type LoginChannel = Channel

export type LoginStep = 'phone' | 'code' | 'done'

/** The part of the headless client the flow uses; `createStytchClient()` fits. */
export interface LoginFlowClient {
  otps: {
    authenticate(
      code: string,
      method_id: string,
      options: { session_duration_minutes: number; signal?: AbortSignal },
    ): Promise<AuthenticateResponse>
  } & {
    [C in LoginChannel]: {
      loginOrCreate(phone_number: string, options?: SmsOptions): Promise<SmsSendResponse>
    }
  }
  session: { onChange(listener: (session: Session | null) => void): Unsubscribe }
}

/** Deadlines for one number, as `Date.now()` values (0 when none). */
export interface NumberLimits {
  /** Until then a new code for this number waits (the resend cool-down). */
  cooldownUntil: number
  /** Until then the server refuses sends for this number (a 429's Retry-After). */
  retryUntil: number
}

/**
 * Codes the flow sets itself, beside the client's own (`otp_code_not_found`, `too_many_requests`, …):
 * - `too_many_wrong_codes`: the code took as many wrong tries as a code allows and no longer works;
 * - `code_expired`: the code's lifetime ran out before it was used;
 * - `send_limited`: this number is in a cool-down or rate-limit wait, so nothing was sent;
 * - `number_unknown`: after a reload the full number is not kept, so a new code needs it typed again.
 */
export type LoginFlowErrorCode =
  'too_many_wrong_codes' | 'code_expired' | 'send_limited' | 'number_unknown' | (string & {})

export interface LoginFlowError {
  code: LoginFlowErrorCode
  /** What was being done: the first send, a new code (resend or another channel), or the code check. */
  action: 'send' | 'resend' | 'verify'
  /** The E.164 number it concerns, when known. */
  phone: string | null
  /** Seconds to wait, for `too_many_requests` and `send_limited`. */
  retryAfter?: number
  /** What was thrown, for `onError`-style reporting; undefined for the flow's own codes. */
  cause?: unknown
}

export interface LoginFlowState {
  step: LoginStep
  channel: LoginChannel
  /** The E.164 number the code went to. Memory only: null after a reload restored the code step. */
  phone: string | null
  /** The number as shown to the person, mostly hidden. */
  maskedPhone: string | null
  methodId: string | null
  /** When the current code stops working (`Date.now()` value), or null. */
  expiresAt: number | null
  /** Per E.164 number; a wait for one number never holds back another. */
  limits: Readonly<Record<string, NumberLimits>>
  /** Wrong codes entered for the current code. */
  wrongAttempts: number
  /** The current code can no longer work (too many wrong tries, expired or used): only a new code helps. */
  codeDead: boolean
  error: LoginFlowError | null
  /** Set after a new code went out from the code step, until the next action. */
  notice: 'code_resent' | null
  /** The first send is in flight. */
  sending: boolean
  /** A resend or a send by another channel is in flight. */
  resending: boolean
  verifying: boolean
  /** Counts codes sent by this flow (a new one restarts WebOTP, for instance). */
  sentCount: number
}

export type LoginFlowEvent =
  | { type: 'code_sent' | 'code_resent'; channel: LoginChannel; phone_number: string; method_id: string }
  | {
      type: 'authenticated'
      channel: LoginChannel
      phone_number: string
      method_id: string
      session: Session
      user: User
    }
  | { type: 'error'; step: 'phone' | 'code'; channel: LoginChannel; error: unknown }

export interface LoginFlowOptions {
  /** The channel chosen at first. Default `sms`. */
  channel?: LoginChannel
  /** Code lifetime in minutes, 1–10. Default 2, the API's. */
  expirationMinutes?: number
  /** Session length in minutes, ≥ 5. Default 60. */
  sessionDurationMinutes?: number
  /** Language of the message. */
  locale?: string
  /** SMS only: ask for the origin-bound last line that lets browsers fill the code in. */
  enableAutofill?: boolean
  /** SMS only: session length for an autofilled sign-in. */
  autofillSessionDurationMinutes?: number
  /** Seconds before a new code for the same number may be sent. Default 30. */
  resendCooldownSeconds?: number
  /** Wrong codes a code survives (the emulator's and Twilio's 5). Default 5. */
  maxWrongAttempts?: number
  /**
   * Where the code step is kept across reloads (`{ method_id, channel, masked number, expiresAt }`, never
   * the full number). Default `sessionStorage` in a browser; `null` keeps nothing.
   */
  storage?: KeyValueStorage | null
  /**
   * Shows a number mostly hidden; default keeps the "+" and the last 4 digits. A function that returns
   * `undefined` (it cannot read this number) leaves it to the default.
   */
  maskPhone?: (phone: string) => string | undefined
  /** Every sent code, sign-in and failed request. */
  onEvent?: (event: LoginFlowEvent) => void
}

export interface LoginFlow {
  getState(): LoginFlowState
  /** The state before anything was restored: what a server renders, and what hydration starts from. */
  getInitialState(): LoginFlowState
  subscribe(listener: (state: LoginFlowState) => void): Unsubscribe
  /** Changes options for the next request (a component's props change). */
  setOptions(options: LoginFlowOptions): void
  /** Sends the first code. Resolves when done; failures land in `state.error`, never reject. */
  send(input: { phone: string; channel?: LoginChannel }): Promise<void>
  /** A new code to the same number by the same channel. */
  resend(): Promise<void>
  submitCode(code: string): Promise<void>
  /** On the phone step, picks the channel; on the code step, sends a new code by it. */
  switchChannel(channel: LoginChannel): Promise<void>
  /** Back to the phone step; forgets the code. */
  changeNumber(): void
  /** Back to the start; keeps only the per-number waits, which the server keeps too. */
  reset(): void
  /** Aborts what is in flight, stops timers and drops listeners. */
  destroy(): void
}
