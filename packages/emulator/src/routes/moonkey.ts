// MoonKey's auth API under /v1/auth (Bearer secret key), beside Stytch's: the same users, codes, sessions and
// inbox, shown through MoonKey's ids (`pn_…`, `user_…`), its flat bodies and its 1-minute default expiry.
// MoonKey does not document its error bodies beyond `{error_type, error_message, status_code}` (what its Node
// SDK reads); the error types below are the emulator's own choice, listed in the emulator's README.
import { randomBytes } from 'node:crypto'
import { readBasicAuth, safeEqual } from '../auth'
import { optionalBoolean, optionalString, readJsonObject, type Attributes, type JsonObject } from '../body'
import { ApiFailure, jsonResponse } from '../errors'
import {
  deliverCode,
  findOrCreateUser,
  sessionAfterAuth,
  sessionNotFound,
  throttle,
  verifyCode,
} from '../flows'
import { validatePhoneNumber } from '../phone'
import type { SessionRecord } from '../sessions'
import type { EmulatorState, RouteContext, RouteHandler } from '../state'
import type { UserRecord } from '../store'

/** The emulator's error types for MoonKey, by the internal (Stytch-named) failure they stand for. */
const ERROR_TYPES: Record<string, string> = {
  invalid_phone_number_country_code: 'phone_number_country_not_allowed',
  invalid_code: 'invalid_otp',
  otp_code_not_found: 'otp_incorrect',
  unable_to_auth_otp_code: 'otp_expired',
  user_lock_limit_reached: 'user_locked',
  invalid_session_duration_minutes: 'invalid_session_expires_in',
  unauthorized_credentials: 'invalid_api_key',
}

function moonkeyError(failure: ApiFailure): Response {
  const errorType = ERROR_TYPES[failure.errorType] ?? failure.errorType
  return jsonResponse(
    failure.status,
    { error_type: errorType, error_message: failure.message, status_code: failure.status },
    failure.headers,
  )
}

/** KSUID-length ids in MoonKey's style, e.g. `pn_24oXBLRv6BoHXbNZoTAZkAFlRsy`. */
function moonkeyId(prefix: 'pn' | 'user' | 'session'): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  const bytes = randomBytes(27)
  return `${prefix}_${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`
}

/** Two-way names: the shared records keep their internal ids; MoonKey callers see theirs. */
class IdMap {
  readonly #outside = new Map<string, string>()
  readonly #inside = new Map<string, string>()
  readonly #prefix: 'pn' | 'user' | 'session'

  constructor(prefix: 'pn' | 'user' | 'session') {
    this.#prefix = prefix
  }

  outside(inside: string): string {
    let id = this.#outside.get(inside)
    if (id === undefined) {
      id = moonkeyId(this.#prefix)
      this.#outside.set(inside, id)
      this.#inside.set(id, inside)
    }
    return id
  }

  inside(outside: string): string | undefined {
    return this.#inside.get(outside)
  }
}

const idMaps = new WeakMap<EmulatorState, { phones: IdMap; users: IdMap; sessions: IdMap }>()

function ids(state: EmulatorState) {
  let maps = idMaps.get(state)
  if (!maps) {
    maps = { phones: new IdMap('pn'), users: new IdMap('user'), sessions: new IdMap('session') }
    idMaps.set(state, maps)
  }
  return maps
}

function authorise(request: Request, { state }: RouteContext): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  const key = match?.[1] ?? readBasicAuth(request)?.username ?? ''
  const { moonkeyApiKey, moonkeyPublicKey } = state.options
  if (safeEqual(key, moonkeyApiKey)) return
  if (safeEqual(key, moonkeyPublicKey)) {
    throw new ApiFailure(403, 'secret_key_required', 'This endpoint takes the secret API key (sk_…).')
  }
  throw new ApiFailure(401, 'unauthorized_credentials', 'The API key is missing or not valid.')
}

/** `expires_in`: minutes, 1 to 10; MoonKey's default is 1. */
function readExpiresIn(body: JsonObject): number {
  const value = body.expires_in
  if (value === undefined || value === null) return 1
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10) {
    throw new ApiFailure(400, 'invalid_expires_in', 'expires_in must be a whole number of minutes, 1 to 10.')
  }
  return value
}

/** `session_expires_in`: minutes, 5 to 525,600 (MoonKey's verify page). */
function readSessionExpiresIn(body: JsonObject): number | undefined {
  const value = body.session_expires_in
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 5 || value > 525_600) {
    throw new ApiFailure(
      400,
      'invalid_session_expires_in',
      'session_expires_in must be a whole number of minutes, 5 to 525600.',
    )
  }
  return value
}

