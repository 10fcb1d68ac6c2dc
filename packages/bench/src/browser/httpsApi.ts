// The vendor's client keeps only the host name of a custom base URL and always speaks HTTPS on the
// default port, so the emulator is put behind HTTPS on 127.0.0.1:443 (a self-signed certificate the
// bench's browser is told to accept) and both pages use that address, the same API for both.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface HttpsApi {
  url: string
  close(): Promise<void>
}

/** Forwards every request to the emulator's HTTP server at `target`, answering on https://127.0.0.1. */
export async function startHttpsApi(target: string): Promise<HttpsApi> {
  const dir = mkdtempSync(join(tmpdir(), 'otpkit-bench-tls-'))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore', timeout: 30_000 },
  )
  const key = readFileSync(join(dir, 'key.pem'))
  const cert = readFileSync(join(dir, 'cert.pem'))
  rmSync(dir, { recursive: true, force: true })
  const upstream = new URL(target)
  const server = createServer({ key, cert }, (incoming, outgoing) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    forward.on('error', () => outgoing.writeHead(502).end())
    incoming.pipe(forward)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(443, '127.0.0.1', resolve)
  })
  return { url: 'https://127.0.0.1', close: () => new Promise((resolve) => server.close(() => resolve())) }
}
