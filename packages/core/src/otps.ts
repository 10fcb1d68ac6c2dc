// One-time passcodes: send a code by SMS or WhatsApp, then trade it for a session. Both channels share
// one send; their differences are rows in CHANNELS.
import type { Channel } from './channels'
import { CHANNELS } from './channels'
import type { Inflight } from './inflight'
import type { SessionStore } from './sessionStore'
import { SEND_RESPONSE, SESSION_RESPONSE } from './shapes'
import type { TabShare } from './tabShare'
import type { Transport } from './transport'
import type {
  AuthenticateOptions,
  AuthenticateResponse,
  SmsOptions,
  SmsSendResponse,
  WhatsAppOptions,
  WhatsAppSendResponse,
} from './types'
import {
  DURATION,
  METHOD_ID,
  SESSION_RULES,
  validate,
  validateCode,
  validateOptions,
  validateSend,
} from './validate'

/** The sends of one channel. */
export interface ChannelClient<Options, Response> {
  /** Sends a code, creating the user when the number is new. Never retried automatically. */
  loginOrCreate(phone_number: string, options?: Options): Promise<Response>
  /** Sends a code to an existing user; with a session, adds the number to the signed-in user. */
  send(phone_number: string, options?: Options): Promise<Response>
}

export interface OtpsClient {
  sms: ChannelClient<SmsOptions, SmsSendResponse>
  /** As `sms`, without the autofill options (a typed `invalid_option` error, no request). */
  whatsapp: ChannelClient<WhatsAppOptions, WhatsAppSendResponse>
  /** Checks the code; on success the session is stored and listeners are told. */
  authenticate(code: string, method_id: string, options: AuthenticateOptions): Promise<AuthenticateResponse>
}

export interface OtpsDependencies {
  transport: Transport
  store: SessionStore
  /** Identical concurrent sends in this tab share one request. */
  inflight: Inflight
  /** Identical sends in two tabs at once share one request. */
  tabShare: TabShare
}

export function createOtpsClient({ transport, store, inflight, tabShare }: OtpsDependencies): OtpsClient {
  // Async, so that bad input rejects like every other failure instead of throwing synchronously.
  async function sendCode(channel: Channel, call: string, phone: unknown, options: unknown) {
    const { body, signal } = validateSend(channel, phone, options)
    const path = `/otps/${CHANNELS[channel].path}/${call}`
    const sessionToken = store.token()
    const intent = `${path} ${JSON.stringify(body)}`
    // One intent, one message: callers in this tab join one request (each keeps its own signal), which
    // runs under the tab share, which sends only when no other tab has just sent the same thing.
    const send = (shared: AbortSignal) =>
      tabShare.run(
        intent,
        shared,
        () => transport<SmsSendResponse>({ path, body, sessionToken, shape: SEND_RESPONSE, signal: shared }),
        SEND_RESPONSE,
      )
    return store.watch(sessionToken, inflight(`${intent} ${sessionToken}`, send, signal))
  }

  const channelClient = (channel: Channel): ChannelClient<SmsOptions, SmsSendResponse> => ({
    loginOrCreate: (phone, options) => sendCode(channel, 'login_or_create', phone, options),
    // With a session the number is added to the signed-in user; without one it signs in.
    send: (phone, options) =>
      sendCode(channel, `send/${store.token() ? 'secondary' : 'primary'}`, phone, options),
  })

  return {
    sms: channelClient('sms'),
    whatsapp: channelClient('whatsapp'),
    async authenticate(code, method_id, options) {
      const token = validateCode(code)
      validate(method_id, 'method_id', METHOD_ID)
      const { session_duration_minutes, signal } = validateOptions(options, SESSION_RULES)
      const body = {
        token,
        method_id,
        session_duration_minutes: validate(session_duration_minutes, 'session_duration_minutes', DURATION),
      }
      const sessionToken = store.token()
      // Taken before the request: a sign-out while it is in flight outranks its answer.
      const generation = store.generation()
      const response = await store.watch(
        sessionToken,
        transport<AuthenticateResponse>({
          path: '/otps/authenticate',
          body,
          sessionToken,
          shape: SESSION_RESPONSE,
          signal,
        }),
      )
      store.setUnlessSignedOut(generation, response)
      return response
    },
  }
}
