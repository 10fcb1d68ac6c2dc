// The signed-in user: read synchronously, subscribe, fetch fresh from the server.
import type { SessionStore, UserView } from './sessionStore'
import { USER } from './shapes'
import type { Transport } from './transport'
import type { CallOptions, ResponseCommon, User } from './types'
import { CALL_RULES, validateOptions } from './validate'

/** The signed-in user as apps see it: the synchronous half from memory (see UserView), plus a fetch. */
export interface UserClient extends UserView {
  /** Fetches the signed-in user (`GET /users/me`). Retries network errors and 5xx. */
  get(options?: CallOptions): Promise<User>
}

export function createUserClient(transport: Transport, store: SessionStore): UserClient {
  return {
    ...store.user,
    async get(options) {
      const { signal } = validateOptions(options, CALL_RULES)
      const sessionToken = store.requireToken()
      const generation = store.generation()
      // users/me answers with the user's fields next to request_id and status_code; only the user is kept.
      const {
        request_id: _r,
        status_code: _s,
        ...user
      } = await store.watch(
        sessionToken,
        transport<User & Partial<ResponseCommon>>({
          path: '/users/me',
          sessionToken,
          shape: USER,
          signal,
          retry: true,
        }),
      )
      // Neither a sign-out nor a newer sign-in meanwhile may be overwritten by this older answer.
      if (generation === store.generation() && store.token() === sessionToken) store.setUser(user)
      return user
    },
  }
}
