/** The ways a code reaches a phone. Adding one is a row here; routes, rules and the inbox follow it. */
export const CHANNELS = {
  sms: {
    /** How people name it: the terminal line and the inbox say "SMS to …". */
    label: 'SMS',
    /** SMS carries the origin-bound autofill line (WebOTP, iOS/Android); other channels do not. */
    autofill: true,
  },
  whatsapp: {
    label: 'WhatsApp',
    autofill: false,
  },
} as const satisfies Record<string, { label: string; autofill: boolean }>

export type Channel = keyof typeof CHANNELS

export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[]
