// The phone step over the flow: checks the number on the device (nothing is sent for a bad one), then
// asks the flow to send. The wait shown is the typed number's own, so a limit on one number never
// holds back another.
import { useState } from 'react'
import type { LoginChannel, LoginFlow, LoginFlowError, LoginFlowState } from '@otpkit/core/flow'
import { loadPhoneTools } from '../phone/loadPhoneTools'
import type { PhoneTools } from '../phone/loadPhoneTools'
import type { PhoneLoginStrings } from '../strings/types'
import { channelText } from './channels'
import { classifyError, describeFlowError, errorText } from './describeError'
import type { LoginError } from './describeError'
import { PhoneStep } from './PhoneStep'
import { useChangeCount } from './useChangeCount'
import type { usePhoneField } from './usePhoneField'
import { useSecondsLeft } from './useSecondsLeft'

export interface PhoneEntryProps {
  flow: LoginFlow
  state: LoginFlowState
  field: ReturnType<typeof usePhoneField>
  tools: PhoneTools | undefined
  strings: PhoneLoginStrings
  channels: readonly LoginChannel[]
  /** A failure before the flow was reached (the phone library did not load). */
  onLoadError: (error: unknown) => void
}

const localReason = {
  required: 'phone_required',
  too_short: 'phone_too_short',
  too_long: 'phone_too_long',
  invalid: 'phone_invalid',
  country: 'country_not_allowed',
} as const

export function PhoneEntry({ flow, state, field, tools, strings, channels, onLoadError }: PhoneEntryProps) {
  const [localError, setLocalError] = useState<LoginError | null>(null)
  // An error the person has moved on from by typing (a rate limit stays while it runs).
  const [dismissed, setDismissed] = useState<LoginFlowError | null>(null)
  const limits = (field.e164 && state.limits[field.e164]) || undefined
  const waitSeconds = useSecondsLeft(Math.max(limits?.retryUntil ?? 0, limits?.cooldownUntil ?? 0))
  const retrySeconds = useSecondsLeft(limits?.retryUntil ?? 0)

  const { error } = state
  const flowError =
    error &&
    error !== dismissed &&
    (error.action === 'send' ? error.phone === field.e164 : error.code === 'code_expired')
      ? describeFlowError(error)
      : null
  const shown = localError ?? (flowError?.kind === 'rate_limited' && retrySeconds === 0 ? null : flowError)
  // Back from the code step (or a code that ran out), the field takes focus as soon as it shows.
  const returned = state.sentCount > 0 || error !== null ? 1 : 0
  const focusKey = returned + useChangeCount(localError) + useChangeCount(error)

  const send = async () => {
    setLocalError(null)
    let loaded: PhoneTools
    try {
      loaded = await loadPhoneTools()
    } catch (failure) {
      setLocalError(classifyError(failure))
      return onLoadError(failure)
    }
    const check = loaded.checkPhone(field.text, field.country, field.allowed)
    if (!check.ok) return setLocalError({ kind: localReason[check.reason], country: check.country })
    await flow.send({ phone: check.e164, channel: state.channel })
  }

  return (
    <PhoneStep
      strings={strings}
      intro={strings[channelText[state.channel].intro]}
      channels={channels}
      channel={state.channel}
      onChannelChange={(channel) => void flow.switchChannel(channel)}
      country={field.country}
      countries={field.options}
      allowed={field.allowed}
      value={field.text}
      onValueChange={(text, switched) => {
        field.onValueChange(text, switched)
        setLocalError(null)
        if (flowError?.kind !== 'rate_limited') setDismissed(error)
      }}
      onCountryChange={field.onCountryChange}
      onSubmit={() => void send()}
      tools={tools}
      sending={state.sending}
      waitSeconds={waitSeconds}
      focusKey={focusKey}
      error={
        shown
          ? errorText(shown, strings, {
              country: field.countryName(shown.country ?? field.country),
              seconds: retrySeconds,
              channel: state.channel,
            })
          : undefined
      }
    />
  )
}
