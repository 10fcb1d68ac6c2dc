import { defineConfig } from 'vitest/config'
import { withSource } from '../../packages/tooling/vitest.mjs'

// The example built with `next build` and served by Next, the emulator on loopback, one Chromium; the
// client-boundary test builds a second, small Next app. Files run one after another: the machine's
// cores go to the builds.
export default defineConfig(
  withSource({
    test: {
      include: ['e2e/**/*.test.ts'],
      environment: 'node',
      globalSetup: ['e2e/globalSetup.ts'],
      testTimeout: 60_000,
      hookTimeout: 300_000,
      fileParallelism: false,
      maxWorkers: 1,
      pool: 'forks',
    },
  }),
)
