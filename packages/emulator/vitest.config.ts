import { defineConfig } from 'vitest/config'
import { withSource } from '../tooling/vitest.mjs'

export default defineConfig(
  withSource({
    test: {
      environment: 'node',
      // Through Vite, so that vi.resetModules() gives each test of vanillaContract.test.ts a new copy of
      // the SDK, as a new page would have.
      server: { deps: { inline: ['@stytch/vanilla-js'] } },
    },
  }),
)
