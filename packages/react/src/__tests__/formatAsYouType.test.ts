// @vitest-environment node
// The phone tools read and format numbers without libphonenumber-js's AsYouType (formatAsYouType.ts
// mirrors the path a whole text takes through it). Here they are held to AsYouType itself, over the full
// metadata, for every country: generated numbers typed key by key, nationally and internationally, each
// prefix formatted as AsYouType formats it, and every answer of checkPhone and formatInput the same as
// the tools built on AsYouType gave (`asYouTypeTools` below is that implementation, kept as the reference).
import world from 'libphonenumber-js/metadata.min.json'
import examples from 'libphonenumber-js/examples.mobile.json'
import { AsYouType } from 'libphonenumber-js/core'
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core'
import { describe, expect, it } from 'vitest'
import { countryOfNumber } from '../phone/countries'
import { formatAsYouType } from '../phone/formatAsYouType'
import { createPhoneTools, SANDBOX_NUMBER } from '../phone/phoneTools'
import type { PhoneCheck, PhoneTools } from '../phone/phoneTools'
import { nationalNumbers } from './generatedNumbers'

const metadata = world as unknown as MetadataJson
const countries = Object.keys(world.countries)
const perCountry = 200

/**
 * What a person types key by key: every prefix of each number, the complete number the longest. Every
 * tenth number is also typed the ways that take AsYouType's other paths: after the national prefix, after
 * the calling code without a "+", after the international prefix and a calling code (this country's and
 * the UK's), and internationally after the national prefix.
 */
function typedTexts(country: string): { national: string[]; international: string[] } {
  // metadata.min.json's country entries: calling code, international prefix (a pattern), ..., national
  // prefix at 5, and the preferred international prefix at 12 where the pattern allows several.
  const entry = (world.countries as Record<string, unknown[]>)[country] ?? []
  const code = String(entry[0])
  const nationalPrefix = typeof entry[5] === 'string' ? entry[5] : ''
  const iddPrefix = [entry[12], entry[1]].find((prefix) => typeof prefix === 'string' && /^\d+$/.test(prefix))
  const national = new Set<string>()
  const international = new Set<string>()
  const typeIn = (texts: Set<string>, whole: string) => {
    for (let end = 1; end <= whole.length; end += 1) texts.add(whole.slice(0, end))
  }
  nationalNumbers(country, perCountry).forEach((digits, index) => {
    typeIn(national, digits)
    typeIn(international, `+${code}${digits}`)
    if (index % 10 !== 0) return
    typeIn(national, nationalPrefix + digits)
    typeIn(national, code + digits)
    if (typeof iddPrefix === 'string') {
      typeIn(national, iddPrefix + code + digits)
      typeIn(national, `${iddPrefix}447400${digits.slice(-6)}`)
    }
    typeIn(international, `+${code}${nationalPrefix}${digits}`)
  })
  return { national: [...national], international: [...international] }
}

/** The phone tools as they were, everything through AsYouType: the reference for every answer. */
function asYouTypeTools(): PhoneTools {
  const digitsOf = (text: string) => text.replace(/\D/g, '')
  const isInternational = (text: string) => text.trim().startsWith('+')
  const dialCode = (country: string) =>
    (world.countries as Record<string, [string] | undefined>)[country]?.[0]
  const read = (text: string, country: string) => {
    const international = isInternational(text)
    const typing = new AsYouType(international ? undefined : (country as CountryCode), metadata)
    const formatted = typing.input(international ? `+${digitsOf(text)}` : digitsOf(text))
    const number = typing.getNumber()
    return { typing, formatted, number, valid: number?.isValid() ?? false }
  }
  return {
    formatInput(text, country, allowed) {
      const { typing, formatted, number, valid } = read(text, country)
      if (!isInternational(text)) {
        const other = number?.country !== country && valid && allowed.includes(number?.country ?? '')
        return other ? { text: formatted, country: number?.country } : { text: formatted }
      }
      if (!typing.getCallingCode()) return { text }
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
      const { typing, number, valid } = read(text, country)
      const numberCountry =
        number?.country ?? typing.getCountry() ?? (international ? countryOfNumber(digits) : country)
      const named = numberCountry ?? country
      if (numberCountry && !allowed.includes(numberCountry)) {
        const code = dialCode(numberCountry)
        const main = code && countryOfNumber(code)
        return main && main !== numberCountry && allowed.includes(main)
          ? { ok: false, reason: 'country', country: named, mainCountry: main }
          : { ok: false, reason: 'country', country: named }
      }
      const length = typing.validateLength()
      if (length === 'TOO_SHORT') return { ok: false, reason: 'too_short', country: named }
      if (length === 'TOO_LONG') return { ok: false, reason: 'too_long', country: named }
      if (!valid || !number?.country || !allowed.includes(number.country)) {
        return { ok: false, reason: 'invalid', country: named }
      }
      return { ok: true, e164: number.number, country: number.country }
    },
    maskPhone(e164) {
      const formatted = new AsYouType(undefined, metadata).input(e164)
      const callingCode = formatted.includes(' ') ? (formatted.match(/^\+\d+/)?.[0] ?? '') : '+'
      const rest = formatted.slice(callingCode.length)
      const keep = digitsOf(rest).length - 4
      let seen = 0
      return callingCode + rest.replace(/\d/g, (digit) => (seen++ < keep ? '•' : digit))
    },
  }
}

