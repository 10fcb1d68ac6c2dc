// The relay as a Node listener, against the emulator on loopback: node:http and Express (with its JSON body
// parser in front), as the README shows them; a request from the browser's point of view.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_MOONKEY_API_KEY, DEMO_PROJECT_ID, DEMO_SECRET } from '@otpkit/emulator'
import { startEmulatorServer, type EmulatorServer } from '@otpkit/emulator/server'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRelay, moonkey, stytchBackend, toNodeHandler } from '../index'
import { PHONE, PUBLIC_TOKEN } from './support'

let emulator: EmulatorServer
const servers: Server[] = []

beforeAll(async () => {
  emulator = await startEmulatorServer({ port: 0, log: false })
})
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  await emulator.close()
})

function listen(server: Server): Promise<string> {
  servers.push(server)
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  )
}

const auth = (session = PUBLIC_TOKEN) => `Basic ${btoa(`${PUBLIC_TOKEN}:${session}`)}`

async function login(
  base: string,
): Promise<{ user_id: string; session: { attributes: { ip_address: string } } }> {
  const sent = await fetch(`${base}/sdk/v1/otps/sms/login_or_create`, {
    method: 'POST',
    headers: { authorization: auth(), 'content-type': 'application/json', origin: new URL(base).origin },
    body: JSON.stringify({ phone_number: PHONE }),
  })
  expect(sent.status).toBe(200)
  expect(sent.headers.get('access-control-allow-origin')).toBe(new URL(base).origin)
  const { method_id } = ((await sent.json()) as { data: { method_id: string } }).data
  const code = emulator.emulator.messages().at(-1)?.code
  const authed = await fetch(`${base}/sdk/v1/otps/authenticate`, {
    method: 'POST',
    headers: { authorization: auth(), 'content-type': 'application/json' },
    body: JSON.stringify({ token: code, method_id, session_duration_minutes: 60 }),
  })
  expect(authed.status).toBe(200)
  return (
    (await authed.json()) as { data: { user_id: string; session: { attributes: { ip_address: string } } } }
  ).data
}

describe('toNodeHandler', () => {
  it('node:http, MoonKey on loopback: a full login; the socket address is the client IP', async () => {
    const relay = createRelay({
      provider: moonkey({ apiKey: DEMO_MOONKEY_API_KEY, baseUrl: emulator.url }),
      publicToken: PUBLIC_TOKEN,
      countries: ['US', 'CA'],
      limits: { perPhone: 5, perIp: 30 },
      basePath: '/auth',
    })
    const base = await listen(createServer(toNodeHandler(relay)))
    const data = await login(`${base}/auth`)
    expect(data.user_id).toMatch(/^user_/)
    expect(data.session.attributes.ip_address).toBe('127.0.0.1')
    const outside = await fetch(`${base}/elsewhere`)
    expect(outside.status).toBe(404)
  })

  it('Express under /auth, behind express.json(), Stytch backend on loopback; other routes untouched', async () => {
    const relay = createRelay({
      provider: stytchBackend({ projectId: DEMO_PROJECT_ID, secret: DEMO_SECRET, baseUrl: emulator.url }),
      publicToken: PUBLIC_TOKEN,
      basePath: '/auth',
    })
    const app = express()
    app.use(express.json())
    app.use('/auth', toNodeHandler(relay))
    app.get('/hello', (_req, res) => {
      res.send('hello')
    })
    const base = await listen(createServer(app))
    const data = await login(`${base}/auth`)
    expect(data.user_id).toMatch(/^user-/)
    expect(await (await fetch(`${base}/hello`)).text()).toBe('hello')
  })

  it('answers 413 for a body over 64 KiB without buffering it all', async () => {
    const relay = createRelay({
      provider: moonkey({ apiKey: DEMO_MOONKEY_API_KEY, baseUrl: emulator.url }),
      publicToken: PUBLIC_TOKEN,
    })
    const base = await listen(createServer(toNodeHandler(relay)))
    const response = await fetch(`${base}/sdk/v1/otps/sms/login_or_create`, {
      method: 'POST',
      headers: { authorization: auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: PHONE, padding: 'x'.repeat(200_000) }),
    })
    expect(response.status).toBe(413)
  })
})
