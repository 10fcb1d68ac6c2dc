// Checks the options given to createStytchClient and fills in the defaults.
import { StytchUsageError } from './errors'
import { defaultStorage, isKeyValueStorage } from './storage'
import type { ClientOptions, CookieOptions, KeyValueStorage } from './types'
import { validateOptions } from './validate'

export const DEFAULT_TIMEOUT_MS = 15_000
/** The largest delay setTimeout honours; beyond it timers fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

export interface ResolvedOptions {
  baseUrl: string
  fetch?: typeof fetch
  timeoutMs: number
  storage: KeyValueStorage
  cookie: CookieOptions
}

function fail(message: string): never {
  throw new StytchUsageError('invalid_option', message)
}

/** Test tokens go to the test host, every other token to the live one. */
export function defaultBaseUrl(publicToken: string): string {
  return publicToken.includes('public-token-test') ? 'https://test.stytch.com' : 'https://api.stytch.com'
}

function resolveBaseUrl(value: unknown, publicToken: string): string {
  if (value === undefined) return defaultBaseUrl(publicToken)
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    fail('baseUrl must be an absolute http(s) URL without query or fragment, e.g. https://login.example.com.')
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function resolveCookie(value: unknown): CookieOptions {
  const cookie = validateOptions<CookieOptions>(value, [
    'opaqueTokenCookieName',
    'jwtCookieName',
    'domain',
    'path',
    'enabled',
  ])
  for (const name of [cookie.opaqueTokenCookieName, cookie.jwtCookieName]) {
    if (name !== undefined && (typeof name !== 'string' || !COOKIE_NAME.test(name))) {
      fail('Cookie names must be non-empty and use only cookie-name characters.')
    }
  }
  if (
    cookie.domain !== undefined &&
    (typeof cookie.domain !== 'string' || !/^[\w.-]+$/.test(cookie.domain))
  ) {
    fail('cookie.domain must be a host name such as example.com.')
  }
  if (cookie.path !== undefined && (typeof cookie.path !== 'string' || !/^\/[^;\s]*$/.test(cookie.path))) {
    fail('cookie.path must start with "/" and contain no ";" or spaces.')
  }
  if (cookie.enabled !== undefined && typeof cookie.enabled !== 'boolean')
    fail('cookie.enabled must be a boolean.')
  return cookie
}

export function resolveClientOptions(options: unknown, publicToken: string): ResolvedOptions {
  const opts = validateOptions<ClientOptions>(options, ['baseUrl', 'fetch', 'timeoutMs', 'storage', 'cookie'])
  if (opts.fetch !== undefined && typeof opts.fetch !== 'function') fail('fetch must be a function.')
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isFinite(timeoutMs) ||
    timeoutMs <= 0 ||
    timeoutMs > MAX_TIMEOUT_MS
  ) {
    fail('timeoutMs must be a positive number of milliseconds.')
  }
  if (opts.storage !== undefined && !isKeyValueStorage(opts.storage)) {
    fail('storage must have getItem, setItem and removeItem.')
  }
  return {
    baseUrl: resolveBaseUrl(opts.baseUrl, publicToken),
    fetch: opts.fetch,
    timeoutMs,
    storage: opts.storage ?? defaultStorage(),
    cookie: resolveCookie(opts.cookie),
  }
}
