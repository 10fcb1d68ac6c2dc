import { PhoneLogin } from '@otpkit/react'
import { useFocusOnMount } from './useFocusOnMount'

/** The drop-in way: one component does the phone step, the code step, WebOTP and every error; the
 * code goes by SMS or, if the person prefers, WhatsApp. */
export function LoginPage({ focusHeading = false }: { focusHeading?: boolean }) {
  const heading = useFocusOnMount<HTMLHeadingElement>(focusHeading)
  return (
    <section className="card" aria-labelledby="login-kind">
      <h1 id="login-kind" className="kicker" ref={heading} tabIndex={-1}>
        Pre-built component
      </h1>
      {/* The session hooks see the sign-in and App switches to the signed-in page; no callback needed. */}
      <PhoneLogin
        channels={['sms', 'whatsapp']}
        expirationMinutes={5}
        sessionDurationMinutes={60}
        // `?lang=ar` (or de, es, fr, it, ja, pt-br) shows the login in that language.
        locale={new URLSearchParams(window.location.search).get('lang') ?? undefined}
      />
    </section>
  )
}
