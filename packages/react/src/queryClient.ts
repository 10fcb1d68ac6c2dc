import { QueryClient } from '@tanstack/query-core'
import type { StytchContextValue } from './StytchContext'

/** The provider's own QueryClient, never the app's: created on first use, kept for the provider's life. */
export function getQueryClient(context: StytchContextValue): QueryClient {
  // The client already times out, and retrying a send would text the person twice, so: no retries, and
  // no pausing while the browser reports itself offline (the request fails fast with a network error).
  context.queries.client ??= new QueryClient({
    defaultOptions: { mutations: { retry: false, networkMode: 'always' } },
  })
  return context.queries.client
}
