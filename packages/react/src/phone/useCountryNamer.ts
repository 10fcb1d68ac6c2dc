'use client'

// Country names come from Intl.DisplayNames, whose first use costs 70–130 ms on a phone four times slower
// than a laptop (measured in Chromium): too much for the first paint. The namer comes with the views
// loaded after the first paint (countryNamer.ts), the names are made when the page is next idle, and until
// then `ready` is false, so that the picker names its country by its ISO code for that moment. Asking for
// a name earlier (an error message, which comes after those views) makes them at once.
import { useEffect, useMemo, useState } from 'react'
import type { LaterViews } from '../login/useLaterViews'
import { notify } from '../notify'
import { whenIdle } from '../whenIdle'

const isoCode = (code: string) => code

export function useCountryNamer(
  language: string,
  views: LaterViews | undefined,
): { name: (code: string) => string; ready: boolean } {
  const name = useMemo(() => (views ? views.countryNamer(language) : isoCode), [views, language])
  const [warmed, setWarmed] = useState<typeof name | null>(null)
  useEffect(() => {
    if (name === isoCode) return
    return whenIdle(() => {
      name('US')
      notify(() => setWarmed(() => name))
    })
  }, [name])
  return { name, ready: warmed === name }
}
