import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request as httpRequest } from 'node:http'
import { DEMO_PROJECT_ID, DEMO_PUBLIC_TOKEN, DEMO_SECRET } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { expectErrorShape, PHONE, publicAuth } from './helpers'

let server: EmulatorServer
let lines: string[]

beforeEach(async () => {
  lines = []
  server = await startEmulatorServer({ port: 0, log: (line) => lines.push(line) })
})
afterEach(async () => {
  await server.close()
})

function post(path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: publicAuth(), 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  })
}

describe('startEmulatorServer over real HTTP', () => {
  it('listens on loopback and prints a banner with URL, token, project id, secret and inbox', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.port).toBeGreaterThan(0)
    const banner = lines.join('\n')
    expect(banner).toContain(server.url)
    expect(banner).toContain(DEMO_PUBLIC_TOKEN)
    expect(banner).toContain(DEMO_PROJECT_ID)
    expect(banner).toContain(DEMO_SECRET)
    expect(banner).toContain(`${server.url}/__emulator/`)
    expect(banner).toMatch(/development/i)
  })

  it('runs the whole sign-in over HTTP and prints one line per SMS', async () => {
    const sent = await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })
    expect(sent.status).toBe(200)
    const { data } = (await sent.json()) as { data: { method_id: string } }
    const [message] = server.emulator.messages()
    expect(lines.at(-1)).toBe(
      `SMS to +1 202 555 0162: ${message?.code} is your verification code. It expires in 2 minutes.`,
    )

    const auth = await post('/sdk/v1/otps/authenticate', {
      token: message?.code,
      method_id: data.method_id,
      session_duration_minutes: 30,
    })
    expect(auth.status).toBe(200)
    const { data: session } = (await auth.json()) as { data: { session_token: string } }
    const me = await fetch(`${server.url}/sdk/v1/users/me`, {
      headers: { authorization: publicAuth(session.session_token) },
    })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { data: { phone_numbers: unknown[] } }).data.phone_numbers).toHaveLength(1)
  })

  it('puts a multi-line SMS on one terminal line', async () => {
    await post(
      '/sdk/v1/otps/sms/login_or_create',
      { phone_number: PHONE, enable_autofill: true },
      {
        origin: 'http://localhost:5173',
      },
    )
    const code = server.emulator.messages()[0]?.code
    expect(lines.at(-1)).toMatch(new RegExp(`minutes\\. @localhost #${code}$`))
  })

  it('answers errors with the documented body and Retry-After', async () => {
    const bad = await post('/sdk/v1/otps/sms/login_or_create', { phone_number: 'nope' })
    expect(bad.status).toBe(400)
    expectErrorShape((await bad.json()) as Record<string, unknown>, 400, 'invalid_phone_number')
    server.emulator.faults.add({ kind: 'rate_limit', retryAfter: 7 })
    const limited = await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
  })

  it('handles CORS preflights over HTTP', async () => {
    const allowed = await fetch(`${server.url}/sdk/v1/otps/authenticate`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    })
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    const refused = await fetch(`${server.url}/sdk/v1/otps/authenticate`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('a drop fault armed over HTTP destroys the connection', async () => {
    const armed = await fetch(`${server.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'drop', path: '/sdk/v1/otps/sms/login_or_create' }),
    })
    expect(armed.status).toBe(201)
    await expect(post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })).rejects.toThrow(TypeError)
    expect((await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })).status).toBe(200)
  })

  it('an offline fault over HTTP sends the SMS, then destroys the connection before the answer', async () => {
    server.emulator.faults.add({ kind: 'offline', path: '/sdk/v1/otps/sms/login_or_create' })
    await expect(post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })).rejects.toThrow(TypeError)
    expect(server.emulator.messages()).toHaveLength(1)
    expect((await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })).status).toBe(200)
  })

  it('a latency fault lets a client time out, and the server carries on', async () => {
    server.emulator.faults.add({ kind: 'latency', ms: 5000 })
    await expect(
      post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE }, {}, AbortSignal.timeout(100)),
    ).rejects.toMatchObject({ name: 'TimeoutError' })
    expect((await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })).status).toBe(200)
  })

  it('html and truncated_json faults arrive as such', async () => {
    server.emulator.faults.add({ kind: 'html', status: 503 })
    server.emulator.faults.add({ kind: 'truncated_json' })
    const html = await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })
    expect(html.status).toBe(503)
    expect(await html.text()).toContain('<html>')
    const truncated = await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })
    await expect(truncated.json()).rejects.toThrow(SyntaxError)
  })

  it('serves the inbox page and the messages JSON', async () => {
    await post('/sdk/v1/otps/sms/login_or_create', { phone_number: PHONE })
    const page = await fetch(`${server.url}/__emulator/`)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain(server.emulator.messages()[0]?.code)
    const list = (await (await fetch(`${server.url}/__emulator/messages`)).json()) as unknown[]
    expect(list).toEqual(server.emulator.messages())
  })

  it('refuses a body over 1 MB with 413', async () => {
    const response = await fetch(`${server.url}/sdk/v1/otps/sms/login_or_create`, {
      method: 'POST',
      headers: { authorization: publicAuth() },
      body: 'x'.repeat(1024 * 1024 + 1),
    })
    expect(response.status).toBe(413)
  })

  it('answers HEAD for the inbox without a body', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${server.url}/__emulator/`, { method: 'HEAD' }, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve(`${res.statusCode}:${text}`))
      })
      req.on('error', reject)
      req.end()
    })
    expect(body).toBe('200:')
  })

  it('passes onMessage through and can stay silent', async () => {
    const seen: string[] = []
    const quiet = await startEmulatorServer({ port: 0, log: false, onMessage: (m) => seen.push(m.to) })
    try {
      const response = await fetch(`${quiet.url}/sdk/v1/otps/sms/login_or_create`, {
        method: 'POST',
        headers: { authorization: publicAuth() },
        body: JSON.stringify({ phone_number: PHONE }),
      })
      expect(response.status).toBe(200)
      expect(seen).toEqual([PHONE])
    } finally {
      await quiet.close()
    }
  })

  it('close() frees the port', async () => {
    const { port } = server
    await server.close()
    await expect(fetch(`http://127.0.0.1:${port}/__emulator/messages`)).rejects.toThrow(TypeError)
    server = await startEmulatorServer({ port, log: false })
    expect(server.port).toBe(port)
  })

  it('reports a port in use', async () => {
    await expect(startEmulatorServer({ port: server.port, log: false })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    })
  })
})
