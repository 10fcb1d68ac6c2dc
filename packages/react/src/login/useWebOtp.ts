'use client'

// WebOTP: asks the browser for the code of an incoming origin-bound SMS ("@example.com #123456").
// Chrome on Android and desktop Chrome/Edge with a paired phone have it; elsewhere this does nothing
// and `autocomplete="one-time-code"` does the job. The request waits until the SMS arrives, so it is
// aborted on submit, when leaving the step and on unmount; StrictMode's extra mount asks nothing.
import { useCallback, useEffect, useRef } from 'react'

interface OtpRequest {
  otp: { transport: string[] }
  signal: AbortSignal
}

export function isWebOtpSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'OTPCredential' in window &&
    typeof navigator !== 'undefined' &&
    typeof navigator.credentials?.get === 'function'
  )
}

/**
 * While `enabled`, listens for the code; a new `requestKey` (a resent SMS) starts a new request.
 * Returns `abort`, for submit and for leaving the step. `onCode` runs outside any React event, so the
 * caller delivers its updates through notify().
 */
export function useWebOtp(enabled: boolean, requestKey: unknown, onCode: (code: string) => void): () => void {
  // useLatest's pattern, written out: this module arrives after the first paint and imports none of it
  // (see loginKit.ts).
  const onCodeRef = useRef(onCode)
  useEffect(() => {
    onCodeRef.current = onCode
  })
  const current = useRef<AbortController | null>(null)

  useEffect(() => {
    if (!enabled || !isWebOtpSupported()) return
    const controller = new AbortController()
    current.current = controller
    const request: OtpRequest = { otp: { transport: ['sms'] }, signal: controller.signal }
    // Asked once this commit is over: StrictMode's extra mount, whose cleanup runs at once, asks nothing.
    queueMicrotask(() => {
      if (controller.signal.aborted) return
      navigator.credentials.get(request as CredentialRequestOptions).then(
        (credential) => {
          const code = (credential as { code?: unknown } | null)?.code
          if (!controller.signal.aborted && typeof code === 'string' && /^\d{6}$/.test(code)) {
            onCodeRef.current(code)
          }
        },
        // Aborted, dismissed or unsupported: the person types or pastes the code instead.
        () => undefined,
      )
    })
    return () => {
      controller.abort()
      if (current.current === controller) current.current = null
    }
  }, [enabled, requestKey])

  return useCallback(() => current.current?.abort(), [])
}
