'use client'

// Country names come from Intl.DisplayNames, whose first use costs 70–130 ms on a phone four times slower
// than a laptop (measured in Chromium): too much for the first paint. The names are made when the page is
// next idle, and until then `ready` is false, so that the picker names its country by its ISO code for
// that moment. Asking for a name earlier (an error message) makes them at once.
import { useEffect, useMemo, useState } from 'react'
import { notify } from '../notify'
import { whenIdle } from '../whenIdle'
import { countryNamer } from './countries'

export function useCountryNamer(language: string): { name: (code: string) => string; ready: boolean } {
  const name = useMemo(() => countryNamer(language), [language])
  const [warmed, setWarmed] = useState<typeof name | null>(null)
  useEffect(
    () =>
      whenIdle(() => {
        name('US')
        notify(() => setWarmed(() => name))
      }),
    [name],
  )
  return { name, ready: warmed === name }
}
