'use client'

import { useEffect, useRef } from 'react'

/** A ref that always holds the latest value, for callbacks run after an await or from a timer. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  })
  return ref
}
