import { Buffer } from 'node:buffer'
import { createHmac, timingSafeEqual } from 'node:crypto'

export type JwtClaims = Record<string, unknown> & { exp: number; iat: number }

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function signature(key: Uint8Array, signingInput: string): Buffer {
  return createHmac('sha256', key).update(signingInput).digest()
}

/** A compact HS256 JWT. */
export function signJwt(claims: JwtClaims, key: Uint8Array, keyId: string): string {
  const signingInput = `${encodeSegment({ alg: 'HS256', typ: 'JWT', kid: keyId })}.${encodeSegment(claims)}`
  return `${signingInput}.${signature(key, signingInput).toString('base64url')}`
}

/**
 * Checks the signature and returns the claims, or null when the token was not signed with `key`.
 * Expiry is left to the caller: an expired but genuine JWT still names its session.
 */
export function verifyJwt(token: string, key: Uint8Array): JwtClaims | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [header, payload, sig] = parts as [string, string, string]
  const expected = signature(key, `${header}.${payload}`)
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const head: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (typeof head !== 'object' || head === null || (head as { alg?: unknown }).alg !== 'HS256') return null
    if (typeof claims !== 'object' || claims === null) return null
    const { exp, iat } = claims as { exp?: unknown; iat?: unknown }
    if (typeof exp !== 'number' || typeof iat !== 'number') return null
    return claims as JwtClaims
  } catch {
    return null
  }
}
