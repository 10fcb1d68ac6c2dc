import { newId } from './ids'

/** The documented top-level error body. Errors are never wrapped in `{data}`. */
export interface ErrorBody {
  status_code: number
  request_id: string
  error_type: string
  error_message: string
  error_url: string
}

/** Thrown inside handlers; the router turns it into an error response. */
export class ApiFailure extends Error {
  readonly status: number
  readonly errorType: string
  readonly headers: Record<string, string>

  constructor(status: number, errorType: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiFailure'
    this.status = status
    this.errorType = errorType
    this.headers = headers
  }
}

export function errorBody(status: number, errorType: string, message: string): ErrorBody {
  return {
    status_code: status,
    request_id: newId('request-id'),
    error_type: errorType,
    error_message: message,
    error_url: `https://stytch.com/docs/api/errors/${status}`,
  }
}

export const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
} as const

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } })
}

export function errorResponse(
  status: number,
  errorType: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, errorBody(status, errorType, message), headers)
}

/** Default error type and message for a bare status, used by `status` faults. */
export function defaultErrorFor(status: number): { error_type: string; error_message: string } {
  switch (status) {
    case 400:
      return { error_type: 'bad_request', error_message: 'The request was malformed.' }
    case 401:
      return { error_type: 'unauthorized_credentials', error_message: 'Unauthorized credentials.' }
    case 403:
      return { error_type: 'forbidden', error_message: 'This request is not allowed.' }
    case 404:
      return { error_type: 'not_found', error_message: 'The resource was not found.' }
    case 429:
      return { error_type: 'too_many_requests', error_message: 'Too many requests have been made.' }
    case 503:
      return { error_type: 'service_unavailable', error_message: 'The service is temporarily unavailable.' }
    default:
      return status >= 500
        ? {
            error_type: 'internal_server_error',
            error_message: 'Oops, something seems to have gone wrong (emulated fault).',
          }
        : { error_type: 'bad_request', error_message: `Emulated ${status} response.` }
  }
}
