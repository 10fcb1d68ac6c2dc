import { ApiFailure } from './errors'
import type { RateLimitOptions } from './options'

/** A sliding-window send limit per key (the phone number). */
export class RateLimiter {
  readonly #options: RateLimitOptions
  readonly #hits = new Map<string, number[]>()

  constructor(options: RateLimitOptions) {
    this.#options = options
  }

  /** Records one send, or throws 429 `too_many_requests` with `Retry-After` when over the limit. */
  hit(key: string, now: number): void {
    const windowMs = this.#options.windowSeconds * 1000
    const recent = (this.#hits.get(key) ?? []).filter((time) => time > now - windowMs)
    if (recent.length >= this.#options.max) {
      this.#hits.set(key, recent)
      const oldest = recent[0] ?? now
      const retryAfter = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000))
      throw new ApiFailure(429, 'too_many_requests', 'Too many requests have been made.', {
        'retry-after': String(retryAfter),
      })
    }
    recent.push(now)
    this.#hits.set(key, recent)
  }

  /** Drops numbers whose sends have all left the window. */
  prune(now: number): void {
    const windowStart = now - this.#options.windowSeconds * 1000
    for (const [key, times] of this.#hits) {
      if ((times.at(-1) ?? 0) <= windowStart) this.#hits.delete(key)
    }
  }

  clear(): void {
    this.#hits.clear()
  }
}
