'use client'

import type { SmsOptions, SmsSendResponse, StytchHeadlessClient } from '@otpkit/core'
import { useStytchMutation } from './useStytchMutation'
import type { RequestState } from './useStytchMutation'

export interface SendCodeVariables {
  /** E.164, e.g. `+14155550123`. */
  phoneNumber: string
  /** The SDK's own options, in the vendor's snake_case (`expiration_minutes`, `locale`, `signal`, …). */
  options?: SmsOptions
  /**
   * `loginOrCreate` (default) signs in or signs up; `send` texts an existing user, or adds the number to
   * the signed-in user when there is a session.
   */
  method?: 'loginOrCreate' | 'send'
}

const sendCode = (stytch: StytchHeadlessClient, { phoneNumber, options, method }: SendCodeVariables) =>
  method === 'send'
    ? stytch.otps.sms.send(phoneNumber, options)
    : stytch.otps.sms.loginOrCreate(phoneNumber, options)

/** Request state for texting a code: `mutate({ phoneNumber })`, then `status`, `data.method_id`, `error`. */
export function useSendCode(): RequestState<SmsSendResponse, SendCodeVariables> {
  return useStytchMutation('useSendCode()', sendCode)
}
