// Development routes under /__emulator: the message inbox (JSON and a page a person keeps open),
// fault controls and a reset.
import { randomBytes } from 'node:crypto'
import { readJson } from './body'
import { isAllowedOrigin } from './cors'
import { inboxPage, inboxUpdate, PAGE_MESSAGES } from './inboxPage'
import { ApiFailure, errorResponse, jsonResponse } from './errors'
import { FaultError, parseFault, type Fault } from './faults'
import type { EmulatorState } from './state'

export const INBOX_PREFIX = '/__emulator'

export function isInboxPath(path: string): boolean {
  return path === INBOX_PREFIX || path.startsWith(`${INBOX_PREFIX}/`)
}

function readFaults(value: unknown): Fault[] {
  const list = Array.isArray(value) ? value : [value]
  try {
    return list.map(parseFault)
  } catch (error) {
    if (error instanceof FaultError) throw new ApiFailure(400, 'bad_request', error.message)
    throw error
  }
}

/**
 * A request that changes state must come from the developer: JSON (a cross-site page can send
 * `text/plain` without asking, but not `application/json`) and no Origin or an allowed one.
 */
function checkControl(request: Request, state: EmulatorState): void {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (mediaType !== 'application/json') {
    throw new ApiFailure(
      415,
      'unsupported_media_type',
      'Emulator controls take content-type: application/json.',
    )
  }
  const origin = request.headers.get('origin')
  if (origin !== null && !isAllowedOrigin(origin, state.options)) {
    throw new ApiFailure(403, 'origin_not_allowed', `Origin ${origin} may not change the emulator.`)
  }
}

/** Handles a request under /__emulator. Faults never apply here. */
export async function handleInbox(request: Request, state: EmulatorState): Promise<Response> {
  const url = new URL(request.url)
  const path = url.pathname.replace(/\/+$/, '') || '/'
  const method = request.method
  try {
    if (method !== 'GET' && method !== 'HEAD') checkControl(request, state)
    if (path === INBOX_PREFIX && (method === 'GET' || method === 'HEAD')) {
      const after = url.searchParams.get('after')
      if (after !== null) {
        const from = /^\d{1,15}$/.test(after) ? Number(after) : 0
        return new Response(inboxUpdate(state.messages.newest(PAGE_MESSAGES, from), state.messages.oldest), {
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        })
      }
      const nonce = randomBytes(16).toString('base64')
      const page = inboxPage(state.messages.newest(PAGE_MESSAGES), state.messages.size, nonce)
      return new Response(page, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'`,
        },
      })
    }
    if (path === `${INBOX_PREFIX}/messages`) {
      if (method === 'GET') {
        const to = url.searchParams.get('to')
        const messages = state.messages.list().filter((m) => to === null || m.to === to)
        return jsonResponse(200, messages)
      }
      if (method === 'DELETE') {
        state.messages.clear()
        return new Response(null, { status: 204 })
      }
    }
    if (path === `${INBOX_PREFIX}/faults`) {
      if (method === 'GET') return jsonResponse(200, state.faults.list())
      if (method === 'POST') {
        const faults = readFaults(await readJson(request))
        for (const fault of faults) state.faults.add(fault)
        return jsonResponse(201, state.faults.list())
      }
      if (method === 'DELETE') {
        state.faults.clear()
        return new Response(null, { status: 204 })
      }
    }
    if (path === `${INBOX_PREFIX}/reset` && method === 'POST') {
      resetState(state)
      return new Response(null, { status: 204 })
    }
  } catch (error) {
    if (error instanceof ApiFailure)
      return errorResponse(error.status, error.errorType, error.message, error.headers)
    throw error
  }
  return errorResponse(404, 'route_not_found', `No emulator route ${method} ${path}.`)
}

export function resetState(state: EmulatorState): void {
  state.users.clear()
  state.codes.clear()
  state.sessions.clear()
  state.limiter.clear()
  state.locks.clear()
  state.messages.clear()
  state.faults.clear()
}
