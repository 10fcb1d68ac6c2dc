// Entry a, vendor: the headless client and one SMS send, nothing else.
import { StytchHeadlessClient } from '@stytch/vanilla-js/headless'

export function sendCode(publicToken: string, phoneNumber: string) {
  const stytch = new StytchHeadlessClient(publicToken)
  return stytch.otps.sms.loginOrCreate(phoneNumber)
}
