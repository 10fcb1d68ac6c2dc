// Input rules, checked before anything is sent: a rejected call costs no SMS and no request. A rule is
// data (its test, the rule in words, the error code), so every message reads "<name> must be <rule>."
// and never echoes the value.
import type { Channel, SendOption } from './channels'
import { CHANNELS } from './channels'
import type { StytchUsageErrorCode } from './errors'
import { fail } from './errors'
import { isObject } from './schema'

/** A test, the rule in words for the message, and the usage error code (default `invalid_option`). */
export type Rule = readonly [test: (value: unknown) => boolean, rule: string, code?: StytchUsageErrorCode]

export type Rules = Readonly<Record<string, Rule>>

/** Checked options; `signal`, when allowed and given, is an AbortSignal. */
export type Options = Record<string, unknown> & { signal?: AbortSignal }

/** Returns `value` when it passes `rule`, otherwise throws the rule's StytchUsageError. */
export function validate<T>(value: unknown, name: string, [test, rule, code = 'invalid_option']: Rule): T {
  if (!test(value)) fail(code, `${name} must be ${rule}.`)
  return value as T
}

export const matches = (pattern: RegExp) => (value: unknown) =>
  typeof value === 'string' && pattern.test(value)

const isInteger =
  (min: number, max = Infinity) =>
  (value: unknown) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max

export const isBoolean = (value: unknown) => typeof value === 'boolean'

function isLocale(value: unknown): boolean {
  try {
    return typeof value === 'string' && Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}

// Rule tables are built at module level; `@__PURE__` lets bundlers drop the ones an app never uses.
export const DURATION: Rule = [
  /* @__PURE__ */ isInteger(5),
  'an integer of at least 5',
  'invalid_session_duration_minutes',
]

const SIGNAL: Rule = [
  (value) =>
    typeof (value as AbortSignal | null)?.aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function',
  'an AbortSignal',
]

/** Options every call takes. */
export const CALL_RULES: Rules = { signal: SIGNAL }

/** Options of calls that create or extend a session. */
export const SESSION_RULES: Rules = { session_duration_minutes: DURATION, signal: SIGNAL }

/**
 * Checks an options object. Unknown keys are refused, so a typo such as `expiration_minute` fails
 * loudly instead of being dropped; `undefined` counts as absent. The result lists the given options in
 * the order of `rules`, so identical calls build identical request bodies.
 */
export function validateOptions(options: unknown, rules: Rules, prefix = ''): Options {
  const result: Options = {}
  if (options === undefined) return result
  if (!isObject(options)) fail('invalid_option', 'Options must be an object.')
  const known = Object.keys(rules)
  for (const key of Object.keys(options)) {
    if (options[key] !== undefined && !known.includes(key)) {
      fail('invalid_option', `Unknown option "${prefix}${key}".`)
    }
  }
  for (const key of known) {
    if (options[key] !== undefined) result[key] = validate(options[key], prefix + key, rules[key]!)
  }
  return result
}

export function validatePublicToken(token: unknown): string {
  if (typeof token === 'string' && token.startsWith('secret-')) {
    fail('secret_key_in_client', 'Secret keys belong on a server; pass the project public token.')
  }
  return validate(token, 'The token', [
    matches(/^public-token-\S+$/),
    'a public token ("public-token-…")',
    'invalid_public_token',
  ])
}

/** Strips the spaces and dashes people paste, then requires exactly six digits. */
export function validateCode(code: unknown): string {
  const digits = typeof code === 'string' ? code.replace(/[\s-]/g, '') : code
  return validate(digits, 'The code', [matches(/^\d{6}$/), 'exactly 6 digits', 'invalid_code'])
}

export const METHOD_ID: Rule = [
  (value) => typeof value === 'string' && value.trim() !== '',
  'the id the send call returned',
  'invalid_method_id',
]

/** Every send option of any channel; each channel accepts the subset its row in CHANNELS names. */
const SEND_RULES: { readonly [O in SendOption]: Rule } = {
  expiration_minutes: [/* @__PURE__ */ isInteger(1, 10), 'an integer from 1 to 10', 'invalid_expiration'],
  locale: [isLocale, 'a BCP 47 tag such as "pt-br"', 'invalid_locale'],
  enable_autofill: [isBoolean, 'a boolean'],
  autofill_session_duration_minutes: DURATION,
}

/**
 * The JSON body of a send on `channel` (phone number first, options in a fixed order) and the caller's
 * signal. An option of another channel (autofill on WhatsApp) is refused by name.
 */
export function validateSend(
  channel: Channel,
  phone: unknown,
  options: unknown,
): { body: object; signal?: AbortSignal } {
  const phone_number = validate(phone, 'phone_number', [
    matches(/^\+[1-9]\d{7,14}$/),
    'E.164 ("+" and 8 to 15 digits)',
    'invalid_phone_number',
  ])
  const spec = CHANNELS[channel]
  const rules: Record<string, Rule> = { signal: SIGNAL }
  for (const option of Object.keys(SEND_RULES) as SendOption[]) {
    if (spec.options.includes(option)) rules[option] = SEND_RULES[option]
    else if (isObject(options) && options[option] !== undefined) {
      fail('invalid_option', `${option} does not apply to ${spec.name} sends.`)
    }
  }
  const { signal, ...rest } = validateOptions(options, rules)
  return { body: { phone_number, ...rest }, signal }
}
