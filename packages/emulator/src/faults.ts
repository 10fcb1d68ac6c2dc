import { defaultErrorFor, errorResponse, jsonResponse, JSON_HEADERS } from './errors'
import { newId } from './ids'

interface FaultBase {
  /** Exact request path to match, e.g. `/sdk/v1/otps/authenticate`; omitted matches any API path. */
  path?: string
  /** How many matching requests fail this way. Default 1. */
  count?: number
}

export type Fault = FaultBase &
  (
    | { kind: 'latency'; ms: number }
    | { kind: 'status'; status: number; error_type?: string; error_message?: string }
    | { kind: 'rate_limit'; retryAfter: number }
    | { kind: 'html'; status?: number }
    | { kind: 'truncated_json' }
    | { kind: 'wrong_shape' }
    | { kind: 'drop' }
    | { kind: 'offline'; ms?: number }
  )

export type FaultKind = Fault['kind']

export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'status',
  'rate_limit',
  'html',
  'truncated_json',
  'wrong_shape',
  'drop',
  'offline',
]

export class FaultError extends TypeError {
  constructor(message: string) {
    super(message)
    this.name = 'FaultError'
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonNegativeInteger(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new FaultError(`fault.${field} must be an integer from 0 to ${max}`)
  }
  return value
}

function httpStatus(value: unknown, field: string): number {
  const status = nonNegativeInteger(value, field, 599)
  if (status < 200) throw new FaultError(`fault.${field} must be an HTTP status from 200 to 599`)
  return status
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new FaultError(`fault.${field} must be a string`)
  return value
}

/** Checks a fault that came from a caller or over HTTP; returns a clean copy or throws {@link FaultError}. */
export function parseFault(value: unknown): Fault {
  if (!isRecord(value)) throw new FaultError('a fault must be an object with a kind')
  const path = optionalText(value.path, 'path')
  if (path !== undefined && !path.startsWith('/')) throw new FaultError('fault.path must start with "/"')
  const count = value.count === undefined ? 1 : nonNegativeInteger(value.count, 'count')
  if (count < 1) throw new FaultError('fault.count must be at least 1')
  const base = { ...(path === undefined ? {} : { path }), count }
  switch (value.kind) {
    case 'latency':
      return { ...base, kind: 'latency', ms: nonNegativeInteger(value.ms, 'ms', 600_000) }
    case 'status': {
      const errorType = optionalText(value.error_type, 'error_type')
      const errorMessage = optionalText(value.error_message, 'error_message')
      return {
        ...base,
        kind: 'status',
        status: httpStatus(value.status, 'status'),
        ...(errorType === undefined ? {} : { error_type: errorType }),
        ...(errorMessage === undefined ? {} : { error_message: errorMessage }),
      }
    }
    case 'rate_limit':
      return { ...base, kind: 'rate_limit', retryAfter: nonNegativeInteger(value.retryAfter, 'retryAfter') }
    case 'html':
      return {
        ...base,
        kind: 'html',
        ...(value.status === undefined ? {} : { status: httpStatus(value.status, 'status') }),
      }
    case 'truncated_json':
    case 'wrong_shape':
    case 'drop':
      return { ...base, kind: value.kind }
    case 'offline':
      return {
        ...base,
        kind: 'offline',
        ...(value.ms === undefined ? {} : { ms: nonNegativeInteger(value.ms, 'ms', 600_000) }),
      }
    default:
      throw new FaultError(`fault.kind must be one of: ${FAULT_KINDS.join(', ')}`)
  }
}

/** Faults waiting for matching requests, first added first used. */
export class FaultQueue {
  #faults: { fault: Fault; remaining: number }[] = []

  add(fault: Fault): void {
    const parsed = parseFault(fault)
    this.#faults.push({ fault: parsed, remaining: parsed.count ?? 1 })
  }

  /** Takes one use of the first fault matching `path`, if any. */
  take(path: string): Fault | undefined {
    const entry = this.#faults.find(({ fault }) => fault.path === undefined || fault.path === path)
    if (!entry) return undefined
    entry.remaining -= 1
    if (entry.remaining <= 0) this.#faults = this.#faults.filter((other) => other !== entry)
    return entry.fault
  }

  /** What is still armed, with the uses left. */
  list(): (Fault & { remaining: number })[] {
    return this.#faults.map(({ fault, remaining }) => ({ ...fault, remaining }))
  }

  clear(): void {
    this.#faults = []
  }
}

/** The response a fault stands in for. `latency`, `drop` and `offline` are handled by the caller. */
export function faultResponse(
  fault: Exclude<Fault, { kind: 'latency' | 'drop' | 'offline' }>,
  path: string,
): Response {
  const sdk = path.startsWith('/sdk/')
  switch (fault.kind) {
    case 'status': {
      const defaults = defaultErrorFor(fault.status)
      return errorResponse(
        fault.status,
        fault.error_type ?? defaults.error_type,
        fault.error_message ?? defaults.error_message,
      )
    }
    case 'rate_limit':
      return errorResponse(429, 'too_many_requests', 'Too many requests have been made.', {
        'retry-after': String(fault.retryAfter),
      })
    case 'html': {
      const status = fault.status ?? 502
      const page = `<!doctype html><html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>An upstream proxy failed (emulated).</p></body></html>`
      return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8' } })
    }
    case 'truncated_json': {
      const full = JSON.stringify(
        sdk
          ? { data: { request_id: newId('request-id'), status_code: 200, method_id: newId('phone-number') } }
          : { request_id: newId('request-id'), status_code: 200, user_id: newId('user') },
      )
      return new Response(full.slice(0, Math.floor(full.length / 2)), {
        status: 200,
        headers: { ...JSON_HEADERS },
      })
    }
    case 'wrong_shape': {
      // Valid JSON with the envelope but none of the endpoint's fields.
      const body = { request_id: newId('request-id'), status_code: 200, unexpected: true }
      return jsonResponse(200, sdk ? { data: body } : body)
    }
  }
}
