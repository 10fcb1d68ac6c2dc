// Parsing, as-you-type formatting and validation on libphonenumber-js with its small ("min") metadata.
// This module is only ever reached through the dynamic import in loadPhoneTools.ts, so it lands in its
// own chunk, loaded after first paint, and apps that never render <PhoneLogin> never load it.
// Everything goes through AsYouType alone: the other entry points would add ~3 KB gzip for nothing.
import { AsYouType } from 'libphonenumber-js/min'
import type { CountryCode } from 'libphonenumber-js/min'
import { dialCode, mainCountry } from './countries'

/** The vendor's sandbox number: always accepted by test projects with code 000000. */
export const SANDBOX_NUMBER = '+10000000000'

const digitsOf = (text: string) => text.replace(/\D/g, '')
const isInternational = (text: string) => text.trim().startsWith('+')

/** Reads `text` as typed: national digits for `country`, or an international number after "+". */
function read(text: string, country: string): AsYouType {
  const international = isInternational(text)
  const typing = new AsYouType(international ? undefined : (country as CountryCode))
  typing.input(international ? `+${digitsOf(text)}` : digitsOf(text))
  return typing
}

export interface FormattedInput {
  /** What the field shows. */
  text: string
  /** Set when the input named a different allowed country (a pasted "+44 …"). */
  country?: string
}

/**
 * Formats what was typed for display. A complete, valid international number from an allowed country
 * switches to that country and is shown in national format; any other "+" input stays international.
 */
export function formatInput(text: string, country: string, allowed: readonly string[]): FormattedInput {
  if (!isInternational(text)) return { text: new AsYouType(country as CountryCode).input(digitsOf(text)) }
  const typing = read(text, country)
  const number = typing.getNumber()
  if (number?.country && allowed.includes(number.country) && number.isValid()) {
    return { text: number.formatNational(), country: number.country }
  }
  return { text: new AsYouType().input(`+${digitsOf(text)}`) }
}

export type PhoneCheck =
  | { ok: true; e164: string; country: string }
  | { ok: false; reason: 'required' | 'too_short' | 'too_long' | 'invalid' | 'country'; country: string }

/** Decides whether a number may be sent, and why not. Nothing is sent for a number that fails here. */
export function checkPhone(text: string, country: string, allowed: readonly string[]): PhoneCheck {
  const digits = digitsOf(text)
  if (!digits) return { ok: false, reason: 'required', country }
  const international = isInternational(text)
  if ((international ? '+' : `+${dialCode(country) ?? ''}`) + digits === SANDBOX_NUMBER) {
    return { ok: true, e164: SANDBOX_NUMBER, country: 'US' }
  }
  const typing = read(text, country)
  const number = typing.getNumber()
  const numberCountry =
    number?.country ??
    typing.getCountry() ??
    (international ? mainCountry(typing.getCallingCode() ?? '') : country)
  const named = numberCountry ?? country
  if (numberCountry && !allowed.includes(numberCountry))
    return { ok: false, reason: 'country', country: named }
  const length = typing.validateLength()
  if (length === 'TOO_SHORT') return { ok: false, reason: 'too_short', country: named }
  if (length === 'TOO_LONG') return { ok: false, reason: 'too_long', country: named }
  if (!number?.isValid() || !number.country || !allowed.includes(number.country)) {
    return { ok: false, reason: 'invalid', country: named }
  }
  return { ok: true, e164: number.number, country: number.country }
}

/** "+1 ••• ••• 0123": the number in international format with all but the last four digits hidden. */
export function maskPhone(e164: string): string {
  const formatted = new AsYouType().input(e164)
  const callingCode = formatted.match(/^\+\d+/)?.[0] ?? ''
  const rest = formatted.slice(callingCode.length)
  const keep = digitsOf(rest).length - 4
  let seen = 0
  return callingCode + rest.replace(/\d/g, (digit) => (seen++ < keep ? '•' : digit))
}
