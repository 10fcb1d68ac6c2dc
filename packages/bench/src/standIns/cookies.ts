// Stand-in for core/src/cookies.ts: no session cookies.
import type { CookieWriter } from '../../../core/src/cookies'

export const createCookieWriter = (): CookieWriter => () => undefined
