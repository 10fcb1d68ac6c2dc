import { defineConfig } from 'vitest/config'

// No source condition here: the budgets are about the built packages, resolved as an app resolves them.
// The workspace test command runs this suite after `pnpm build`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    // One file at a time: the browser budgets time a throttled Chromium, which other suites would disturb.
    fileParallelism: false,
  },
})
