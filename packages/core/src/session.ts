// The session as apps see it: read synchronously, subscribe, confirm with the server, sign out.
import type { SessionStore, SessionView } from './sessionStore'
import { REVOKE_RESPONSE, SESSION_RESPONSE } from './shapes'
import type { Transport } from './transport'
import type {
  CallOptions,
  RevokeResponse,
  SessionAuthenticateOptions,
  SessionAuthenticateResponse,
} from './types'
import { CALL_RULES, SESSION_RULES, validateOptions } from './validate'

/** The session as apps see it: the synchronous half from memory (see SessionView), plus server calls. */
export interface SessionClient extends SessionView {
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
    ...store.session,
    async authenticate(options) {
      const { signal, ...body } = validateOptions(options, SESSION_RULES)
      const sessionToken = store.requireToken()
      const generation = store.generation()
      const response = await store.watch(
        sessionToken,
        transport<SessionAuthenticateResponse>({
          path: '/sessions/authenticate',
          body,
          sessionToken,
          shape: SESSION_RESPONSE,
          signal,
          retry: true,
        }),
      )
      // A newer sign-in meanwhile wins over this older answer. A sign-out meanwhile wins too, and the
      // answer's session is then revoked on the server (setUnlessSignedOut).
      const replaced = generation === store.generation() && store.token() !== sessionToken
      if (!replaced) store.setUnlessSignedOut(generation, response)
      return response
    },
    async revoke(options) {
      const { signal } = validateOptions(options, CALL_RULES)
      const sessionToken = store.token()
      store.clear()
      if (!sessionToken) return null
      return transport<RevokeResponse>({
        path: '/sessions/revoke',
        body: {},
        sessionToken,
        shape: REVOKE_RESPONSE,
        signal,
      })
    },
  }
}
