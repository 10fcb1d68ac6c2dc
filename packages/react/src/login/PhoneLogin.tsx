'use client'

// The pre-built SMS login: phone step → code step → signed in. The phone library loads after first
// paint; one intent sends at most one SMS. The two requests are called on the client directly with
// their state kept here (in flight or not): going through useSendCode/useAuthenticateCode would add
// @tanstack/query-core's QueryClient (~8 KB gzip) to this component's first paint and push it over
// its budget (20 KB before first paint, 50 KB in all chunks).
import { useMemo, useRef, useState } from 'react'
import type { Session, User } from '@otpkit/core'
import { notify } from '../notify'
import { countryOptions } from '../phone/countries'
import { loadPhoneTools } from '../phone/loadPhoneTools'
import { usePhoneTools } from '../phone/usePhoneTools'
import { fill, resolveLanguage } from '../strings/resolveStrings'
import type { PhoneLoginStrings } from '../strings/types'
import { useStrings } from '../strings/useStrings'
import { useStytchContext } from '../useStytch'
import type { RequestError } from '../useStytchMutation'
import { CodeStep } from './CodeStep'
import { classifyError, errorText } from './describeError'
import type { LoginError } from './describeError'
import type { PhoneLoginEvent } from './events'
import { PhoneStep } from './PhoneStep'
import { useLatest } from './useLatest'
import { useSecondsLeft } from './useSecondsLeft'
import { useUnmountSignal } from './useUnmountSignal'
import { useWebOtp } from './useWebOtp'

export interface PhoneLoginProps {
  /** Code lifetime in minutes, 1–10 (the API's default is 2). */
  expirationMinutes?: number
  /** UI language and the language of the SMS (`en`, `es`, `fr`, `pt-br`, …). Default `en`. */
  locale?: string
  /** Ask for the origin-bound last line that lets browsers and phones fill the code in. Default `true`. */
  enableAutofill?: boolean
  /** Session length for an autofilled sign-in, minutes ≥ 5. */
  autofillSessionDurationMinutes?: number
  /** Session length in minutes, ≥ 5. Default 60. */
  sessionDurationMinutes?: number
  /** ISO 3166-1 alpha-2 code selected at first; default the first of `countries`. */
  defaultCountry?: string
  /** Countries a number may come from (ISO codes). Default `['US', 'CA']`, the API's default. */
  countries?: readonly string[]
  /** Seconds before "Resend code" is offered. Default 30. A 429's Retry-After wins when longer. */
  resendCooldownSeconds?: number
  onSuccess?: (result: { session: Session; user: User }) => void
  /** Every failed request (not local validation, which is shown inline and sends nothing). */
  onError?: (error: RequestError) => void
  onEvent?: (event: PhoneLoginEvent) => void
  /** Replaces any built-in message. */
  strings?: Partial<PhoneLoginStrings>
  className?: string
}

const DEFAULT_COUNTRIES = ['US', 'CA']

type Step = 'phone' | 'code' | 'done'
type Action = 'send' | 'resend' | 'verify'
type Notice = { error: LoginError; step: 'phone' | 'code' } | { status: 'codeResent' }

// By name only: a DOMException is not an Error everywhere (jsdom's is not), and an abort may come from
// another realm.
const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'

