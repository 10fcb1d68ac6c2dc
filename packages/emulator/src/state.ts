import type { FaultQueue } from './faults'
import type { MessageLog } from './messageLog'
import type { ResolvedOptions } from './options'
import type { CodeBook } from './otp'
import type { RateLimiter } from './rateLimit'
import type { SessionBook } from './sessions'
import type { UserStore } from './store'
import type { UserLocks } from './userLock'

/** Everything one emulator instance holds; handlers receive it with the request's time. */
export interface EmulatorState {
  options: ResolvedOptions
  users: UserStore
  codes: CodeBook
  sessions: SessionBook
  limiter: RateLimiter
  locks: UserLocks
  messages: MessageLog
  faults: FaultQueue
}

export interface RouteContext {
  state: EmulatorState
  /** Date.now() when the request arrived, so fake timers control every rule. */
  now: number
  /** Values of `:name` segments in the route pattern. */
  params?: Record<string, string>
}

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>