function readFingerprint(body: JsonObject, request: Request): Attributes {
  const value = body.device_fingerprint
  const fallback = { ip_address: '', user_agent: request.headers.get('user-agent') ?? '' }
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiFailure(400, 'bad_request', 'device_fingerprint must be an object.')
  }
  const fingerprint = value as JsonObject
  return {
    ip_address: optionalString(fingerprint, 'ip') ?? fallback.ip_address,
    user_agent: optionalString(fingerprint, 'user_agent') ?? fallback.user_agent,
  }
}

function readOtp(body: JsonObject): string {
  const value = body.otp
  if (typeof value !== 'string' || !/^\d{6}$/.test(value)) {
    throw new ApiFailure(400, 'invalid_code', 'otp must be the 6-digit passcode as a string.')
  }
  return value
}

const seconds = (ms: number) => Math.floor(ms / 1000)

function userView(state: EmulatorState, user: UserRecord) {
  const map = ids(state)
  const phones = user.phoneIds.flatMap((id) => {
    const phone = state.users.phone(id)
    return phone ? [phone] : []
  })
  const created = seconds(user.created_at)
  return {
    user_id: map.users.outside(user.user_id),
    first_name: '',
    middle_name: '',
    last_name: '',
    active: user.status === 'active',
    created_at: created,
    updated_at: created,
    email_id: '',
    phone_number_id: phones[0] ? map.phones.outside(phones[0].phone_id) : '',
    emails: [],
    phone_numbers: phones.map((phone) => ({
      id: map.phones.outside(phone.phone_id),
      phone_number: phone.phone_number,
      verified: phone.verified,
      created_at: created,
      updated_at: created,
    })),
    wallets: [],
    totps: [],
  }
}

function sessionView(state: EmulatorState, session: SessionRecord) {
  const map = ids(state)
  return {
    id: map.sessions.outside(session.session_id),
    user_id: map.users.outside(session.user_id),
    started_at: seconds(session.started_at),
    last_active_at: seconds(session.last_accessed_at),
    expires_at: seconds(session.expires_at),
    created_at: seconds(session.started_at),
    updated_at: seconds(session.last_accessed_at),
    factors: session.factors.map((factor) => ({
      type: 'otp',
      delivery_channel: factor.delivery_method,
      method: {
        method_id: map.phones.outside(factor.phone_id),
        method_type: 'phone_number',
        last_verified_at: seconds(factor.last_authenticated_at),
        phone_number_id: map.phones.outside(factor.phone_id),
        phone_number: factor.phone_number,
      },
    })),
    device_fingerprint: { ip: session.attributes.ip_address, user_agent: session.attributes.user_agent },
  }
}

function sessionFields({ state, now }: RouteContext, session: SessionRecord) {
  return {
    session_token: session.token,
    session_jwt: state.sessions.jwt(session, now),
    session: sessionView(state, session),
  }
}

/** The live session named by `session_token` or `session_jwt`, if either was sent. */
async function givenSession(
  body: JsonObject,
  { state, now }: RouteContext,
): Promise<SessionRecord | undefined | null> {
  const token = optionalString(body, 'session_token')
  const jwt = optionalString(body, 'session_jwt')
  if (token === undefined && jwt === undefined) return null
  return token !== undefined ? state.sessions.byToken(token, now) : state.sessions.byJwt(jwt ?? '', now)
}

function readSend(body: JsonObject, request: Request, state: EmulatorState) {
  const phoneNumber = validatePhoneNumber(body.phone_number, state.options.countries)
  const expiresIn = readExpiresIn(body)
  readFingerprint(body, request)
  return {
    channel: 'sms' as const,
    phoneNumber,
    expirationMinutes: expiresIn,
    locale: 'en',
    enableAutofill: false,
  }
}

const loginOrCreate: RouteHandler = async (request, context) => {
  authorise(request, context)
  const body = await readJsonObject(request)
  const input = readSend(body, request, context.state)
  const pending = optionalBoolean(body, 'requires_verification') ?? false
  throttle(context, input.phoneNumber)
  const { user, phone, created } = findOrCreateUser(context, input.phoneNumber, pending)
  deliverCode(request, context, phone, input)
  const map = ids(context.state)
  return jsonResponse(200, {
    phone_number_id: map.phones.outside(phone.phone_id),
    user_created: created,
    user_id: map.users.outside(user.user_id),
    status: user.status,
  })
}

