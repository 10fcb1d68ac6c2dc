import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { ApiFailure } from './errors'

/** The vendor's test number: always takes code 000000 and is never rate-limited. */
export const SANDBOX_PHONE_NUMBER = '+10000000000'
export const SANDBOX_CODE = '000000'

const E164 = /^\+[1-9]\d{1,14}$/

/** Validates an E.164 number against the country allowlist; returns it unchanged when good. */
export function validatePhoneNumber(value: unknown, countries: ReadonlySet<string>): string {
  if (value === undefined || value === null || value === '') {
    throw new ApiFailure(400, 'invalid_phone_number', 'phone_number is required.')
  }
  if (typeof value !== 'string' || !E164.test(value)) {
    throw new ApiFailure(
      400,
      'invalid_phone_number',
      'phone_number format is invalid; use E.164, e.g. +12025550162.',
    )
  }
  if (value === SANDBOX_PHONE_NUMBER) return value
  const parsed = parsePhoneNumberFromString(value)
  if (!parsed || !parsed.isValid() || parsed.number !== value) {
    throw new ApiFailure(400, 'invalid_phone_number', 'phone_number is not a valid phone number.')
  }
  if (!parsed.country || !countries.has(parsed.country)) {
    throw new ApiFailure(
      400,
      'invalid_phone_number_country_code',
      `Messages to this country are not enabled. Allowed countries: ${[...countries].join(', ')}.`,
    )
  }
  return value
}

/** International display form, e.g. `+1 202 555 0162`; the input unchanged when it cannot be parsed. */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}
