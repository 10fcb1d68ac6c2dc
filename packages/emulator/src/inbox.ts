// Development routes under /__emulator: the message inbox (JSON and a page a person keeps open),
// fault controls and a reset.
import { readJson } from './body'
import { ApiFailure, errorResponse, jsonResponse } from './errors'
import { FaultError, parseFault, type Fault } from './faults'
import { formatPhoneNumber } from './phone'
import { CHANNELS } from './channels'
import type { SentMessage } from './options'
import type { EmulatorState } from './state'

export const INBOX_PREFIX = '/__emulator'

export function isInboxPath(path: string): boolean {
  return path === INBOX_PREFIX || path.startsWith(`${INBOX_PREFIX}/`)
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

const REFRESH_SECONDS = 2

/** The inbox page; every piece of message text is escaped. */
export function inboxPage(messages: SentMessage[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) => `<li>
  <p class="meta"><time datetime="${escapeHtml(m.created_at)}">${escapeHtml(m.created_at)}</time> · ${escapeHtml(CHANNELS[m.channel].label)} to ${escapeHtml(formatPhoneNumber(m.to))}</p>
  <p class="code" aria-label="Code">${escapeHtml(m.code)}</p>
  <pre>${escapeHtml(m.body)}</pre>
</li>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>otpkit emulator · inbox</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #1a1a1a; }
  ul { list-style: none; padding: 0; }
  li { border: 1px solid #ccc; border-radius: 8px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
  .meta { color: #555; font-size: 0.875rem; margin: 0; }
  .code { font: 700 1.75rem/1.2 ui-monospace, monospace; letter-spacing: 0.15em; margin: 0.25rem 0; }
  pre { white-space: pre-wrap; margin: 0; font: inherit; }
  .note { color: #555; font-size: 0.875rem; }
</style>
</head>
<body>
<h1>Inbox</h1>
<p class="note">otpkit emulator, for development only. Newest first; this page refreshes every ${REFRESH_SECONDS} seconds.</p>
${messages.length === 0 ? '<p>No messages yet.</p>' : `<ul>\n${items}\n</ul>`}
</body>
</html>
`
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

/** Handles a request under /__emulator. Faults never apply here. */
export async function handleInbox(request: Request, state: EmulatorState): Promise<Response> {
  const url = new URL(request.url)
  const path = url.pathname.replace(/\/+$/, '') || '/'
  const method = request.method
  try {
    if (path === INBOX_PREFIX && (method === 'GET' || method === 'HEAD')) {
      return new Response(inboxPage(state.messages.list()), {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
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
