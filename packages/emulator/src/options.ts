import type { Channel } from './channels'

/** A code message the emulator "sent", by SMS or WhatsApp. Times are ISO 8601 strings, as on the wire. */
export interface SentMessage {
  /** E.164 number the message went to. */
  to: string
  /** How it went: `sms` or `whatsapp`. */
  channel: Channel
  body: string
  code: string
  /** The phone id the code belongs to; pass it to `otps/authenticate`. */
  method_id: string
  created_at: string
}

export interface RateLimitOptions {
  /** Sends allowed per phone number within the window. */
  max: number
  windowSeconds: number
}

export interface UserLockOptions {
  /** Failed passcode checks in a row that lock a user. */
  maxFailures: number
  /** How long the lock lasts. */
  lockSeconds: number
}

export interface EmulatorOptions {
  /** Public token the `/sdk/v1` family accepts. Default {@link DEMO_PUBLIC_TOKEN}. */
  publicToken?: string
  /** Project id for the `/v1` family's Basic auth. Default {@link DEMO_PROJECT_ID}. */
  projectId?: string
  /** Secret for the `/v1` family's Basic auth. Default {@link DEMO_SECRET}. */
  secret?: string
  /** MoonKey secret key (`Bearer sk_…`) for the `/v1/auth` routes. Default {@link DEMO_MOONKEY_API_KEY}. */
  moonkeyApiKey?: string
  /** MoonKey public key (`pk_…`); the `/v1/auth` SMS routes refuse it. Default {@link DEMO_MOONKEY_PUBLIC_KEY}. */
  moonkeyPublicKey?: string
  /** ISO 3166 country codes numbers may belong to. Default `['US', 'CA']`. */
  countries?: string[]
  /** Exact origins allowed by CORS. Default: any `http://localhost:*` and `http://127.0.0.1:*` origin. */
  appOrigins?: string[]
  /** The app's origin: the autofill host when a request has no Origin header; also allowed by CORS. */
  appOrigin?: string
  /** Code lifetime when a request has no `expiration_minutes`. Default 120. */
  codeLifetimeSeconds?: number
  /** Send limit per phone number. Default 5 per 600 seconds. */
  rateLimit?: RateLimitOptions
  /** When failed passcode checks lock a user out (429 `user_lock_limit_reached`). Default 10 in a row, for 3,600 seconds. */
  userLock?: UserLockOptions
  /**
   * `'own'`: this instance makes its own RS256 key pair when created (0.1 to 0.3 s of CPU);
   * `'shared'` (default in process): it signs with the process's pair under its own key id.
   * `startEmulatorServer` defaults to `'own'`.
   */
  jwtKeyPair?: 'own' | 'shared'
  /** How many messages the log keeps, newest first; older ones are dropped. Default 1,000. */
  maxMessages?: number
  /** Called for every message sent (SMS or WhatsApp), after it is stored. */
  onMessage?: (message: SentMessage) => void
}

// Fixed, recognisable demo credentials: the last UUID group spells "otpkit" in hex.
export const DEMO_PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-6f74706b6974'
export const DEMO_PROJECT_ID = 'project-test-00000000-0000-4000-8000-6f74706b6974'
export const DEMO_SECRET = 'secret-test-otpkit-emulator-demo-secret-0000'
export const DEMO_MOONKEY_API_KEY = 'sk_test_otpkitEmulatorDemoSecretKey0000000000000000'
export const DEMO_MOONKEY_PUBLIC_KEY = 'pk_test_otpkitEmulatorDemoPublicKey000000000000000'

export interface ResolvedOptions {
  publicToken: string
  projectId: string
  secret: string
  moonkeyApiKey: string
  moonkeyPublicKey: string
  countries: ReadonlySet<string>
  appOrigins: readonly string[] | undefined
  appOrigin: string | undefined
  codeLifetimeSeconds: number
  rateLimit: RateLimitOptions
  userLock: UserLockOptions
  maxMessages: number
  jwtKeyPair: 'own' | 'shared'
  onMessage: ((message: SentMessage) => void) | undefined
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`${name} must be a positive integer, got ${value}`)
  return value
}

function origin(name: string, value: string): string {
  const problem = new TypeError(
    `${name} must be an origin such as http://localhost:5173, got ${JSON.stringify(value)}`,
  )
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw problem
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw problem
  return url.origin
}

function keyPairChoice(value: unknown): 'own' | 'shared' {
  if (value === undefined) return 'shared'
  if (value === 'own' || value === 'shared') return value
  throw new TypeError(`jwtKeyPair must be 'own' or 'shared', got ${JSON.stringify(value)}`)
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const countries = (options.countries ?? ['US', 'CA']).map((code) => code.trim().toUpperCase())
  for (const code of countries) {
    if (!/^[A-Z]{2}$/.test(code))
      throw new TypeError(`countries must hold ISO 3166 codes such as US, got ${code}`)
  }
  const rateLimit = options.rateLimit ?? { max: 5, windowSeconds: 600 }
  const userLock = options.userLock ?? { maxFailures: 10, lockSeconds: 3_600 }
  for (const [name, value] of [
    ['publicToken', options.publicToken],
    ['projectId', options.projectId],
    ['secret', options.secret],
    ['moonkeyApiKey', options.moonkeyApiKey],
    ['moonkeyPublicKey', options.moonkeyPublicKey],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '' || value.includes(':'))) {
      throw new TypeError(`${name} must be a non-empty string without ":"`)
    }
  }
  return {
    publicToken: options.publicToken ?? DEMO_PUBLIC_TOKEN,
    projectId: options.projectId ?? DEMO_PROJECT_ID,
    secret: options.secret ?? DEMO_SECRET,
    moonkeyApiKey: options.moonkeyApiKey ?? DEMO_MOONKEY_API_KEY,
    moonkeyPublicKey: options.moonkeyPublicKey ?? DEMO_MOONKEY_PUBLIC_KEY,
    countries: new Set(countries),
    appOrigins: options.appOrigins?.map((value) => origin('appOrigins', value)),
    appOrigin: options.appOrigin === undefined ? undefined : origin('appOrigin', options.appOrigin),
    codeLifetimeSeconds: positiveInteger('codeLifetimeSeconds', options.codeLifetimeSeconds ?? 120),
    rateLimit: {
      max: positiveInteger('rateLimit.max', rateLimit.max),
      windowSeconds: positiveInteger('rateLimit.windowSeconds', rateLimit.windowSeconds),
    },
    userLock: {
      maxFailures: positiveInteger('userLock.maxFailures', userLock.maxFailures),
      lockSeconds: positiveInteger('userLock.lockSeconds', userLock.lockSeconds),
    },
    maxMessages: positiveInteger('maxMessages', options.maxMessages ?? 1_000),
    jwtKeyPair: keyPairChoice(options.jwtKeyPair),
    onMessage: options.onMessage,
  }
}
