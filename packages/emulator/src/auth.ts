import { createHash, timingSafeEqual } from 'node:crypto'
import { Buffer } from 'node:buffer'
import { ApiFailure } from './errors'

export interface BasicCredentials {
  username: string
  password: string
}

/** Reads `Authorization: Basic base64(user:password)`; null when absent or malformed. */
export function readBasicAuth(request: Request): BasicCredentials | null {
  const header = request.headers.get('authorization')
  const match = header === null ? null : /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header)
  if (!match?.[1]) return null
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return null
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** Compares secrets in constant time; hashing first makes the lengths equal. */
export function safeEqual(a: string, b: string): boolean {
  const hash = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(hash(a), hash(b))
}

function unauthorized(): ApiFailure {
  return new ApiFailure(401, 'unauthorized_credentials', 'Unauthorized credentials.')
}

/**
 * Public-token family: the user is the public token; the password is a session token when the
 * browser has a session, otherwise the public token again. Returns the session token, if any.
 */
export function requirePublicToken(request: Request, publicToken: string): { sessionToken: string | null } {
  const credentials = readBasicAuth(request)
  if (!credentials || !safeEqual(credentials.username, publicToken)) throw unauthorized()
  const { password } = credentials
  return { sessionToken: password === '' || password === publicToken ? null : password }
}

/** Backend family: `project_id:secret`, nothing else. */
export function requireProjectSecret(request: Request, projectId: string, secret: string): void {
  const credentials = readBasicAuth(request)
  // Evaluate both comparisons so the time taken does not reveal which part was wrong.
  const idOk = credentials ? safeEqual(credentials.username, projectId) : false
  const secretOk = credentials ? safeEqual(credentials.password, secret) : false
  if (!idOk || !secretOk) throw unauthorized()
}
