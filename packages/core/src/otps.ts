// SMS one-time passcodes: send a code, then trade it for a session.
import type { SendGuard } from './sendGuard'
import type { SessionStore } from './sessionStore'
import { AUTHENTICATE_RESPONSE, SEND_RESPONSE } from './shapes'
import type { Transport } from './transport'
import type { AuthenticateOptions, AuthenticateResponse, SmsOptions, SmsSendResponse } from './types'
import {
  DURATION,
  METHOD_ID,
  SESSION_RULES,
  validate,
  validateCode,
  validateOptions,
  validateSms,
} from './validate'

export interface OtpsClient {
  sms: {
    /** Sends a code, creating the user when the number is new. Never retried automatically. */
    loginOrCreate(phone_number: string, options?: SmsOptions): Promise<SmsSendResponse>
    /** Sends a code to an existing user; with a session, adds the number to the signed-in user. */
    send(phone_number: string, options?: SmsOptions): Promise<SmsSendResponse>
  }
  /** Checks the code; on success the session is stored and listeners are told. */
  authenticate(code: string, method_id: string, options: AuthenticateOptions): Promise<AuthenticateResponse>
}

export function createOtpsClient(transport: Transport, store: SessionStore, guard: SendGuard): OtpsClient {
  // Async, so that bad input rejects like every other failure instead of throwing synchronously.
  async function sendSms(path: string, phone: unknown, options: unknown): Promise<SmsSendResponse> {
    const { body, signal } = validateSms(phone, options)
    return transport({ path, body, sessionToken: store.token(), shape: SEND_RESPONSE, signal, guard })
  }

  return {
    sms: {
      loginOrCreate: (phone, options) => sendSms('/otps/sms/login_or_create', phone, options),
      send: (phone, options) =>
        sendSms(`/otps/sms/send/${store.token() ? 'secondary' : 'primary'}`, phone, options),
    },
    async authenticate(code, method_id, options) {
      const token = validateCode(code)
      validate(method_id, 'method_id', METHOD_ID)
      const { session_duration_minutes, signal } = validateOptions(options, SESSION_RULES)
      const response = await transport<AuthenticateResponse>({
        path: '/otps/authenticate',
        body: {
          token,
          method_id,
          session_duration_minutes: validate(session_duration_minutes, 'session_duration_minutes', DURATION),
        },
        sessionToken: store.token(),
        shape: AUTHENTICATE_RESPONSE,
        signal,
      })
      store.set(response)
      return response
    },
  }
}
