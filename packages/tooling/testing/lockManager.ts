// A small in-test LockManager (the platform's `navigator.locks`): exclusive locks granted in request
// order, callbacks run asynchronously after the grant, waiting requests leave on their signal. Two
// clients sharing one of these behave like two tabs of one browser.

type Grant = () => void

export interface TestLockManager {
  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T>
  /** Names requested so far, in order. */
  readonly requested: string[]
  /** How many requests are waiting for a lock right now. */
  waiting(): number
}

export function createLockManager(): TestLockManager {
  const held = new Set<string>()
  const queues = new Map<string, Grant[]>()
  const requested: string[] = []

  function release(name: string): void {
    held.delete(name)
    const next = queues.get(name)?.shift()
    if (next) next()
  }

  return {
    requested,
    waiting: () => [...queues.values()].reduce((sum, queue) => sum + queue.length, 0),
    request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T> {
      requested.push(name)
      return new Promise<T>((resolve, reject) => {
        const { signal } = options
        if (signal?.aborted) return reject(signal.reason)
        const grant: Grant = () => {
          signal?.removeEventListener('abort', onAbort)
          held.add(name)
          // As the platform does: the callback runs in a later task than the grant.
          setTimeout(() => {
            Promise.resolve()
              .then(callback)
              .then(resolve, reject)
              .finally(() => release(name))
          }, 0)
        }
        const onAbort = () => {
          const queue = queues.get(name) ?? []
          const index = queue.indexOf(grant)
          if (index >= 0) queue.splice(index, 1)
          reject(signal?.reason)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        if (!held.has(name) && (queues.get(name)?.length ?? 0) === 0) grant()
        else queues.set(name, [...(queues.get(name) ?? []), grant])
      })
    },
  }
}
