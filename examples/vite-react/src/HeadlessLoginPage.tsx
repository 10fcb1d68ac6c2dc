import { isStytchAPIError, isStytchError, isStytchUsageError } from '@otpkit/core'
import type { SmsSendResponse } from '@otpkit/core'
import { useAuthenticateCode, useStytch } from '@otpkit/react'
import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useFocusOnMount } from './useFocusOnMount'

/** Text for a failure, chosen by its `code`. */
function describe(error: unknown): string {
  if (!isStytchError(error)) return 'Something went wrong. Try again.'
  switch (error.code) {
    case 'invalid_phone_number':
      return 'Enter the number in international format, for example +1 415 555 0123.'
    case 'invalid_phone_number_country_code':
      return 'Numbers from that country are not enabled for this project.'
    case 'too_many_requests':
      return isStytchAPIError(error) && error.retryAfter
        ? `Too many attempts. Try again in ${error.retryAfter} s.`
        : 'Too many attempts. Wait a little and try again.'
    case 'invalid_code':
      return 'The code has 6 digits.'
    case 'otp_code_not_found':
      return 'That code is not right. Check the text message and try again.'
    case 'unable_to_auth_otp_code':
      return 'That code has expired or was already used. Send a new one.'
    case 'user_lock_limit_reached':
      return 'Too many wrong codes. Sign-in for this number is paused for a while; try again later.'
    case 'network_error':
      return 'Could not reach the server. Check your connection and try again.'
    case 'timeout':
      return 'The server took too long to answer. Try again.'
  }
  // An unexpected API error: show the server's own words, as text, and the request id for support.
  if (isStytchAPIError(error)) return `${error.error_message} (request ${error.request_id})`
  return isStytchUsageError(error) ? error.message : 'Something went wrong. Try again.'
}

/** The headless way: the app's own form, `stytch.otps.sms.loginOrCreate` from `useStytch()` for the text
 * message and the `useAuthenticateCode()` request-state hook for the code. */
export function HeadlessLoginPage({ focusHeading = false }: { focusHeading?: boolean }) {
  const heading = useFocusOnMount<HTMLHeadingElement>(focusHeading)
  const stytch = useStytch()
  const authenticate = useAuthenticateCode()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sent, setSent] = useState<(SmsSendResponse & { phone: string }) | null>(null)
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState<unknown>(null)
  const sendingRef = useRef(false)
  const id = useId()

  const sendCode = async (event: FormEvent) => {
    event.preventDefault()
    // One intent, one text message: Enter and a click in the same instant must not send twice.
    if (sendingRef.current) return
    sendingRef.current = true
    setSending(true)
    setSendError(null)
    const e164 = phone.replace(/[\s().-]/g, '')
    try {
      const response = await stytch.otps.sms.loginOrCreate(e164, {
        expiration_minutes: 5,
        // The origin-bound last line lets phones offer the code above the keyboard.
        enable_autofill: true,
      })
      setSent({ ...response, phone: e164 })
      setCode('')
      authenticate.reset()
    } catch (error) {
      setSendError(error)
    } finally {
      sendingRef.current = false
      setSending(false)
    }
  }

  const verify = (event: FormEvent) => {
    event.preventDefault()
    if (!sent || authenticate.isPending) return
    authenticate.mutate(
      { code, methodId: sent.method_id, options: { session_duration_minutes: 60 } },
      // A wrong code leaves the field empty for the next try.
      { onError: () => setCode('') },
    )
  }

  if (!sent) {
    const error = sendError ? describe(sendError) : ''
    return (
      <section key="phone" className="card" aria-labelledby={`${id}-kind`}>
        <h1 id={`${id}-kind`} className="kicker" ref={heading} tabIndex={-1}>
          Headless hooks
        </h1>
        <h2>Sign in with your phone</h2>
        <p className="lede">
          Your own form, on <code>stytch.otps.sms.loginOrCreate</code> and <code>useAuthenticateCode()</code>.
        </p>
        <form onSubmit={sendCode} noValidate>
          <div className="field">
            <label htmlFor={`${id}-phone`}>Phone number</label>
            <input
              id={`${id}-phone`}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              placeholder="+1 415 555 0123"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-phone-hint ${id}-send-error`}
              required
            />
            <p id={`${id}-phone-hint`} className="hint">
              International format, starting with + and the country code.
            </p>
          </div>
          <p id={`${id}-send-error`} className="error" role="alert">
            {error}
          </p>
          <button type="submit" className="button" disabled={sending}>
            {sending ? 'Sending code…' : 'Send code'}
          </button>
        </form>
      </section>
    )
  }

  const error = authenticate.error ? describe(authenticate.error) : ''
  // Its own key: a new element, so the code field mounts fresh and `autoFocus` moves focus into it.
  return (
    <section key="code" className="card" aria-labelledby={`${id}-kind`}>
      <h1 id={`${id}-kind`} className="kicker">
        Headless hooks
      </h1>
      <h2>Enter your code</h2>
      <p className="lede">We sent a 6-digit code to {sent.phone}.</p>
      <form onSubmit={verify} noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`}>6-digit code</label>
          <input
            id={`${id}-code`}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            value={code}
            onChange={(event) => {
              setCode(event.target.value.replace(/\D/g, ''))
              if (authenticate.isError) authenticate.reset()
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-code-error`}
            autoFocus
            required
          />
        </div>
        <p id={`${id}-code-error`} className="error" role="alert">
          {error}
        </p>
        <button type="submit" className="button" disabled={authenticate.isPending}>
          {authenticate.isPending ? 'Verifying…' : 'Verify'}
        </button>
      </form>
      <button type="button" className="link-button" onClick={() => setSent(null)}>
        Use a different number
      </button>
    </section>
  )
}
