import type { LoginChannel } from '@otpkit/core/flow'
import type { Session, User } from '@otpkit/core'
import type { RequestError } from '../useStytchMutation'

/** What <PhoneLogin> reports through `onEvent`, for analytics and app logic; each names its channel. */
export type PhoneLoginEvent =
  | { type: 'code_sent'; channel: LoginChannel; phone_number: string; method_id: string }
  | { type: 'code_resent'; channel: LoginChannel; phone_number: string; method_id: string }
  | {
      type: 'authenticated'
      channel: LoginChannel
      phone_number: string
      method_id: string
      session: Session
      user: User
    }
  | { type: 'error'; step: 'phone' | 'code'; channel: LoginChannel; error: RequestError }
