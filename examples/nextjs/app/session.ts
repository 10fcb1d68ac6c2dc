// The server's view of the session cookies, shared by the proxy (middleware) and the pages.
import { getSession } from '@otpkit/server'
import type { GetSessionOptions, RequestLike } from '@otpkit/server'
import { EMULATOR_DEFAULT_URL, EMULATOR_DEMO } from './config'

const usingEmulator = !process.env.STYTCH_PROJECT_ID?.trim()

const options: GetSessionOptions = {
  projectId: process.env.STYTCH_PROJECT_ID?.trim() || EMULATOR_DEMO.projectId,
  secret: process.env.STYTCH_SECRET?.trim() || (usingEmulator ? EMULATOR_DEMO.secret : undefined),
  baseUrl:
    process.env.STYTCH_BASE_URL?.trim() ||
    process.env.NEXT_PUBLIC_STYTCH_BASE_URL?.trim() ||
    (usingEmulator ? EMULATOR_DEFAULT_URL : undefined),
}

/** The signed-in session of a request (or of `await headers()` in a Server Component), or null. */
export function sessionOf(request: RequestLike) {
  return getSession(request, options)
}
