'use client'

// The code step over the flow: the typed code (input state) and WebOTP live here; checking it, new
// codes and every wait live in the flow.
import { useState } from 'react'
import type { LoginChannel, LoginFlow, LoginFlowState } from '@otpkit/core/flow'
import { formatClock } from '../strings/formatClock'
import type { PhoneLoginStrings } from '../strings/types'
import { CodeStep } from './CodeStep'
import { describeFlowError, errorText } from './describeError'
import type { LoginKit } from './loginKit'
import { useWebOtp } from './useWebOtp'

export interface CodeEntryProps {
  /** What this step shares with the phone step (see loginKit.ts). */
  kit: LoginKit
  flow: LoginFlow
  state: LoginFlowState
  strings: PhoneLoginStrings
  /** BCP 47 tag of the language shown, for plural rules. */
  lang: string
  channels: readonly LoginChannel[]
  enableAutofill: boolean
}

/** Errors after which the typed code is of no use: the field is emptied for the next one. */
const clearsCode = ['otp_code_not_found', 'too_many_wrong_codes', 'unable_to_auth_otp_code', 'code_expired']

const PHONE = '\u0000'

/** A message with the masked number kept whole: one unbreakable, direction-isolated word. */
function withPhone(text: string, phone: string | null) {
  const [before, after] = text.split(PHONE)
  if (after === undefined) return text
  return (
    <>
      {before}
      <bdi className="otpkit-phone-number" dir="ltr">
        {phone ?? ''}
      </bdi>
      {after}
    </>
  )
}

export function CodeEntry(props: CodeEntryProps) {
  const { kit, flow, state, strings, lang, channels, enableAutofill } = props
  const { fill, channelString, useSecondsLeft, useStepError } = kit
  const { error, channel, sentCount, maskedPhone } = state
  const [code, setCode] = useState('')
  // A wrong or dead code, or a new code on its way, empties the field (adjusted while rendering).
  const [seen, setSeen] = useState({ error, sentCount })
  if (seen.error !== error || seen.sentCount !== sentCount) {
    setSeen({ error, sentCount })
    if (seen.sentCount !== sentCount || clearsCode.includes(error?.code ?? '')) setCode('')
  }

  const limits = (state.phone && state.limits[state.phone]) || undefined
  const waitSeconds = useSecondsLeft(limits?.retryUntil ?? 0)
  const cooldownSeconds = useSecondsLeft(limits?.cooldownUntil ?? 0)
  const message = useStepError(error, error?.action !== 'send', waitSeconds, describeFlowError)
  const lifeSeconds = useSecondsLeft(state.codeDead ? 0 : (state.expiresAt ?? 0))
  const shown = message.shown

  const verify = (value: string) => {
    if (value.length !== 6) return message.setLocal({ kind: 'code_incomplete' })
    message.setLocal(null)
    stopWebOtp()
    void flow.submitCode(value)
  }
  // WebOTP reads only messages that carry the origin-bound line (SMS).
  const stopWebOtp = useWebOtp(enableAutofill && kit.CHANNELS[channel].webOtp, sentCount, (received) =>
    kit.notify(() => {
      setCode(received)
      verify(received)
    }),
  )
  const other = channels.find((candidate) => candidate !== channel)

  return (
    <CodeStep
      kit={kit}
      strings={strings}
      sentTo={withPhone(channelString(strings, channel, 'sentTo', { phone: PHONE }), maskedPhone)}
      code={code}
      onCodeChange={(digits) => {
        setCode(digits)
        message.onType()
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
          label: channelString(strings, other, 'switchChannel'),
          onClick: () => {
            stopWebOtp()
            void flow.switchChannel(other)
          },
        }
      }
      verifying={state.verifying}
      resending={state.resending}
      // A dead code may be replaced at once, where the send limits allow.
      resendSeconds={state.codeDead ? waitSeconds : Math.max(cooldownSeconds, waitSeconds)}
      waitSeconds={waitSeconds}
      focus={{
        target: state.codeDead ? 'resend' : 'code',
        key: message.focusKey + (state.notice ? sentCount : 0),
      }}
      expiresIn={
        lifeSeconds > 0 ? fill(strings.codeExpiresIn, { time: formatClock(lifeSeconds) }) : undefined
      }
      error={
        shown
          ? errorText(kit, shown, strings, { country: '', seconds: message.waitAtStart, lang, channel })
          : undefined
      }
      status={
        state.notice
          ? withPhone(fill(strings.codeResent, { phone: PHONE }), maskedPhone)
          : message.waitOver
            ? strings.waitOver
            : undefined
      }
    />
  )
}
