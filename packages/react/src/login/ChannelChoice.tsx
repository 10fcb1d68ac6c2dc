'use client'

import type { LoginChannel } from '@otpkit/core/flow'
import type { FirstPaintStrings } from '../strings/types'
import { channelString } from './channels'

export interface ChannelChoiceProps {
  strings: FirstPaintStrings
  channels: readonly LoginChannel[]
  value: LoginChannel
  onChange: (channel: LoginChannel) => void
  disabled: boolean
}

/** Radio buttons for how the code travels; shown only when the app offers more than one channel. */
export function ChannelChoice({ strings, channels, value, onChange, disabled }: ChannelChoiceProps) {
  return (
    <fieldset className="otpkit-channels" disabled={disabled}>
      <legend className="otpkit-label">{strings.channelLabel}</legend>
      {channels.map((channel) => (
        <label key={channel} className="otpkit-channel">
          <input
            type="radio"
            name="channel"
            value={channel}
            checked={channel === value}
            onChange={() => onChange(channel)}
          />
          {channelString(strings, channel, 'name')}
        </label>
      ))}
    </fieldset>
  )
}