export function PhoneLogin(props: PhoneLoginProps) {
  const {
    locale,
    countries = DEFAULT_COUNTRIES,
    defaultCountry,
    resendCooldownSeconds = 30,
    sessionDurationMinutes = 60,
    enableAutofill = true,
  } = props
  const language = resolveLanguage(locale)
  const { strings, ready } = useStrings(locale, props.strings)
  const countryKey = countries.join(',').toUpperCase()
  const options = useMemo(() => countryOptions(countryKey.split(','), language), [countryKey, language])
  // In the app's order, so the first listed country is the default one.
  const allowed = useMemo(
    () => countryKey.split(',').filter((code) => options.some((option) => option.code === code)),
    [countryKey, options],
  )
  const fallbackCountry =
    defaultCountry && allowed.includes(defaultCountry.toUpperCase())
      ? defaultCountry.toUpperCase()
      : allowed[0]

  const [step, setStep] = useState<Step>('phone')
  const [chosenCountry, setCountry] = useState<string | undefined>(undefined)
  const country = chosenCountry && allowed.includes(chosenCountry) ? chosenCountry : (fallbackCountry ?? 'US')
  const [phoneText, setPhoneText] = useState('')
  const [sent, setSent] = useState<{ phone: string; masked: string; methodId: string; count: number } | null>(
    null,
  )
  const [code, setCode] = useState('')
  const [notice, setNotice] = useState<Notice | null>(null)
  const [action, setAction] = useState<Action | null>(null)
  const [retryAt, setRetryAt] = useState(0)
  const [resendAt, setResendAt] = useState(0)
  const [phoneFocus, setPhoneFocus] = useState(0)
  const [codeFocus, setCodeFocus] = useState<{ target: 'code' | 'resend'; key: number }>({
    target: 'code',
    key: 0,
  })

  const { stytch } = useStytchContext('PhoneLogin')
  const tools = usePhoneTools(allowed)
  const unmountSignal = useUnmountSignal()
  const inFlight = useRef(false)
  const latest = useLatest(props)

  // Text typed before the phone library arrived is formatted once it is here.
  const [formattedWithTools, setFormattedWithTools] = useState(false)
  if (tools && !formattedWithTools) {
    setFormattedWithTools(true)
    if (phoneText) {
      const formatted = tools.formatInput(phoneText, country, allowed)
      setPhoneText(formatted.text)
      if (formatted.country) setCountry(formatted.country)
    }
  }

  const waitSeconds = useSecondsLeft(retryAt)
  const resendSeconds = Math.max(useSecondsLeft(resendAt), waitSeconds)

  const emit = (event: PhoneLoginEvent) => latest.current.onEvent?.(event)

  const fail = (error: unknown, at: 'phone' | 'code') => {
    const described = classifyError(error)
    notify(() => {
      // Cleared in the same render as the message, so focus can land on a control that is enabled again.
      setAction(null)
      if (described.kind === 'rate_limited') {
        setRetryAt(Date.now() + (described.retryAfter ?? resendCooldownSeconds) * 1000)
      }
      setNotice({ error: described, step: at })
      if (at === 'phone') setPhoneFocus((key) => key + 1)
      else if (described.kind === 'wrong_code' || described.kind === 'code_expired') {
        setCode('')
        setCodeFocus((focus) => ({
          target: described.kind === 'code_expired' ? 'resend' : 'code',
          key: focus.key + 1,
        }))
      }
      latest.current.onError?.(error as RequestError)
      emit({ type: 'error', step: at, error: error as RequestError })
    })
  }

  const sendCode = async (kind: 'send' | 'resend') => {
    if (inFlight.current || Date.now() < retryAt) return
    if (kind === 'resend' && (!sent || Date.now() < resendAt)) return
    inFlight.current = true
    setAction(kind)
    setNotice(null)
    try {
      let phone = sent?.phone ?? ''
      let masked = sent?.masked ?? ''
      if (kind === 'send') {
        const loaded = await loadPhoneTools(allowed)
        const check = loaded.checkPhone(phoneText, country, allowed)
        if (!check.ok) {
          notify(() => {
            setAction(null)
            setNotice({ error: { kind: localReason[check.reason], country: check.country }, step: 'phone' })
            setPhoneFocus((key) => key + 1)
          })
          return
        }
        phone = check.e164
        masked = loaded.maskPhone(phone)
      }
      const { expirationMinutes, autofillSessionDurationMinutes } = latest.current
      const response = await stytch.otps.sms.loginOrCreate(phone, {
        ...(expirationMinutes !== undefined && { expiration_minutes: expirationMinutes }),
        ...(locale !== undefined && { locale }),
        enable_autofill: enableAutofill,
        ...(autofillSessionDurationMinutes !== undefined && {
          autofill_session_duration_minutes: autofillSessionDurationMinutes,
        }),
        signal: unmountSignal(),
      })
      notify(() => {
        setAction(null)
        setSent((previous) => ({
          phone,
          masked,
          methodId: response.method_id,
          count: (previous?.count ?? 0) + 1,
        }))
        setStep('code')
        setCode('')
        setResendAt(Date.now() + resendCooldownSeconds * 1000)
        if (kind === 'resend') {
          setNotice({ status: 'codeResent' })
          setCodeFocus((focus) => ({ target: 'code', key: focus.key + 1 }))
        }
        emit({
          type: kind === 'send' ? 'code_sent' : 'code_resent',
          phone_number: phone,
          method_id: response.method_id,
        })
      })
    } catch (error) {
      if (!isAbort(error)) fail(error, kind === 'send' ? 'phone' : 'code')
    } finally {
      inFlight.current = false
      notify(() => setAction(null))
    }
  }

  // Declared before `verify`, which stops it; it calls `verify` only later, when a code arrives.
  const stopWebOtp = useWebOtp(step === 'code' && enableAutofill, sent?.count, (received) => {
    setCode(received)
    void verify(received)
  })

  const verify = async (value: string) => {
    if (inFlight.current || !sent || Date.now() < retryAt) return
    if (value.length !== 6) {
      setNotice({ error: { kind: 'code_incomplete' }, step: 'code' })
      setCodeFocus((focus) => ({ target: 'code', key: focus.key + 1 }))
      return
    }
    inFlight.current = true
    stopWebOtp()
    setAction('verify')
    setNotice(null)
    try {
      const response = await stytch.otps.authenticate(value, sent.methodId, {
        session_duration_minutes: sessionDurationMinutes,
        signal: unmountSignal(),
      })
      notify(() => {
        setAction(null)
        setStep('done')
        setNotice(null)
        emit({
          type: 'authenticated',
          phone_number: sent.phone,
          method_id: sent.methodId,
          session: response.session,
          user: response.user,
        })
        latest.current.onSuccess?.({ session: response.session, user: response.user })
      })
    } catch (error) {
      if (!isAbort(error)) fail(error, 'code')
    } finally {
      inFlight.current = false
      notify(() => setAction(null))
    }
  }

  const onCodeChange = (digits: string) => {
    setCode(digits)
    if (notice && 'error' in notice && notice.step === 'code' && notice.error.kind !== 'rate_limited')
      setNotice(null)
    if (digits.length === 6 && digits !== code) void verify(digits)
  }

  const changeNumber = () => {
    stopWebOtp()
    setStep('phone')
    setCode('')
    setNotice(null)
    setPhoneFocus((key) => key + 1)
  }

  // Names for messages, including a country outside the allowlist that a pasted number came from.
  const countryName = (code: string) =>
    options.find((option) => option.code === code)?.name ?? countryOptions([code], language)[0]?.name ?? code
  const message = (at: 'phone' | 'code'): { error?: string; status?: string } => {
    if (!notice) return {}
    if ('status' in notice) return { status: fill(strings.codeResent, { phone: sent?.masked ?? '' }) }
    // A rate-limit message goes away with its countdown.
    if (notice.step !== at || (notice.error.kind === 'rate_limited' && waitSeconds === 0)) return {}
    const named = countryName(notice.error.country ?? country)
    return { error: errorText(notice.error, strings, { country: named, seconds: waitSeconds }) }
  }

  const root = ['otpkit-login', props.className].filter(Boolean).join(' ')
  const lang = language === 'pt-br' ? 'pt-BR' : language
  // A built-in language other than English is on its way: nothing in the wrong language meanwhile.
  if (!ready) return <div className={root} lang={lang} data-step={step} aria-busy="true" />
  return (
    <div className={root} lang={lang} data-step={step}>
      {step === 'phone' && (
        <PhoneStep
          strings={strings}
          country={country}
          countries={options}
          allowed={allowed}
          value={phoneText}
          onValueChange={(text, switched) => {
            setPhoneText(text)
            if (switched) setCountry(switched)
            if (notice && 'error' in notice && notice.error.kind !== 'rate_limited') setNotice(null)
          }}
          onCountryChange={(next) => {
            setCountry(next)
            if (tools && !phoneText.trim().startsWith('+'))
              setPhoneText(tools.formatInput(phoneText, next, allowed).text)
          }}
          onSubmit={() => void sendCode('send')}
          tools={tools}
          sending={action === 'send'}
          waitSeconds={waitSeconds}
          focusKey={phoneFocus}
          {...message('phone')}
        />
      )}
      {step === 'code' && sent && (
        <CodeStep
          strings={strings}
          maskedPhone={sent.masked}
          code={code}
          onCodeChange={onCodeChange}
          onSubmit={() => void verify(code)}
          onResend={() => void sendCode('resend')}
          onChangeNumber={changeNumber}
          verifying={action === 'verify'}
          resending={action === 'resend'}
          resendSeconds={resendSeconds}
          waitSeconds={waitSeconds}
          focus={codeFocus}
          {...message('code')}
        />
      )}
      {step === 'done' && (
        <div className="otpkit-step otpkit-step-done" role="status" aria-live="polite">
          <p className="otpkit-notice">{strings.signedIn}</p>
        </div>
      )}
    </div>
  )
}

const localReason = {
  required: 'phone_required',
  too_short: 'phone_too_short',
  too_long: 'phone_too_long',
  invalid: 'phone_invalid',
  country: 'country_not_allowed',
} as const
