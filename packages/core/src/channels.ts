// The ways a one-time passcode can travel, as data. Channels differ only in the path segment, the send
// options they accept and whether the browser can read the code from the message (WebOTP); everything
// else (validation, dedupe, cross-tab sharing, the wire) is shared. Adding a channel is a row here.

/** A delivery channel for one-time passcodes. */
export type Channel = 'sms' | 'whatsapp'

/** A send option some channel accepts, besides the phone number and `signal`. */
export type SendOption =
  'expiration_minutes' | 'locale' | 'enable_autofill' | 'autofill_session_duration_minutes'

export interface ChannelSpec {
  /** How people call it, for messages: "SMS", "WhatsApp". */
  readonly name: string
  /** The path segment: `/sdk/v1/otps/<path>/login_or_create`, `/sdk/v1/otps/<path>/send/primary`. */
  readonly path: string
  /** The send options this channel accepts; any other send option is bad input for it. */
  readonly options: readonly SendOption[]
  /** Whether the message carries the origin-bound line browsers read with WebOTP (and autofill applies). */
  readonly webOtp: boolean
}

/** One row per channel. The emulator, the server relay and the login flow read the same table. */
export const CHANNELS: { readonly [C in Channel]: ChannelSpec } = {
  sms: {
    name: 'SMS',
    path: 'sms',
    options: ['expiration_minutes', 'locale', 'enable_autofill', 'autofill_session_duration_minutes'],
    webOtp: true,
  },
  whatsapp: {
    name: 'WhatsApp',
    path: 'whatsapp',
    options: ['expiration_minutes', 'locale'],
    webOtp: false,
  },
}
