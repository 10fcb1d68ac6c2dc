'use client'

// Loads what follows the first paint (laterViews.ts: the flow, the later steps, their words) once per
// page, right after it, so that it is here before anyone opens the country list or presses Send. A failed
// load is forgotten: the next render tries again.
import { useEffect, useState } from 'react'
import { notify } from '../notify'
import type * as laterViews from './laterViews'

export type LaterViews = typeof laterViews

let loaded: LaterViews | undefined
let loading: Promise<LaterViews> | undefined

export function loadLaterViews(): Promise<LaterViews> {
  loading ??= import('./laterViews').then(
    (views) => (loaded = views),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The later views, or undefined until they have arrived; loading starts after the first paint. */
export function useLaterViews(): LaterViews | undefined {
  const [views, setViews] = useState(loaded)
  // After every render while they are missing: a load that failed is tried again by the next one.
  useEffect(() => {
    if (views) return
    let active = true
    loadLaterViews().then(
      (arrived) => {
        if (active) notify(() => setViews(arrived))
      },
      // What needs them waits (a step shows busy, an error its words); the next render asks again.
      () => undefined,
    )
    return () => {
      active = false
    }
  })
  return views ?? loaded
}
