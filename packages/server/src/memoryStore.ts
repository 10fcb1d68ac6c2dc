import type { RateLimitStore } from './RateLimitStore'

/** Counters in this process's memory: the default, right for a single instance. */
export function memoryStore(): RateLimitStore {
  const windows = new Map<string, { count: number; endsAt: number }>()
  let nextSweep = 0
  return {
    async increment(key, windowMs) {
      const now = Date.now()
      // Ended windows are dropped now and then, so the map holds only live counters.
      if (now >= nextSweep) {
        for (const [name, window] of windows) if (window.endsAt <= now) windows.delete(name)
        nextSweep = now + 60_000
      }
      let window = windows.get(key)
      if (!window || window.endsAt <= now) {
        window = { count: 0, endsAt: now + windowMs }
        windows.set(key, window)
      }
      window.count += 1
      return { count: window.count, resetInMs: window.endsAt - now }
    },
  }
}
