'use client'

import { useState } from 'react'
import type { LoginFlowError } from '@otpkit/core/flow'
import { describeFlowError } from './describeError'
import type { LoginError } from './describeError'
import { useChangeCount } from './useChangeCount'

/**
 * The message of one step: a local check (nothing was sent) or the flow's error when it `belongs` to
 * this step. Typing hides it, except a wait that is still running; a wait's message goes with it.
 */
export function useStepError(error: LoginFlowError | null, belongs: boolean, waitSeconds: number) {
  const [local, setLocal] = useState<LoginError | null>(null)
  const [dismissed, setDismissed] = useState<LoginFlowError | null>(null)
  const described = error && belongs && error !== dismissed ? describeFlowError(error) : null
  const waiting = described?.kind === 'rate_limited'
  return {
    shown: local ?? (waiting && waitSeconds === 0 ? null : described),
    /** Changes whenever a new message arrives, so focus can move to where it is. */
    focusKey: useChangeCount(local) + useChangeCount(error),
    setLocal,
    onType() {
      setLocal(null)
      if (!waiting) setDismissed(error)
    },
  }
}
