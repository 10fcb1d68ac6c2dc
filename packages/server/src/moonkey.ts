// MoonKey's auth API (`/v1/auth`, Bearer secret key) behind the relay: public-token requests become MoonKey
// calls, and MoonKey's ids, sessions, users and errors become the public-token API's.
import { RelayFailure, relayFailure } from './errors'
import {
  badShape,
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

export interface MoonkeyOptions extends ProviderTransport {
  /** The secret key, `sk_test_…` or `sk_live_…`. */
  apiKey: string
  /** Keep new users inactive until their phone is verified (MoonKey's `requires_verification`). */
  requiresVerification?: boolean
}

const NAME = 'moonkey'

/** MoonKey's error types (as the otpkit emulator names them) → the public-token API's, with its status. */
const ERRORS: Record<string, [status: number, type: string]> = {
  invalid_phone_number: [400, 'invalid_phone_number'],
  phone_number_country_not_allowed: [400, 'invalid_phone_number_country_code'],
  invalid_expires_in: [400, 'invalid_expiration'],
  invalid_session_expires_in: [400, 'invalid_session_duration_minutes'],
  invalid_method_id: [400, 'invalid_method_id'],
  invalid_otp: [400, 'invalid_code'],
  otp_incorrect: [404, 'otp_code_not_found'],
  otp_expired: [401, 'unable_to_auth_otp_code'],
  user_locked: [429, 'user_lock_limit_reached'],
  too_many_requests: [429, 'too_many_requests'],
  session_not_found: [404, 'session_not_found'],
  // The session named a user that is gone: to the browser, the session is gone.
  user_not_found: [404, 'session_not_found'],
  phone_number_not_found: [404, 'phone_number_not_found'],
  bad_request: [400, 'bad_request'],
}

/** MoonKey times are Unix seconds; the public-token API's are ISO 8601. */
function isoTime(value: unknown): string {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value !== 'number' || !Number.isFinite(value)) return new Date(0).toISOString()
  return new Date(value > 1e12 ? value : value * 1000).toISOString()
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    : []
}

/** A MoonKey session as the public-token API's session: factors, times and device in its names. */
function toSession(session: Record<string, unknown>): Record<string, unknown> {
  const id = field(session, 'id', NAME)
  const device = (session.device_fingerprint ?? {}) as Record<string, unknown>
  return {
    session_id: id,
    user_id: field(session, 'user_id', NAME),
    started_at: isoTime(session.started_at ?? session.created_at),
    last_accessed_at: isoTime(session.last_active_at ?? session.updated_at ?? session.started_at),
    expires_at: isoTime(session.expires_at),
    authentication_factors: list(session.factors).map((factor) => {
      const method = (factor.method ?? {}) as Record<string, unknown>
      return {
        type: text(factor.type) || 'otp',
        delivery_method: text(factor.delivery_channel) || 'sms',
        last_authenticated_at: isoTime(method.last_verified_at),
        phone_number_factor: {
          phone_id: text(method.phone_number_id) || text(method.method_id),
          phone_number: text(method.phone_number),
        },
      }
    }),
    attributes: { ip_address: text(device.ip), user_agent: text(device.user_agent) },
    custom_claims: {},
  }
}

/** A MoonKey user as the public-token API's user, with its phone numbers. */
function toUser(user: Record<string, unknown>): Record<string, unknown> {
  return {
    user_id: field(user, 'user_id', NAME),
    created_at: isoTime(user.created_at),
    status: user.active === false ? 'pending' : 'active',
    name: {
      first_name: text(user.first_name),
      middle_name: text(user.middle_name),
      last_name: text(user.last_name),
    },
    emails: list(user.emails).map((email) => ({
      email_id: text(email.id),
      email: text(email.email),
      verified: email.verified === true,
    })),
    phone_numbers: list(user.phone_numbers).map((phone) => ({
      phone_id: text(phone.id),
      phone_number: text(phone.phone_number),
      verified: phone.verified === true,
    })),
    providers: [],
    webauthn_registrations: [],
    totps: [],
    crypto_wallets: [],
    biometric_registrations: [],
    trusted_metadata: {},
    untrusted_metadata: {},
    password: null,
  }
}

