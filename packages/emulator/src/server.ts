import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Buffer } from 'node:buffer'
import { createEmulator, DROPPED, HANDLE, type Emulator } from './emulator'
import { errorResponse } from './errors'
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

async function toWebRequest(
  req: IncomingMessage,
  origin: string,
  signal: AbortSignal,
): Promise<Request | 'too_large' | 'bad_target'> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const url = targetUrl(req.url, origin)
  if (!url) return 'bad_target'
  const method = req.method ?? 'GET'
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
  if (body === 'too_large') return body
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
  res.writeHead(response.status, headers)
  res.end(head ? undefined : body)
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 8787, host = '127.0.0.1', log: logOption, ...emulatorOptions } = options
  const log = logOption === false ? () => {} : (logOption ?? ((line: string) => console.log(line)))
  const onMessage = emulatorOptions.onMessage
  const emulator = createEmulator({
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
      const request = await toWebRequest(req, url, controller.signal)
      if (request === 'too_large') {
        return sendWebResponse(
          res,
          errorResponse(413, 'request_too_large', 'The request body is too large.'),
          false,
        )
      }
      if (request === 'bad_target') {
        return sendWebResponse(
          res,
          errorResponse(400, 'bad_request', 'The request target is not a URL.'),
          false,
        )
      }
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  url = `http://${displayHost}:${actualPort}`

  const { publicToken, projectId, secret, countries } = emulator.config
  for (const line of [
    'otpkit emulator: a development stand-in for the phone OTP API. Never use it in production.',
    `  URL           ${url}`,
    `  Public token  ${publicToken}`,
    `  Project id    ${projectId}`,
    `  Secret        ${secret}`,
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
