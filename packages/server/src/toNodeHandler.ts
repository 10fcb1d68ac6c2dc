// The relay as a Node request listener, for node:http, Express, Fastify (via its raw request) and Vite.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Relay } from './createRelay'

const MAX_BODY_BYTES = 64 * 1024

type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string }

async function readBody(req: NodeRequest): Promise<Uint8Array<ArrayBuffer> | undefined> {
  // A body parser (express.json()) that already ran left the body on req.body and the stream empty.
  if (req.readableEnded && req.body !== undefined) {
    return new TextEncoder().encode(typeof req.body === 'string' ? req.body : JSON.stringify(req.body))
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Uint8Array>) {
    size += chunk.length
    // Stop buffering past the limit; the relay answers 413 for the oversized body it sees.
    if (size <= MAX_BODY_BYTES + 1) chunks.push(chunk)
  }
  if (size === 0) return undefined
  const body = new Uint8Array(Math.min(size, MAX_BODY_BYTES + 1))
  let offset = 0
  for (const chunk of chunks) {
    const part = chunk.subarray(0, body.length - offset)
    body.set(part, offset)
    offset += part.length
  }
  return body
}

function origin(req: IncomingMessage): string {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  return `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`
}

/**
 * `(req, res, next?)`. Requests outside the relay's `basePath` go to `next` when there is one (Express,
 * Connect, Vite middleware) and get the relay's 404 otherwise. The client IP is the socket's address; behind
 * a proxy, call `relay.fetch` with the forwarded address instead.
 */
export function toNodeHandler(
  relay: Relay,
): (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void {
  return (req, res, next) => {
    const target = (req as NodeRequest).originalUrl ?? req.url ?? '/'
    const path = target.split('?')[0] ?? '/'
    const inside = relay.basePath === '' || path === relay.basePath || path.startsWith(`${relay.basePath}/`)
    if (!inside && next) return next()
    void (async () => {
      const method = req.method ?? 'GET'
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
      }
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req as NodeRequest)
      // The target is appended to the origin, so that `//x/y` stays a path instead of naming host `x`.
      const url = new URL(target.startsWith('/') ? `${origin(req)}${target}` : `${origin(req)}/`)
      const request = new Request(url, { method, headers, ...(body ? { body } : {}) })
      const response = await relay.fetch(request, { ip: req.socket.remoteAddress ?? '' })
      res.statusCode = response.status
      response.headers.forEach((value, name) => res.setHeader(name, value))
      res.end(new Uint8Array(await response.arrayBuffer()))
    })().catch((error: unknown) => {
      if (next) return next(error)
      if (!res.headersSent) res.statusCode = 500
      res.end()
    })
  }
}
