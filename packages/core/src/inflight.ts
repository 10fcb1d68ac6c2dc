// Concurrent identical calls share one request: a double click or a React StrictMode double effect must
// not send two SMS (each costs money and invalidates the previous code).
import { abortError } from './errors'

interface Entry {
  promise: Promise<unknown>
  controller: AbortController
  /** Callers still waiting; when the last of them aborts, so does the request. */
  waiters: number
}

/**
 * Runs `start` once per `key` at a time; later callers with the same key join the running promise. Each
 * caller's own signal rejects only that caller; when every caller has aborted, the shared request is
 * aborted too.
 */
export type Inflight = <T>(
  key: string,
  start: (signal: AbortSignal) => Promise<T>,
  signal?: AbortSignal,
) => Promise<T>

export function createInflight(): Inflight {
  const entries = new Map<string, Entry>()
  const forget = (key: string, entry: Entry) => entries.get(key) === entry && entries.delete(key)

  return <T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal) => {
    if (signal?.aborted) return Promise.reject(abortError())
    let entry = entries.get(key)
    if (!entry) {
      const controller = new AbortController()
      const created: Entry = { promise: start(controller.signal), controller, waiters: 0 }
      const done = () => forget(key, created)
      created.promise.then(done, done)
      entries.set(key, (entry = created))
    }
    const shared = entry
    const promise = shared.promise as Promise<T>
    shared.waiters++
    if (!signal) return promise
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(abortError())
        if (--shared.waiters === 0) {
          forget(key, shared)
          shared.controller.abort()
        }
      }
      signal.addEventListener('abort', onAbort, { once: true })
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }
}
