// The code step over the flow: the typed code (input state) and WebOTP live here; checking it, new
// codes and every wait live in the flow.
import { useState } from 'react'
import type { LoginChannel, LoginFlow, LoginFlowError, LoginFlowState } from '@otpkit/core/flow'
import { fill } from '../strings/resolveStrings'
import type { PhoneLoginStrings } from '../strings/types'
import { channelText } from './channels'
import { CodeStep } from './CodeStep'
import { describeFlowError, errorText } from './describeError'
import type { LoginError } from './describeError'
import { useChangeCount } from './useChangeCount'
import { useSecondsLeft } from './useSecondsLeft'
import { useWebOtp } from './useWebOtp'

export interface CodeEntryProps {
  flow: LoginFlow
  state: LoginFlowState
  strings: PhoneLoginStrings
  channels: readonly LoginChannel[]
  enableAutofill: boolean
}

/** Errors after which the typed code is of no use: the field is emptied for the next one. */
const clearsCode = new Set([
  'otp_code_not_found',
  'too_many_wrong_codes',
  'unable_to_auth_otp_code',
  'code_expired',
])

export function CodeEntry({ flow, state, strings, channels, enableAutofill }: CodeEntryProps) {
  const [code, setCode] = useState('')
  const [localError, setLocalError] = useState<LoginError | null>(null)
  const [dismissed, setDismissed] = useState<LoginFlowError | null>(null)
  const { error, channel } = state

  // A wrong or dead code, or a new code on its way, empties the field (adjusted while rendering).
  const [seen, setSeen] = useState({ error, sentCount: state.sentCount })
  if (seen.error !== error || seen.sentCount !== state.sentCount) {
    setSeen({ error, sentCount: state.sentCount })
    if (seen.sentCount !== state.sentCount || (error && clearsCode.has(error.code))) setCode('')
  }

  const limits = (state.phone && state.limits[state.phone]) || undefined
  const waitSeconds = useSecondsLeft(limits?.retryUntil ?? 0)
  const cooldownSeconds = useSecondsLeft(limits?.cooldownUntil ?? 0)
  // A dead code may be replaced at once, where the send limits allow.
  const resendSeconds = state.codeDead ? waitSeconds : Math.max(cooldownSeconds, waitSeconds)

  const verify = (value: string) => {
    if (value.length !== 6) return setLocalError({ kind: 'code_incomplete' })
    setLocalError(null)
    stopWebOtp()
    void flow.submitCode(value)
  }
  // The autofill line and WebOTP are SMS features.
  const stopWebOtp = useWebOtp(enableAutofill && channel === 'sms', state.sentCount, (received) => {
    setCode(received)
    verify(received)
  })

  const flowError = error && error !== dismissed && error.action !== 'send' ? describeFlowError(error) : null
  const shown = localError ?? (flowError?.kind === 'rate_limited' && waitSeconds === 0 ? null : flowError)
  const focus = {
    target: state.codeDead ? ('resend' as const) : ('code' as const),
    key:
      useChangeCount(localError) + useChangeCount(error) + useChangeCount(state.notice ? state.sentCount : 0),
  }
  const other = channels.find((candidate) => candidate !== channel)

  return (
    <CodeStep
      strings={strings}
      sentTo={fill(strings[channelText[channel].sentTo], { phone: state.maskedPhone ?? '' })}
      code={code}
      onCodeChange={(digits) => {
        setCode(digits)
        setLocalError(null)
        if (flowError && flowError.kind !== 'rate_limited') setDismissed(error)
        if (digits.length === 6 && digits !== code) verify(digits)
      }}
      onSubmit={() => verify(code)}
      onResend={() => void flow.resend()}
      onChangeNumber={() => {
        stopWebOtp()
        flow.changeNumber()
      }}
      canResend={state.phone !== null}
      switchTo={
        other && {
          label: strings[channelText[other].switchTo],
          onClick: () => {
            stopWebOtp()
            void flow.switchChannel(other)
          },
        }
      }
      verifying={state.verifying}
      resending={state.resending}
      resendSeconds={resendSeconds}
      waitSeconds={waitSeconds}
      focus={focus}
      error={shown ? errorText(shown, strings, { country: '', seconds: waitSeconds, channel }) : undefined}
      status={
        state.notice === 'code_resent'
          ? fill(strings.codeResent, { phone: state.maskedPhone ?? '' })
          : undefined
      }
    />
  )
}
