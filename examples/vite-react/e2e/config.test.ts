// The app's configuration from its environment variables (no browser needed).
import { DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import { expect, test } from 'vitest'
import { EMULATOR_DEFAULT_URL, EMULATOR_DEMO_TOKEN, resolveConfig } from '../src/resolveConfig'

test("the app's built-in demo token is the emulator's", () => {
  expect(EMULATOR_DEMO_TOKEN).toBe(DEMO_PUBLIC_TOKEN)
})

test('no variables: the local emulator with its demo token', () => {
  expect(resolveConfig({})).toEqual({
    publicToken: DEMO_PUBLIC_TOKEN,
    baseUrl: EMULATOR_DEFAULT_URL,
    apiOrigin: 'http://127.0.0.1:8787',
    usingEmulator: true,
  })
  // Empty values, as an untouched .env.example leaves them, count as unset.
  expect(resolveConfig({ VITE_STYTCH_PUBLIC_TOKEN: ' ', VITE_STYTCH_BASE_URL: '' }).usingEmulator).toBe(true)
  expect(resolveConfig({ VITE_STYTCH_BASE_URL: 'http://localhost:9000/' }).apiOrigin).toBe(
    'http://localhost:9000',
  )
})

test('a public token: the real API, its host chosen by the token unless a base URL is given', () => {
  const test = 'public-token-test-11111111-2222-4333-8444-555555555555'
  const live = 'public-token-live-11111111-2222-4333-8444-555555555555'
  expect(resolveConfig({ VITE_STYTCH_PUBLIC_TOKEN: test })).toEqual({
    publicToken: test,
    baseUrl: undefined,
    apiOrigin: 'https://test.stytch.com',
    usingEmulator: false,
  })
  expect(resolveConfig({ VITE_STYTCH_PUBLIC_TOKEN: live }).apiOrigin).toBe('https://api.stytch.com')
  expect(
    resolveConfig({ VITE_STYTCH_PUBLIC_TOKEN: live, VITE_STYTCH_BASE_URL: 'https://login.example.com' }),
  ).toMatchObject({ baseUrl: 'https://login.example.com', apiOrigin: 'https://login.example.com' })
})

test('OTPKIT_PROVIDER: the relay on the page’s own origin, the emulator holding the codes', async () => {
  const { relayProvider } = await import('../relayPlugin')
  expect(relayProvider(undefined)).toBeUndefined()
  expect(relayProvider('moonkey')).toBe('moonkey')
  expect(() => relayProvider('firebase')).toThrow(/OTPKIT_PROVIDER must be one of moonkey, stytch-backend/)
  expect(resolveConfig({ VITE_OTPKIT_RELAY: 'moonkey' }, 'http://127.0.0.1:5173')).toEqual({
    publicToken: DEMO_PUBLIC_TOKEN,
    baseUrl: 'http://127.0.0.1:5173/auth',
    apiOrigin: 'http://127.0.0.1:5173',
    usingEmulator: true,
    relay: { provider: 'moonkey', emulatorOrigin: EMULATOR_DEFAULT_URL },
  })
  // In Node (the preview server's CSP) the page's origin is `'self'`.
  expect(resolveConfig({ VITE_OTPKIT_RELAY: 'stytch-backend' }).apiOrigin).toBe("'self'")
})
