// The steps both endpoint families and every channel share: reading send options, throttling,
// delivering a code, and checking one.
import {
  optionalBoolean,
  readExpiration,
  readLocale,
  readSessionMinutes,
  type Attributes,
  type JsonObject,
} from './body'
import { CHANNELS, type Channel } from './channels'
import { ApiFailure } from './errors'
import { isoTime } from './ids'
import { SANDBOX_CODE, SANDBOX_PHONE_NUMBER, validatePhoneNumber } from './phone'
import type { FactorRecord, SessionRecord } from './sessions'
import { composeMessageText } from './messageText'
import type { SentMessage } from './options'
import type { EmulatorState, RouteContext } from './state'
import type { PhoneRecord, UserRecord } from './store'

export interface SendInput {
  channel: Channel
  phoneNumber: string
  expirationMinutes: number | undefined
  locale: string
  enableAutofill: boolean
}

/**
 * Validates every send field before anything happens, so a bad request has no effect. The autofill
 * fields belong to channels with autofill; elsewhere they are unknown fields, ignored.
 */
export function readSendInput(body: JsonObject, state: EmulatorState, channel: Channel): SendInput {
  const phoneNumber = validatePhoneNumber(body.phone_number, state.options.countries)
  const expirationMinutes = readExpiration(body)
  const locale = readLocale(body)
  let enableAutofill = false
  if (CHANNELS[channel].autofill) {
    enableAutofill = optionalBoolean(body, 'enable_autofill') ?? false
    readSessionMinutes(body, 'autofill_session_duration_minutes')
  }
  return { channel, phoneNumber, expirationMinutes, locale, enableAutofill }
}

export function throttle({ state, now }: RouteContext, phoneNumber: string): void {
  if (phoneNumber !== SANDBOX_PHONE_NUMBER) state.limiter.hit(phoneNumber, now)
}

/** Finds the user a number signs in with, or creates one. */
export function findOrCreateUser(
  { state, now }: RouteContext,
  phoneNumber: string,
  createAsPending: boolean,
): { user: UserRecord; phone: PhoneRecord; created: boolean } {
  const existing = state.users.phoneByNumber(phoneNumber)
  const existingUser = existing && state.users.user(existing.user_id)
  if (existing && existingUser) return { user: existingUser, phone: existing, created: false }
  const user = state.users.createUser(createAsPending ? 'pending' : 'active', now)
  const phone = state.users.addPhone(user, phoneNumber, null)
  return { user, phone, created: true }
}

function autofillHost(request: Request, state: EmulatorState): string | undefined {
  const origin = request.headers.get('origin') ?? state.options.appOrigin
  if (!origin) return undefined
  try {
    return new URL(origin).hostname || undefined
  } catch {
    return undefined
  }
}

/** Issues a fresh code for the phone (killing the previous one, whatever its channel) and "sends" it. */
export function deliverCode(
  request: Request,
  { state, now }: RouteContext,
  phone: PhoneRecord,
  input: SendInput,
): void {
  const lifetimeSeconds =
    input.expirationMinutes === undefined ? state.options.codeLifetimeSeconds : input.expirationMinutes * 60
  const sandbox = phone.phone_number === SANDBOX_PHONE_NUMBER
  const code = state.codes.issue(
    phone.phone_id,
    input.channel,
    lifetimeSeconds * 1000,
    now,
    sandbox ? SANDBOX_CODE : undefined,
  )
  const body = composeMessageText({
    code,
    locale: input.locale,
    minutes: Math.max(1, Math.round(lifetimeSeconds / 60)),
    autofillHost: input.enableAutofill ? autofillHost(request, state) : undefined,
  })
  const message: SentMessage = {
    to: phone.phone_number,
    channel: input.channel,
    body,
    code,
    method_id: phone.phone_id,
    created_at: isoTime(now),
  }
  state.messages.add(message)
  state.options.onMessage?.({ ...message })
}

/** Checks the code and marks the phone verified. Throws the documented OTP errors. */
export function verifyCode(
  { state, now }: RouteContext,
  methodId: string,
  code: string,
): { phone: PhoneRecord; user: UserRecord; factor: FactorRecord } {
  const phone = state.users.phone(methodId)
  const user = phone && state.users.user(phone.user_id)
  // The sandbox number is for automated tests, which must not lock themselves out.
  const lockable = user && phone.phone_number !== SANDBOX_PHONE_NUMBER ? user.user_id : undefined
  if (lockable) state.locks.check(lockable, now)
  let channel: Channel
  try {
    channel = state.codes.verify(methodId, code, now)
  } catch (error) {
    if (lockable) state.locks.fail(lockable, now)
    throw error
  }
  if (!phone || !user) throw new ApiFailure(404, 'otp_code_not_found', 'The passcode is incorrect.')
  if (lockable) state.locks.succeed(lockable)
  state.users.markVerified(phone)
  return {
    phone,
    user,
    factor: {
      delivery_method: channel,
      phone_id: phone.phone_id,
      phone_number: phone.phone_number,
      last_authenticated_at: now,
    },
  }
}

/** Adds the factor to the caller's live session of the same user, or starts a new session. */
export function sessionAfterAuth(
  { state, now }: RouteContext,
  existing: SessionRecord | undefined,
  user: UserRecord,
  factor: FactorRecord,
  minutes: number | undefined,
  attributes: Attributes,
): SessionRecord | undefined {
  if (existing && existing.user_id === user.user_id) {
    state.sessions.addFactor(existing, factor)
    state.sessions.touch(existing, minutes, now)
    return existing
  }
  if (minutes === undefined) return undefined
  return state.sessions.create(user.user_id, minutes, factor, attributes, now)
}

/** Where an unknown or ended session leads, in both families. */
export function sessionNotFound(): ApiFailure {
  return new ApiFailure(404, 'session_not_found', 'The session could not be found, or it has ended.')
}

/** A phone number already verified by another user cannot be added to this one. */
export function duplicatePhone(): ApiFailure {
  return new ApiFailure(409, 'duplicate_phone_number', 'This phone number already belongs to another user.')
}
