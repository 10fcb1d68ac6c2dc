import type { ReactNode } from 'react'

export interface StatusMessageProps {
  /** The id inputs point at with aria-describedby while there is an error. */
  errorId: string
  error?: string
  status?: ReactNode
}

/** The polite live region of a step: errors and progress are announced without moving focus. */
export function StatusMessage({ errorId, error, status }: StatusMessageProps) {
  return (
    <div className="otpkit-message" role="status" aria-live="polite">
      {error ? (
        <p id={errorId} className="otpkit-error">
          {error}
        </p>
      ) : status ? (
        <p className="otpkit-notice">{status}</p>
      ) : null}
    </div>
  )
}
