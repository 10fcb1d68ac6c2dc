'use client'

// The phone step over the flow: checks the number on the device (nothing is sent for a bad one), then
// asks the flow to send. Until the flow has come with the later views nothing has been sent, so the
// step shows without it. The wait shown is the typed number's own, so a limit on one number never
// holds back another.
import type { LoginChannel, LoginFlow, LoginFlowState } from '@otpkit/core/flow'
import { dialCode } from '../phone/countries'
import { loadPhoneTools } from '../phone/loadPhoneTools'
import type { PhoneTools } from '../phone/loadPhoneTools'
import type { FirstPaintStrings, PhoneLoginStrings } from '../strings/types'
import { channelString } from './channels'
import type { LoginError } from './describeError'
import { loginKit } from './loginKit'
import { PhoneStep } from './PhoneStep'
import { loadLaterViews } from './useLaterViews'
import type { LaterViews } from './useLaterViews'
import type { usePhoneField } from './usePhoneField'
import { useSecondsLeft } from './useSecondsLeft'
import { useStepError } from './useStepError'

export interface PhoneEntryProps {
  /** Undefined until the flow has arrived with the later views: nothing sent yet. */
  state: LoginFlowState | undefined
  /** The flow, made from the later views once Send has them. */
  flowWith: (views: LaterViews) => LoginFlow
  channel: LoginChannel
  onChannelChange: (channel: LoginChannel) => void
  field: ReturnType<typeof usePhoneField>
  tools: PhoneTools | undefined
  strings: FirstPaintStrings
  /** Every string, once the later views (which bring the rest of them) are here. */
  fullStrings: PhoneLoginStrings | undefined
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
  state,
  flowWith,
  channel,
  onChannelChange,
  field,
  tools,
  strings,
  fullStrings,
  lang,
  channels,
  views,
  onLoadError,
}: PhoneEntryProps) {
  const error = state?.error ?? null
  const limits = (field.e164 && state?.limits[field.e164]) || undefined
  const waitSeconds = useSecondsLeft(Math.max(limits?.retryUntil ?? 0, limits?.cooldownUntil ?? 0))
  const retrySeconds = useSecondsLeft(limits?.retryUntil ?? 0)
  // A send error belongs to its number; a code that ran out after a reload comes back here.
  const belongs = error?.action === 'send' ? error.phone === field.e164 : error?.code === 'code_expired'
  const message = useStepError(error, belongs, retrySeconds, views?.describeFlowError)
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
    let later: LaterViews
    try {
      // The flow and the code step come too: they send the code and show it.
      ;[loaded, later] = await Promise.all([loadPhoneTools(field.allowed), loadLaterViews()])
    } catch (failure) {
      message.setLocal({ kind: 'network' })
      return onLoadError(failure)
    }
    const check = loaded.checkPhone(field.text, field.country, field.allowed)
    if (!check.ok) {
      const kind = check.mainCountry ? 'region_not_allowed' : localReason[check.reason]
      return message.setLocal({ kind, country: check.country, mainCountry: check.mainCountry })
    }
    await flowWith(later).send({ phone: check.e164, channel })
  }

  return (
    <PhoneStep
      strings={strings}
      intro={channelString(strings, channel, 'intro')}
      channels={channels}
      channel={channel}
      onChannelChange={onChannelChange}
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
      sending={state?.sending ?? false}
      waitSeconds={waitSeconds}
      // Back from the code step (or a code that ran out), the field takes focus as soon as it shows.
      focusKey={message.focusKey + ((state?.sentCount ?? 0) > 0 || error ? 1 : 0)}
      error={
        // The words come with the later views; a failure to load them is said without them.
        shown && views && fullStrings
          ? views.errorText(loginKit, shown, fullStrings, {
              country: field.countryName(shown.country ?? field.country),
              dialCode: `+${dialCode(shown.country ?? field.country) ?? ''}`,
              mainCountry: shown.mainCountry && field.countryName(shown.mainCountry),
              seconds: message.waitAtStart,
              lang,
              channel,
            })
          : shown?.kind === 'network'
            ? strings.errorNetwork
            : undefined
      }
      status={message.waitOver ? strings.waitOver : undefined}
    />
  )
}
