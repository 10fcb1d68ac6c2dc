'use client'

import { useState } from 'react'

/** Counts how often `value` changed since mount: a key that tells an effect to move focus again. */
export function useChangeCount(value: unknown): number {
  const [seen, setSeen] = useState({ value, count: 0 })
  if (Object.is(seen.value, value)) return seen.count
  // Adjusting state while rendering, as React documents for values derived from a changing prop.
  const next = { value, count: seen.count + 1 }
  setSeen(next)
  return next.count
}
