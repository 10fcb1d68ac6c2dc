// CORS with credentials: same origin by default, listed origins besides; requests without Origin are served.
import { describe, expect, it } from 'vitest'
import { APP, PHONE, setUp } from './support'

const send = { body: { phone_number: PHONE } }

function preflight(setup: ReturnType<typeof setUp>, origin: string) {
  return setup.relay.fetch(
    new Request(`${APP}/sdk/v1/otps/sms/login_or_create`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    }),
  )
}

describe('CORS', () => {
  it('serves its own origin, with credentials', async () => {
    const setup = setUp('moonkey')
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { ...send, origin: APP })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('serves a request without Origin (a server, a test, curl), with no CORS headers', async () => {
    const setup = setUp('moonkey')
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', send)
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a browser on another origin, preflight included, before the provider', async () => {
    const setup = setUp('stytch-backend')
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', {
      ...send,
      origin: 'https://evil.example',
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(await response.json()).toMatchObject({ error_type: 'cors_origin_not_allowed' })
    const pre = await preflight(setup, 'https://evil.example')
    expect(pre.status).toBe(403)
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
    expect(setup.providerCalls).toEqual([])
    expect(setup.emulator.messages()).toEqual([])
  })

  it('serves the origins in allowedOrigins, preflight and request', async () => {
    const other = 'https://www.example.com'
    const setup = setUp('stytch-backend', { allowedOrigins: [`${other}/`] })
    const pre = await preflight(setup, other)
    expect(pre.status).toBe(204)
    expect(Object.fromEntries(pre.headers)).toMatchObject({
      'access-control-allow-origin': other,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
    })
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { ...send, origin: other })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(other)
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After')
  })

  it('takes "same origin" from request.url', async () => {
    const setup = setUp('moonkey')
    const response = await setup.call('', {
      ...send,
      url: 'http://localhost:3000/sdk/v1/otps/sms/login_or_create',
      origin: 'http://localhost:3000',
    })
    expect(response.status).toBe(200)
    const cross = await setup.call('', {
      ...send,
      url: 'http://localhost:3000/sdk/v1/otps/sms/login_or_create',
      origin: APP,
    })
    expect(cross.status).toBe(403)
  })
})
