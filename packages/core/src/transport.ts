// The only module that talks to the network. It builds the request, enforces the timeout, unwraps the
// `{data}` envelope, and turns every failure into one typed error. Tokens go only in the auth header.
import {
  abortError,
  isStytchAPIError,
  isStytchNetworkError,
  isStytchSchemaError,
  StytchAPIError,
  StytchNetworkError,
  StytchSchemaError,
  StytchTimeoutError,
  StytchUsageError,
} from './errors'
import { createInflight } from './inflight'
import type { Parser } from './schema'
import { isObject, parseErrorBody, ShapeError } from './schema'
import type { SendGuard } from './sendGuard'
import { sleep } from './sleep'

export interface TransportOptions {
  publicToken: string
  /** Origin (and optional path prefix) without a trailing slash. */
  baseUrl: string
  fetch?: typeof fetch
  timeoutMs: number
  /** Told about the final error of every call, with the session token that call used. */
  onError?: (error: unknown, sessionToken: string | null) => void
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST'
  /** Path after `/sdk/v1`, e.g. `/otps/authenticate`. */
  path: string
  body?: object
  /** The Basic auth password when set; the public token otherwise. */
  sessionToken: string | null
  parse: Parser<T>
  signal?: AbortSignal
  /** Only for idempotent calls: retry network failures and 5xx. */
  retry?: boolean
  /** Wraps the exchange of a send, to share it between tabs. Runs once per shared request. */
  guard?: SendGuard
}

export interface Transport {
  request<T>(spec: RequestSpec<T>): Promise<T>
}

/** At most 3 tries in all; fixed waits so behaviour is predictable (and testable with fake timers). */
export const RETRY_DELAYS_MS = [300, 900] as const

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** `Retry-After` is either delay-seconds or an HTTP date; both become whole seconds from now. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text)
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

function isRetryable(error: unknown): boolean {
  if (isStytchNetworkError(error)) return true
  return (isStytchAPIError(error) || isStytchSchemaError(error)) && error.status_code >= 500
}

export function createTransport(options: TransportOptions): Transport {
  const inflight = createInflight()

  function getFetch(): typeof fetch {
    const f = options.fetch ?? (globalThis.fetch as typeof fetch | undefined)
    if (typeof f !== 'function') {
      throw new StytchUsageError('invalid_option', 'No fetch is available here; pass one as options.fetch.')
    }
    return f
  }

  /** Turns a complete response into data or a typed error. */
  function interpret<T>(label: string, spec: RequestSpec<T>, response: Response, text: string): T {
    const status = response.status
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'))
    let body: unknown
    let isJson = true
    try {
      body = JSON.parse(text)
    } catch {
      isJson = false
    }
    if (!response.ok) {
      const fields = isJson ? parseErrorBody(body) : null
      if (fields)
        throw new StytchAPIError({ ...fields, status_code: fields.status_code ?? status, retryAfter })
      throw new StytchSchemaError(
        `${label} failed with HTTP ${status} and no Stytch error body.`,
        status,
        retryAfter,
      )
    }
    if (!isObject(body) || !('data' in body)) {
      throw new StytchSchemaError(`${label} answered without a JSON {data} envelope.`, status)
    }
    try {
      return spec.parse(body.data)
    } catch (error) {
      if (error instanceof ShapeError) throw new StytchSchemaError(`${label}: ${error.message}.`, status)
      throw error
    }
  }

  /** One try: fetch and read the body within the timeout, racing both against aborts. */
  async function attempt<T>(spec: RequestSpec<T>, init: RequestInit, signal: AbortSignal): Promise<T> {
    const url = `${options.baseUrl}/sdk/v1${spec.path}`
    const label = `${spec.method} /sdk/v1${spec.path}`
    const fetchFn = getFetch()
    const controller = new AbortController()
    let timedOut = false
    let stop: () => void = () => {}
    // Settles the race even when an injected fetch ignores its signal.
    const stopped = new Promise<never>((_, reject) => (stop = () => reject(new Error('stopped'))))
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
      stop()
    }, options.timeoutMs)
    const onAbort = () => {
      controller.abort()
      stop()
    }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      let response: Response
      let text: string
      try {
        const exchange = (async () => {
          const res = await fetchFn(url, { ...init, signal: controller.signal })
          return [res, await res.text()] as const
        })()
        exchange.catch(() => {})
        ;[response, text] = await Promise.race([exchange, stopped])
      } catch (cause) {
        if (signal.aborted) throw abortError()
        if (timedOut) {
          throw new StytchTimeoutError(
            `${label} got no response within ${options.timeoutMs} ms.`,
            options.timeoutMs,
          )
        }
        throw new StytchNetworkError(`${label} could not reach the server.`, cause)
      }
      return interpret(label, spec, response, text)
    } finally {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
  }

  async function send<T>(spec: RequestSpec<T>, init: RequestInit, signal: AbortSignal): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt(spec, init, signal)
      } catch (error) {
        const delay = RETRY_DELAYS_MS[tries - 1]
        if (!spec.retry || delay === undefined || signal.aborted || !isRetryable(error)) throw error
        await sleep(delay, signal)
      }
    }
  }

  return {
    request(spec) {
      const authorization = `Basic ${base64(`${options.publicToken}:${spec.sessionToken ?? options.publicToken}`)}`
      const headers: Record<string, string> = { Authorization: authorization }
      const init: RequestInit = { method: spec.method, headers, credentials: 'include' }
      let bodyText = ''
      if (spec.method !== 'GET') {
        bodyText = JSON.stringify(spec.body ?? {})
        headers['Content-Type'] = 'application/json'
        init.body = bodyText
      }
      const key = `${spec.method} ${spec.path}\n${spec.sessionToken ?? ''}\n${bodyText}`
      return inflight.run(
        key,
        async (signal) => {
          const exchange = () => send(spec, init, signal)
          try {
            return await (spec.guard
              ? spec.guard(`${spec.path} ${bodyText}`, signal, exchange, spec.parse)
              : exchange())
          } catch (error) {
            if (!signal.aborted) options.onError?.(error, spec.sessionToken)
            throw error
          }
        },
        spec.signal,
      )
    },
  }
}
