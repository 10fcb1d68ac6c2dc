// `OTPKIT_PROVIDER=moonkey|stytch-backend`: the app's own server in the middle. The dev (and preview) server
// mounts @otpkit/server's relay at /auth, so the browser talks only to its own origin and the provider's
// secret stays in this Node process. Offline: the provider is the local emulator, with its demo keys.
import { DEMO_MOONKEY_API_KEY, DEMO_PROJECT_ID, DEMO_SECRET } from '@otpkit/emulator'
import { createRelay, moonkey, stytchBackend, toNodeHandler } from '@otpkit/server'
import type { Plugin } from 'vite'
import {
  EMULATOR_DEFAULT_URL,
  EMULATOR_DEMO_TOKEN,
  RELAY_PATH,
  type RelayProvider,
} from './src/resolveConfig.ts'

export const RELAY_PROVIDERS: readonly RelayProvider[] = ['moonkey', 'stytch-backend']

/** Reads OTPKIT_PROVIDER; undefined when unset (the browser talks to the API directly). */
export function relayProvider(value: string | undefined): RelayProvider | undefined {
  const name = value?.trim()
  if (!name) return undefined
  if (!(RELAY_PROVIDERS as readonly string[]).includes(name)) {
    throw new Error(`OTPKIT_PROVIDER must be one of ${RELAY_PROVIDERS.join(', ')}, got "${name}"`)
  }
  return name as RelayProvider
}

export function relayPlugin(name: RelayProvider, emulatorUrl = EMULATOR_DEFAULT_URL): Plugin {
  // Secrets come from the server's environment (never VITE_-prefixed, so never in the bundle), else the
  // emulator's demo keys.
  const provider =
    name === 'moonkey'
      ? moonkey({ apiKey: process.env.MOONKEY_API_KEY || DEMO_MOONKEY_API_KEY, baseUrl: emulatorUrl })
      : stytchBackend({
          projectId: process.env.STYTCH_PROJECT_ID || DEMO_PROJECT_ID,
          secret: process.env.STYTCH_SECRET || DEMO_SECRET,
          baseUrl: emulatorUrl,
        })
  const relay = createRelay({
    provider,
    publicToken: EMULATOR_DEMO_TOKEN,
    countries: ['US', 'CA'],
    limits: { perPhone: 5, perIp: 30 },
    basePath: RELAY_PATH,
  })
  const handler = toNodeHandler(relay)
  return {
    name: 'otpkit-example:relay',
    configureServer(server) {
      server.middlewares.use(handler)
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler)
    },
  }
}
