// Composition only: each concern lives in its own module; this wires them together.
import { resolveClientOptions } from './clientOptions'
import { createCookieWriter } from './cookies'
import { createInflight } from './inflight'
import type { OtpsClient } from './otps'
import { createOtpsClient } from './otps'
import type { SessionClient } from './session'
import { createSessionClient } from './session'
import { createSessionStore } from './sessionStore'
import { REVOKE_RESPONSE } from './shapes'
import { safeStorage } from './storage'
import { createTabShare } from './tabShare'
import { createTransport } from './transport'
import type { ClientOptions } from './types'
import type { UserClient } from './user'
import { createUserClient } from './user'
import { validatePublicToken } from './validate'

/**
 * The headless client. Constructing it sends no request and starts no timer unless a stored session
 * is restored (then it is confirmed with one request on the next tick). Methods are bound, so `const { loginOrCreate } = client.otps.sms` works.
 */
export class StytchHeadlessClient {
  readonly otps: OtpsClient
  readonly session: SessionClient
  readonly user: UserClient
  /** Stops the background refresh and the cross-tab listeners (tests, hot reload, unmount). */
  readonly destroy: () => void

  constructor(publicToken: string, options: ClientOptions = {}) {
    const token = validatePublicToken(publicToken)
    const resolved = resolveClientOptions(options, token)
    const transport = createTransport({ ...resolved, publicToken: token })
    const store = createSessionStore({
      publicToken: token,
      rawStorage: resolved.storage,
      storage: safeStorage(resolved.storage),
      writeCookies: createCookieWriter(resolved.cookie),
      refresh: () => this.session.authenticate(),
      revokeDiscarded: (sessionToken) =>
        void transport({ path: '/sessions/revoke', body: {}, sessionToken, shape: REVOKE_RESPONSE }).catch(
          () => {},
        ),
    })
    const tabShare = createTabShare(token)
    this.otps = createOtpsClient({ transport, store, inflight: createInflight(), tabShare })
    this.session = createSessionClient(transport, store)
    this.user = createUserClient(transport, store)
    this.destroy = () => {
      store.destroy()
      tabShare.close()
    }
  }
}

/** Creates a client for a project's public token (`public-token-test-…` or `public-token-live-…`). */
export function createStytchClient(publicToken: string, options: ClientOptions = {}): StytchHeadlessClient {
  return new StytchHeadlessClient(publicToken, options)
}
