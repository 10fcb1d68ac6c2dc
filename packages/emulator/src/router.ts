import { CHANNEL_NAMES, type Channel } from './channels'
import { ApiFailure, errorResponse } from './errors'
import type { RouteContext, RouteHandler } from './state'

/** Path (exact, or with `:name` segments) → method → handler. Each routes/ file exports one. */
export type RouteTable = Record<string, Record<string, RouteHandler>>

/** The same routes for every channel, e.g. `/v1/otps/sms/send` and `/v1/otps/whatsapp/send`. */
export function perChannel(routes: (channel: Channel) => RouteTable): RouteTable {
  return Object.assign({}, ...CHANNEL_NAMES.map(routes)) as RouteTable
}

/** A path segment decoded; malformed percent-encoding (`%E0%A4%A`) stays as sent and matches nothing. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Exact paths first; then patterns whose `:name` segments capture one path segment each. */
function matchRoute(
  routes: RouteTable,
  path: string,
): { methods: Record<string, RouteHandler>; params: Record<string, string> } | undefined {
  const exact = routes[path]
  if (exact) return { methods: exact, params: {} }
  const segments = path.split('/')
  for (const [pattern, methods] of Object.entries(routes)) {
    const parts = pattern.split('/')
    if (parts.length !== segments.length || !pattern.includes('/:')) continue
    const params: Record<string, string> = {}
    const fits = parts.every((part, index) => {
      const segment = segments[index] ?? ''
      if (!part.startsWith(':')) return part === segment
      params[part.slice(1)] = decodeSegment(segment)
      return segment !== ''
    })
    if (fits) return { methods, params }
  }
  return undefined
}

/** Dispatches by exact path and method; every failure becomes the documented error body. */
export function createRouter(
  ...tables: RouteTable[]
): (request: Request, context: RouteContext) => Promise<Response> {
  const routes: RouteTable = Object.assign({}, ...tables)
  return async (request, context) => {
    const path = new URL(request.url).pathname.replace(/\/+$/, '')
    const match = matchRoute(routes, path)
    if (!match) return errorResponse(404, 'route_not_found', `No endpoint ${path} in the emulator.`)
    const handler = match.methods[request.method]
    if (!handler) {
      const allow = Object.keys(match.methods).join(', ')
      return errorResponse(405, 'method_not_allowed', `${path} accepts ${allow}.`, { allow })
    }
    try {
      return await handler(request, { ...context, params: match.params })
    } catch (error) {
      if (error instanceof ApiFailure)
        return errorResponse(error.status, error.errorType, error.message, error.headers)
      const detail = error instanceof Error ? error.message : String(error)
      return errorResponse(500, 'internal_server_error', `The emulator failed: ${detail}`)
    }
  }
}
