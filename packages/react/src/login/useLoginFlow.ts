'use client'

// The React glue for the login flow, as react-query's useMutation is for a MutationObserver: one flow
// per mounted component, options refreshed after each render, state read with useSyncExternalStore.
// The flow's code comes with the views loaded after the first paint (laterViews.ts): nothing of it is
// needed before a code is sent, so the phone step shows and takes typing without it. Until it is here
// the state is undefined, which reads as the phone step with nothing sent.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import type { LoginFlow, LoginFlowClient, LoginFlowOptions, LoginFlowState } from '@otpkit/core/flow'
import { notify } from '../notify'
import type { LaterViews } from './useLaterViews'

const unsubscribed = () => () => undefined
const noState = () => undefined

export interface LoginFlowHandle {
  /** The flow, once the later views are here. */
  flow: LoginFlow | undefined
  /** Its state; undefined before the flow exists (the phone step, nothing sent). */
  state: LoginFlowState | undefined
  /** The flow for views that have just arrived (Send awaits them, then sends through this). */
  flowWith(views: LaterViews): LoginFlow
}

export function useLoginFlow(
  client: LoginFlowClient,
  options: LoginFlowOptions,
  views: LaterViews | undefined,
): LoginFlowHandle {
  const latest = useRef(options)
  const created = useRef<LoginFlow | null>(null)
  // Creating a flow has no side effects (it subscribes to nothing until a view subscribes), so making it
  // while rendering, or twice under StrictMode, costs nothing.
  const flowWith = useCallback(
    (later: LaterViews) => (created.current ??= later.createLoginFlow(client, latest.current)),
    [client],
  )
  const flow = views ? flowWith(views) : undefined
  useEffect(() => {
    latest.current = options
    flow?.setOptions(options)
  })
  const subscribe = useCallback(
    (onChange: () => void) => (flow ? flow.subscribe(() => notify(onChange)) : unsubscribed()),
    [flow],
  )
  // The server renders the phone step; a code step kept for this tab appears once hydrated.
  const state = useSyncExternalStore(subscribe, flow?.getState ?? noState, flow?.getInitialState ?? noState)
  return { flow, state, flowWith }
}
