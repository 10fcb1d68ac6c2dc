// The signed-in user: read synchronously, subscribe, fetch fresh from the server.
import { StytchUsageError } from './errors'
import { parseUserResponse } from './schema'
import type { SessionStore, UserInfo } from './sessionStore'
import type { Transport } from './transport'
import type { CallOptions, Unsubscribe, User } from './types'
import { validateOptions } from './validate'

export interface UserClient {
  /** The current user from memory, at once; null when signed out. */
  getSync(): User | null
  getInfo(): UserInfo
  /** Called with the new user (or null) on every change, including changes made in other tabs. */
  onChange(listener: (user: User | null) => void): Unsubscribe
  /** Fetches the signed-in user (`GET /users/me`). Retries network errors and 5xx. */
  get(options?: CallOptions): Promise<User>
}

export function createUserClient(transport: Transport, store: SessionStore): UserClient {
  return {
    getSync: () => store.user().user,
    getInfo: () => store.user(),
    onChange: (listener) => store.onUser(listener),
    async get(options) {
      const opts = validateOptions<CallOptions>(options, ['signal'])
      const sessionToken = store.tokens()?.session_token
      if (!sessionToken) throw new StytchUsageError('no_session', 'There is no signed-in user to fetch.')
      const user = await transport.request({
        method: 'GET',
        path: '/users/me',
        sessionToken,
        parse: parseUserResponse,
        signal: opts.signal,
        retry: true,
      })
      if (store.tokens()?.session_token === sessionToken) store.setUser(user)
      return user
    },
  }
}
