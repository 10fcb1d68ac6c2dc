// What a hostile page or a broken client can do to an emulator left running on loopback.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { BASE, expectErrorShape, PHONE, sendCode } from './helpers'

let server: EmulatorServer
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, log: false })
})
afterAll(async () => {
  await server.close()
})

/** Sends raw bytes and returns the status line and the body of the answer. */
function raw(port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request))
    let text = ''
    socket.on('data', (chunk) => {
      text += String(chunk)
    })
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
    socket.on('error', reject)
  })
}

const close = 'Connection: close\r\n'

describe('cross-site control', () => {
  it('a text/plain POST (a simple request any page may send) neither arms a fault nor wipes the inbox', async () => {
    const emulator = createEmulator()
    await sendCode(emulator)
    for (const [path, body] of [
      ['/__emulator/faults', '{"kind":"status","status":500}'],
      ['/__emulator/reset', ''],
    ] as const) {
      const response = await emulator.fetch(`${BASE}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
        body,
      })
      expect(response.status).toBe(415)
      expectErrorShape((await response.json()) as Record<string, unknown>, 415, 'unsupported_media_type')
    }
    expect(emulator.faults.list()).toEqual([])
    expect(emulator.messages()).toHaveLength(1)
  })

  it('JSON from an origin that is not allowed is refused; no Origin or an allowed one is obeyed', async () => {
    const emulator = createEmulator()
    await sendCode(emulator)
    const wipe = (origin?: string) =>
      emulator.fetch(`${BASE}/__emulator/messages`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      })
    const refused = await wipe('https://evil.example')
    expect(refused.status).toBe(403)
    expectErrorShape((await refused.json()) as Record<string, unknown>, 403, 'origin_not_allowed')
    expect(emulator.messages()).toHaveLength(1)
    expect((await wipe('http://localhost:5173')).status).toBe(204)
    await sendCode(emulator)
    expect((await wipe()).status).toBe(204)
    expect(emulator.messages()).toEqual([])
  })

  it('a DELETE without a JSON content type is refused too', async () => {
    const emulator = createEmulator()
    await sendCode(emulator)
    const response = await emulator.fetch(`${BASE}/__emulator/messages`, { method: 'DELETE' })
    expect(response.status).toBe(415)
    expect(emulator.messages()).toHaveLength(1)
  })
})

describe('DNS rebinding', () => {
  it('a request whose Host is another name is refused, so a rebound page cannot read the codes', async () => {
    await sendCode(server.emulator, PHONE)
    const rebound = await raw(
      server.port,
      `GET /__emulator/messages HTTP/1.1\r\nHost: evil.example:${server.port}\r\n${close}\r\n`,
    )
    expect(rebound.status).toBe(403)
    expectErrorShape(JSON.parse(rebound.body) as Record<string, unknown>, 403, 'host_not_allowed')
    expect(rebound.body).not.toContain(PHONE)
    const noHost = await raw(server.port, `GET /__emulator/messages HTTP/1.1\r\nHost:\r\n${close}\r\n`)
    expect(noHost.status).toBe(403)
  })

  it('an absolute-form target naming another host is refused as well', async () => {
    const response = await raw(
      server.port,
      `GET http://evil.example/__emulator/messages HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${close}\r\n`,
    )
    expect(response.status).toBe(403)
  })

  it.each(['127.0.0.1', 'localhost', '[::1]', '127.0.0.2'])('Host %s is served', async (host) => {
    const response = await raw(
      server.port,
      `GET /__emulator/messages HTTP/1.1\r\nHost: ${host}:${server.port}\r\n${close}\r\n`,
    )
    expect(response.status).toBe(200)
  })

  it('the host given explicitly is served, and only as well as loopback names', async () => {
    const named = await startEmulatorServer({ port: 0, host: 'localhost', log: false })
    try {
      const ok = await raw(named.port, `GET /__emulator/ HTTP/1.1\r\nHost: localhost\r\n${close}\r\n`)
      expect(ok.status).toBe(200)
      const other = await raw(named.port, `GET /__emulator/ HTTP/1.1\r\nHost: example.com\r\n${close}\r\n`)
      expect(other.status).toBe(403)
    } finally {
      await named.close()
    }
  })
})

describe('requests the emulator cannot parse are 4xx, never 5xx', () => {
  it.each([
    ['TRACE', 405],
    ['CONNECT', 405],
    ['PROPFIND', 405],
    // Node's parser refuses a method it does not know before the emulator sees it.
    ['BREW', 400],
  ])('%s → %i', async (method, status) => {
    const target = method === 'CONNECT' ? `127.0.0.1:${server.port}` : '/sdk/v1/users/me'
    const response = await raw(
      server.port,
      `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${close}\r\n`,
    )
    expect(response.status).toBe(status)
    if (status === 405) {
      expectErrorShape(JSON.parse(response.body) as Record<string, unknown>, 405, 'method_not_allowed')
    }
  })

  it('an absolute-form URL with credentials → 400', async () => {
    const response = await raw(
      server.port,
      `GET http://user:secret@127.0.0.1:${server.port}/__emulator/messages HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${close}\r\n`,
    )
    expect(response.status).toBe(400)
    expectErrorShape(JSON.parse(response.body) as Record<string, unknown>, 400, 'bad_request')
  })

  it('headers beyond the size limit → 431', async () => {
    const response = await raw(
      server.port,
      `GET /__emulator/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n${close}\r\n`,
    )
    expect(response.status).toBe(431)
  })

  it('the server keeps serving afterwards', async () => {
    expect((await fetch(`${server.url}/__emulator/messages`)).status).toBe(200)
  })
})
