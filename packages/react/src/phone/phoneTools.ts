// Parsing, as-you-type formatting and validation on libphonenumber-js/core with the metadata of the
// allowed countries only (see loadMetadata.ts). This module is only ever reached through the dynamic
// import in loadPhoneTools.ts, so it lands in its own chunk, loaded after first paint. It imports none
// of the package's first-paint modules: a module shared with the first paint would become a chunk of its
// own in esbuild, one more request before anything runs. What it needs from them comes in as arguments.
// Texts are read and formatted as libphonenumber-js's AsYouType would (see formatAsYouType.ts), without
// AsYouType itself: numbers, validity and lengths come from the library's PhoneNumber and metadata.
import type { MetadataJson } from 'libphonenumber-js/core'
import { formatAsYouType } from './formatAsYouType'
import type { AsTyped } from './formatAsYouType'

/** The vendor's sandbox number: always accepted by test projects with code 000000. */
export const SANDBOX_NUMBER = '+10000000000'

const digitsOf = (text: string) => text.replace(/\D/g, '')
const isInternational = (text: string) => text.trim().startsWith('+')

/** One text as the library read it. */
interface Reading {
  /** The country (or "+" for international) and the digits. */
  key: string
  typed: AsTyped
  valid: boolean
}

export interface FormattedInput {
  /** What the field shows. */
  text: string
  /** Set when the input named a different allowed country (a pasted "+44 …"). */
  country?: string
}

export type PhoneCheck =
  | { ok: true; e164: string; country: string }
  | {
      ok: false
      reason: 'required' | 'too_short' | 'too_long' | 'invalid' | 'country'
      country: string
      /** For a refused region that shares its calling code with this allowed main country (JE with GB). */
      mainCountry?: string
    }

export interface PhoneTools {
  /**
   * Formats what was typed for display. A complete, valid international number from an allowed country
   * switches to that country and is shown in national format; any other "+" input stays international.
   */
  formatInput(text: string, country: string, allowed: readonly string[]): FormattedInput
  /** Decides whether a number may be sent, and why not. Nothing is sent for a number that fails here. */
  checkPhone(text: string, country: string, allowed: readonly string[]): PhoneCheck
  /** "+1 ••• ••• 0123": the number in international format with all but the last four digits hidden. */
  maskPhone(e164: string): string
}

/**
 * @param metadata covers the calling codes of the allowed countries.
 * @param countryOfNumber the main region of the calling code that international digits start with, from
 *   the small calling-code table that the picker uses: it names the country of a number whose calling code
 *   has no metadata here (and so is not allowed).
 */
export function createPhoneTools(
  metadata: MetadataJson,
  countryOfNumber: (digits: string) => string | undefined,
): PhoneTools {
  const dialCode = (country: string) =>
    (metadata.countries as Record<string, [string, ...unknown[]] | undefined>)[country]?.[0]

  /**
   * Reads `text` as typed: national digits for `country`, or an international number after "+". Each
   * keystroke formats the text and then checks it (and a render checks it again): the last reading is
   * kept, so the library parses and validates each text once.
   */
  let last: Reading | undefined
  const read = (text: string, country: string): Reading => {
    const international = isInternational(text)
    const digits = digitsOf(text)
    const key = `${international ? '+' : country}${digits}`
    if (last?.key !== key) {
      const typed = formatAsYouType(
        international ? `+${digits}` : digits,
        international ? undefined : country,
        metadata,
      )
      last = { key, typed, valid: typed.number?.isValid() ?? false }
    }
    return last
  }

  return {
    formatInput(text, country, allowed) {
      const { typed, valid } = read(text, country)
      const { text: formatted, number } = typed
      if (!isInternational(text)) {
        // A complete number of another allowed country that shares the calling code (a Canadian number
        // typed with the United States selected) moves the picker to it.
        const other = number?.country !== country && valid && allowed.includes(number?.country ?? '')
        return other ? { text: formatted, country: number?.country } : { text: formatted }
      }
      // A calling code that no allowed country has (so no metadata here): left as typed, and refused on send.
      if (!typed.callingCode) return { text }
      if (number?.country && allowed.includes(number.country) && valid) {
        return { text: number.formatNational(), country: number.country }
      }
      return { text: formatted }
    },

    checkPhone(text, country, allowed) {
      const digits = digitsOf(text)
      if (!digits) return { ok: false, reason: 'required', country }
      const international = isInternational(text)
      if ((international ? '+' : `+${dialCode(country) ?? ''}`) + digits === SANDBOX_NUMBER) {
        return { ok: true, e164: SANDBOX_NUMBER, country: 'US' }
      }
      const { typed, valid } = read(text, country)
      const { number } = typed
      const numberCountry =
        number?.country ?? typed.country ?? (international ? countryOfNumber(digits) : country)
      const named = numberCountry ?? country
      if (numberCountry && !allowed.includes(numberCountry)) {
        // Named plainly when the app allows the main country of this calling code (US for CA, GB for JE).
        const code = dialCode(numberCountry)
        const main = code && countryOfNumber(code)
        return main && main !== numberCountry && allowed.includes(main)
          ? { ok: false, reason: 'country', country: named, mainCountry: main }
          : { ok: false, reason: 'country', country: named }
      }
      const { length } = typed
      if (length === 'TOO_SHORT') return { ok: false, reason: 'too_short', country: named }
      if (length === 'TOO_LONG') return { ok: false, reason: 'too_long', country: named }
      if (!valid || !number?.country || !allowed.includes(number.country)) {
        return { ok: false, reason: 'invalid', country: named }
      }
      return { ok: true, e164: number.number, country: number.country }
    },

    maskPhone(e164) {
      const formatted = formatAsYouType(e164, undefined, metadata).text
      // Without metadata for the number (the sandbox number on a login without +1) nothing is spaced.
      const callingCode = formatted.includes(' ') ? (formatted.match(/^\+\d+/)?.[0] ?? '') : '+'
      const rest = formatted.slice(callingCode.length)
      const keep = digitsOf(rest).length - 4
      let seen = 0
      return callingCode + rest.replace(/\d/g, (digit) => (seen++ < keep ? '•' : digit))
    },
  }
}
