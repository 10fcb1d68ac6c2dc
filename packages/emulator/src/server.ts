import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { isIP, type AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { Buffer } from 'node:buffer'
import { createEmulator, DROPPED, HANDLE, type Emulator } from './emulator'
import { errorBody, errorResponse } from './errors'
import { CHANNELS } from './channels'
import type { EmulatorOptions, SentMessage } from './options'
import { isLoopbackHost } from './loopback'
import { formatPhoneNumber } from './phone'

export type { Emulator } from './emulator'
export { assertLoopback, isLoopbackHost } from './loopback'
export type { EmulatorOptions, SentMessage } from './options'

export interface EmulatorServerOptions extends EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number
  /** Interface to bind. Default 127.0.0.1. Passing a host here counts as explicit (see `assertLoopback`). */
  host?: string
  /** Where the banner and one line per message go. Default `console.log`; `false` for silence. */
  log?: ((line: string) => void) | false
}

export interface EmulatorServer {
  /** Base URL to give a client, e.g. `http://127.0.0.1:8787`. */
  url: string
  port: number
  emulator: Emulator
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024

/** The terminal line for a message, e.g. `WhatsApp to +1 202 555 0162: 418902 is your …`. */
export function formatMessageLine(message: SentMessage): string {
  const text = message.body.replace(/\s*\n+\s*/g, ' ')
  return `${CHANNELS[message.channel].label} to ${formatPhoneNumber(message.to)}: ${text}`
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too_large' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * The URL of a request target. Origin-form targets (`/path`) are appended to the origin, so `//x/y` stays
 * a path instead of naming host `x`; absolute-form targets (`http://host/path`) are parsed as they are.
 */
function targetUrl(target: string | undefined, origin: string): URL | null {
  const raw = target ?? '/'
  try {
    return new URL(raw.startsWith('/') ? `${origin}${raw}` : raw)
  } catch {
    return null
  }
}

/** Methods a web Request can carry; TRACE, CONNECT and unknown ones cannot, and get a 405. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Names this server answers to: loopback names, the host it was bound to, and (bound to every
 * interface) IP literals. A DNS-rebinding page reaches the port under its own domain name, which is
 * none of these, so it cannot read the inbox.
 */
function hostAllowed(hostHeader: string | undefined, boundHost: string): boolean {
  if (!hostHeader) return false
  let hostname: string
  try {
    hostname = new URL(`http://${hostHeader}`).hostname.replace(/^\[(.*)\]$/, '$1')
  } catch {
    return false
  }
  const bound = boundHost.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (isLoopbackHost(hostname) || hostname.toLowerCase() === bound) return true
  return (bound === '0.0.0.0' || bound === '::') && isIP(hostname) !== 0
}

async function toWebRequest(
  req: IncomingMessage,
  origin: string,
  boundHost: string,
  signal: AbortSignal,
): Promise<Request | Response> {
  const method = req.method ?? 'GET'
  if (!METHODS.has(method)) {
    return errorResponse(405, 'method_not_allowed', `The emulator does not answer ${method}.`, {
      allow: [...METHODS].join(', '),
    })
  }
  const url = targetUrl(req.url, origin)
  if (!url) return errorResponse(400, 'bad_request', 'The request target is not a URL.')
  if (url.username || url.password) {
    return errorResponse(400, 'bad_request', 'The request target must not carry credentials.')
  }
  // An absolute-form target names its host itself; it must be one this server answers to as well.
  const targetHost = req.url?.startsWith('/') ? undefined : url.host
  if (!hostAllowed(req.headers.host, boundHost) || (targetHost && !hostAllowed(targetHost, boundHost))) {
    return errorResponse(
      403,
      'host_not_allowed',
      'The emulator answers only to loopback host names and the host it was started with.',
    )
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
  if (body === 'too_large') return errorResponse(413, 'request_too_large', 'The request body is too large.')
  return new Request(url, {
    method,
    headers,
    signal,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  })
}

async function sendWebResponse(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const body = Buffer.from(await response.arrayBuffer())
  headers['content-length'] = String(body.length)
  res.writeHead(response.status, headers)
  res.end(head ? undefined : body)
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 8787, host = '127.0.0.1', log: logOption, ...emulatorOptions } = options
  const log = logOption === false ? () => {} : (logOption ?? ((line: string) => console.log(line)))
  const onMessage = emulatorOptions.onMessage
  const emulator = createEmulator({
    // One emulator per server: it can afford a key pair of its own.
    jwtKeyPair: 'own',
    ...emulatorOptions,
    onMessage: (message) => {
      log(formatMessageLine(message))
      onMessage?.(message)
    },
  })
  const handle = emulator[HANDLE]
  const displayHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  let url = ''

  const server = createServer((req, res) => {
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    void (async () => {
      const request = await toWebRequest(req, url, host, controller.signal)
      if (request instanceof Response) return sendWebResponse(res, request, req.method === 'HEAD')
      const result = await handle(request, controller.signal)
      if (result === DROPPED) {
        req.socket.destroy()
        return
      }
      await sendWebResponse(res, result, request.method === 'HEAD')
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return
      if (!res.headersSent) {
        void sendWebResponse(
          res,
          errorResponse(500, 'internal_server_error', `The emulator failed: ${String(error)}`),
          false,
        )
      } else {
        res.destroy()
      }
    })
  })

  // Node hands CONNECT to this event instead of the request handler, and without a listener it drops
  // the connection unanswered.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    const body = JSON.stringify(
      errorBody(405, 'method_not_allowed', 'The emulator is not a proxy; it does not answer CONNECT.'),
    )
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${[...METHODS].join(', ')}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    )
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  url = `http://${displayHost}:${actualPort}`

  const { publicToken, projectId, secret, moonkeyApiKey, moonkeyPublicKey, countries } = emulator.config
  for (const line of [
    'otpkit emulator: a development stand-in for the phone OTP API. Never use it in production.',
    `  URL           ${url}`,
    `  Public token  ${publicToken}`,
    `  Project id    ${projectId}`,
    `  Secret        ${secret}`,
    `  MoonKey key   ${moonkeyApiKey}`,
    `  MoonKey pk    ${moonkeyPublicKey}`,
    `  Countries     ${countries.join(', ')}`,
    `  Inbox         ${url}/__emulator/`,
  ]) {
    log(line)
  }
  if (!isLoopbackHost(host)) log(`  Warning: listening on ${host}, reachable from other machines.`)

  return {
    url,
    port: actualPort,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
