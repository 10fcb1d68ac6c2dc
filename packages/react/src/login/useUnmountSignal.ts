'use client'

import { useEffect, useRef } from 'react'

/** An AbortSignal that aborts when the component unmounts (a fresh one per mount, so StrictMode is safe). */
export function useUnmountSignal(): () => AbortSignal | undefined {
  const controller = useRef<AbortController | null>(null)
  useEffect(() => {
    const mounted = new AbortController()
    controller.current = mounted
    return () => mounted.abort()
  }, [])
  return () => controller.current?.signal
}
