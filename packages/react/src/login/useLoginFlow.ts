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
import { useLatest } from './useLatest'

const unsubscribed = () => () => undefined
const noState = () => undefined
const never = () => false

/**
 * Whether this tab keeps a sent code's step: the flow's own key (core's savedCode.ts), read here so that
 * a reload shows the login busy, not the phone step, until the flow that restores it is here.
 */
const KEPT_STEP_KEY = 'otpkit:login:code'
function keepsStep(): boolean {
  try {
    return window.sessionStorage.getItem(KEPT_STEP_KEY) !== null
  } catch {
    return false
  }
}

export interface LoginFlowHandle {
  /** The flow, once the later views are here. */
  flow: LoginFlow | undefined
  /** Its state; undefined before the flow exists (the phone step, nothing sent). */
  state: LoginFlowState | undefined
  /** The flow for views that have just arrived (Send awaits them, then sends through this). */
  flowWith(views: LaterViews): LoginFlow
  /** A step this tab kept is waiting for the flow to restore it. */
  resuming: boolean
}

/**
 * @param optionsFor the flow's options, from the later views it comes with (asked again after each
 *   render, and when Send makes the flow the moment those views arrive).
 */
export function useLoginFlow(
  client: LoginFlowClient,
  optionsFor: (views: LaterViews) => LoginFlowOptions,
  views: LaterViews | undefined,
): LoginFlowHandle {
  const latest = useLatest(optionsFor)
  const created = useRef<LoginFlow | null>(null)
  // Creating a flow has no side effects (it subscribes to nothing until a view subscribes), so making it
  // while rendering, or twice under StrictMode, costs nothing.
  const flowWith = useCallback(
    (later: LaterViews) => (created.current ??= later.createLoginFlow(client, latest.current(later))),
    [client, latest],
  )
  const flow = views ? flowWith(views) : undefined
  useEffect(() => {
    if (views) flow?.setOptions(optionsFor(views))
  })
  const subscribe = useCallback(
    (onChange: () => void) => (flow ? flow.subscribe(() => notify(onChange)) : unsubscribed()),
    [flow],
  )
  // The server renders the phone step; a code step kept for this tab appears once hydrated.
  const state = useSyncExternalStore(subscribe, flow?.getState ?? noState, flow?.getInitialState ?? noState)
  // Not on the server, nor while hydrating what it rendered (the phone step).
  const kept = useSyncExternalStore(unsubscribed, keepsStep, never)
  return { flow, state, flowWith, resuming: !flow && kept }
}
