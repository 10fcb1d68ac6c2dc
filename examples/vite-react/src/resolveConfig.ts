// Turns the app's environment variables into client settings. Kept free of `import.meta.env` so the Vite
// config (which runs in Node) can use it too, for the preview server's Content-Security-Policy.

/** The same string as `DEMO_PUBLIC_TOKEN` in @otpkit/emulator. Written out because the emulator's entry
 * imports `node:crypto`, which the dev server cannot serve to a browser; the e2e suite checks they agree. */
export const EMULATOR_DEMO_TOKEN = 'public-token-test-00000000-0000-4000-8000-6f74706b6974'

/** Where `otpkit-emulator` listens by default, and where `pnpm dev` starts it. */
export const EMULATOR_DEFAULT_URL = 'http://127.0.0.1:8787'

/** Where the example's own server mounts the relay (`OTPKIT_PROVIDER=…`). */
export const RELAY_PATH = '/auth'

export type RelayProvider = 'moonkey' | 'stytch-backend'

export interface AppEnv {
  VITE_STYTCH_PUBLIC_TOKEN?: string
  VITE_STYTCH_BASE_URL?: string
  /** Set by the Vite config from OTPKIT_PROVIDER: the app's own server relays to this provider. */
  VITE_OTPKIT_RELAY?: string
}

export interface AppConfig {
  publicToken: string
  /** Passed to the client; `undefined` lets @otpkit/core choose the vendor host from the token. */
  baseUrl: string | undefined
  /** The origin every API request goes to (for the CSP's `connect-src`). */
  apiOrigin: string
  /** True when no token was given: the app talks to the local emulator. */
  usingEmulator: boolean
  /** Present when the app's own server relays to a provider (then the emulator holds the codes). */
  relay?: { provider: RelayProvider; emulatorOrigin: string }
}

/** `pageOrigin`: the page's own origin, where the relay answers (absent in Node, for the CSP: `'self'`). */
export function resolveConfig(env: AppEnv, pageOrigin?: string): AppConfig {
  const token = env.VITE_STYTCH_PUBLIC_TOKEN?.trim()
  const baseUrl = env.VITE_STYTCH_BASE_URL?.trim() || undefined
  const relay = env.VITE_OTPKIT_RELAY?.trim()
  if (relay === 'moonkey' || relay === 'stytch-backend') {
    // The browser talks to its own origin only; the relay there holds the provider's secret.
    return {
      publicToken: EMULATOR_DEMO_TOKEN,
      baseUrl: pageOrigin === undefined ? undefined : `${pageOrigin}${RELAY_PATH}`,
      apiOrigin: pageOrigin ?? "'self'",
      usingEmulator: true,
      relay: { provider: relay, emulatorOrigin: new URL(baseUrl ?? EMULATOR_DEFAULT_URL).origin },
    }
  }
  if (!token) {
    const url = baseUrl ?? EMULATOR_DEFAULT_URL
    return {
      publicToken: EMULATOR_DEMO_TOKEN,
      baseUrl: url,
      apiOrigin: new URL(url).origin,
      usingEmulator: true,
    }
  }
  // The vendor routes test tokens to its test host and every other token to the live one.
  const vendorHost = token.includes('public-token-test')
    ? 'https://test.stytch.com'
    : 'https://api.stytch.com'
  return {
    publicToken: token,
    baseUrl,
    apiOrigin: new URL(baseUrl ?? vendorHost).origin,
    usingEmulator: false,
  }
}
