// Where the relay's send counters live. One process: the memory store. Several instances behind a load
// balancer: a shared store (Redis), so that every instance counts the same sends.

/** A fixed-window counter per key. */
export interface RateLimitStore {
  /**
   * Counts one event for `key` in a window of `windowMs` that starts with the key's first event.
   * Returns the count including this event and the milliseconds until the window ends.
   */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>
}
