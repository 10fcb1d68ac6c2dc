import { defineConfig } from 'vitest/config'
import { withSource } from '../../packages/tooling/vitest.mjs'

// Browser end-to-end tests: one Chromium, the built app under `vite preview` and the emulator on loopback,
// shared by every file, so files run one after another.
export default defineConfig(
  withSource({
    test: {
      include: ['e2e/**/*.test.ts'],
      environment: 'node',
      globalSetup: ['e2e/globalSetup.ts'],
      testTimeout: 60_000,
      hookTimeout: 180_000,
      fileParallelism: false,
      maxWorkers: 1,
      pool: 'forks',
    },
  }),
)
