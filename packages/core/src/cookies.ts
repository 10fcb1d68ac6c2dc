// The session cookies an app's server can read: `stytch_session` (opaque token) and `stytch_session_jwt`.
// Written only when a `document` exists and cookies are not disabled.
import type { SessionSnapshot } from './sessionStore'
import type { CookieOptions } from './types'

/** Writes both cookies expiring with the session, or expires them both when given null. */
export type CookieWriter = (snapshot: SessionSnapshot | null) => void

/** Secure everywhere except plain-http loopback, where a Secure cookie would be refused. */
function isInsecureLocalhost(): boolean {
  return (
    typeof location !== 'undefined' &&
    location.protocol === 'http:' &&
    /^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname)
  )
}

export function createCookieWriter(options: CookieOptions): CookieWriter {
  const names = [
    options.opaqueTokenCookieName ?? 'stytch_session',
    options.jwtCookieName ?? 'stytch_session_jwt',
  ]
  return (snapshot) => {
    if (options.enabled === false || typeof document === 'undefined') return
    const values = snapshot ? [snapshot.session_token, snapshot.session_jwt] : ['', '']
    const expires = new Date(snapshot ? snapshot.session.expires_at : 0).toUTCString()
    const domain = options.domain ? `; Domain=${options.domain}` : ''
    const secure = isInsecureLocalhost() ? '' : '; Secure'
    names.forEach((name, i) => {
      document.cookie = `${name}=${encodeURIComponent(values[i]!)}; Expires=${expires}; Path=${options.path ?? '/'}${domain}; SameSite=Lax${secure}`
    })
  }
}
