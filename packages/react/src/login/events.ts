import type { Session, User } from '@otpkit/core'
import type { RequestError } from '../useStytchMutation'

/** What <PhoneLogin> reports through `onEvent`, for analytics and app logic. */
export type PhoneLoginEvent =
  | { type: 'code_sent'; phone_number: string; method_id: string }
  | { type: 'code_resent'; phone_number: string; method_id: string }
  | { type: 'authenticated'; phone_number: string; method_id: string; session: Session; user: User }
  | { type: 'error'; step: 'phone' | 'code'; error: RequestError }
