// The session and user the client knows about: answered from memory at once, persisted as a snapshot
// in storage (keyed by the public token), mirrored into cookies, followed across tabs, refreshed in
// the background, and cleared when the server says the session is gone.
//
// Sign-out wins: every sign-out (revoke, a session-ending error, a sign-out in another tab) starts a
// new generation. A call takes the generation before its request and writes its answer only if no
// sign-out happened meanwhile; a session in such a late answer is revoked on the server instead.
import type { CookieWriter } from './cookies'
import { fail, isStytchAPIError } from './errors'
import { createListeners } from './listeners'
import { createRefreshTimer } from './refreshTimer'
import { check } from './schema'
import { SESSION_RESPONSE } from './shapes'
import type { KeyValueStorage, Session, SessionTokens, Unsubscribe, User } from './types'

/** Errors meaning the server no longer accepts this session. */
const SESSION_ENDING_ERRORS = [
  'unauthorized_credentials',
  'user_unauthenticated',
  'invalid_secret_authentication',
  'session_not_found',
]

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
  /** The server confirmed this session in the life of the page that stored it (see onStorage). */
  confirmed?: boolean
}

/** What session and user calls answer from memory, at once. */
export interface SessionView {
  /** The current session, or null when signed out. */
  getSync(): Session | null
  getInfo(): SessionInfo
  getTokens(): SessionTokens | null
  /** Called with the new session (or null) on every change, including changes made in other tabs. */
  onChange(listener: (session: Session | null) => void): Unsubscribe
}

export interface UserView {
  /** The current user, or null when signed out. */
  getSync(): User | null
  getInfo(): UserInfo
  /** Called with the new user (or null) on every change, including changes made in other tabs. */
  onChange(listener: (user: User | null) => void): Unsubscribe
}

export interface SessionStore {
  session: SessionView
  user: UserView
  /** The current session token, or null when signed out. */
  token(): string | null
  /** The current session token; a `no_session` usage error when signed out. */
  requireToken(): string
  /** Counts sign-outs; take it before a request whose answer may write the session. */
  generation(): number
  /**
   * Takes a session the server has just issued or confirmed, unless a sign-out happened since
   * `generation` was taken: then the session is revoked on the server (fire-and-forget) and nothing is
   * written. Returns whether it was taken.
   */
  setUnlessSignedOut(generation: number, snapshot: SessionSnapshot): boolean
  /** Takes a user the server has just returned. */
  setUser(user: User): void
  /** Signs out locally: memory, storage and cookies, and starts a new generation. */
  clear(): void
  /**
   * Settles with `request`; when it fails with a session-ending error for the session it used, signs
   * out first (unless a newer session replaced that one meanwhile).
   */
  watch<T>(sessionToken: string | null, request: Promise<T>): Promise<T>
  /** Stops the refresh timer and the cross-tab listener for good. */
  destroy(): void
}

export interface SessionStoreOptions {
  publicToken: string
  /** The app's storage as given, for matching `storage` events. */
  rawStorage: KeyValueStorage
  /** The same storage wrapped so it never throws. */
  storage: KeyValueStorage
  writeCookies: CookieWriter
  /** Re-authenticates the current session; called by the background timer. */
  refresh: () => Promise<unknown>
  /** Revokes a session that arrived after a sign-out; failures are ignored (fire-and-forget). */
  revokeDiscarded: (sessionToken: string) => void
}

