import { fail } from './errors'
import type { Unsubscribe } from './types'

export interface Listeners<T> {
  add(listener: (value: T) => void): Unsubscribe
  emit(value: T): void
}

/** A set of callbacks. One throwing listener does not stop the others; its error is reported async. */
export function createListeners<T>(): Listeners<T> {
  const listeners = new Set<(value: T) => void>()
  return {
    add(listener) {
      if (typeof listener !== 'function') fail('invalid_option', 'onChange expects a function.')
      // A wrapper, so subscribing the same function twice gives two independent subscriptions.
      const entry = (value: T) => listener(value)
      listeners.add(entry)
      return () => void listeners.delete(entry)
    },
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value)
        } catch (error) {
          queueMicrotask(() => {
            throw error
          })
        }
      }
    },
  }
}
