// Input rules, checked before anything is sent: a rejected call costs no SMS and no request.
// Messages describe the rule and never echo tokens.
import { StytchUsageError } from './errors'
import type { CallOptions, SmsOptions } from './types'

const E164 = /^\+[1-9]\d{7,14}$/
const SIX_DIGITS = /^\d{6}$/

export function validatePublicToken(token: unknown): string {
  if (typeof token === 'string' && token.startsWith('secret-')) {
    throw new StytchUsageError(
      'secret_key_in_client',
      'A secret key was passed to the browser client. Use the project public token; keep secrets on a server.',
    )
  }
  if (typeof token !== 'string' || !/^public-token-\S+$/.test(token)) {
    throw new StytchUsageError('invalid_public_token', 'The public token must start with "public-token-".')
  }
  return token
}

export function validatePhone(phone: unknown): string {
  if (typeof phone !== 'string' || !E164.test(phone)) {
    throw new StytchUsageError(
      'invalid_phone_number',
      'The phone number must be in E.164 format: "+" then 8 to 15 digits, e.g. +12025550162.',
    )
  }
  return phone
}

/** Strips the spaces and dashes people paste, then requires exactly six digits. */
export function validateCode(code: unknown): string {
  const digits = typeof code === 'string' ? code.replace(/[\s-]/g, '') : ''
  if (!SIX_DIGITS.test(digits)) {
    throw new StytchUsageError('invalid_code', 'The code must be exactly 6 digits.')
  }
  return digits
}

export function validateMethodId(methodId: unknown): string {
  if (typeof methodId !== 'string' || methodId.trim() === '') {
    throw new StytchUsageError(
      'invalid_method_id',
      'method_id must be the non-empty id returned by the send call.',
    )
  }
  return methodId
}

function isInteger(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

export function validateSessionDuration(value: unknown, name = 'session_duration_minutes'): number {
  if (!isInteger(value, 5)) {
    throw new StytchUsageError(
      'invalid_session_duration_minutes',
      `${name} must be an integer of at least 5.`,
    )
  }
  return value
}

function isLocale(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false
  try {
    return Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  )
}

/**
 * Checks an options object against the allowed keys; unknown keys are rejected so a typo such as
 * `expiration_minute` fails loudly instead of being silently dropped. `undefined` values count as absent.
 */
export function validateOptions<T extends object>(options: unknown, allowed: readonly string[]): Partial<T> {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new StytchUsageError('invalid_option', 'Options must be an object.')
  }
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !allowed.includes(key)) {
      throw new StytchUsageError('invalid_option', `Unknown option "${key}". Allowed: ${allowed.join(', ')}.`)
    }
  }
  const signal = (options as CallOptions).signal
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new StytchUsageError('invalid_option', 'signal must be an AbortSignal.')
  }
  return options as Partial<T>
}

const SMS_KEYS = [
  'expiration_minutes',
  'locale',
  'enable_autofill',
  'autofill_session_duration_minutes',
  'signal',
]

/** The JSON fields of an SMS send, in a fixed order so identical calls produce identical bodies. */
export interface SmsBody {
  phone_number: string
  expiration_minutes?: number
  locale?: string
  enable_autofill?: boolean
  autofill_session_duration_minutes?: number
}

export function validateSms(phone: unknown, options: unknown): { body: SmsBody; signal?: AbortSignal } {
  const phone_number = validatePhone(phone)
  const opts = validateOptions<SmsOptions>(options, SMS_KEYS)
  const body: SmsBody = { phone_number }
  if (opts.expiration_minutes !== undefined) {
    if (!isInteger(opts.expiration_minutes, 1, 10)) {
      throw new StytchUsageError('invalid_expiration', 'expiration_minutes must be an integer from 1 to 10.')
    }
    body.expiration_minutes = opts.expiration_minutes
  }
  if (opts.locale !== undefined) {
    if (!isLocale(opts.locale)) {
      throw new StytchUsageError(
        'invalid_locale',
        'locale must be a BCP 47 language tag such as "en" or "pt-br".',
      )
    }
    body.locale = opts.locale
  }
  if (opts.enable_autofill !== undefined) {
    if (typeof opts.enable_autofill !== 'boolean') {
      throw new StytchUsageError('invalid_option', 'enable_autofill must be a boolean.')
    }
    body.enable_autofill = opts.enable_autofill
  }
  if (opts.autofill_session_duration_minutes !== undefined) {
    body.autofill_session_duration_minutes = validateSessionDuration(
      opts.autofill_session_duration_minutes,
      'autofill_session_duration_minutes',
    )
  }
  return { body, signal: opts.signal }
}