/** Reads a stored snapshot; anything unreadable, malformed or expired counts as no session. */
function readSnapshot(raw: string | null): SessionSnapshot | null {
  try {
    const snapshot = check<SessionSnapshot>(JSON.parse(raw!), SESSION_RESPONSE)
    return Date.parse(snapshot.session.expires_at) > Date.now() ? snapshot : null
  } catch {
    return null
  }
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { storage } = options
  const key = `stytch_sdk_state_${options.publicToken}`
  const sessionListeners = createListeners<Session | null>()
  const userListeners = createListeners<User | null>()
  const timer = createRefreshTimer(options.refresh)
  const win = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null

  let current: SessionSnapshot | null = null
  let sessionInfo: SessionInfo = { session: null, fromCache: false }
  let userInfo: UserInfo = { user: null, fromCache: false }
  /** The last snapshot text written or seen, to ignore `storage` events that change nothing. */
  let lastRaw: string | null = null
  let destroyed = false
  let signOuts = 0

  function apply(next: SessionSnapshot | null, fromCache: boolean): void {
    const before = current
    current = next
    fromCache &&= next !== null
    sessionInfo = { session: next?.session ?? null, fromCache }
    userInfo = { user: next?.user ?? null, fromCache }
    if (next && !destroyed) timer.start()
    else timer.stop()
    if (before || next) {
      sessionListeners.emit(sessionInfo.session)
      userListeners.emit(userInfo.user)
    }
  }

  function persist(next: SessionSnapshot | null): void {
    lastRaw = next && JSON.stringify(next)
    if (lastRaw) storage.setItem(key, lastRaw)
    else storage.removeItem(key)
    options.writeCookies(next)
  }

  function onStorage(event: StorageEvent): void {
    if (event.key !== null && event.key !== key) return
    if (event.storageArea && event.storageArea !== (options.rawStorage as unknown)) return
    // key null means another tab called storage.clear().
    const raw = event.key === null ? storage.getItem(key) : event.newValue
    if (raw === lastRaw) return
    lastRaw = raw
    // The other tab has already written storage and cookies; only memory follows. A session that tab
    // had confirmed with the server counts as confirmed here too: asking again would only make tabs
    // that confirm cached sessions answer each other's writes in a loop.
    const next = readSnapshot(raw)
    // Another tab signed out: that outranks every answer this tab is still waiting for.
    if (!next) signOuts++
    apply(next, next?.confirmed !== true)
  }

  function clear(): void {
    signOuts++
    persist(null)
    apply(null, false)
  }

  function set({ session, user, session_token, session_jwt }: SessionSnapshot): void {
    const next = { session, user, session_token, session_jwt, confirmed: true }
    persist(next)
    apply(next, false)
  }

  const stored = storage.getItem(key)
  const restored = readSnapshot(stored)
  if (restored) {
    lastRaw = stored
    apply(restored, true)
  } else if (stored !== null) {
    storage.removeItem(key)
  }
  win?.addEventListener('storage', onStorage)

  return {
    session: {
      getSync: () => sessionInfo.session,
      getInfo: () => sessionInfo,
      getTokens: () => current && { session_token: current.session_token, session_jwt: current.session_jwt },
      onChange: sessionListeners.add,
    },
    user: {
      getSync: () => userInfo.user,
      getInfo: () => userInfo,
      onChange: userListeners.add,
    },
    token: () => current?.session_token ?? null,
    requireToken: () => current?.session_token ?? fail('no_session', 'No one is signed in.'),
    generation: () => signOuts,
    setUnlessSignedOut(generation, snapshot) {
      if (generation === signOuts) {
        set(snapshot)
        return true
      }
      options.revokeDiscarded(snapshot.session_token)
      return false
    },
    setUser(user) {
      if (!current) return
      // The user is confirmed now; the session only if it already was.
      current = { ...current, user, confirmed: !sessionInfo.fromCache }
      persist(current)
      userInfo = { user, fromCache: false }
      userListeners.emit(user)
    },
    clear,
    async watch(sessionToken, request) {
      try {
        return await request
      } catch (error) {
        if (
          isStytchAPIError(error) &&
          SESSION_ENDING_ERRORS.includes(error.error_type) &&
          current?.session_token === sessionToken
        ) {
          clear()
        }
        throw error
      }
    },
    destroy() {
      destroyed = true
      timer.stop()
      win?.removeEventListener('storage', onStorage)
    },
  }
}
