// Stytch's backend API (`/v1`, Basic project_id:secret) behind the relay. Its answers already use the
// public-token API's names, so most of the work is picking out the fields and the errors.
import { RelayFailure, relayFailure } from './errors'
import {
  callProvider,
  field,
  normaliseBaseUrl,
  objectField,
  readError,
  redact,
  requireString,
  retryAfter,
  unexpected,
  type Caller,
  type Channel,
  type Provider,
  type ProviderAnswer,
  type ProviderTransport,
  type SendInput,
  type SessionPayload,
} from './provider'

export interface StytchBackendOptions extends ProviderTransport {
  projectId: string
  secret: string
  /** Keep new users `pending` until their first code is authenticated (Stytch's `create_user_as_pending`). */
  createUserAsPending?: boolean
}

const NAME = 'stytch-backend'

export function stytchBackend(options: StytchBackendOptions): Provider {
  const projectId = requireString(options?.projectId, 'stytchBackend: projectId')
  const secret = requireString(options?.secret, 'stytchBackend: secret')
  const baseUrl = normaliseBaseUrl(options.baseUrl, 'https://api.stytch.com', 'stytchBackend')
  const transport = { fetch: options.fetch ?? globalThis.fetch, timeoutMs: options.timeoutMs ?? 10_000 }
  const authorization = `Basic ${btoa(`${projectId}:${secret}`)}`
  const createUserAsPending = options.createUserAsPending === true

  function failure(answer: ProviderAnswer): RelayFailure {
    const error = readError(answer)
    if (!error || answer.status >= 500) return unexpected(answer, NAME)
    if (answer.status === 401 && error.type === 'unauthorized_credentials') {
      return relayFailure(
        'provider_unauthorized',
        'The sign-in service refused the relay\u2019s credentials.',
      )
    }
    // The backend speaks the public-token API's error vocabulary: pass the type and status on.
    const message = redact(error.message, [secret, authorization])
    return new RelayFailure(
      answer.status,
      error.type,
      message,
      answer.status === 429 ? retryAfter(answer) : {},
    )
  }

  async function post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await callProvider(
      transport,
      `${baseUrl}/v1${path}`,
      { method: 'POST', headers: { authorization }, body },
      NAME,
    )
    if (answer.status !== 200 || !answer.body) throw failure(answer)
    return answer.body
  }

  const attributes = (caller: Caller) => ({ ip_address: caller.ip, user_agent: caller.userAgent })

  function sendBody(input: SendInput, caller: Caller): Record<string, unknown> {
    // The backend has no autofill options (seed 004): they are dropped.
    return {
      phone_number: input.phoneNumber,
      ...(input.expirationMinutes === undefined ? {} : { expiration_minutes: input.expirationMinutes }),
      ...(input.locale === undefined ? {} : { locale: input.locale }),
      attributes: attributes(caller),
    }
  }

  function sessionPayload(body: Record<string, unknown>): SessionPayload {
    return {
      session_token: field(body, 'session_token', NAME),
      session_jwt: typeof body.session_jwt === 'string' ? body.session_jwt : '',
      session: objectField(body, 'session', NAME),
      user: objectField(body, 'user', NAME),
    }
  }

  return {
    name: NAME,
    channels: ['sms', 'whatsapp'] satisfies Channel[],

    decoyMethodId() {
      // Test projects' ids read `phone-number-test-<uuid>`, live ones `phone-number-live-<uuid>`.
      return `phone-number-${projectId.includes('-test-') ? 'test' : 'live'}-${crypto.randomUUID()}`
    },

    async loginOrCreate(channel, input, caller) {
      const body = await post(`/otps/${channel}/login_or_create`, {
        ...sendBody(input, caller),
        ...(createUserAsPending ? { create_user_as_pending: true } : {}),
      })
      return { method_id: field(body, 'phone_id', NAME) }
    },

    async sendPrimary(channel, input, caller) {
      try {
        const body = await post(`/otps/${channel}/send`, sendBody(input, caller))
        return { method_id: field(body, 'phone_id', NAME) }
      } catch (error) {
        if (error instanceof RelayFailure && error.errorType === 'phone_number_not_found') return null
        throw error
      }
    },

    async sendSecondary(channel, input, sessionToken, caller) {
      const body = await post(`/otps/${channel}/send`, {
        ...sendBody(input, caller),
        session_token: sessionToken,
      })
      return { method_id: field(body, 'phone_id', NAME) }
    },

    async authenticate(input, caller) {
      const body = await post('/otps/authenticate', {
        method_id: input.methodId,
        code: input.code,
        session_duration_minutes: input.sessionDurationMinutes,
        ...(input.sessionToken === undefined ? {} : { session_token: input.sessionToken }),
        attributes: attributes(caller),
      })
      return {
        user_id: field(body, 'user_id', NAME),
        method_id: field(body, 'method_id', NAME),
        ...sessionPayload(body),
        reset_sessions: body.reset_sessions === true,
      }
    },

    async authenticateSession(sessionToken, minutes) {
      const body = await post('/sessions/authenticate', {
        session_token: sessionToken,
        ...(minutes === undefined ? {} : { session_duration_minutes: minutes }),
      })
      return sessionPayload(body)
    },

    async revokeSession(sessionToken) {
      await post('/sessions/revoke', { session_token: sessionToken })
    },

    async getUser(sessionToken) {
      const body = await post('/sessions/authenticate', { session_token: sessionToken })
      return objectField(body, 'user', NAME)
    },
  }
}
