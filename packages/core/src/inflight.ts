// Concurrent identical calls share one request: a double click or a React StrictMode double effect must
// not send two SMS (each costs money and invalidates the previous code).
import { abortError } from './errors'

interface Entry {
  promise: Promise<unknown>
  controller: AbortController
  waiters: number
}

export interface Inflight {
  /**
   * Runs `start` once per `key` at a time; later callers with the same key join the running promise.
   * Each caller's own signal rejects only that caller; when every caller has aborted, the shared
   * request is aborted too.
   */
  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>
}

export function createInflight(): Inflight {
  const entries = new Map<string, Entry>()

  function forget(key: string, entry: Entry): void {
    if (entries.get(key) === entry) entries.delete(key)
  }

  function join<T>(key: string, entry: Entry, signal?: AbortSignal): Promise<T> {
    const promise = entry.promise as Promise<T>
    entry.waiters++
    if (!signal) return promise
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(abortError())
        if (--entry.waiters === 0) {
          forget(key, entry)
          entry.controller.abort()
        }
      }
      signal.addEventListener('abort', onAbort, { once: true })
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort)
          resolve(value)
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort)
          reject(error)
        },
      )
    })
  }

  return {
    run(key, start, signal) {
      if (signal?.aborted) return Promise.reject(abortError())
      let entry = entries.get(key)
      if (!entry) {
        const controller = new AbortController()
        const created: Entry = { promise: start(controller.signal), controller, waiters: 0 }
        const done = () => forget(key, created)
        created.promise.then(done, done)
        entries.set(key, created)
        entry = created
      }
      return join(key, entry, signal)
    },
  }
}
