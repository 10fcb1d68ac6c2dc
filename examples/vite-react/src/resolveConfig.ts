// Turns the app's environment variables into client settings. Kept free of `import.meta.env` so the Vite
// config (which runs in Node) can use it too, for the preview server's Content-Security-Policy.

/** The same string as `DEMO_PUBLIC_TOKEN` in @otpkit/emulator. Written out because the emulator's entry
 * imports `node:crypto`, which the dev server cannot serve to a browser; the e2e suite checks they agree. */
export const EMULATOR_DEMO_TOKEN = 'public-token-test-00000000-0000-4000-8000-6f74706b6974'

/** Where `otpkit-emulator` listens by default, and where `pnpm dev` starts it. */
export const EMULATOR_DEFAULT_URL = 'http://127.0.0.1:8787'

export interface AppEnv {
  VITE_STYTCH_PUBLIC_TOKEN?: string
  VITE_STYTCH_BASE_URL?: string
}

export interface AppConfig {
  publicToken: string
  /** Passed to the client; `undefined` lets @otpkit/core choose the vendor host from the token. */
  baseUrl: string | undefined
  /** The origin every API request goes to (for the CSP's `connect-src`). */
  apiOrigin: string
  /** True when no token was given: the app talks to the local emulator. */
  usingEmulator: boolean
}

export function resolveConfig(env: AppEnv): AppConfig {
  const token = env.VITE_STYTCH_PUBLIC_TOKEN?.trim()
  const baseUrl = env.VITE_STYTCH_BASE_URL?.trim() || undefined
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
