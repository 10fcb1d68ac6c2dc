import type { Session } from '@otpkit/core'
import { useStytch, useStytchUser } from '@otpkit/react'
import { useEffect, useState } from 'react'
import { formatPhone } from './formatPhone'
import { formatRemaining } from './formatRemaining'
import { useFocusOnMount } from './useFocusOnMount'
import { useNow } from './useNow'

export function SignedInPage({
  session,
  focusHeading = false,
}: {
  session: Session
  focusHeading?: boolean
}) {
  const heading = useFocusOnMount<HTMLHeadingElement>(focusHeading)
  const stytch = useStytch()
  const { user } = useStytchUser()
  const now = useNow()
  const [loggingOut, setLoggingOut] = useState(false)

  const phone =
    session.authentication_factors.find((factor) => factor.phone_number_factor)?.phone_number_factor
      ?.phone_number ?? user?.phone_numbers[0]?.phone_number
  const expiresAt = new Date(session.expires_at)
  const remaining = expiresAt.getTime() - now
  const expired = remaining <= 0

  // When the time is up, ask the server: it answers that the session is gone and the client clears it,
  // which brings the login back (here and in every other tab).
  useEffect(() => {
    if (!expired) return
    const controller = new AbortController()
    stytch.session.authenticate({ signal: controller.signal }).catch(() => undefined)
    return () => controller.abort()
  }, [expired, stytch])

  const logOut = async () => {
    setLoggingOut(true)
    try {
      await stytch.session.revoke()
    } catch (error) {
      // The local session is cleared even when the server could not be told; the page has already moved on.
      console.warn('The session was cleared here, but revoking it on the server failed:', error)
    }
  }

  return (
    <section className="card" aria-labelledby="signed-in-title">
      <div className="badge" aria-hidden="true">
        <svg viewBox="0 0 24 24">
          <path d="M5 12.5l4.5 4.5L19 7.5" />
        </svg>
      </div>
      <h1 id="signed-in-title" ref={heading} tabIndex={-1}>
        You're signed in
      </h1>
      <p className="lede">Your session lives in this browser and is shared with your other tabs.</p>
      <dl className="facts">
        <div>
          <dt>Phone number</dt>
          <dd>
            {/* A number is one word: isolated from the text around it and never broken inside. */}
            <bdi className="phone-number" dir="ltr">
              {phone ? formatPhone(phone) : 'unknown'}
            </bdi>
          </dd>
        </div>
        <div className="fact-wide">
          <dt>User ID</dt>
          <dd>
            <code>{session.user_id}</code>
          </dd>
        </div>
        <div>
          <dt>Session expires in</dt>
          <dd>
            <time role="timer" dateTime={session.expires_at} title={expiresAt.toLocaleString()}>
              {formatRemaining(remaining)}
            </time>
          </dd>
        </div>
      </dl>
      <button type="button" className="button" onClick={logOut} disabled={loggingOut}>
        {loggingOut ? 'Logging out…' : 'Log out'}
      </button>
    </section>
  )
}
