'use client'

import { useState } from 'react'
import type { LoginFlowError } from '@otpkit/core/flow'
import type { describeFlowError, LoginError } from './describeError'
import { useChangeCount } from './useChangeCount'

/**
 * The message of one step: a local check (nothing was sent) or the flow's error when it `belongs` to
 * this step. Typing hides it, except a wait that is still running. A wait is said twice only: when it
 * starts (its length frozen, so the live region does not speak every second) and when it is over.
 * `describe` comes with the later views, as the flow does: a flow error never arrives before it.
 */
export function useStepError(
  error: LoginFlowError | null,
  belongs: boolean,
  waitSeconds: number,
  describe: typeof describeFlowError | undefined,
) {
  const [local, setLocal] = useState<LoginError | null>(null)
  const [dismissed, setDismissed] = useState<LoginFlowError | null>(null)
  const [start, setStart] = useState<{ error: LoginFlowError | null; seconds: number }>({
    error: null,
    seconds: 0,
  })
  const described = error && belongs && error !== dismissed && describe ? describe(error) : null
  const waiting = described?.kind === 'rate_limited'
  // Adjusted while rendering: the wait as it stood when this error arrived.
  if (waiting && start.error !== error) setStart({ error, seconds: waitSeconds })
  const over = waiting && waitSeconds === 0
  return {
    shown: local ?? (over ? null : described),
    /** The wait's length when it started, for the message. */
    waitAtStart: start.error === error ? start.seconds : waitSeconds,
    /** A wait has just run out: say so once. */
    waitOver: !local && over,
    /** Changes whenever a new message arrives, so focus can move to where it is. */
    focusKey: useChangeCount(local) + useChangeCount(error),
    setLocal,
    onType() {
      setLocal(null)
      if (!waiting || over) setDismissed(error)
    },
  }
}