const send: RouteHandler = async (request, context) => {
  authorise(request, context)
  const input = readSend(await readJsonObject(request), request, context.state)
  const phone = context.state.users.phoneByNumber(input.phoneNumber)
  if (!phone) {
    throw new ApiFailure(404, 'phone_number_not_found', 'No user has this phone number; use login_or_create.')
  }
  throttle(context, input.phoneNumber)
  deliverCode(request, context, phone, input)
  const map = ids(context.state)
  return jsonResponse(200, {
    phone_number_id: map.phones.outside(phone.phone_id),
    user_id: map.users.outside(phone.user_id),
  })
}

const verify: RouteHandler = async (request, context) => {
  authorise(request, context)
  const body = await readJsonObject(request)
  const otp = readOtp(body)
  const methodId = body.method_id
  if (typeof methodId !== 'string' || !/^pn_[A-Za-z0-9]+$/.test(methodId)) {
    throw new ApiFailure(400, 'invalid_method_id', 'method_id must be a phone number id such as pn_….')
  }
  const minutes = readSessionExpiresIn(body)
  const fingerprint = readFingerprint(body, request)
  const existing = await givenSession(body, context)
  if (existing === undefined) throw sessionNotFound()
  const map = ids(context.state)
  // An unknown pn_ id answers like a wrong code, so the answer does not tell whether the phone exists.
  const inside = map.phones.inside(methodId) ?? 'phone-number-unknown'
  const { user, factor } = verifyCode(context, inside, otp)
  const session = sessionAfterAuth(context, existing ?? undefined, user, factor, minutes, fingerprint)
  return jsonResponse(200, {
    method_id: methodId,
    method_type: 'phone_number',
    user_id: map.users.outside(user.user_id),
    ...(session ? sessionFields(context, session) : {}),
  })
}

const sessionsVerify: RouteHandler = async (request, context) => {
  authorise(request, context)
  const body = await readJsonObject(request)
  const minutes = readSessionExpiresIn(body)
  const session = await givenSession(body, context)
  if (session === null) {
    throw new ApiFailure(400, 'bad_request', 'Send session_token or session_jwt.')
  }
  if (!session) throw sessionNotFound()
  context.state.sessions.touch(session, minutes, context.now)
  return jsonResponse(200, sessionFields(context, session))
}

const sessionsDelete: RouteHandler = async (request, context) => {
  authorise(request, context)
  const body = await readJsonObject(request)
  const sessionId = optionalString(body, 'session_id')
  const inside = sessionId === undefined ? undefined : ids(context.state).sessions.inside(sessionId)
  const session =
    sessionId === undefined
      ? await givenSession(body, context)
      : context.state.sessions.byId(inside ?? '', context.now)
  if (session === null) {
    throw new ApiFailure(400, 'bad_request', 'Send session_id, session_token or session_jwt.')
  }
  if (!session) throw sessionNotFound()
  context.state.sessions.revoke(session)
  return jsonResponse(200, { message: 'Session deleted.' })
}

const getUser: RouteHandler = async (request, context) => {
  authorise(request, context)
  const inside = ids(context.state).users.inside(context.params?.user_id ?? '')
  const user = inside === undefined ? undefined : context.state.users.user(inside)
  if (!user) throw new ApiFailure(404, 'user_not_found', 'No user has this user_id.')
  return jsonResponse(200, userView(context.state, user))
}

/** Failures in MoonKey's flat error shape instead of the router's Stytch-shaped one. */
function moonkeyShaped(handler: RouteHandler): RouteHandler {
  return async (request, context) => {
    try {
      return await handler(request, context)
    } catch (error) {
      if (error instanceof ApiFailure) return moonkeyError(error)
      throw error
    }
  }
}

export const moonkeyRoutes: Record<string, Record<string, RouteHandler>> = {
  '/v1/auth/otps/sms/login_or_create': { POST: moonkeyShaped(loginOrCreate) },
  '/v1/auth/otps/sms/send': { POST: moonkeyShaped(send) },
  '/v1/auth/otps/verify': { POST: moonkeyShaped(verify) },
  '/v1/auth/sessions/verify': { POST: moonkeyShaped(sessionsVerify) },
  '/v1/auth/sessions/delete': { DELETE: moonkeyShaped(sessionsDelete) },
  '/v1/auth/users/:user_id': { GET: moonkeyShaped(getUser) },
}
