// The public-token API's error body, and the relay's own failures in it. Errors are never wrapped in `{data}`.

/** Error types the relay adds to the public-token API's own; each has one status. */
export const RELAY_ERRORS = {
  /** The provider could not be reached, timed out, or failed on its side (5xx). Retrying later may work. */
  provider_unavailable: 503,
  /** The provider answered something that is not its documented shape. */
  provider_bad_response: 502,
  /** The provider refused the relay's own credentials: the server is misconfigured, not the browser. */
  provider_unauthorized: 502,
  /** The provider answered an error the relay does not know. */
  provider_error: 502,
  /** This provider has no such call (MoonKey: adding a phone to a signed-in user; WhatsApp). */
  unsupported_by_provider: 501,
  /** A browser on another origin, not in `allowedOrigins`. */
  cors_origin_not_allowed: 403,
  route_not_found: 404,
  method_not_allowed: 405,
  request_too_large: 413,
} as const

/** A failure with the public-token API's shape. Thrown inside the relay; {@link errorResponse} sends it. */
export class RelayFailure extends Error {
  readonly status: number
  readonly errorType: string
  readonly headers: Record<string, string>

  constructor(status: number, errorType: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'RelayFailure'
    this.status = status
    this.errorType = errorType
    this.headers = headers
  }
}

export function relayFailure(errorType: keyof typeof RELAY_ERRORS, message: string): RelayFailure {
  return new RelayFailure(RELAY_ERRORS[errorType], errorType, message)
}

export const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
} as const

export function requestId(): string {
  return `request-id-relay-${crypto.randomUUID()}`
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } })
}

export function errorResponse(failure: RelayFailure): Response {
  return jsonResponse(
    failure.status,
    {
      status_code: failure.status,
      request_id: requestId(),
      error_type: failure.errorType,
      error_message: failure.message,
      error_url: `https://stytch.com/docs/api/errors/${failure.status}`,
    },
    failure.headers,
  )
}
