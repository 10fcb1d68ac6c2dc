// Checks the options given to createStytchClient and fills in the defaults.
import { isObject } from './schema'
import { defaultStorage, isKeyValueStorage } from './storage'
import type { CookieOptions, KeyValueStorage } from './types'
import type { Rule, Rules } from './validate'
import { isBoolean, matches, validateOptions } from './validate'

export interface ResolvedOptions {
  baseUrl: string
  fetch?: typeof fetch
  timeoutMs: number
  storage: KeyValueStorage
  cookie: CookieOptions
}

function isBaseUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) && !url.search && !url.hash
  } catch {
    return false
  }
}

const COOKIE_NAME: Rule = [
  /* @__PURE__ */ matches(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/),
  'a non-empty cookie name',
]

const CLIENT_RULES: Rules = {
  baseUrl: [isBaseUrl, 'an absolute http(s) URL without query or fragment'],
  fetch: [(value) => typeof value === 'function', 'a function'],
  // The largest delay setTimeout honours is 2^31 - 1 ms; beyond it timers fire at once.
  timeoutMs: [
    (value) => typeof value === 'number' && value > 0 && value < 2 ** 31,
    'a positive number of milliseconds',
  ],
  storage: [isKeyValueStorage, 'an object with getItem, setItem and removeItem'],
  cookie: [isObject, 'an object'],
}

const COOKIE_RULES: Rules = {
  opaqueTokenCookieName: COOKIE_NAME,
  jwtCookieName: COOKIE_NAME,
  domain: [/* @__PURE__ */ matches(/^[\w.-]+$/), 'a host name such as example.com'],
  path: [/* @__PURE__ */ matches(/^\/[^;\s]*$/), 'a path such as "/" or "/app"'],
  enabled: [isBoolean, 'a boolean'],
}

export function resolveClientOptions(options: unknown, publicToken: string): ResolvedOptions {
  const { baseUrl, fetch, timeoutMs, storage, cookie } = validateOptions(options, CLIENT_RULES)
  const cookieOptions = validateOptions(cookie, COOKIE_RULES, 'cookie.') as CookieOptions
  // Test tokens go to the test host, every other token to the live one.
  const url = new URL(
    (baseUrl as string | undefined) ??
      `https://${publicToken.includes('public-token-test') ? 'test' : 'api'}.stytch.com`,
  )
  return {
    baseUrl: `${url.origin}${url.pathname}`.replace(/\/+$/, ''),
    fetch: fetch as typeof globalThis.fetch | undefined,
    timeoutMs: (timeoutMs as number | undefined) ?? 15_000,
    storage: (storage as KeyValueStorage | undefined) ?? defaultStorage(),
    cookie: cookieOptions,
  }
}
