import type { UserConfig } from 'vitest/config'

/** Adds the `@otpkit/source` resolve condition (run on sources, no build) and the shared test include. */
export function withSource(config?: UserConfig): UserConfig
