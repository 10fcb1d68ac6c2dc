import { Buffer } from 'node:buffer'
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto'
import { compactVerify, exportJWK, type JWTPayload } from 'jose'

/** A public key as the vendor's `GET /v1/sessions/jwks/{project_id}` lists it. */
export interface Jwk {
  kty: string
  use: string
  key_ops: string[]
  alg: string
  kid: string
  /** No certificate backs an emulator key, so the chain is empty and its thumbprint blank. */
  x5c: string[]
  x5tS256: string
  n: string
  e: string
}

export const JWT_ALGORITHM = 'RS256'

export interface KeyPair {
  privateKey: KeyObject
  publicKey: KeyObject
}

/** A fresh RS256 key pair; 0.1 to 0.3 s of CPU. */
export function generateJwtKeyPair(): KeyPair {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
}

// Made on first use, then shared by the in-process instances that have no pair of their own: too many
// fractions of a second for suites that start an emulator per test.
let processPair: KeyPair | undefined

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * The signing key of one emulator instance: its own key id, over its own RS256 key pair or the one the
 * process shares. A JWT from another run never verifies (another key pair); one from another instance
 * names another `kid`, which this instance refuses and its key set does not list, so jose and the
 * vendor's clients refuse it too.
 */
export class JwtKeys {
  readonly kid = `jwk-test-${randomUUID()}`
  readonly #own: KeyPair | undefined

  constructor(own?: KeyPair) {
    this.#own = own
  }

  #pair(): KeyPair {
    if (this.#own) return this.#own
    processPair ??= generateJwtKeyPair()
    return processPair
  }

  /**
   * Signs synchronously (node:crypto, about a millisecond): WebCrypto's asynchronous signing finishes on
   * another thread, and a client test that drives fake timers would see its timeout fire first.
   */
  sign(claims: JWTPayload): string {
    const input = `${segment({ alg: JWT_ALGORITHM, typ: 'JWT', kid: this.kid })}.${segment(claims)}`
    return `${input}.${sign('sha256', Buffer.from(input), this.#pair().privateKey).toString('base64url')}`
  }

  /**
   * The claims of a JWT this instance signed, or null. Only the signature is checked: an expired but
   * genuine JWT still names its session, and the caller decides what that is worth.
   */
  async verify(token: string): Promise<JWTPayload | null> {
    try {
      const { publicKey } = this.#pair()
      const { payload } = await compactVerify(
        token,
        (header) => {
          if (header.kid !== this.kid) throw new Error('another instance signed this JWT')
          return publicKey
        },
        { algorithms: [JWT_ALGORITHM] },
      )
      const claims: unknown = JSON.parse(new TextDecoder().decode(payload))
      return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
        ? (claims as JWTPayload)
        : null
    } catch {
      return null
    }
  }

  /** The public half, for the key set endpoint. */
  async jwks(): Promise<Jwk[]> {
    const { n = '', e = '' } = await exportJWK(this.#pair().publicKey)
    return [
      {
        kty: 'RSA',
        use: 'sig',
        key_ops: ['verify'],
        alg: JWT_ALGORITHM,
        kid: this.kid,
        x5c: [],
        x5tS256: '',
        n,
        e,
      },
    ]
  }
}
