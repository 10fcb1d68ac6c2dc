'use client'

// The pre-built phone login: phone step → code step → signed in, as a view over the login flow of
// @otpkit/core/flow. The flow holds every request and wait; this file picks the step to show and turns
// the flow's events into the props' callbacks. The phone library and the flow load after first paint.
import { useState } from 'react'
import type { LoginChannel, LoginFlowEvent } from '@otpkit/core/flow'
import type { Session, User } from '@otpkit/core'
import { notify } from '../notify'
import { loadedPhoneTools } from '../phone/loadPhoneTools'
import { resolveLanguage } from '../strings/resolveStrings'
import type { PhoneLoginStrings } from '../strings/types'
import { useStrings } from '../strings/useStrings'
import { useStytchContext } from '../useStytch'
import type { RequestError } from '../useStytchMutation'
import { DEFAULT_CHANNELS } from './channels'
import type { PhoneLoginEvent } from './events'
import { loginKit } from './loginKit'
import { PhoneEntry } from './PhoneEntry'
import { useLaterViews } from './useLaterViews'
import { useLatest } from './useLatest'
import { useLoginFlow } from './useLoginFlow'
import { usePhoneField } from './usePhoneField'

export interface PhoneLoginProps {
  /** How the code may travel; with more than one the person chooses. Default `['sms']`. */
  channels?: readonly LoginChannel[]
  /** Code lifetime in minutes, 1–10 (the API's default is 2). */
  expirationMinutes?: number
  /** UI language (`en`, `es`, `fr`, `pt-br`, `de`, `it`, `ja`, `ar`; others fall back) and, where the API
   * supports it, the language of the message. Default `en`. */
  locale?: string
  /** SMS only: ask for the origin-bound last line that lets browsers and phones fill the code in. Default `true`. */
  enableAutofill?: boolean
  /** SMS only: session length for an autofilled sign-in, minutes ≥ 5. */
  autofillSessionDurationMinutes?: number
  /** Session length in minutes, ≥ 5. Default 60. */
  sessionDurationMinutes?: number
  /** ISO 3166-1 alpha-2 code selected at first; default the first of `countries`. */
  defaultCountry?: string
  /** Countries a number may come from (ISO codes). Default `['US', 'CA']`, the API's default. */
  countries?: readonly string[]
  /** Seconds before a new code for the same number is offered. Default 30. A 429's Retry-After wins when longer. */
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

export function PhoneLogin(props: PhoneLoginProps) {
  const { locale, channels = DEFAULT_CHANNELS, enableAutofill = true } = props
  const language = resolveLanguage(locale)
  // The flow, the code step, the signed-in step, the country list and names arrive after the first paint.
  const later = useLaterViews()
  const { strings, ready } = useStrings(locale, props.strings, later)
  // The later steps' strings come with their views.
  const full = later?.completeStrings(strings)
  const field = usePhoneField(props.countries ?? DEFAULT_COUNTRIES, props.defaultCountry, language, later)
  const latest = useLatest(props)
  const { stytch } = useStytchContext('PhoneLogin')
  // The channel chosen before the flow is here; the flow starts with it.
  const [firstChannel, setFirstChannel] = useState<LoginChannel>(channels[0] ?? 'sms')

  const report = (event: LoginFlowEvent) =>
    notify(() => {
      const { onEvent, onError, onSuccess } = latest.current
      onEvent?.(event as PhoneLoginEvent)
      if (event.type === 'error') onError?.(event.error as RequestError)
      if (event.type === 'authenticated') onSuccess?.({ session: event.session, user: event.user })
    })
  const { flow, state, flowWith, resuming } = useLoginFlow(
    stytch,
    (views) => ({
      channel: firstChannel,
      expirationMinutes: props.expirationMinutes,
      sessionDurationMinutes: props.sessionDurationMinutes,
      // Only a locale the API takes for messages is sent (de → de-DE); any other is left out. The table
      // of those comes with the flow, in the later views.
      locale: views.smsLocale(locale),
      enableAutofill,
      autofillSessionDurationMinutes: props.autofillSessionDurationMinutes,
      resendCooldownSeconds: props.resendCooldownSeconds,
      // The phone library has arrived by the time a code is sent (the number is checked with it first);
      // were it missing, the flow's own mask would hide the number.
      maskPhone: (phone) => loadedPhoneTools(field.allowed)?.maskPhone(phone),
      onEvent: report,
    }),
    later,
  )
  const step = state?.step ?? 'phone'
  const channel = state?.channel ?? firstChannel

  const root = ['otpkit-login', props.className].filter(Boolean).join(' ')
  const lang = language === 'pt-br' ? 'pt-BR' : language
  // Arabic is written right to left: the whole login mirrors, numbers stay isolated left to right.
  const dir = language === 'ar' ? 'rtl' : undefined
  // A built-in language other than English is on its way (nothing in the wrong language meanwhile), or a
  // code step this tab kept waits for the flow that brings it back (not the phone step meanwhile).
  if (!ready || resuming)
    return <div className={root} lang={lang} dir={dir} data-step={step} aria-busy="true" />
  return (
    <div className={root} lang={lang} dir={dir} data-step={step}>
      {step === 'phone' && (
        <PhoneEntry
          state={state}
          flowWith={flowWith}
          channel={channel}
          onChannelChange={(next) => (flow ? void flow.switchChannel(next) : setFirstChannel(next))}
          field={field}
          tools={field.tools}
          strings={strings}
          fullStrings={full}
          lang={lang}
          channels={channels}
          views={later}
          onLoadError={(error) => report({ type: 'error', step: 'phone', channel, error })}
        />
      )}
      {/* A flow (so its state) exists only once the later views are here. */}
      {state?.step === 'code' && flow && later && full && (
        <later.CodeEntry
          kit={loginKit}
          flow={flow}
          state={state}
          strings={full}
          lang={lang}
          channels={channels}
          enableAutofill={enableAutofill}
        />
      )}
      {state?.step === 'done' && later && full && <later.DoneStep strings={full} />}
    </div>
  )
}
