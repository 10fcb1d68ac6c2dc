// Stand-in for core/src/clientOptions.ts: the same defaults, with no checks of what the app passed.
import type { ResolvedOptions } from '../../../core/src/clientOptions'
import { defaultStorage } from '../../../core/src/storage'
import type { ClientOptions } from '../../../core/src/types'

export function resolveClientOptions(options: ClientOptions, publicToken: string): ResolvedOptions {
  const host = publicToken.includes('public-token-test') ? 'test' : 'api'
  return {
    baseUrl: (options.baseUrl ?? `https://${host}.stytch.com`).replace(/\/+$/, ''),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 15_000,
    storage: options.storage ?? defaultStorage(),
    cookie: options.cookie ?? {},
  }
}
