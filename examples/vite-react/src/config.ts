import { resolveConfig } from './resolveConfig'

/** No variables: the local emulator. `VITE_STYTCH_PUBLIC_TOKEN` (optionally with `VITE_STYTCH_BASE_URL`):
 * the real API. */
export const config = resolveConfig(import.meta.env)
