// Shared vitest settings: run on sources through the `@otpkit/source` export condition, no build needed.
const conditions = ['@otpkit/source', 'module', 'development|production']

/** @param {import('vitest/config').UserConfig} config */
export function withSource(config = {}) {
  return {
    ...config,
    resolve: { ...config.resolve, conditions: [...conditions, 'browser'] },
    ssr: { resolve: { conditions: [...conditions, 'node'], externalConditions: ['node'] } },
    test: { include: ['src/**/*.test.{ts,tsx}'], ...config.test },
  }
}
