'use client'

// One MutationObserver per hook instance, read through useSyncExternalStore; the pattern of
// @tanstack/react-query's useMutation without depending on it.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { MutationObserver } from '@tanstack/query-core'
import type { MutateOptions } from '@tanstack/query-core'
import type { StytchError, StytchHeadlessClient } from '@otpkit/core'
import { notify } from './notify'
import { getQueryClient } from './queryClient'
import { useStytchContext } from './useStytch'

/** A typed StytchError, or the standard `AbortError` DOMException when the caller's signal aborted. */
export type RequestError = StytchError | Error

export interface RequestState<TData, TVariables> {
  status: 'idle' | 'pending' | 'success' | 'error'
  isIdle: boolean
  isPending: boolean
  isSuccess: boolean
  isError: boolean
  /** The last successful response. */
  data: TData | undefined
  /** The last failure. */
  error: RequestError | null
  /** What the last call was made with. */
  variables: TVariables | undefined
  /** Starts the request; failures land in `error` (and the optional callbacks), never as a rejection. */
  mutate: (variables: TVariables, callbacks?: MutateOptions<TData, RequestError, TVariables>) => void
  /** Starts the request and returns its promise, which rejects with the error. */
  mutateAsync: (
    variables: TVariables,
    callbacks?: MutateOptions<TData, RequestError, TVariables>,
  ) => Promise<TData>
  /** Back to `idle`, forgetting data and error. */
  reset: () => void
}

type RequestFn<TData, TVariables> = (stytch: StytchHeadlessClient, variables: TVariables) => Promise<TData>

export function useStytchMutation<TData, TVariables>(
  hook: string,
  request: RequestFn<TData, TVariables>,
): RequestState<TData, TVariables> {
  const context = useStytchContext(hook)
  const { stytch } = context
  const [observer] = useState(
    () =>
      new MutationObserver<TData, RequestError, TVariables>(getQueryClient(context), {
        mutationFn: (variables) => request(stytch, variables),
      }),
  )
  useEffect(() => {
    observer.setOptions({ mutationFn: (variables) => request(stytch, variables) })
  }, [observer, request, stytch])

  const subscribe = useCallback(
    (onChange: () => void) => observer.subscribe(() => notify(onChange)),
    [observer],
  )
  const getResult = useCallback(() => observer.getCurrentResult(), [observer])
  const result = useSyncExternalStore(subscribe, getResult, getResult)

  const mutateAsync = useCallback<RequestState<TData, TVariables>['mutateAsync']>(
    (variables, callbacks) => observer.mutate(variables, callbacks),
    [observer],
  )
  const mutate = useCallback<RequestState<TData, TVariables>['mutate']>(
    (variables, callbacks) => {
      observer.mutate(variables, callbacks).catch(() => undefined)
    },
    [observer],
  )
  const reset = useCallback(() => observer.reset(), [observer])

  return useMemo(
    () => ({
      status: result.status,
      isIdle: result.isIdle,
      isPending: result.isPending,
      isSuccess: result.isSuccess,
      isError: result.isError,
      data: result.data,
      error: result.error,
      variables: result.variables,
      mutate,
      mutateAsync,
      reset,
    }),
    [result, mutate, mutateAsync, reset],
  )
}
