// The channels <PhoneLogin> can offer, as data: the phrases each one uses. A new channel is one entry
// here, its keys in strings/types.ts and the locale files, and its path in core's channel table.
import type { LoginChannel } from '@otpkit/core/flow'
import type { PhoneLoginStrings } from '../strings/types'

type Key = keyof PhoneLoginStrings

export interface ChannelText {
  /** Its name in the channel choice. */
  name: Key
  /** The phone step's intro line when it is chosen. */
  intro: Key
  /** "We sent a 6-digit code to {phone}" by it. */
  sentTo: Key
  /** "Send by … instead", on the code step of another channel. */
  switchTo: Key
  /** A wrong code names where to look for the right one. */
  wrongCode: Key
}

export const channelText: Record<LoginChannel, ChannelText> = {
  sms: {
    name: 'channelSms',
    intro: 'phoneIntro',
    sentTo: 'codeSentTo',
    switchTo: 'switchToSms',
    wrongCode: 'errorWrongCode',
  },
  whatsapp: {
    name: 'channelWhatsapp',
    intro: 'phoneIntroWhatsapp',
    sentTo: 'codeSentToWhatsapp',
    switchTo: 'switchToWhatsapp',
    wrongCode: 'errorWrongCodeWhatsapp',
  },
}

export const DEFAULT_CHANNELS: readonly LoginChannel[] = ['sms']
