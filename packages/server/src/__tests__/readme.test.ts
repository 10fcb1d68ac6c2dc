// The root README's "Your own server in the middle": each snippet under 15 lines, and the Next.js route
// handler's shape doing what the README says (node:http and Express are exercised in toNodeHandler.test.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PHONE, setUp } from './support'

const readme = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8')
const section = readme.split('## Your own server in the middle')[1]?.split('\n## ')[0] ?? ''
const snippets = [...section.matchAll(/```(js|ts)\n([\s\S]*?)```/g)].map((match) => match[2] ?? '')

describe('README: your own server in the middle', () => {
  it('shows node:http, Express and a Next.js route handler, each under 15 lines', () => {
    expect(snippets.map((code) => /node:http|express|Request\) =>/.exec(code)?.[0])).toEqual([
      'node:http',
      'express',
      'Request) =>',
    ])
    for (const code of snippets) expect(code.trimEnd().split('\n').length).toBeLessThan(15)
  })

  it('the route handler serves GET, POST and OPTIONS and takes the client IP from x-forwarded-for', async () => {
    const setup = setUp('moonkey', { basePath: '/auth' })
    const handle = (request: Request) =>
      setup.relay.fetch(request, { ip: request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() })
    const GET = handle
    const POST = handle
    const OPTIONS = handle
    const token = 'public-token-test-relay-00000000-0000-4000-8000-000000000000'
    const headers = {
      authorization: `Basic ${btoa(`${token}:${token}`)}`,
      'x-forwarded-for': '198.51.100.23, 10.0.0.1',
    }
    const url = (path: string) => `https://app.example.com/auth/sdk/v1${path}`
    const sent = await POST(
      new Request(url('/otps/sms/login_or_create'), {
        method: 'POST',
        headers,
        body: JSON.stringify({ phone_number: PHONE }),
      }),
    )
    const { method_id } = ((await sent.json()) as { data: { method_id: string } }).data
    const authed = await POST(
      new Request(url('/otps/authenticate'), {
        method: 'POST',
        headers,
        body: JSON.stringify({ token: setup.lastCode(), method_id, session_duration_minutes: 60 }),
      }),
    )
    const data = (
      (await authed.json()) as { data: { session_token: string; session: { attributes: unknown } } }
    ).data
    expect(data.session.attributes).toMatchObject({ ip_address: '198.51.100.23' })
    const me = await GET(
      new Request(url('/users/me'), {
        headers: { authorization: `Basic ${btoa(`${token}:${data.session_token}`)}` },
      }),
    )
    expect(me.status).toBe(200)
    const preflight = await OPTIONS(
      new Request(url('/users/me'), { method: 'OPTIONS', headers: { origin: 'https://app.example.com' } }),
    )
    expect(preflight.status).toBe(204)
  })
})
