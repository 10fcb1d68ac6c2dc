// Random bodies, headers, methods and paths to every endpoint: the emulator always answers, never with
// a 5xx, and every API error uses the documented body. Run in process and over loopback HTTP.
import { connect } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator, DEMO_PROJECT_ID, DEMO_PUBLIC_TOKEN, DEMO_SECRET, type Emulator } from '../index'
import { startEmulatorServer, type EmulatorServer } from '../server'
import { fuzz, fuzzTimeout } from '../../../tooling/testing/fuzzConfig'
import { basic, PHONE, signIn } from './helpers'

const ROUTES = [
  '/sdk/v1/otps/sms/login_or_create',
  '/sdk/v1/otps/sms/send/primary',
  '/sdk/v1/otps/sms/send/secondary',
  '/sdk/v1/otps/authenticate',
  '/sdk/v1/sessions/authenticate',
  '/sdk/v1/sessions/revoke',
  '/sdk/v1/users/me',
  '/v1/otps/sms/login_or_create',
  '/v1/otps/sms/send',
  '/v1/otps/authenticate',
  '/v1/sessions/authenticate',
  '/v1/sessions/revoke',
  '/v1/users/user-test-00000000-0000-4000-8000-000000000000',
  '/__emulator',
  '/__emulator/messages',
  '/__emulator/faults',
  '/__emulator/reset',
]

const FIELDS = [
  'phone_number',
  'expiration_minutes',
  'locale',
  'enable_autofill',
  'autofill_session_duration_minutes',
  'create_user_as_pending',
  'attributes',
  'token',
  'code',
  'method_id',
  'session_duration_minutes',
  'session_token',
  'session_jwt',
  'session_id',
  'user_id',
  'kind',
  'status',
  'ms',
  'count',
  'path',
  'retryAfter',
  '__proto__',
  'constructor',
]

/** Printable ASCII: what a Headers value may hold without the platform refusing it before sending. */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength })

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** Values that look right for some field somewhere, to get past the first check now and then. */
const plausible = fc.constantFrom<unknown>(
  PHONE,
  '+10000000000',
  '+447911123456',
  '000000',
  '123456',
  'phone-number-test-00000000-0000-4000-8000-000000000000',
  'session-test-00000000-0000-4000-8000-000000000000',
  60,
  5,
  10,
  527040,
  'es',
  'pt-BR',
  true,
  'status',
  'latency',
  'drop',
  '/sdk/v1/otps/authenticate',
)

/** Ids from a real sign-in, filled in before the runs, so some requests name things that exist. */
const known = { method_id: '', session_token: '', session_jwt: '', user_id: '', session_id: '' }
const knownValue = fc.constantFrom(...(Object.keys(known) as (keyof typeof known)[])).map((key) => known[key])

async function learn(emulator: Emulator): Promise<void> {
  const data = await signIn(emulator)
  Object.assign(known, {
    method_id: data.method_id,
    session_token: data.session_token,
    session_jwt: data.session_jwt,
    user_id: data.user_id,
    session_id: String(data.session.session_id),
  })
}

const json = fc.jsonValue({ maxDepth: 3 })

const body = fc.oneof(
  fc.constant(undefined),
  json.map((value) => JSON.stringify(value)),
  fc
    .dictionary(fc.constantFrom(...FIELDS), fc.oneof(json, plausible, knownValue), { maxKeys: 6 })
    .map((value) => JSON.stringify(value)),
  fc.uint8Array({ maxLength: 512 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 40 }).map((text) => `{"phone_number": ${text}`),
  // Stands for a body over the server's 1 MB limit; built in the property so reports stay short.
  fc.constant('<1.1 MB>'),
)

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant(basic(DEMO_PUBLIC_TOKEN, DEMO_PUBLIC_TOKEN)),
  fc.constant('session').map(() => basic(DEMO_PUBLIC_TOKEN, known.session_token)),
  fc.constant(basic(DEMO_PROJECT_ID, DEMO_SECRET)),
  headerText(60).map((text) => `Basic ${base64(text)}`),
  headerText(60).map((text) => `Basic ${text}`),
  headerText(60),
)

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ROUTES) },
  fc.constantFrom(...ROUTES).map((route) => `${route}/`),
  knownValue.map((id) => `/v1/users/${id}`),
  fc.string({ maxLength: 30 }).map((segment) => `/v1/users/${encodeURIComponent(segment)}`),
  headerText(30).map((segment) => `/v1/users/${segment.replace(/[?#/\\]/g, '')}`),
  fc.constantFrom('/v1/users/%', '/v1/users/%E0%A4%A', '/v1/users/%ZZ', '/sdk/v1/%FF', '/'),
  fc.webPath(),
)

const BIG_BODY = `{"phone_number": "${'9'.repeat(1_100_000)}"}`

/** The body to send: the placeholder for a huge body becomes one. */
function bodyOf(req: FuzzRequest): string | Uint8Array<ArrayBuffer> | undefined {
  if (req.body instanceof Uint8Array) return new Uint8Array(req.body)
  return req.body === '<1.1 MB>' ? BIG_BODY : req.body
}

interface FuzzRequest {
  method: string
  path: string
  query: string
  headers: Record<string, string>
  body: string | Uint8Array | undefined
}

