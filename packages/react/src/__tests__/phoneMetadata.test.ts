// @vitest-environment node
// The per-calling-code metadata against libphonenumber-js's full metadata: for every country, a few
// hundred generated inputs (120 numbers, each national, international and half-typed) are formatted and
// checked by the tools <PhoneLogin> loads for that country alone and by the same tools over the whole
// world's metadata (what the component used before), and the answers must match. Numbers from elsewhere
// must be refused for the same reason.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import world from 'libphonenumber-js/metadata.min.json'
import examples from 'libphonenumber-js/examples.mobile.json'
import { AsYouType } from 'libphonenumber-js/core'
import type { CountryCode } from 'libphonenumber-js/core'
import { describe, expect, it } from 'vitest'
import { allCountries, countryOfNumber, dialCode } from '../phone/countries'
import { loadPhoneTools, WORLD_THRESHOLD } from '../phone/loadPhoneTools'
import { createPhoneTools } from '../phone/phoneTools'
import type { PhoneCheck } from '../phone/phoneTools'
import { nationalNumbers, random } from './generatedNumbers'
// @ts-expect-error: a plain .mjs script without declarations
import { expectedFiles, outDir } from '../../scripts/phoneMetadata.mjs'

const reference = createPhoneTools(world, countryOfNumber)
const reasonOf = (check: PhoneCheck) => (check.ok ? 'ok' : check.reason)

const countries = allCountries().filter((country) => country in world.countries)
const perCountry = 120

describe('phone metadata per calling code', () => {
  it('the generated modules are those of the installed libphonenumber-js (run `pnpm -F @otpkit/react metadata`)', () => {
    const expected = expectedFiles() as Record<string, string>
    expect(readdirSync(outDir).sort()).toEqual(Object.keys(expected).sort())
    for (const [name, text] of Object.entries(expected))
      expect(readFileSync(join(outDir, name), 'utf8')).toBe(text)
  })

  it.each(countries)('%s alone formats and validates as with the full metadata', async (country) => {
    const tools = await loadPhoneTools([country])
    const allowed = [country]
    const code = dialCode(country) ?? ''
    for (const digits of nationalNumbers(country, perCountry)) {
      for (const text of [digits, `+${code} ${digits}`, digits.slice(0, Math.ceil(digits.length / 2))]) {
        const expected = reference.checkPhone(text, country, allowed)
        const typing = new AsYouType(text.startsWith('+') ? undefined : (country as CountryCode), world)
        typing.input(text)
        if ((typing.getCallingCode() ?? code) !== code) {
          // Digits that start with the country's international prefix ("00 239 …" from Germany) dial
          // another calling code, which has no metadata here: refused all the same, though the message
          // names the allowed country rather than the one dialled, and the text stays as typed.
          expect(tools.checkPhone(text, country, allowed).ok, text).toBe(false)
          continue
        }
        expect(tools.formatInput(text, country, allowed), text).toEqual(
          reference.formatInput(text, country, allowed),
        )
        expect(tools.checkPhone(text, country, allowed), text).toEqual(expected)
      }
    }
    const valid = reference.checkPhone((examples as Record<string, string>)[country] ?? '', country, allowed)
    if (valid.ok) expect(tools.maskPhone(valid.e164)).toBe(reference.maskPhone(valid.e164))
  })

  // Morocco's +212 shares its metadata module with +211, +213, +216 and +218: those stay outside too.
  it.each([[['US', 'CA']], [['MA']]])(
    'numbers from calling codes outside the allowlist %j are refused as from another country',
    async (allowed) => {
      const tools = await loadPhoneTools(allowed)
      const home = allowed[0] ?? 'US'
      const next = random(7)
      for (const country of countries) {
        if (dialCode(country) === dialCode(home)) continue
        const example = (examples as Record<string, string>)[country]
        if (!example) continue
        const valid = reference.checkPhone(example, country, [country])
        if (!valid.ok) continue
        const pasted =
          valid.e164.slice(0, valid.e164.length - 2) + String(Math.floor(next(100))).padStart(2, '0')
        expect(reasonOf(tools.checkPhone(pasted, home, allowed)), pasted).toBe(
          reasonOf(reference.checkPhone(pasted, home, allowed)),
        )
      }
      // A neighbour's number is left as pasted, as for any calling code with no metadata loaded.
      expect(tools.formatInput('+21620123456', home, allowed)).toEqual({ text: '+21620123456' })
    },
  )

  it(`more than ${WORLD_THRESHOLD} calling codes load the whole world's metadata in one chunk`, async () => {
    const tools = await loadPhoneTools(countries)
    expect(tools.checkPhone('+81 90-1234-5678', 'US', countries)).toEqual(
      reference.checkPhone('+81 90-1234-5678', 'US', countries),
    )
  })
})
