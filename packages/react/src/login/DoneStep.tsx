'use client'

import type { PhoneLoginStrings } from '../strings/types'

/** The last step: a polite announcement, nothing to do. */
export function DoneStep({ strings }: { strings: PhoneLoginStrings }) {
  return (
    <div className="otpkit-step otpkit-step-done" role="status" aria-live="polite">
      <p className="otpkit-notice">{strings.signedIn}</p>
    </div>
  )
}
