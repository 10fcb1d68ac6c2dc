'use client'

// What the person typed on the phone step and the country it is read in: input state, not request
// state, so it stays in React. It outlives the phone step, so "Use a different number" shows it again.
import { useEffect, useMemo, useState } from 'react'
import { knownCountries } from '../phone/countries'
import { useCountryNamer } from '../phone/useCountryNamer'
import { usePhoneTools } from '../phone/usePhoneTools'
import type { BuiltInLanguage } from '../strings/types'
import { whenIdle } from '../whenIdle'
import type { LaterViews } from './useLaterViews'

export function usePhoneField(
  countries: readonly string[],
  defaultCountry: string | undefined,
  language: BuiltInLanguage,
  /** The views loaded after the first paint: the country names come with them. */
  views: LaterViews | undefined,
) {
  const countryKey = countries.join(',').toUpperCase()
  // In the app's order, so the first listed country is the default one.
  const allowed = useMemo(() => knownCountries(countryKey.split(',')), [countryKey])
  // Names for the picker and for messages, including a country outside the allowlist that a pasted
  // number came from.
  const names = useCountryNamer(language, views)
  // The phone library with the metadata of the allowed countries only, after first paint.
  const tools = usePhoneTools(allowed)
  const fallback =
    defaultCountry && allowed.includes(defaultCountry.toUpperCase())
      ? defaultCountry.toUpperCase()
      : allowed[0]
  const [chosen, setCountry] = useState<string | undefined>(undefined)
  const country = chosen && allowed.includes(chosen) ? chosen : (fallback ?? 'US')
  const [text, setText] = useState('')

  // Text typed before the phone library arrived is formatted once it is here.
  const [formattedWithTools, setFormattedWithTools] = useState(false)
  if (tools && !formattedWithTools) {
    setFormattedWithTools(true)
    if (text) {
      const formatted = tools.formatInput(text, country, allowed)
      setText(formatted.text)
      if (formatted.country) setCountry(formatted.country)
    }
  }

  // The formatter builds its patterns on first use, which would slow the first key: a sample number is
  // formatted and checked once the library is here and the page is idle.
  useEffect(() => {
    if (!tools) return
    return whenIdle(() => {
      tools.checkPhone(tools.formatInput('2015550123', country, allowed).text, country, allowed)
    })
  }, [tools, country, allowed])

  // The number as E.164 when it is complete and allowed: the key of its own waits.
  const check = tools?.checkPhone(text, country, allowed)
  const e164 = check?.ok ? check.e164 : undefined

  return {
    tools,
    text,
    country,
    allowed,
    e164,
    countryName: names.name,
    /** The names are made (after the first paint): until then the picker shows the ISO code. */
    namesReady: names.ready,
    onValueChange(next: string, switched?: string) {
      setText(next)
      if (switched) setCountry(switched)
    },
    onCountryChange(next: string) {
      setCountry(next)
      if (tools && !text.trim().startsWith('+')) setText(tools.formatInput(text, next, allowed).text)
    },
  }
}
