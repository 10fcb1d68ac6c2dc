// The same three steps for either SDK, so that every measurement runs one code path for both.
import type { Sdk } from './entries'

export interface LoginClient {
  loginOrCreate(phoneNumber: string): Promise<{ method_id: string }>
  authenticate(code: string, methodId: string): Promise<unknown>
}

export interface ClientSettings {
  publicToken: string
  /** A custom API base URL (an app's own domain, a local emulator); omitted: the SDK's default host. */
  baseUrl?: string
}

/** The host an SDK sends to when no base URL is set: test tokens go to the test API. */
export function defaultApiHost(publicToken: string): string {
  return publicToken.includes('public-token-test') ? 'test.stytch.com' : 'api.stytch.com'
}

/** Creates a client of the given SDK, importing the SDK only now so that the page exists first. */
export async function createLoginClient(
  sdk: Sdk,
  { publicToken, baseUrl }: ClientSettings,
): Promise<LoginClient> {
  if (sdk === 'otpkit') {
    const { createStytchClient } = await import('@otpkit/core')
    const stytch = createStytchClient(publicToken, baseUrl === undefined ? {} : { baseUrl })
    return {
      loginOrCreate: (phoneNumber) => stytch.otps.sms.loginOrCreate(phoneNumber, { expiration_minutes: 2 }),
      authenticate: (code, methodId) =>
        stytch.otps.authenticate(code, methodId, { session_duration_minutes: 30 }),
    }
  }
  const { StytchHeadlessClient } = await import('@stytch/vanilla-js/headless')
  const stytch = new StytchHeadlessClient(
    publicToken,
    baseUrl === undefined ? {} : { customBaseUrl: baseUrl },
  )
  return {
    loginOrCreate: (phoneNumber) => stytch.otps.sms.loginOrCreate(phoneNumber, { expiration_minutes: 2 }),
    authenticate: (code, methodId) =>
      stytch.otps.authenticate(code, methodId, { session_duration_minutes: 30 }),
  }
}

/** Distinct phone numbers that libphonenumber-js accepts as valid US numbers (201-555-0000 onwards). */
export function testPhoneNumber(index: number): string {
  const areaCodes = ['201', '202', '212', '213', '305', '312', '415', '503', '617', '646']
  const areaCode = areaCodes[Math.floor(index / 10_000) % areaCodes.length] ?? '201'
  return `+1${areaCode}555${String(index % 10_000).padStart(4, '0')}`
}
