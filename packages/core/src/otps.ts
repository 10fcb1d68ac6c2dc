// SMS one-time passcodes: send a code, then trade it for a session.
import { parseAuthenticateResponse, parseSendResponse } from './schema'
import type { SendGuard } from './sendGuard'
import type { SessionStore } from './sessionStore'
import type { Transport } from './transport'
import type { AuthenticateOptions, AuthenticateResponse, SmsOptions, SmsSendResponse } from './types'
import {
  validateCode,
  validateMethodId,
  validateOptions,
  validateSessionDuration,
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
  function sendSms(path: string, phone: unknown, options: unknown): Promise<SmsSendResponse> {
    const { body, signal } = validateSms(phone, options)
    const sessionToken = store.tokens()?.session_token ?? null
    return transport.request({
      method: 'POST',
      path,
      body,
      sessionToken,
      parse: parseSendResponse,
      signal,
      guard,
    })
  }

  return {
    sms: {
      loginOrCreate: async (phone, options) => sendSms('/otps/sms/login_or_create', phone, options),
      send: async (phone, options) => {
        const path = store.tokens() ? '/otps/sms/send/secondary' : '/otps/sms/send/primary'
        return sendSms(path, phone, options)
      },
    },
    async authenticate(code, method_id, options) {
      const token = validateCode(code)
      const methodId = validateMethodId(method_id)
      const opts = validateOptions<AuthenticateOptions>(options, ['session_duration_minutes', 'signal'])
      const session_duration_minutes = validateSessionDuration(opts.session_duration_minutes)
      const response = await transport.request({
        method: 'POST',
        path: '/otps/authenticate',
        body: { token, method_id: methodId, session_duration_minutes },
        sessionToken: store.tokens()?.session_token ?? null,
        parse: parseAuthenticateResponse,
        signal: opts.signal,
      })
      store.set(response)
      return response
    },
  }
}
