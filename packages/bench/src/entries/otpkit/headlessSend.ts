// Entry a, otpkit: the headless client and one SMS send, nothing else.
import { createStytchClient } from '@otpkit/core'

export function sendCode(publicToken: string, phoneNumber: string) {
  const stytch = createStytchClient(publicToken)
  return stytch.otps.sms.loginOrCreate(phoneNumber)
}
