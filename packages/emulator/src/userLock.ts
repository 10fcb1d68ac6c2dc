import { ApiFailure } from './errors'
import type { UserLockOptions } from './options'

/**
 * Failed passcode checks in a row, per user. The tenth (by default) locks the user out of
 * authenticating for an hour: every check, right code or wrong, then answers 429
 * `user_lock_limit_reached`. A success resets the count; sends are not affected.
 */
export class UserLocks {
  readonly #options: UserLockOptions
  /** Failures in a row, and when the last one happened. */
  readonly #failures = new Map<string, { count: number; at: number }>()
  readonly #lockedUntil = new Map<string, number>()

  constructor(options: UserLockOptions) {
    this.#options = options
  }

  /** Throws while the user is locked. */
  check(userId: string, now: number): void {
    const until = this.#lockedUntil.get(userId)
    if (until === undefined) return
    if (now < until) {
      throw new ApiFailure(
        429,
        'user_lock_limit_reached',
        'This user has had too many failed attempts and is locked out for now.',
      )
    }
    this.#lockedUntil.delete(userId)
  }

  fail(userId: string, now: number): void {
    const failures = (this.#failures.get(userId)?.count ?? 0) + 1
    if (failures < this.#options.maxFailures) {
      this.#failures.set(userId, { count: failures, at: now })
      return
    }
    this.#failures.delete(userId)
    this.#lockedUntil.set(userId, now + this.#options.lockSeconds * 1000)
  }

  succeed(userId: string): void {
    this.#failures.delete(userId)
  }

  /**
   * Forgets ended locks, and failure runs quiet for as long as a lock lasts (the vendor documents no
   * such window; without one, every method id ever guessed would be remembered).
   */
  prune(now: number): void {
    for (const [key, until] of this.#lockedUntil) if (now >= until) this.#lockedUntil.delete(key)
    const quiet = this.#options.lockSeconds * 1000
    for (const [key, { at }] of this.#failures) if (now - at >= quiet) this.#failures.delete(key)
  }

  clear(): void {
    this.#failures.clear()
    this.#lockedUntil.clear()
  }
}
