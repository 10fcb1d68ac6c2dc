// Loads the phone library on demand, once per page. A failed load (a chunk that did not arrive) is
// forgotten so the next attempt tries again.
import type * as phoneTools from './phoneTools'

export type PhoneTools = typeof phoneTools

let loading: Promise<PhoneTools> | undefined
let loaded: PhoneTools | undefined

export function loadPhoneTools(): Promise<PhoneTools> {
  loading ??= import('./phoneTools').then(
    (tools) => (loaded = tools),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The tools if they already arrived, so a remount formats at once. */
export function loadedPhoneTools(): PhoneTools | undefined {
  return loaded
}
