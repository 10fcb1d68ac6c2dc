'use client'

// The phone step over the flow: checks the number on the device (nothing is sent for a bad one), then
// asks the flow to send. The wait shown is the typed number's own, so a limit on one number never
// holds back another.
import type { LoginChannel, LoginFlow, LoginFlowState } from '@otpkit/core/flow'
import { dialCode } from '../phone/countries'
import { loadPhoneTools } from '../phone/loadPhoneTools'
import type { PhoneTools } from '../phone/loadPhoneTools'
import type { PhoneLoginStrings } from '../strings/types'
import { channelString } from './channels'
import { errorText } from './describeError'
import type { LoginError } from './describeError'
import { PhoneStep } from './PhoneStep'
import { loadLaterViews } from './useLaterViews'
import type { LaterViews } from './useLaterViews'
import type { usePhoneField } from './usePhoneField'
import { useSecondsLeft } from './useSecondsLeft'
import { useStepError } from './useStepError'

export interface PhoneEntryProps {
  flow: LoginFlow
  state: LoginFlowState
  field: ReturnType<typeof usePhoneField>
  tools: PhoneTools | undefined
  strings: PhoneLoginStrings
  /** BCP 47 tag of the language shown, for plural rules. */
  lang: string
  channels: readonly LoginChannel[]
  /** The views loaded after the first paint (the country list). */
  views: LaterViews | undefined
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

export function PhoneEntry({
  flow,
  state,
  field,
  tools,
  strings,
  lang,
  channels,
  views,
  onLoadError,
}: PhoneEntryProps) {
  const { error, channel } = state
  const limits = (field.e164 && state.limits[field.e164]) || undefined
  const waitSeconds = useSecondsLeft(Math.max(limits?.retryUntil ?? 0, limits?.cooldownUntil ?? 0))
  const retrySeconds = useSecondsLeft(limits?.retryUntil ?? 0)
  // A send error belongs to its number; a code that ran out after a reload comes back here.
  const belongs = error?.action === 'send' ? error.phone === field.e164 : error?.code === 'code_expired'
  const message = useStepError(error, belongs, retrySeconds)
  // A number from a calling code the app does not take is named as soon as it is typed, so the picker
  // (which cannot show that country) and the number never disagree in silence.
  const early =
    tools && field.text.trim().startsWith('+')
      ? tools.checkPhone(field.text, field.country, field.allowed)
      : undefined
  const foreign: LoginError | null =
    early && !early.ok && early.reason === 'country' && !early.mainCountry
      ? { kind: 'country_not_allowed', country: early.country }
      : null
  const shown: LoginError | null = message.shown ?? foreign

  const send = async () => {
    message.setLocal(null)
    let loaded: PhoneTools
    try {
      // The code step comes too: it must be here to show the code that this sends.
      const [tools] = await Promise.all([loadPhoneTools(field.allowed), loadLaterViews()])
      loaded = tools
    } catch (failure) {
      message.setLocal({ kind: 'network' })
      return onLoadError(failure)
    }
    const check = loaded.checkPhone(field.text, field.country, field.allowed)
    if (!check.ok) {
      const kind = check.mainCountry ? 'region_not_allowed' : localReason[check.reason]
      return message.setLocal({ kind, country: check.country, mainCountry: check.mainCountry })
    }
    await flow.send({ phone: check.e164, channel })
  }

  return (
    <PhoneStep
      strings={strings}
      intro={channelString(strings, channel, 'intro')}
      channels={channels}
      channel={channel}
      onChannelChange={(next) => void flow.switchChannel(next)}
      country={field.country}
      allowed={field.allowed}
      countryName={field.countryName}
      namesReady={field.namesReady}
      lang={lang}
      views={views}
      value={field.text}
      onValueChange={(text, switched) => {
        field.onValueChange(text, switched)
        message.onType()
      }}
      onCountryChange={field.onCountryChange}
      onSubmit={() => void send()}
      tools={tools}
      sending={state.sending}
      waitSeconds={waitSeconds}
      // Back from the code step (or a code that ran out), the field takes focus as soon as it shows.
      focusKey={message.focusKey + (state.sentCount > 0 || error ? 1 : 0)}
      error={
        shown
          ? errorText(shown, strings, {
              country: field.countryName(shown.country ?? field.country),
              dialCode: `+${dialCode(shown.country ?? field.country) ?? ''}`,
              mainCountry: shown.mainCountry && field.countryName(shown.mainCountry),
              seconds: message.waitAtStart,
              lang,
              channel,
            })
          : undefined
      }
      status={message.waitOver ? strings.waitOver : undefined}
    />
  )
}
