'use client'

import { useEffect, useRef } from 'react'
import type { PhoneLoginStrings } from '../strings/types'

/**
 * The last step. Focus moves here (the code field it came from is gone), and a screen reader reads it
 * once on focus; it is not a live region too, which would read it twice. An app whose onSuccess moved
 * focus somewhere of its own keeps it there.
 */
export function DoneStep({ strings }: { strings: PhoneLoginStrings }) {
  const notice = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    const active = document.activeElement
    const root = notice.current?.closest('.otpkit-login')
    if (!active || active === document.body || root?.contains(active)) notice.current?.focus()
  }, [])
  return (
    <div className="otpkit-step otpkit-step-done">
      <p ref={notice} className="otpkit-notice" tabIndex={-1}>
        {strings.signedIn}
      </p>
    </div>
  )
}
