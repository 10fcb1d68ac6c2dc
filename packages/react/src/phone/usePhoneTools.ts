'use client'

import { useEffect, useState } from 'react'
import { notify } from '../notify'
import { loadedPhoneTools, loadPhoneTools } from './loadPhoneTools'
import type { PhoneTools } from './loadPhoneTools'

/**
 * Starts loading the phone library and the allowed countries' metadata after the first paint; undefined
 * until they have arrived. `countries` is compared by content, so a new array with the same codes loads
 * nothing again.
 */
export function usePhoneTools(countries: readonly string[]): PhoneTools | undefined {
  const key = countries.join(',')
  const [state, setState] = useState(() => ({ key, tools: loadedPhoneTools(countries) }))
  const current = state.key === key ? state.tools : loadedPhoneTools(countries)
  useEffect(() => {
    if (current) return
    let active = true
    loadPhoneTools(key.split(',')).then(
      (tools) => {
        if (active) notify(() => setState({ key, tools }))
      },
      // Sending awaits the load again and reports a failure there, where the person can retry.
      () => undefined,
    )
    return () => {
      active = false
    }
  }, [key, current])
  return current
}
