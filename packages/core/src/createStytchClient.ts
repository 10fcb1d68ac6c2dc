// Composition only: each concern lives in its own module; this wires them together.
import { resolveClientOptions } from './clientOptions'
import { createCookieWriter } from './cookies'
import type { OtpsClient } from './otps'
import { createOtpsClient } from './otps'
import { createSendGuard } from './sendGuard'
import type { SessionClient } from './session'
import { createSessionClient } from './session'
import { createSessionStore } from './sessionStore'
import { safeStorage } from './storage'
import { createTransport } from './transport'
import type { ClientOptions } from './types'
import type { UserClient } from './user'
import { createUserClient } from './user'
import { validatePublicToken } from './validate'

/**
 * The headless client. Constructing it sends no request and starts no timer unless a stored session
 * is restored. Methods are bound, so `const { loginOrCreate } = client.otps.sms` works.
 */
export class StytchHeadlessClient {
  declare readonly otps: OtpsClient
  declare readonly session: SessionClient
  declare readonly user: UserClient
  /** Stops the background refresh and the cross-tab listener (tests, hot reload, unmount). */
  declare readonly destroy: () => void

  constructor(publicToken: string, options: ClientOptions = {}) {
    const token = validatePublicToken(publicToken)
    const resolved = resolveClientOptions(options, token)
    const storage = safeStorage(resolved.storage)
    const store = createSessionStore({
      publicToken: token,
      rawStorage: resolved.storage,
      storage,
      writeCookies: createCookieWriter(resolved.cookie),
      refresh: () => this.session.authenticate(),
    })
    const transport = createTransport({ ...resolved, publicToken: token, onError: store.clearOnError })
    this.otps = createOtpsClient(transport, store, createSendGuard(storage, token, resolved.timeoutMs))
    this.session = createSessionClient(transport, store)
    this.user = createUserClient(transport, store)
    this.destroy = store.destroy
  }
}

/** Creates a client for a project's public token (`public-token-test-…` or `public-token-live-…`). */
export function createStytchClient(publicToken: string, options: ClientOptions = {}): StytchHeadlessClient {
  return new StytchHeadlessClient(publicToken, options)
}
