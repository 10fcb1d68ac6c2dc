// The session and user the client knows about: answered from memory at once, persisted as a snapshot
// in storage (keyed by the public token), mirrored into cookies, followed across tabs, refreshed in
// the background, and cleared when the server says the session is gone.
import type { CookieJar } from './cookies'
import { isStytchAPIError } from './errors'
import { createListeners } from './listeners'
import { createRefreshTimer } from './refreshTimer'
import { isObject, parseSession, parseUser } from './schema'
import type { KeyValueStorage, Session, SessionTokens, Unsubscribe, User } from './types'

/** Errors meaning the server no longer accepts this session. */
export const SESSION_ENDING_ERRORS: ReadonlySet<string> = new Set([
  'unauthorized_credentials',
  'user_unauthenticated',
  'invalid_secret_authentication',
  'session_not_found',
])

export interface SessionInfo {
  session: Session | null
  /** True while the session was read back from storage and not yet confirmed by the server in this page. */
  fromCache: boolean
}

export interface UserInfo {
  user: User | null
  /** True while the user was read back from storage and not yet confirmed by the server in this page. */
  fromCache: boolean
}

export interface SessionSnapshot extends SessionTokens {
  session: Session
  user: User
}

export interface SessionStore {
  session(): SessionInfo
  user(): UserInfo
  tokens(): SessionTokens | null
  onSession(listener: (session: Session | null) => void): Unsubscribe
  onUser(listener: (user: User | null) => void): Unsubscribe
  /** Takes a session the server has just issued or confirmed. */
  set(snapshot: SessionSnapshot): void
  /** Takes a user the server has just returned. */
  setUser(user: User): void
  clear(): void
  /** Clears on a session-ending error, unless a newer session replaced the one the failed call used. */
  clearOnError(error: unknown, sessionToken: string | null): void
  /** Stops the refresh timer and the cross-tab listener for good. */
  destroy(): void
}

export interface SessionStoreOptions {
  publicToken: string
  /** The app's storage as given, for matching `storage` events. */
  rawStorage: KeyValueStorage
  /** The same storage wrapped so it never throws. */
  storage: KeyValueStorage
  cookies: CookieJar
  /** Re-authenticates the current session; called by the background timer. */
  refresh: () => Promise<unknown>
}

/** Reads a stored snapshot; anything unreadable, malformed or expired counts as no session. */
function readSnapshot(raw: string | null): SessionSnapshot | null {
  if (raw === null) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (
      !isObject(value) ||
      typeof value.session_token !== 'string' ||
      typeof value.session_jwt !== 'string'
    ) {
      return null
    }
    const session = parseSession(value.session)
    if (Date.parse(session.expires_at) <= Date.now()) return null
    return {
      session,
      user: parseUser(value.user),
      session_token: value.session_token,
      session_jwt: value.session_jwt,
    }
  } catch {
    return null
  }
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { storage, cookies } = options
  const key = `stytch_sdk_state_${options.publicToken}`
  const sessionListeners = createListeners<Session | null>()
  const userListeners = createListeners<User | null>()
  const timer = createRefreshTimer(options.refresh)

  let current: SessionSnapshot | null = null
  let sessionInfo: SessionInfo = { session: null, fromCache: false }
  let userInfo: UserInfo = { user: null, fromCache: false }
  /** The last snapshot text written or seen, to ignore `storage` events that change nothing. */
  let lastRaw: string | null = null
  let destroyed = false

  function apply(next: SessionSnapshot | null, fromCache: boolean): void {
    const before = current
    current = next
    sessionInfo = { session: next?.session ?? null, fromCache: next !== null && fromCache }
    userInfo = { user: next?.user ?? null, fromCache: next !== null && fromCache }
    if (next && !destroyed) timer.start()
    else timer.stop()
    if (before !== null || next !== null) {
      sessionListeners.emit(sessionInfo.session)
      userListeners.emit(userInfo.user)
    }
  }

  function persist(next: SessionSnapshot | null): void {
    if (next) {
      lastRaw = JSON.stringify(next)
      storage.setItem(key, lastRaw)
      cookies.set(next, next.session.expires_at)
    } else {
      lastRaw = null
      storage.removeItem(key)
      cookies.clear()
    }
  }

  function onStorage(event: StorageEvent): void {
    if (event.key !== null && event.key !== key) return
    if (event.storageArea && event.storageArea !== (options.rawStorage as unknown)) return
    // key null means another tab called storage.clear().
    const raw = event.key === null ? storage.getItem(key) : event.newValue
    if (raw === lastRaw) return
    lastRaw = raw
    // The other tab has already written storage and cookies; only memory follows.
    apply(readSnapshot(raw), true)
  }

  function clear(): void {
    persist(null)
    apply(null, false)
  }

  const stored = storage.getItem(key)
  const restored = readSnapshot(stored)
  if (restored) {
    lastRaw = stored
    apply(restored, true)
  } else if (stored !== null) {
    storage.removeItem(key)
  }
  const listensToStorage = typeof window !== 'undefined' && typeof window.addEventListener === 'function'
  if (listensToStorage) window.addEventListener('storage', onStorage)

  return {
    session: () => sessionInfo,
    user: () => userInfo,
    tokens: () =>
      current ? { session_token: current.session_token, session_jwt: current.session_jwt } : null,
    onSession: sessionListeners.add,
    onUser: userListeners.add,
    set(snapshot) {
      const next = {
        session: snapshot.session,
        user: snapshot.user,
        session_token: snapshot.session_token,
        session_jwt: snapshot.session_jwt,
      }
      persist(next)
      apply(next, false)
    },
    setUser(user) {
      if (!current) return
      current = { ...current, user }
      persist(current)
      userInfo = { user, fromCache: false }
      userListeners.emit(user)
    },
    clear,
    clearOnError(error, sessionToken) {
      if (!isStytchAPIError(error) || !SESSION_ENDING_ERRORS.has(error.error_type)) return
      if (current && current.session_token === sessionToken) clear()
    },
    destroy() {
      destroyed = true
      timer.stop()
      if (listensToStorage) window.removeEventListener('storage', onStorage)
    },
  }
}
