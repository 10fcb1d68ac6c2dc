import { ApiFailure } from './errors'

export type JsonObject = Record<string, unknown>

/** Parses the request body as JSON; an empty body reads as `undefined`. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new ApiFailure(400, 'bad_request', `The request body is not valid JSON: ${detail}`)
  }
}

/** Parses the request body as a JSON object; an empty body reads as `{}`. Unknown fields are kept and ignored. */
export async function readJsonObject(request: Request): Promise<JsonObject> {
  const value = (await readJson(request)) ?? {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiFailure(400, 'bad_request', 'The request body must be a JSON object.')
  }
  return value as JsonObject
}

/** Locales from the seed schema; the comparison ignores case, as BCP 47 tags do. */
export const SUPPORTED_LOCALES = [
  'en',
  'es',
  'pt-br',
  'fr',
  'it',
  'de-DE',
  'zh-Hans',
  'ca-ES',
  'ja',
  'ru',
  'nl',
  'pl',
  'tr',
  'fa',
  'vi',
  'cs',
] as const

export const MIN_SESSION_MINUTES = 5
export const MAX_SESSION_MINUTES = 527040

function present(body: JsonObject, field: string): boolean {
  return body[field] !== undefined && body[field] !== null
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  if (!present(body, field)) return undefined
  const value = body[field]
  if (typeof value !== 'string') throw new ApiFailure(400, 'bad_request', `${field} must be a string.`)
  return value
}

export function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  if (!present(body, field)) return undefined
  const value = body[field]
  if (typeof value !== 'boolean') throw new ApiFailure(400, 'bad_request', `${field} must be a boolean.`)
  return value
}

/** `expiration_minutes`: integer 1..10, or undefined. */
export function readExpiration(body: JsonObject): number | undefined {
  if (!present(body, 'expiration_minutes')) return undefined
  const value = body.expiration_minutes
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10) {
    throw new ApiFailure(400, 'invalid_expiration', 'expiration_minutes must be an integer from 1 to 10.')
  }
  return value
}

/** Returns the canonical spelling of a supported locale, `en` when absent. */
export function readLocale(body: JsonObject): string {
  if (!present(body, 'locale')) return 'en'
  const value = body.locale
  const match =
    typeof value === 'string'
      ? SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === value.toLowerCase())
      : null
  if (!match) {
    throw new ApiFailure(400, 'invalid_locale', `locale must be one of: ${SUPPORTED_LOCALES.join(', ')}.`)
  }
  return match
}

/** An integer number of minutes from 5 to 527040, or undefined when absent. */
export function readSessionMinutes(body: JsonObject, field: string): number | undefined {
  if (!present(body, field)) return undefined
  const value = body[field]
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < MIN_SESSION_MINUTES ||
    value > MAX_SESSION_MINUTES
  ) {
    throw new ApiFailure(
      400,
      'invalid_session_duration_minutes',
      `${field} must be an integer from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES}.`,
    )
  }
  return value
}

export interface Attributes {
  ip_address: string
  user_agent: string
}

/** `attributes: {ip_address?, user_agent?}`; missing values fall back to what the request shows. */
export function readAttributes(body: JsonObject, request: Request): Attributes {
  const fallback = { ip_address: '', user_agent: request.headers.get('user-agent') ?? '' }
  if (!present(body, 'attributes')) return fallback
  const value = body.attributes
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiFailure(400, 'bad_request', 'attributes must be an object.')
  }
  const attributes = value as JsonObject
  return {
    ip_address: optionalString(attributes, 'ip_address') ?? fallback.ip_address,
    user_agent: optionalString(attributes, 'user_agent') ?? fallback.user_agent,
  }
}

/** A 6-digit code; anything else is 400 `invalid_code` (never compared). */
export function readCode(body: JsonObject, field: 'code' | 'token'): string {
  const value = body[field]
  if (typeof value !== 'string' || !/^\d{6}$/.test(value)) {
    throw new ApiFailure(400, 'invalid_code', `${field} must be the 6-digit passcode as a string.`)
  }
  return value
}

export function readMethodId(body: JsonObject): string {
  const value = body.method_id
  if (typeof value !== 'string' || !/^phone-number-[A-Za-z0-9-]+$/.test(value)) {
    throw new ApiFailure(
      400,
      'invalid_method_id',
      'method_id must be a phone id such as phone-number-test-….',
    )
  }
  return value
}
