// Two tabs of one browser share no memory. If both press Send for the same number at the same moment,
// two messages go out: each costs money, and the second kills the code the first delivered. So an
// identical send (same path, number and options) runs under a Web Lock named after the call, and the tab
// that sent tells the other tabs its answer over a BroadcastChannel; a tab whose press overlapped takes
// that answer instead of sending again. All of it lives in memory and dies with the tab: nothing is
// written to storage. Where the browser lacks Web Locks or BroadcastChannel, tabs do not share (each
// press sends), rather than fall back to storage. Within one tab, identical calls already share one
// request (inflight.ts).
import { abortError } from './errors'
import type { Shape } from './schema'
import { check, isObject } from './schema'

/** How long after a send finished a press in another tab still counts as the same intent. */
export const SHARE_WINDOW_MS = 5_000

/** The part of the Web Locks API used here (`navigator.locks`). */
interface Locks {
  request<T>(name: string, options: { signal: AbortSignal }, callback: () => Promise<T>): Promise<T>
}

export interface TabShare {
  /**
   * Runs `send` for `call` (path and JSON body) unless another tab answered the same call within the
   * window before this press; that answer is checked against `shape` like one from the network.
   */
  run<T>(call: string, signal: AbortSignal, send: () => Promise<T>, shape: Shape): Promise<T>
  /** Closes the channel (client.destroy()). */
  close(): void
}

/** `navigator.locks`, when the page has it; reading it throws in some sandboxed frames. */
function findLocks(): Locks | undefined {
  try {
    const locks = (globalThis as { navigator?: { locks?: Partial<Locks> } }).navigator?.locks
    return typeof locks?.request === 'function' ? (locks as Locks) : undefined
  } catch {
    return undefined
  }
}

/** A channel to the other tabs of this origin, in a browser page that has both APIs; null otherwise. */
function openChannel(name: string): BroadcastChannel | null {
  // Only in a page: on a server, clients of different people must never share an answer.
  if (typeof window === 'undefined' || typeof BroadcastChannel !== 'function' || !findLocks()) return null
  try {
    return new BroadcastChannel(name)
  } catch {
    return null
  }
}

/** How long a tab that sent keeps the lock after answering, for its message to reach the others. */
const HAND_OFF_MS = 50

export function createTabShare(publicToken: string): TabShare {
  const name = `stytch_sdk_send ${publicToken}`
  const channel = openChannel(name)
  /** Other tabs' answers by call, with the time each arrived here. */
  const answers = new Map<string, { at: number; response: unknown }>()

  function prune(now: number): void {
    for (const [call, answer] of answers) if (answer.at < now - SHARE_WINDOW_MS) answers.delete(call)
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const message: unknown = event.data
      if (!isObject(message) || typeof message.call !== 'string') return
      prune(Date.now())
      answers.set(message.call, { at: Date.now(), response: message.response })
    }
  }

  /** Another tab's answer to `call` that arrived no earlier than the window before `pressed`. */
  function earlierAnswer<T>(call: string, pressed: number, shape: Shape): T | undefined {
    const answer = answers.get(call)
    if (!answer || answer.at < pressed - SHARE_WINDOW_MS) return undefined
    try {
      return check<T>(answer.response, shape)
    } catch {
      return undefined
    }
  }

  function run<T>(call: string, signal: AbortSignal, send: () => Promise<T>, shape: Shape): Promise<T> {
    const locks = findLocks()
    if (!channel || !locks) return send()
    const pressed = Date.now()
    return new Promise<T>((resolve, reject) => {
      let entered = false
      const shareOrSend = async () => {
        entered = true
        // Holding the lock: no other tab is sending this call now. One that just did has told us.
        const shared = earlierAnswer<T>(call, pressed, shape)
        if (shared !== undefined) return resolve(shared)
        const response = await send()
        channel.postMessage({ call, response })
        resolve(response)
        // Keep the lock a moment after answering this caller, so that the message reaches a tab queued
        // behind this one before that tab is granted the lock.
        await new Promise((done) => setTimeout(done, HAND_OFF_MS))
      }
      locks.request(`${name} ${call}`, { signal }, shareOrSend).catch((error: unknown) => {
        if (signal.aborted) reject(abortError())
        else if (entered) reject(error)
        // The Locks API refused (a sandboxed frame): send without sharing.
        else send().then(resolve, reject)
      })
    })
  }

  return { run, close: () => channel?.close() }
}
