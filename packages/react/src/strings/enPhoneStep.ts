// The English strings of the phone step: the only strings in <PhoneLogin>'s first paint. The rest of
// English (enLater.ts) comes with the views loaded after it.
import type { PhoneStepStrings } from './types'

export const enPhoneStep: PhoneStepStrings = {
  phoneTitle: 'Sign in with your phone',
  phoneIntro: 'We will text you a 6-digit code.',
  phoneLabel: 'Phone number',
  phoneHint: 'Message and data rates may apply.',
  countryLabel: 'Country',
  sendCode: 'Send code',
  sendingCode: 'Sending code…',
  sendCodeIn: 'Send code in {seconds} s',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  channelLabel: 'Send the code by',
  phoneIntroChannel: 'We will send you a 6-digit code on {channel}.',
  waitOver: 'You can try again now.',
}
