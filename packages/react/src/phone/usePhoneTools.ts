'use client'

import { useEffect, useState } from 'react'
import { notify } from '../notify'
import { loadedPhoneTools, loadPhoneTools } from './loadPhoneTools'
import type { PhoneTools } from './loadPhoneTools'

/** Starts loading the phone library after the first paint; undefined until it has arrived. */
export function usePhoneTools(): PhoneTools | undefined {
  const [tools, setTools] = useState(loadedPhoneTools)
  useEffect(() => {
    if (tools) return
    let active = true
    loadPhoneTools().then(
      (loaded) => {
        if (active) notify(() => setTools(() => loaded))
      },
      // Sending awaits the load again and reports a failure there, where the person can retry.
      () => undefined,
    )
    return () => {
      active = false
    }
  }, [tools])
  return tools
}
