'use client'

import { useEffect, useReducer } from 'react'
import { notify } from '../notify'

/** Whole seconds until `until` (a Date.now() value), re-rendering each time the number changes. */
export function useSecondsLeft(until: number): number {
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const left = until - Date.now()
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => notify(rerender), left % 1000 || 1000)
    return () => clearTimeout(timer)
  })
  return left > 0 ? Math.ceil(left / 1000) : 0
}
