// The channels <PhoneLogin> can offer, as data. Names come from core's CHANNELS; SMS keeps its own
// phrasing ("We will text you…"), every other channel shares templates that name it. A new channel
// needs nothing here unless it wants phrasing of its own.
import { CHANNELS } from '@otpkit/core'
import type { LoginChannel } from '@otpkit/core/flow'
import { fill } from '../strings/resolveStrings'
import type { FirstPaintStrings, PhoneLoginStrings, RequiredStringKey } from '../strings/types'

type Key = RequiredStringKey

export interface ChannelText {
  /** The phone step's intro line when it is chosen. */
  intro: Key
  /** "We sent a 6-digit code to {phone}" by it. */
  sentTo: Key
  /** A wrong code names where to look for the right one. */
  wrongCode: Key
}

const own: Partial<Record<LoginChannel, ChannelText>> = {
  sms: { intro: 'phoneIntro', sentTo: 'codeSentTo', wrongCode: 'errorWrongCode' },
}
const shared: ChannelText = {
  intro: 'phoneIntroChannel',
  sentTo: 'codeSentToChannel',
  wrongCode: 'errorWrongCodeChannel',
}

/**
 * The text of `key` for `channel`, with its name and any other values filled in. The phone step asks
 * only for its intro and the name, which the first paint's strings have; the later steps have them all.
 */
export function channelString(
  strings: FirstPaintStrings,
  channel: LoginChannel,
  key: 'intro' | 'name',
): string
export function channelString(
  strings: PhoneLoginStrings,
  channel: LoginChannel,
  key: keyof ChannelText | 'switchChannel' | 'name',
  values?: Record<string, string | number>,
): string
export function channelString(
  given: FirstPaintStrings,
  channel: LoginChannel,
  key: keyof ChannelText | 'switchChannel' | 'name',
  values: Record<string, string | number> = {},
): string {
  const name = CHANNELS[channel].name
  if (key === 'name') return name
  // The overloads above let only the later steps ask for their keys.
  const strings = given as PhoneLoginStrings
  const template = key === 'switchChannel' ? strings.switchChannel : strings[(own[channel] ?? shared)[key]]
  return fill(template, { ...values, channel: name })
}

export const DEFAULT_CHANNELS: readonly LoginChannel[] = ['sms']
