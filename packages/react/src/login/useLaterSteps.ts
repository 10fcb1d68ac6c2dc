'use client'

// Loads the steps that follow the phone step (laterSteps.ts) once per page, right after the first paint,
// so that they are here before anyone has a code to type. A failed load is forgotten: the next render
// tries again.
import { useEffect, useState } from 'react'
import { notify } from '../notify'
import type * as laterSteps from './laterSteps'

export type LaterSteps = typeof laterSteps

let loaded: LaterSteps | undefined
let loading: Promise<LaterSteps> | undefined

export function loadLaterSteps(): Promise<LaterSteps> {
  loading ??= import('./laterSteps').then(
    (steps) => (loaded = steps),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The later steps, or undefined until they have arrived; loading starts after the first paint. */
export function useLaterSteps(): LaterSteps | undefined {
  const [steps, setSteps] = useState(loaded)
  // After every render while they are missing: a load that failed is tried again by the next one.
  useEffect(() => {
    if (steps) return
    let active = true
    loadLaterSteps().then(
      (arrived) => {
        if (active) notify(() => setSteps(arrived))
      },
      // The step that needs them shows busy meanwhile; the next render asks again.
      () => undefined,
    )
    return () => {
      active = false
    }
  })
  return steps ?? loaded
}