const tools = createPhoneTools(metadata, countryOfNumber)
const reference = asYouTypeTools()

/** What AsYouType makes of one text, field by field. */
function asYouType(text: string, country: string | undefined) {
  const typing = new AsYouType(country as CountryCode | undefined, metadata)
  const formatted = typing.input(text)
  return {
    text: formatted,
    callingCode: typing.getCallingCode(),
    country: typing.getCountry(),
    number: typing.getNumber()?.number,
    length: typing.validateLength(),
  }
}
function ours(text: string, country: string | undefined) {
  const typed = formatAsYouType(text, country, metadata)
  return {
    text: typed.text,
    callingCode: typed.callingCode,
    country: typed.country,
    number: typed.number?.number,
    length: typed.length,
  }
}

/**
 * The one place where the two part, found by this test: in Cape Verde and Samoa the international prefix
 * is a single 0, and AsYouType throws a TypeError on "0" and one digit that starts no calling code. It
 * takes the 0 for the international prefix, finds no calling code, and then asks for the possible lengths
 * of a numbering plan it does not have. formatAsYouType shows the prefix apart ("0 5"), and the tools
 * refuse the number as invalid, as they refuse any number without a calling code.
 */
const throwsInAsYouType = (country: string, text: string) =>
  ['CV', 'WS'].includes(country) && /^0[2-689]$/.test(text)

/** The value, or "throws" where the call throws. */
function attempt<T>(call: () => T): T | 'throws' {
  try {
    return call()
  } catch {
    return 'throws'
  }
}

describe('formatAsYouType against AsYouType over the full metadata', () => {
  it.each(countries)('%s: every prefix typed, nationally and internationally', (country) => {
    const { national, international } = typedTexts(country)
    for (const [texts, home] of [
      [national, country],
      [international, undefined],
    ] as const) {
      for (const text of texts) {
        const expected = attempt(() => asYouType(text, home))
        if (throwsInAsYouType(country, text) && home) {
          expect(expected, text).toBe('throws')
          expect(ours(text, home).text).toBe(`0 ${text.slice(1)}`)
        } else expect(ours(text, home), text).toEqual(expected)
      }
    }
  })
})

describe('the phone tools answer as the tools built on AsYouType did', () => {
  it.each(countries)('%s: checkPhone and formatInput for every prefix', (country) => {
    const { national, international } = typedTexts(country)
    // The country alone, and every country of its calling code (where a number can switch the picker).
    const code = (world.countries as Record<string, [string]>)[country]?.[0] ?? ''
    const sharing = (world.country_calling_codes as Record<string, string[]>)[code] ?? [country]
    for (const allowed of sharing.length > 1 ? [[country], sharing] : [[country]]) {
      for (const text of [...national, ...international]) {
        if (throwsInAsYouType(country, text)) {
          expect(attempt(() => reference.checkPhone(text, country, allowed))).toBe('throws')
          expect(tools.checkPhone(text, country, allowed)).toEqual({ ok: false, reason: 'invalid', country })
          continue
        }
        const check: PhoneCheck = tools.checkPhone(text, country, allowed)
        expect(check, text).toEqual(reference.checkPhone(text, country, allowed))
        expect(tools.formatInput(text, country, allowed), text).toEqual(
          reference.formatInput(text, country, allowed),
        )
      }
    }
    const example = (examples as Record<string, string>)[country]
    const valid = example ? reference.checkPhone(example, country, [country]) : undefined
    if (valid?.ok) expect(tools.maskPhone(valid.e164)).toBe(reference.maskPhone(valid.e164))
  })
})
