// The session cookies an app's server can read: `stytch_session` (opaque token) and `stytch_session_jwt`.
// Written only when a `document` exists and cookies are not disabled.
import type { CookieOptions, SessionTokens } from './types'

export interface CookieJar {
  /** Writes both cookies, expiring with the session. */
  set(tokens: SessionTokens, expiresAt: string): void
  /** Expires both cookies. */
  clear(): void
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Secure everywhere except plain-http localhost, where a Secure cookie would be refused. */
function isInsecureLocalhost(): boolean {
  if (typeof location === 'undefined') return false
  return location.protocol === 'http:' && LOCAL_HOSTS.has(location.hostname)
}

export function createCookieJar(options: CookieOptions = {}): CookieJar {
  const names = [
    options.opaqueTokenCookieName ?? 'stytch_session',
    options.jwtCookieName ?? 'stytch_session_jwt',
  ]
  const enabled = options.enabled !== false

  function write(name: string, value: string, expires: Date): void {
    if (!enabled || typeof document === 'undefined') return
    const parts = [`${name}=${encodeURIComponent(value)}`, `Expires=${expires.toUTCString()}`]
    parts.push(`Path=${options.path ?? '/'}`)
    if (options.domain) parts.push(`Domain=${options.domain}`)
    parts.push('SameSite=Lax')
    if (!isInsecureLocalhost()) parts.push('Secure')
    document.cookie = parts.join('; ')
  }

  return {
    set(tokens, expiresAt) {
      const expires = new Date(expiresAt)
      write(names[0]!, tokens.session_token, expires)
      write(names[1]!, tokens.session_jwt, expires)
    },
    clear() {
      for (const name of names) write(name, '', new Date(0))
    },
  }
}
