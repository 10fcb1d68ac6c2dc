// What the views loaded after the first paint (laterViews.ts) use from the first-paint chunk, handed to
// them as one object instead of imported. A module imported both by the first paint and by a lazy
// chunk becomes a third chunk in esbuild's splitting, which the first paint would wait for: one more
// request before anything shows.
import { CHANNELS } from '@otpkit/core'
import { notify } from '../notify'
import { fill } from '../strings/resolveStrings'
import { channelString } from './channels'
import { StatusMessage } from './StatusMessage'
import { useSecondsLeft } from './useSecondsLeft'
import { useStepError } from './useStepError'

export const loginKit = {
  CHANNELS,
  notify,
  fill,
  channelString,
  StatusMessage,
  useSecondsLeft,
  useStepError,
}

export type LoginKit = typeof loginKit
