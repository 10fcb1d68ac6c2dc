import { describe, expect, it } from 'vitest'
import { createEmulator } from '../index'
import { BASE, PHONE, publicAuth } from './helpers'

function preflight(
  fetch: typeof globalThis.fetch,
  origin: string,
  path = '/sdk/v1/otps/sms/login_or_create',
) {
  return fetch(`${BASE}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  })
}

function post(fetch: typeof globalThis.fetch, origin: string) {
  return fetch(`${BASE}/sdk/v1/otps/sms/login_or_create`, {
    method: 'POST',
    headers: { origin, authorization: publicAuth(), 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number: PHONE }),
  })
}

describe('CORS', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost'])(
    'answers a preflight from %s with credentials',
    async (origin) => {
      const response = await preflight(createEmulator().fetch, origin)
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe(origin)
      expect(response.headers.get('access-control-allow-credentials')).toBe('true')
      expect(response.headers.get('access-control-allow-methods')).toContain('POST')
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type')
      expect(response.headers.get('vary')).toContain('Origin')
    },
  )

  it.each(['https://evil.example', 'http://localhost.evil.example', 'https://localhost:5173', 'null'])(
    'refuses a preflight from %s with 403 and no CORS headers',
    async (origin) => {
      const response = await preflight(createEmulator().fetch, origin)
      expect(response.status).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    },
  )

  it('adds CORS headers to actual responses, exposing Retry-After', async () => {
    const response = await post(createEmulator().fetch, 'http://localhost:5173')
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After')
  })

  it('adds CORS headers to errors too, so the browser can read them', async () => {
    const emulator = createEmulator({ rateLimit: { max: 1, windowSeconds: 60 } })
    await post(emulator.fetch, 'http://localhost:5173')
    const limited = await post(emulator.fetch, 'http://localhost:5173')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(limited.headers.get('retry-after')).toBe('60')
  })

  it('sends no CORS headers to a refused origin', async () => {
    const response = await post(createEmulator().fetch, 'https://evil.example')
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('appOrigins replaces the default list; appOrigin is always allowed', async () => {
    const emulator = createEmulator({
      appOrigins: ['https://app.example'],
      appOrigin: 'https://other.example:8443',
    })
    expect((await preflight(emulator.fetch, 'https://app.example')).status).toBe(204)
    expect((await preflight(emulator.fetch, 'https://other.example:8443')).status).toBe(204)
    expect((await preflight(emulator.fetch, 'http://localhost:5173')).status).toBe(403)
  })

  it('covers the inbox routes as well', async () => {
    const response = await preflight(createEmulator().fetch, 'http://localhost:5173', '/__emulator/messages')
    expect(response.status).toBe(204)
  })
})