const request: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS'),
  path,
  query: fc.oneof(
    fc.constant(''),
    headerText(20).map((q) => `?to=${encodeURIComponent(q)}`),
    fc.constant('?to=%'),
  ),
  headers: fc
    .record(
      {
        authorization,
        'content-type': fc.oneof(
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          headerText(40),
        ),
        origin: fc.oneof(
          fc.constantFrom('http://localhost:5173', 'null', 'https://evil.example'),
          headerText(40),
        ),
        'user-agent': headerText(300),
        'access-control-request-headers': headerText(60),
      },
      { requiredKeys: [] },
    )
    .map((headers) =>
      Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)),
    ) as fc.Arbitrary<Record<string, string>>,
  body,
})

/** Fails instead of waiting forever when an answer does not come. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

/** Checks one answer: never a 5xx; API errors carry the documented body. */
async function checkAnswer(response: Response, req: FuzzRequest): Promise<void> {
  const what = `${req.method} ${req.path}`
  expect(response.status, what).toBeLessThan(500)
  const text = await response.text()
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json')
  if (response.status >= 400 && req.method !== 'HEAD') {
    expect(isJson, what).toBe(true)
    const error = JSON.parse(text) as Record<string, unknown>
    expect(error, what).toMatchObject({
      status_code: response.status,
      error_type: expect.any(String),
      error_message: expect.any(String),
      request_id: expect.stringMatching(/^request-id-test-/),
    })
  } else if (isJson && text !== '') {
    expect(() => JSON.parse(text), what).not.toThrow()
  }
}

describe('in process', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = createEmulator()
    await learn(emulator)
  })

  const runs = 400
  it(
    'random requests to every endpoint never get a 5xx, a hang or an undocumented error body',
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async (req) => {
          const response = await within(
            emulator.fetch(`http://emulator.test${req.path}${req.query}`, {
              method: req.method,
              headers: req.headers,
              ...(req.body === undefined ? {} : { body: bodyOf(req) }),
            }),
            2000,
            `${req.method} ${req.path}`,
          )
          // A random POST may arm a fault meant for the next request; each run starts clean.
          emulator.faults.clear()
          await checkAnswer(response, req)
        }),
        fuzz(0x5eed_e1, runs),
      )
    },
    fuzzTimeout(runs),
  )

  it('malformed percent-encoding in a user id is a 404, not a crash', async () => {
    for (const path of ['/v1/users/%', '/v1/users/%E0%A4%A', '/v1/users/abc%ZZ']) {
      const response = await emulator.fetch(`http://emulator.test${path}`, {
        headers: { authorization: basic(DEMO_PROJECT_ID, DEMO_SECRET) },
      })
      expect(response.status, path).toBe(404)
      expect(await response.json()).toMatchObject({ error_type: 'user_not_found' })
    }
  })
})

describe('over loopback HTTP', () => {
  let server: EmulatorServer

  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, log: false })
    await learn(server.emulator)
  })
  afterAll(() => server.close())

  const runs = 150
  it(
    'random requests never get a 5xx or a hang, and the server keeps serving',
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async (req) => {
          const response = await within(
            fetch(`${server.url}${req.path}${req.query}`, {
              method: req.method,
              headers: req.headers,
              ...(req.body === undefined || req.method === 'GET' || req.method === 'HEAD'
                ? {}
                : { body: bodyOf(req) }),
            }),
            5000,
            `${req.method} ${req.path}`,
          )
          server.emulator.faults.clear()
          await checkAnswer(response, req)
        }),
        fuzz(0x5eed_e2, runs),
      )
    },
    fuzzTimeout(runs, 40),
  )

  it('a request target starting with // is a path, never another host', async () => {
    expect((await fetch(`${server.url}//`)).status).toBe(404)
    const smuggled = await fetch(`${server.url}//evil.example/__emulator/messages`)
    expect(smuggled.status).toBe(404)
    expect(await smuggled.json()).toMatchObject({ error_type: 'route_not_found' })
  })

  const rawRuns = 60
  it(
    'random bytes on a raw socket never take the server down',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ minLength: 1, maxLength: 2048 }),
            headerText(200).map((junk) =>
              new TextEncoder().encode(`POST /sdk/v1/users/me HTTP/1.1\r\n${junk}`),
            ),
            fc
              .nat({ max: 10_000 })
              .map((length) =>
                new TextEncoder().encode(
                  `POST /sdk/v1/otps/authenticate HTTP/1.1\r\nHost: x\r\nContent-Length: ${length}\r\n\r\n{"token":`,
                ),
              ),
          ),
          async (bytes) => {
            const { port } = server
            await within(
              new Promise<void>((resolve) => {
                const socket = connect(port, '127.0.0.1', () => {
                  socket.end(bytes)
                })
                socket.on('data', () => {})
                socket.on('error', () => resolve())
                socket.on('close', () => resolve())
                // A half-sent request the server is still waiting on: give up from our side.
                socket.setTimeout(300, () => socket.destroy())
              }),
              5000,
              'raw socket',
            )
            const alive = await fetch(`${server.url}/__emulator/messages`)
            expect(alive.status).toBe(200)
          },
        ),
        fuzz(0x5eed_e3, rawRuns),
      )
    },
    fuzzTimeout(rawRuns, 400),
  )
})
