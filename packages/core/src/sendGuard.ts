// Two tabs of one browser share storage but not memory. If both press send for the same number at the
// same moment, two SMS go out: each costs money, and the second kills the code the first delivered.
// So identical sends (same path, number and options) take a Web Lock named after the call, and the tab
// that sent leaves its answer in storage for a few seconds; a tab whose press overlapped reuses that
// answer instead of sending again. Without Web Locks, a "pending" mark in storage does the same job on
// a best-effort basis. Within one tab, concurrent identical calls already share one request.
import { abortError } from './errors'
import type { Shape } from './schema'
import { check } from './schema'
import { sleep } from './sleep'
import type { KeyValueStorage } from './types'

/** How long after a send finished a press in another tab still counts as the same intent. */
export const SHARE_WINDOW_MS = 5_000

interface SendRecord {
  owner: string
  at: number
  /** Set once the send succeeded; absent while it is in flight. */
  response?: unknown
}

const RECORD: Shape = { owner: 'string', at: 'number' }

/** The part of the Web Locks API used here (`navigator.locks`). */
interface Locks {
  request<T>(name: string, options: { signal: AbortSignal }, callback: () => Promise<T>): Promise<T>
}

/**
 * Runs `send` for `call` (path and JSON body) unless another tab's answer to the same call can be
 * reused; a stored answer is checked against `shape` like one from the network.
 */
export type SendGuard = <T>(
  call: string,
  signal: AbortSignal,
  send: () => Promise<T>,
  shape: Shape,
) => Promise<T>

/** `navigator.locks`, looked up at call time; missing (older browsers, Node) or refused means none. */
function findLocks(): Locks | undefined {
  try {
    const locks = (globalThis as { navigator?: { locks?: Partial<Locks> } }).navigator?.locks
    return typeof locks?.request === 'function' ? (locks as Locks) : undefined
  } catch {
    // Reading navigator.locks throws in some sandboxed or opaque-origin frames.
    return undefined
  }
}

/** `storage` must never throw (see `safeStorage`); `timeoutMs` bounds how long a send can be pending. */
export function createSendGuard(storage: KeyValueStorage, publicToken: string, timeoutMs: number): SendGuard {
  // Tells this tab's records from other tabs'; not a secret.
  const owner = Math.random().toString(36).slice(2)
  /** Records this tab wrote, removed once stale. */
  const written = new Set<string>()

  function read(key: string): SendRecord | null {
    try {
      return check(JSON.parse(storage.getItem(key)!), RECORD)
    } catch {
      return null
    }
  }

  function write(key: string, response?: unknown): void {
    storage.setItem(key, JSON.stringify({ owner, at: Date.now(), response }))
    written.add(key)
  }

  function prune(now: number): void {
    for (const key of written) {
      const record = read(key)
      if (record?.owner === owner) {
        if (now - record.at <= (record.response ? SHARE_WINDOW_MS : timeoutMs)) continue
        storage.removeItem(key)
      }
      written.delete(key)
    }
  }

  async function attempt<T>(
    key: string,
    started: number,
    signal: AbortSignal,
    send: () => Promise<T>,
    shape: Shape,
    locked: boolean,
  ): Promise<T> {
    for (;;) {
      if (signal.aborted) throw abortError()
      const record = read(key)
      if (!record || record.owner === owner) break
      // Another tab's answer, given no earlier than the window before this press: the same intent.
      if (record.response && record.at >= started - SHARE_WINDOW_MS) {
        try {
          return check<T>(record.response, shape)
        } catch {
          break
        }
      }
      // Without a lock, wait while the other tab's identical send is still in flight.
      if (record.response || locked || Date.now() - record.at > timeoutMs) break
      await sleep(100, signal)
    }
    // With a lock nobody else can be sending this call now, so only lock-less tabs mark it pending.
    if (!locked) write(key)
    try {
      const response = await send()
      write(key, response)
      return response
    } catch (error) {
      // A failure is not shared: another tab pressing send makes its own attempt.
      if (read(key)?.owner === owner) storage.removeItem(key)
      throw error
    }
  }

  return async (call, signal, send, shape) => {
    const started = Date.now()
    prune(started)
    const key = `stytch_sdk_send_${publicToken} ${call}`
    const run = (locked: boolean) => attempt(key, started, signal, send, shape, locked)
    const locks = findLocks()
    if (!locks) return run(false)
    let entered = false
    try {
      return await locks.request(key, { signal }, () => {
        entered = true
        return run(true)
      })
    } catch (error) {
      if (signal.aborted) throw abortError()
      if (entered) throw error
      // The Locks API refused (e.g. a sandboxed frame): fall back to the storage mark alone.
      return run(false)
    }
  }
}
