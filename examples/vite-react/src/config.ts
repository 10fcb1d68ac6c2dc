import { resolveConfig } from './resolveConfig'

/** No variables: the local emulator. `VITE_STYTCH_PUBLIC_TOKEN` (optionally with `VITE_STYTCH_BASE_URL`):
 * the real API. `OTPKIT_PROVIDER` (read by the Vite config): the relay on this page's own origin. */
export const config = resolveConfig(import.meta.env, window.location.origin)