export function moonkey(options: MoonkeyOptions): Provider {
  const apiKey = requireString(options?.apiKey, 'moonkey: apiKey')
  const baseUrl = normaliseBaseUrl(options.baseUrl, 'https://api.moonkey.fun', 'moonkey')
  const transport = { fetch: options.fetch ?? globalThis.fetch, timeoutMs: options.timeoutMs ?? 10_000 }
  const authorization = `Bearer ${apiKey}`
  const requiresVerification = options.requiresVerification === true

  function failure(answer: ProviderAnswer): RelayFailure {
    const error = readError(answer)
    if (!error || answer.status >= 500) return unexpected(answer, NAME)
    if (error.type === 'invalid_api_key' || error.type === 'secret_key_required') {
      return relayFailure('provider_unauthorized', 'The sign-in service refused the relay\u2019s API key.')
    }
    const mapped = ERRORS[error.type]
    if (!mapped) {
      return relayFailure(
        'provider_error',
        `The sign-in service (${NAME}) refused the request (${error.type}).`,
      )
    }
    const [status, type] = mapped
    const message = redact(error.message, [apiKey])
    return new RelayFailure(status, type, message, status === 429 ? retryAfter(answer) : {})
  }

  async function call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const answer = await callProvider(
      transport,
      `${baseUrl}/v1/auth${path}`,
      { method, headers: { authorization }, body },
      NAME,
    )
    if (answer.status !== 200 || !answer.body) throw failure(answer)
    return answer.body
  }

  const fingerprint = (caller: Caller) => ({ ip: caller.ip, user_agent: caller.userAgent })

  function sendBody(input: SendInput, caller: Caller): Record<string, unknown> {
    // MoonKey has no locale and no autofill options: they are dropped.
    return {
      phone_number: input.phoneNumber,
      ...(input.expirationMinutes === undefined ? {} : { expires_in: input.expirationMinutes }),
      device_fingerprint: fingerprint(caller),
    }
  }

  async function user(userId: string): Promise<Record<string, unknown>> {
    return toUser(await call('GET', `/users/${encodeURIComponent(userId)}`))
  }

  async function verifySession(sessionToken: string, minutes?: number): Promise<SessionPayload> {
    const body = await call('POST', '/sessions/verify', {
      session_token: sessionToken,
      ...(minutes === undefined ? {} : { session_expires_in: minutes }),
    })
    const session = toSession(objectField(body, 'session', NAME))
    return {
      session,
      session_token: field(body, 'session_token', NAME),
      session_jwt: text(body.session_jwt),
      user: await user(session.user_id as string),
    }
  }

  return {
    name: NAME,
    channels: ['sms'] satisfies Channel[],

    decoyMethodId() {
      // MoonKey's ids are KSUID-length: `pn_` and 27 letters and digits.
      const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
      const bytes = crypto.getRandomValues(new Uint8Array(27))
      return `pn_${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`
    },

    async loginOrCreate(_channel, input, caller) {
      const body = await call('POST', '/otps/sms/login_or_create', {
        ...sendBody(input, caller),
        ...(requiresVerification ? { requires_verification: true } : {}),
      })
      return { method_id: field(body, 'phone_number_id', NAME) }
    },

    async sendPrimary(_channel, input, caller) {
      try {
        const body = await call('POST', '/otps/sms/send', sendBody(input, caller))
        return { method_id: field(body, 'phone_number_id', NAME) }
      } catch (error) {
        if (error instanceof RelayFailure && error.errorType === 'phone_number_not_found') return null
        throw error
      }
    },

    async authenticate(input, caller) {
      const body = await call('POST', '/otps/verify', {
        otp: input.code,
        method_id: input.methodId,
        session_expires_in: input.sessionDurationMinutes,
        ...(input.sessionToken === undefined ? {} : { session_token: input.sessionToken }),
        device_fingerprint: fingerprint(caller),
      })
      if (body.session === undefined || body.session === null) throw badShape(NAME, 'a session')
      const session = toSession(objectField(body, 'session', NAME))
      const userId = field(body, 'user_id', NAME)
      return {
        user_id: userId,
        method_id: field(body, 'method_id', NAME),
        session_token: field(body, 'session_token', NAME),
        session_jwt: text(body.session_jwt),
        session,
        user: await user(userId),
        reset_sessions: false,
      }
    },

    authenticateSession: verifySession,

    async revokeSession(sessionToken) {
      await call('DELETE', '/sessions/delete', { session_token: sessionToken })
    },

    async getUser(sessionToken) {
      return (await verifySession(sessionToken)).user
    },
  }
}
