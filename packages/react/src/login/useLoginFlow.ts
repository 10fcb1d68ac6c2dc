'use client'

// The React glue for the login flow, as react-query's useMutation is for a MutationObserver: one flow
// per mounted component, options refreshed after each render, state read with useSyncExternalStore.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { createLoginFlow } from '@otpkit/core/flow'
import type { LoginFlow, LoginFlowClient, LoginFlowOptions, LoginFlowState } from '@otpkit/core/flow'
import { notify } from '../notify'

export function useLoginFlow(
  client: LoginFlowClient,
  options: LoginFlowOptions,
): [LoginFlow, LoginFlowState] {
  // Creating a flow has no side effects, so StrictMode's second call of this initialiser costs nothing.
  const [flow] = useState(() => createLoginFlow(client, options))
  useEffect(() => {
    flow.setOptions(options)
  })
  const subscribe = useCallback((onChange: () => void) => flow.subscribe(() => notify(onChange)), [flow])
  // The server renders the phone step; a code step kept for this tab appears once hydrated.
  const state = useSyncExternalStore(subscribe, flow.getState, flow.getInitialState)
  return [flow, state]
}
