import { errorResponse } from './errors'
import type { ResolvedOptions } from './options'

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/

type CorsConfig = Pick<ResolvedOptions, 'appOrigins' | 'appOrigin'>

export function isAllowedOrigin(origin: string, config: CorsConfig): boolean {
  if (origin === config.appOrigin) return true
  return config.appOrigins ? config.appOrigins.includes(origin) : LOOPBACK_ORIGIN.test(origin)
}

/** Headers for an allowed cross-origin request; empty when there is no Origin or it is refused. */
export function corsHeaders(request: Request, config: CorsConfig): Record<string, string> {
  const origin = request.headers.get('origin')
  if (origin === null || !isAllowedOrigin(origin, config)) return {}
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'Retry-After',
    vary: 'Origin',
  }
}

/** Answers a preflight: 204 with the grants for an allowed origin, 403 without CORS headers otherwise. */
export function preflightResponse(request: Request, config: CorsConfig): Response {
  const origin = request.headers.get('origin')
  if (origin === null)
    return new Response(null, { status: 204, headers: { allow: 'GET, POST, DELETE, OPTIONS' } })
  if (!isAllowedOrigin(origin, config)) {
    return errorResponse(
      403,
      'cors_origin_not_allowed',
      `Origin ${origin} is not allowed by the emulator's CORS.`,
    )
  }
  const requested = request.headers.get('access-control-request-headers')
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(request, config),
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': requested ?? 'Authorization, Content-Type',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers',
    },
  })
}
