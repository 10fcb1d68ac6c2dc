// The session as apps see it: read synchronously, subscribe, confirm with the server, sign out.
import { StytchUsageError } from './errors'
import { parseRevokeResponse, parseSessionAuthenticateResponse } from './schema'
import type { SessionInfo, SessionStore } from './sessionStore'
import type { Transport } from './transport'
import type {
  CallOptions,
  RevokeResponse,
  Session,
  SessionAuthenticateOptions,
  SessionAuthenticateResponse,
  SessionTokens,
  Unsubscribe,
} from './types'
import { validateOptions, validateSessionDuration } from './validate'

export interface SessionClient {
  /** The current session from memory, at once; null when signed out. */
  getSync(): Session | null
  getInfo(): SessionInfo
  getTokens(): SessionTokens | null
  /** Called with the new session (or null) on every change, including changes made in other tabs. */
  onChange(listener: (session: Session | null) => void): Unsubscribe
  /** Confirms (and optionally extends) the session with the server. Retries network errors and 5xx. */
  authenticate(options?: SessionAuthenticateOptions): Promise<SessionAuthenticateResponse>
  /**
   * Signs out. Local state (memory, storage, cookies) is cleared at once, whatever the server says;
   * if the server call then fails, the promise rejects with that error. Resolves null when there was
   * no session, without a request.
   */
  revoke(options?: CallOptions): Promise<RevokeResponse | null>
}

export function createSessionClient(transport: Transport, store: SessionStore): SessionClient {
  return {
    getSync: () => store.session().session,
    getInfo: () => store.session(),
    getTokens: () => store.tokens(),
    onChange: (listener) => store.onSession(listener),
    async authenticate(options) {
      const opts = validateOptions<SessionAuthenticateOptions>(options, [
        'session_duration_minutes',
        'signal',
      ])
      const body: { session_duration_minutes?: number } = {}
      if (opts.session_duration_minutes !== undefined) {
        body.session_duration_minutes = validateSessionDuration(opts.session_duration_minutes)
      }
      const sessionToken = store.tokens()?.session_token
      if (!sessionToken) throw new StytchUsageError('no_session', 'There is no session to authenticate.')
      const response = await transport.request({
        method: 'POST',
        path: '/sessions/authenticate',
        body,
        sessionToken,
        parse: parseSessionAuthenticateResponse,
        signal: opts.signal,
        retry: true,
      })
      // A sign-out or a new login while this was in flight wins over this older answer.
      if (store.tokens()?.session_token === sessionToken) store.set(response)
      return response
    },
    async revoke(options) {
      const opts = validateOptions<CallOptions>(options, ['signal'])
      const sessionToken = store.tokens()?.session_token
      if (!sessionToken) {
        store.clear()
        return null
      }
      const pending = transport.request({
        method: 'POST',
        path: '/sessions/revoke',
        body: {},
        sessionToken,
        parse: parseRevokeResponse,
        signal: opts.signal,
      })
      store.clear()
      return pending
    },
  }
}
