import { randomBytes } from 'node:crypto'
import type { Attributes } from './body'
import type { Channel } from './channels'
import { isoTime, newId } from './ids'
import type { JwtKeys } from './jwtKeys'

/** Session JWTs live five minutes; the opaque token lives as long as the session. */
export const JWT_LIFETIME_SECONDS = 300

/** The role every user holds in the vendor's RBAC; the emulator knows no others. */
export const DEFAULT_ROLES = ['stytch_user']

export interface FactorRecord {
  delivery_method: Channel
  phone_id: string
  phone_number: string
  last_authenticated_at: number
}

export interface SessionRecord {
  session_id: string
  token: string
  user_id: string
  started_at: number
  last_accessed_at: number
  expires_at: number
  factors: FactorRecord[]
  attributes: Attributes
  revoked: boolean
}

export interface SessionView {
  session_id: string
  user_id: string
  started_at: string
  last_accessed_at: string
  expires_at: string
  authentication_factors: {
    type: 'otp'
    delivery_method: Channel
    last_authenticated_at: string
    phone_number_factor: { phone_id: string; phone_number: string }
  }[]
  attributes: Attributes
  custom_claims: Record<string, unknown>
  roles: string[]
}

export class SessionBook {
  readonly #sessions = new Map<string, SessionRecord>()
  readonly #byToken = new Map<string, string>()
  readonly keys: JwtKeys
  readonly #projectId: string

  constructor(projectId: string, keys: JwtKeys) {
    this.#projectId = projectId
    this.keys = keys
  }

  create(
    userId: string,
    minutes: number,
    factor: FactorRecord,
    attributes: Attributes,
    now: number,
  ): SessionRecord {
    const session: SessionRecord = {
      session_id: newId('session'),
      token: randomBytes(33).toString('base64url'),
      user_id: userId,
      started_at: now,
      last_accessed_at: now,
      expires_at: now + minutes * 60_000,
      factors: [factor],
      attributes,
      revoked: false,
    }
    this.#sessions.set(session.session_id, session)
    this.#byToken.set(session.token, session.session_id)
    return session
  }

  #live(session: SessionRecord | undefined, now: number): SessionRecord | undefined {
    return session && !session.revoked && now < session.expires_at ? session : undefined
  }

  byId(sessionId: string, now: number): SessionRecord | undefined {
    return this.#live(this.#sessions.get(sessionId), now)
  }

  byToken(token: string, now: number): SessionRecord | undefined {
    const id = this.#byToken.get(token)
    return id === undefined ? undefined : this.byId(id, now)
  }

  /** A genuine JWT names its session even after the JWT itself expired; the session must still be live. */
  async byJwt(jwt: string, now: number): Promise<SessionRecord | undefined> {
    const claims = await this.keys.verify(jwt)
    const sessionClaim = claims?.['https://stytch.com/session'] as { id?: unknown } | undefined
    return typeof sessionClaim?.id === 'string' ? this.byId(sessionClaim.id, now) : undefined
  }

  /** Marks the session used; with `minutes`, it now ends that many minutes from now. */
  touch(session: SessionRecord, minutes: number | undefined, now: number): void {
    session.last_accessed_at = now
    if (minutes !== undefined) session.expires_at = now + minutes * 60_000
  }

  addFactor(session: SessionRecord, factor: FactorRecord): void {
    const same = (f: FactorRecord) =>
      f.phone_id === factor.phone_id && f.delivery_method === factor.delivery_method
    session.factors = [...session.factors.filter((f) => !same(f)), factor]
  }

  revoke(session: SessionRecord): void {
    session.revoked = true
    this.#byToken.delete(session.token)
    this.#sessions.delete(session.session_id)
  }

  /** Forgets sessions past their expiry. */
  purge(now: number): void {
    for (const session of this.#sessions.values()) {
      if (now >= session.expires_at) this.revoke(session)
    }
  }

  view(session: SessionRecord): SessionView {
    return {
      session_id: session.session_id,
      user_id: session.user_id,
      started_at: isoTime(session.started_at),
      last_accessed_at: isoTime(session.last_accessed_at),
      expires_at: isoTime(session.expires_at),
      authentication_factors: session.factors.map((factor) => ({
        type: 'otp',
        delivery_method: factor.delivery_method,
        last_authenticated_at: isoTime(factor.last_authenticated_at),
        phone_number_factor: { phone_id: factor.phone_id, phone_number: factor.phone_number },
      })),
      attributes: { ...session.attributes },
      custom_claims: {},
      roles: [...DEFAULT_ROLES],
    }
  }

  /** The claims `sessions.authenticateJwtLocal` of the vendor's Node SDK checks: iss, aud, typ, the session claim. */
  jwt(session: SessionRecord, now: number): string {
    const iat = Math.floor(now / 1000)
    const view = this.view(session)
    return this.keys.sign({
      sub: session.user_id,
      iss: `stytch.com/${this.#projectId}`,
      aud: [this.#projectId],
      iat,
      nbf: iat,
      exp: iat + JWT_LIFETIME_SECONDS,
      'https://stytch.com/session': {
        id: view.session_id,
        started_at: view.started_at,
        last_accessed_at: view.last_accessed_at,
        expires_at: view.expires_at,
        attributes: view.attributes,
        authentication_factors: view.authentication_factors,
        roles: view.roles,
      },
    })
  }

  clear(): void {
    this.#sessions.clear()
    this.#byToken.clear()
  }
}
