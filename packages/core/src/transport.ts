// The only module that talks to the network: one call in, its checked `data` or one typed error out.
// It builds the request, enforces the timeout, retries idempotent calls, unwraps the `{data}`
// envelope and checks the essential fields. Nothing else: dedupe and cross-tab sharing wrap it in
// otps.ts, and the callers that own a session change write the session store. Tokens go only in the
// auth header.
import {
  abortError,
  fail,
  isStytchNetworkError,
  StytchAPIError,
  StytchNetworkError,
  StytchSchemaError,
  StytchTimeoutError,
} from './errors'
import type { Shape } from './schema'
import { check, isObject } from './schema'
import { sleep } from './sleep'

export interface TransportOptions {
  publicToken: string
  /** Origin (and optional path prefix) without a trailing slash. */
  baseUrl: string
  fetch?: typeof fetch
  timeoutMs: number
}

export interface RequestSpec {
  /** Path after `/sdk/v1`, e.g. `/otps/authenticate`. */
  path: string
  /** The JSON body; a call without one is a GET. */
  body?: object
  /** The Basic auth password when set; the public token otherwise. */
  sessionToken: string | null
  /** The essential fields of `data` (see shapes.ts). */
  shape: Shape
  signal?: AbortSignal
  /** Only for idempotent calls: retry network failures and 5xx. */
  retry?: boolean
}

/** Sends one call and resolves with its checked `data`, typed by the caller to match `spec.shape`. */
export type Transport = <T>(spec: RequestSpec) => Promise<T>

/** Retries wait 300 ms, then 900 ms: at most 3 tries, predictable (and testable with fake timers). */
const FIRST_RETRY_DELAY_MS = 300

/** `Retry-After` is either delay-seconds or an HTTP date; both become whole seconds from now. */
function parseRetryAfter(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

/** What transport reads of a Response; an injected fetch may resolve with anything at all. */
function isResponse(value: unknown): value is Response {
  const response = value as Partial<Response> | null | undefined
  return (
    typeof response?.status === 'number' &&
    typeof response.text === 'function' &&
    typeof response.headers?.get === 'function'
  )
}

/** Reads the whole body; anything that is not a Response is a failed exchange, not a crash. */
async function readResponse(value: unknown): Promise<readonly [Response, string]> {
  if (!isResponse(value)) throw new TypeError('fetch resolved with something that is not a Response')
  return [value, await value.text()]
}

/** Turns a complete response into its checked data, or the typed error it stands for. */
function interpret<T>(label: string, shape: Shape, response: Response, text: string): T {
  const status = response.status
  const retryAfter = parseRetryAfter(String(response.headers.get('Retry-After') ?? '').trim())
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: an HTML page from a proxy, a plain-text 429, a truncated body.
  }
  if (status >= 200 && status < 300) {
    try {
      return check(isObject(body) ? body.data : undefined, shape)
    } catch (error) {
      throw new StytchSchemaError(`${label}: ${(error as Error).message}.`, status)
    }
  }
  if (!isObject(body) || typeof body.error_type !== 'string' || !body.error_type) {
    throw new StytchSchemaError(`${label}: HTTP ${status} without a Stytch error body.`, status, retryAfter)
  }
  // Each field is taken when it has the documented type; otherwise the HTTP status, or ''.
  const fields = body
  const textField = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : '')
  throw new StytchAPIError({
    status_code: typeof fields.status_code === 'number' ? fields.status_code : status,
    error_type: fields.error_type as string,
    error_message: textField('error_message'),
    error_url: textField('error_url'),
    request_id: textField('request_id'),
    retryAfter,
  })
}

export function createTransport(options: TransportOptions): Transport {
  const { publicToken, timeoutMs } = options

  /** One try: fetch and read the body within the timeout, racing both against aborts. */
  async function attempt<T>(spec: RequestSpec, init: RequestInit, signal: AbortSignal): Promise<T> {
    const url = `${options.baseUrl}/sdk/v1${spec.path}`
    const label = `${init.method} /sdk/v1${spec.path}`
    const fetchFn = options.fetch ?? globalThis.fetch
    if (typeof fetchFn !== 'function') fail('invalid_option', 'No fetch here; pass options.fetch.')
    if (signal.aborted) throw abortError()
    const controller = new AbortController()
    const abort = () => controller.abort()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      abort()
    }, timeoutMs)
    signal.addEventListener('abort', abort)
    let exchange: readonly [Response, string]
    try {
      exchange = await Promise.race([
        // An async function, so a fetch that throws synchronously fails like one that rejects.
        (async () => readResponse(await fetchFn(url, { ...init, signal: controller.signal })))(),
        // Settles the race even when an injected fetch ignores its signal.
        new Promise<never>((_, reject) => controller.signal.addEventListener('abort', reject)),
      ])
    } catch (cause) {
      if (signal.aborted) throw abortError()
      if (timedOut) throw new StytchTimeoutError(`${label}: no response within ${timeoutMs} ms.`, timeoutMs)
      throw new StytchNetworkError(`${label}: could not reach the server.`, cause)
    } finally {
      clearTimeout(timer)
      signal.removeEventListener('abort', abort)
    }
    return interpret(label, spec.shape, ...exchange)
  }

  /** Tries once, or up to 3 times for idempotent calls that failed on the network or with a 5xx. */
  async function exchange<T>(spec: RequestSpec, init: RequestInit, signal: AbortSignal): Promise<T> {
    for (let delay = FIRST_RETRY_DELAY_MS; ; delay *= 3) {
      try {
        return await attempt<T>(spec, init, signal)
      } catch (error) {
        const retryable =
          isStytchNetworkError(error) || ((error as { status_code?: number }).status_code ?? 0) >= 500
        if (!spec.retry || delay > 3 * FIRST_RETRY_DELAY_MS || !retryable) throw error
        await sleep(delay, signal)
      }
    }
  }

  return <T>(spec: RequestSpec) => {
    if (spec.signal?.aborted) return Promise.reject(abortError())
    // Basic auth of UTF-8 bytes: btoa alone accepts only Latin-1.
    const credentials = String.fromCharCode(
      ...new TextEncoder().encode(`${publicToken}:${spec.sessionToken ?? publicToken}`),
    )
    const headers: Record<string, string> = { Authorization: `Basic ${btoa(credentials)}` }
    const init: RequestInit = { method: 'GET', headers, credentials: 'include' }
    if (spec.body) {
      init.method = 'POST'
      init.body = JSON.stringify(spec.body)
      headers['Content-Type'] = 'application/json'
    }
    return exchange<T>(spec, init, spec.signal ?? new AbortController().signal)
  }
}
