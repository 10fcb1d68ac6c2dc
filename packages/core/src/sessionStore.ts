// The session and user the client knows about: answered from memory at once, persisted as a snapshot
// in storage (keyed by the public token), mirrored into cookies, followed across tabs, refreshed in
// the background, and cleared when the server says the session is gone.
//
// Nothing personal at rest: the snapshot keeps the fields that hold phone numbers and phone ids
// (`session.authentication_factors`, `user.phone_numbers`) empty. Memory keeps them as received. A
// session read from storage that this tab does not already hold is confirmed with the server at once,
// and that answer fills them back in.
//
// Sign-out wins: every sign-out (revoke, a session-ending error, a sign-out in another tab) starts a
// new generation. A call takes the generation before its request and writes its answer only if no
// sign-out happened meanwhile; a session in such a late answer is revoked on the server instead.
import type { CookieWriter } from './cookies'
import { fail, isStytchAPIError } from './errors'
import { createListeners } from './listeners'
import { createRefreshTimer, REFRESH_INTERVAL_MS } from './refreshTimer'
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
}

/** Stored empty: these hold phone numbers and phone ids (a factor's `phone_number_factor`). */
const NOT_AT_REST = ['authentication_factors', 'phone_numbers']

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
  /** The last snapshot text this tab itself wrote. */
  let lastWritten: string | null = null
  let destroyed = false
  let signOuts = 0

  function apply(next: SessionSnapshot | null, fromCache: boolean): void {
    const before = current
    current = next
    sessionInfo = { session: next?.session ?? null, fromCache }
    userInfo = { user: next?.user ?? null, fromCache }
    // A session only read from storage lacks its phone fields: ask the server now, not in 3 minutes.
    if (next && !destroyed) timer.start(fromCache ? 0 : REFRESH_INTERVAL_MS)
    else timer.stop()
    if (before || next) {
      sessionListeners.emit(sessionInfo.session)
      userListeners.emit(userInfo.user)
    }
  }

  function persist(next: SessionSnapshot | null): void {
    lastRaw = lastWritten =
      next && JSON.stringify(next, (field, value) => (NOT_AT_REST.includes(field) ? [] : value))
    if (lastRaw) storage.setItem(key, lastRaw)
    else storage.removeItem(key)
    options.writeCookies(next)
  }

  function onStorage(event: StorageEvent): void {
    if (event.key !== null && event.key !== key) return
    if (event.storageArea && event.storageArea !== (options.rawStorage as unknown)) return
    // key null means another tab called storage.clear().
    const raw = event.key === null ? storage.getItem(key) : event.newValue
    if (raw !== lastRaw) adopt(raw)
  }

  /**
   * Follows a snapshot another tab wrote (or this page stored before a reload): a session changes
   * memory only (storage and cookies are that tab's); no readable session signs this tab out.
   */
  function adopt(raw: string | null): void {
    lastRaw = raw
    const next = readSnapshot(raw)
    if (!next) {
      // Another tab signed out (or left unreadable text): that outranks every answer this tab is
      // still waiting for. A session this tab stored after that is a late answer that arrived here
      // before the news did; sign-out still wins, on the server too.
      if (current && lastWritten !== null && storage.getItem(key) === lastWritten) {
        options.revokeDiscarded(current.session_token)
      }
      if (current || raw !== null) clear()
    } else if (current?.session_token === next.session_token) {
      // The session this tab holds, confirmed or extended there: memory still has its phone fields,
      // and nothing needs asking (so tabs never answer each other's writes in a loop).
      next.session.authentication_factors = current.session.authentication_factors
      next.user.phone_numbers = current.user.phone_numbers
      apply(next, sessionInfo.fromCache)
    } else {
      // A session new here: shown at once, and confirmed at once (which brings its phone fields).
      apply(next, true)
    }
  }

  function clear(): void {
    signOuts++
    persist(null)
    apply(null, false)
  }

  // A reload reads storage as another tab's write arriving: at once, and confirmed with the server.
  adopt(storage.getItem(key))
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
    setUnlessSignedOut(generation, { session, user, session_token, session_jwt }) {
      if (generation !== signOuts) {
        options.revokeDiscarded(session_token)
        return false
      }
      // The snapshot's fields only: the rest of an answer (its method_id, say) is not kept.
      const next = { session, user, session_token, session_jwt }
      persist(next)
      apply(next, false)
      return true
    },
    setUser(user) {
      if (!current) return
      // The user is confirmed now; the session only if it already was.
      current = { ...current, user }
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
