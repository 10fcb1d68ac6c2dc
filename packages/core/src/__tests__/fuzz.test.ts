// Property tests with fixed seeds (FUZZ_RUNS / FUZZ_SEED for long runs, see fuzzConfig.ts).
// Input: whatever a caller passes, the client either sends a valid request or throws a typed
// StytchUsageError without any request. Output: whatever the network answers, every call ends in a
// validated value or a typed StytchError (or the caller's AbortError), never anything else, and the
// session is left as it was unless the server said it ended.
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createMemoryStorage,
  createStytchClient,
  isStytchAPIError,
  isStytchError,
  StytchAPIError,
  StytchNetworkError,
  StytchSchemaError,
  StytchTimeoutError,
  StytchUsageError,
} from '../index'
import type { KeyValueStorage, StytchHeadlessClient } from '../index'
import { fuzz, fuzzTimeout } from '../../../tooling/testing/fuzzConfig'
import { authData, makeSession, makeUser, PHONE, sendData, sessionData, TOKEN } from './support'

const E164 = /^\+[1-9]\d{7,14}$/
const KEY = `stytch_sdk_state_${TOKEN}`
const clients: StytchHeadlessClient[] = []
afterEach(() => void clients.splice(0).forEach((c) => c.destroy()))

interface Sent {
  url: string
  body: Record<string, unknown> | undefined
}

/** A client whose fetch records every request and answers each one with `reply()`. */
function client(reply: () => Response | Promise<Response> = okSend, storage = createMemoryStorage()) {
  const sent: Sent[] = []
  const stytch = createStytchClient(TOKEN, {
    storage,
    timeoutMs: 2000,
    fetch: async (input, init) => {
      sent.push({
        url: String(input),
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined,
      })
      return reply()
    },
  })
  clients.push(stytch)
  return { stytch, sent }
}

const okSend = () => new Response(JSON.stringify({ data: sendData() }), { status: 200 })

/** Resolves to the value or the error, and fails on a synchronous throw (calls must reject instead). */
async function outcome(run: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  let promise: Promise<unknown>
  try {
    promise = run()
  } catch (error) {
    throw new Error('threw synchronously instead of rejecting', { cause: error })
  }
  try {
    return { value: await promise }
  } catch (error) {
    return { error }
  }
}

// ---------------------------------------------------------------------------------------------------
// Input

/** What people paste into a phone field, and worse. */
const phoneInput = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('+', '1', '2', '0', '9', ' ', '-', '(', ')', '.', '\u00a0'),
    maxLength: 24,
  }),
  // A valid number with formatting noise around or inside it.
  fc
    .tuple(
      fc.constantFrom('+12025550162', '+447911123456', '+5511987654321', '+10000000000'),
      fc.array(
        fc.constantFrom(
          ' ',
          '-',
          '(',
          ')',
          '\u00a0',
          '\u200b',
          '\u200e',
          '\u202e',
          '\t',
          '\n',
          '\r',
          '\u0000',
          '\ufeff',
          '.',
        ),
        { maxLength: 4 },
      ),
      fc.array(fc.nat({ max: 14 }), { maxLength: 4 }),
    )
    .map(([number, noise, at]) =>
      noise.reduce<string>(
        (text, char, i) => text.slice(0, at[i] ?? 0) + char + text.slice(at[i] ?? 0),
        number,
      ),
    ),
  // Look-alike digits: full-width, Arabic-Indic, Devanagari, superscripts.
  fc.constantFrom(
    '＋１２０２５５５０１６２',
    '+١٢٠٢٥٥٥٠١٦٢',
    '+१२०२५५५०१६२',
    '+¹²⁰²⁵⁵⁵⁰¹⁶²',
    '+12025550162\n',
  ),
  // Huge inputs.
  fc.nat({ max: 200_000 }).map((n) => `+1${'2'.repeat(n)}`),
  fc.nat({ max: 50_000 }).map((n) => '\u0000'.repeat(n)),
  fc.anything().filter((value) => typeof value !== 'string'),
)

const RUNS = { phone: 300, sms: 400, code: 400, options: 300, server: 300 }

describe('input never reaches the wire unless it is valid', () => {
  it(
    'phone numbers: valid E.164 is sent exactly as given; anything else is invalid_phone_number, unsent',
    async () => {
      await fc.assert(
        fc.asyncProperty(phoneInput, fc.constantFrom('loginOrCreate', 'send'), async (phone, method) => {
          const { stytch, sent } = client()
          const result = await outcome(() => stytch.otps.sms[method as 'send'](phone as string))
          if (typeof phone === 'string' && E164.test(phone)) {
            expect(result.error).toBeUndefined()
            expect(sent).toHaveLength(1)
            expect(sent[0]?.body).toEqual({ phone_number: phone })
          } else {
            expect(result.error).toBeInstanceOf(StytchUsageError)
            expect(result.error).toMatchObject({ code: 'invalid_phone_number' })
            expect(sent).toHaveLength(0)
          }
        }),
        fuzz(0xc0_01, RUNS.phone),
      )
    },
    fuzzTimeout(RUNS.phone),
  )

  const SMS_KEYS = [
    'expiration_minutes',
    'locale',
    'enable_autofill',
    'autofill_session_duration_minutes',
    'signal',
  ]
  const smsOptions = fc.oneof(
    fc.anything(),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...SMS_KEYS), fc.string({ maxLength: 12 })),
      fc.oneof(
        fc.anything(),
        fc.integer({ min: -5, max: 600_000 }),
        fc.double(),
        fc.constantFrom('en', 'es', 'pt-br', 'zh-Hans', 'x-klingon', 'en_US', '', 'de-DE-u-co-phonebk'),
        fc.boolean(),
        fc.constant(new AbortController().signal),
      ),
      { maxKeys: 5 },
    ),
  )

  it(
    'SMS options: a valid body is sent, or a typed usage error with nothing sent',
    async () => {
      await fc.assert(
        fc.asyncProperty(smsOptions, async (options) => {
          const { stytch, sent } = client()
          const result = await outcome(() => stytch.otps.sms.loginOrCreate(PHONE, options as never))
          if (result.error !== undefined) {
            expect(result.error).toBeInstanceOf(StytchUsageError)
            expect([
              'invalid_option',
              'invalid_expiration',
              'invalid_locale',
              'invalid_session_duration_minutes',
            ]).toContain((result.error as StytchUsageError).code)
            expect(sent).toHaveLength(0)
            return
          }
          expect(sent).toHaveLength(1)
          const body = sent[0]!.body!
          expect(body.phone_number).toBe(PHONE)
          for (const [key, value] of Object.entries(body)) {
            if (key === 'phone_number') continue
            expect(SMS_KEYS).toContain(key)
            if (key === 'expiration_minutes')
              expect(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10).toBe(true)
            if (key === 'autofill_session_duration_minutes')
              expect(Number.isInteger(value) && (value as number) >= 5).toBe(true)
            if (key === 'enable_autofill') expect(typeof value).toBe('boolean')
            if (key === 'locale') expect(Intl.getCanonicalLocales(value as string)).toHaveLength(1)
          }
          expect(body).not.toHaveProperty('signal')
        }),
        fuzz(0xc0_02, RUNS.sms),
      )
    },
    fuzzTimeout(RUNS.sms),
  )

  it(
    'codes, method ids and durations: sent cleaned up, or a typed usage error with nothing sent',
    async () => {
      const code = fc.oneof(
        fc.stringMatching(/^[\d\s-]{4,12}$/),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.constantFrom('１２３４５６', '١٢٣٤٥٦', '123456\u200b', '12345６', '\u00a0123456'),
        fc.anything(),
      )
      const methodId = fc.oneof(
        fc.constant('phone-number-test-2b9c'),
        fc.string({ maxLength: 30 }),
        fc.anything(),
      )
      const minutes = fc.oneof(fc.integer({ min: -10, max: 1_000_000 }), fc.double(), fc.anything())
      await fc.assert(
        fc.asyncProperty(code, methodId, minutes, async (c, m, d) => {
          const { stytch, sent } = client(
            () => new Response(JSON.stringify({ data: authData() }), { status: 200 }),
          )
          const result = await outcome(() =>
            stytch.otps.authenticate(c as string, m as string, { session_duration_minutes: d as number }),
          )
          if (result.error !== undefined) {
            expect(result.error).toBeInstanceOf(StytchUsageError)
            expect(['invalid_code', 'invalid_method_id', 'invalid_session_duration_minutes']).toContain(
              (result.error as StytchUsageError).code,
            )
            expect(sent).toHaveLength(0)
            expect(stytch.session.getSync()).toBeNull()
            return
          }
          expect(sent).toHaveLength(1)
          expect(sent[0]!.body).toEqual({
            token: (c as string).replace(/[\s-]/g, ''),
            method_id: m,
            session_duration_minutes: d,
          })
          expect(sent[0]!.body!.token).toMatch(/^\d{6}$/)
        }),
        fuzz(0xc0_03, RUNS.code),
      )
    },
    fuzzTimeout(RUNS.code),
  )

  it(
    'client options: a client is built, or a typed usage error is thrown',
    () => {
      const keys = ['baseUrl', 'fetch', 'timeoutMs', 'storage', 'cookie']
      const options = fc.oneof(
        fc.anything(),
        fc.dictionary(
          fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })),
          fc.oneof(
            fc.anything(),
            fc.webUrl(),
            fc.integer(),
            fc.constant(createMemoryStorage()),
            fc.dictionary(
              fc.constantFrom('opaqueTokenCookieName', 'jwtCookieName', 'domain', 'path', 'enabled'),
              fc.anything(),
            ),
          ),
          { maxKeys: 4 },
        ),
      )
      fc.assert(
        fc.property(fc.oneof(fc.constant(TOKEN), fc.string(), fc.anything()), options, (token, opts) => {
          try {
            const made = createStytchClient(token as string, opts as never)
            clients.push(made)
            expect(made.session.getSync()).toBeNull()
          } catch (error) {
            expect(error).toBeInstanceOf(StytchUsageError)
            expect(['invalid_public_token', 'secret_key_in_client', 'invalid_option']).toContain(
              (error as StytchUsageError).code,
            )
          }
        }),
        fuzz(0xc0_04, RUNS.options),
      )
    },
    fuzzTimeout(RUNS.options),
  )
})

// ---------------------------------------------------------------------------------------------------
// Output

/** Printable ASCII, the only thing a header value can hold here. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 30,
})

/** A response body: random JSON, random bytes, or something shaped almost like the real thing. */
const responseBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    '<html><body>502 Bad Gateway</body></html>',
    'Too Many Requests',
    '{"data":',
    'null',
    '{"data": null}',
  ),
  // The right envelope with the right data, a field removed or replaced.
  fc
    .tuple(
      fc.constantFrom<Record<string, unknown>>(
        sendData(),
        authData(),
        sessionData(),
        { ...makeUser(), request_id: 'r', status_code: 200 },
        { request_id: 'r', status_code: 200 },
      ),
      fc.option(
        fc.constantFrom(
          'request_id',
          'status_code',
          'method_id',
          'session',
          'user',
          'session_token',
          'phone_numbers',
          'user_id',
        ),
      ),
      fc.option(fc.anything()),
    )
    .map(([data, field, value]) => {
      const copy: Record<string, unknown> = { ...data }
      if (field !== null) {
        if (value === null) delete copy[field]
        else copy[field] = value
      }
      return JSON.stringify({ data: copy })
    }),
  // An error body with random fields.
  fc
    .record(
      {
        status_code: fc.oneof(fc.integer({ min: 100, max: 999 }), fc.anything()),
        error_type: fc.oneof(
          fc.constantFrom(
            'session_not_found',
            'unauthorized_credentials',
            'too_many_requests',
            'otp_code_not_found',
            '',
          ),
          fc.string({ maxLength: 20 }),
          fc.anything(),
        ),
        error_message: fc.anything(),
        request_id: fc.anything(),
        error_url: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
)

const NULL_BODY = new Set([204, 205, 304])

interface ServerReply {
  status: number
  body: string | Uint8Array
  retryAfter: string | null
  contentType: string | null
  /** The fetch rejects with this instead of answering. */
  rejects: unknown
}

const serverReply: fc.Arbitrary<ServerReply> = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 200, 400, 401, 404, 429, 500, 502, 503),
    fc.integer({ min: 200, max: 599 }),
  ),
  body: responseBody,
  retryAfter: fc.option(
    fc.oneof(
      fc.nat({ max: 100_000 }).map(String),
      headerText,
      fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())),
    ),
  ),
  contentType: fc.option(
    fc.constantFrom('application/json', 'text/html', 'text/plain', 'application/octet-stream'),
  ),
  rejects: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, fc.anything()),
})

function toResponse(reply: ServerReply): Response {
  if (reply.rejects !== undefined) throw reply.rejects
  const headers: Record<string, string> = {}
  if (reply.retryAfter !== null) headers['Retry-After'] = reply.retryAfter
  if (reply.contentType !== null) headers['Content-Type'] = reply.contentType
  const body = typeof reply.body === 'string' ? reply.body : new Uint8Array(reply.body)
  return new Response(NULL_BODY.has(reply.status) ? null : body, { status: reply.status, headers })
}

/** A stored snapshot, so the client starts signed in without a request. */
function signedInStorage(): KeyValueStorage {
  const storage = createMemoryStorage()
  storage.setItem(
    KEY,
    JSON.stringify({
      session: makeSession(),
      user: makeUser(),
      session_token: 'session-token-A',
      session_jwt: 'jwt-A',
    }),
  )
  return storage
}

const SESSION_ENDING = new Set([
  'unauthorized_credentials',
  'user_unauthenticated',
  'invalid_secret_authentication',
  'session_not_found',
])

const CALLS: Record<
  string,
  { signedIn: boolean; run: (s: StytchHeadlessClient) => Promise<unknown>; check: (value: unknown) => void }
> = {
  loginOrCreate: {
    signedIn: false,
    run: (s) => s.otps.sms.loginOrCreate(PHONE),
    // Only the essential fields are checked; the rest passes through as received (drift.test.ts).
    check: (v) => expect(v).toMatchObject({ method_id: expect.any(String) }),
  },
  send: {
    signedIn: true,
    run: (s) => s.otps.sms.send(PHONE),
    check: (v) => expect(v).toMatchObject({ method_id: expect.any(String) }),
  },
  authenticate: {
    signedIn: false,
    run: (s) => s.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 }),
    check: (v) =>
      expect(v).toMatchObject({
        session_token: expect.any(String),
        session: { session_id: expect.any(String) },
        user: { user_id: expect.any(String) },
      }),
  },
  'session.authenticate': {
    signedIn: true,
    run: (s) => s.session.authenticate(),
    check: (v) => expect(v).toMatchObject({ session: { session_id: expect.any(String) } }),
  },
  'session.revoke': {
    signedIn: true,
    run: (s) => s.session.revoke(),
    check: (v) => expect(typeof v).toBe('object'),
  },
  'user.get': {
    signedIn: true,
    run: (s) => s.user.get(),
    check: (v) => expect(v).toMatchObject({ user_id: expect.any(String) }),
  },
}

describe('whatever the server answers', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }))
  afterEach(() => void vi.useRealTimers())

  it(
    'every call ends in a validated value or a typed StytchError, and the session stays coherent',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(CALLS)), serverReply, async (name, reply) => {
          const call = CALLS[name]!
          const { stytch } = client(
            () => toResponse(reply),
            call.signedIn ? signedInStorage() : createMemoryStorage(),
          )
          const before = stytch.session.getSync()
          let settled: { value?: unknown; error?: unknown } | undefined
          void outcome(() => call.run(stytch)).then((o) => (settled = o))
          for (let i = 0; i < 50 && settled === undefined; i++) await vi.advanceTimersByTimeAsync(100)
          stytch.destroy()
          expect(settled, 'the call never settled').toBeDefined()
          const { value, error } = settled!
          if (error === undefined) {
            call.check(value)
            return
          }
          expect(isStytchError(error), String(error)).toBe(true)
          expect(
            [StytchAPIError, StytchNetworkError, StytchSchemaError, StytchTimeoutError].some(
              (cls) => error instanceof cls,
            ),
          ).toBe(true)
          const typed = error as StytchAPIError
          expect(typeof typed.code).toBe('string')
          expect(typed.code).not.toBe('')
          if (typed.retryAfter !== undefined)
            expect(Number.isInteger(typed.retryAfter) && typed.retryAfter >= 0).toBe(true)
          if (reply.rejects !== undefined) expect(error).toBeInstanceOf(StytchNetworkError)
          // The session: cleared by revoke or a session-ending answer to a call that used it; else untouched.
          const ended = isStytchAPIError(error) && SESSION_ENDING.has(error.error_type) && before !== null
          if (name === 'session.revoke' || ended) expect(stytch.session.getSync()).toBeNull()
          else expect(stytch.session.getSync()).toBe(before)
        }),
        fuzz(0xc0_05, RUNS.server),
      )
    },
    fuzzTimeout(RUNS.server, 40),
  )
})

// ---------------------------------------------------------------------------------------------------
// The fetch itself

/** What an injected fetch can do besides answering: every one of these must end in a typed error. */
type FetchFault =
  | { kind: 'resolves'; value: unknown }
  | { kind: 'throws synchronously'; value: unknown }
  | { kind: 'rejects'; value: unknown }
  | { kind: 'body breaks mid-read'; status: number }
  | { kind: 'never settles' }

const notAResponse = fc.oneof(
  fc.constantFrom(undefined, null, {}, { status: 200 }, { status: 200, headers: {} }, 'OK', 200, []),
  fc.record({ status: fc.integer({ min: 100, max: 599 }), ok: fc.boolean(), text: fc.constant('{}') }),
  fc.anything(),
)

const fetchFault: fc.Arbitrary<FetchFault> = fc.oneof(
  notAResponse.map((value) => ({ kind: 'resolves' as const, value })),
  fc.anything().map((value) => ({ kind: 'throws synchronously' as const, value })),
  fc.anything().map((value) => ({ kind: 'rejects' as const, value })),
  fc.constantFrom(200, 400, 500).map((status) => ({ kind: 'body breaks mid-read' as const, status })),
  fc.constant({ kind: 'never settles' as const }),
)

function faultyFetch(fault: FetchFault): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) => {
    switch (fault.kind) {
      case 'resolves':
        return Promise.resolve(fault.value)
      case 'throws synchronously':
        throw fault.value
      case 'rejects':
        return Promise.reject(fault.value)
      case 'body breaks mid-read': {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data": {"method_'))
            controller.error(new TypeError('connection reset'))
          },
        })
        return Promise.resolve(new Response(body, { status: fault.status }))
      }
      case 'never settles':
        // Ignores even its signal: the client's own timeout must still win.
        void init
        return new Promise<Response>(() => {})
    }
  }) as typeof fetch
}

describe('whatever the fetch itself does', () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => void unhandled.push(reason)
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    process.on('unhandledRejection', onUnhandled)
  })
  afterEach(() => {
    vi.useRealTimers()
    process.off('unhandledRejection', onUnhandled)
  })

  it(
    'every call ends in StytchNetworkError or StytchTimeoutError, never another throw or an unhandled rejection',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(CALLS)), fetchFault, async (name, fault) => {
          const call = CALLS[name]!
          const stytch = createStytchClient(TOKEN, {
            storage: call.signedIn ? signedInStorage() : createMemoryStorage(),
            timeoutMs: 2000,
            fetch: faultyFetch(fault),
          })
          clients.push(stytch)
          let settled: { value?: unknown; error?: unknown } | undefined
          void outcome(() => call.run(stytch)).then((o) => (settled = o))
          // Retried calls wait 300 ms and 900 ms between three tries of up to 2 s each.
          for (let i = 0; i < 100 && settled === undefined; i++) await vi.advanceTimersByTimeAsync(100)
          stytch.destroy()
          expect(settled, 'the call never settled').toBeDefined()
          const { error } = settled!
          expect(error, `${fault.kind} resolved`).toBeDefined()
          const expected = fault.kind === 'never settles' ? StytchTimeoutError : StytchNetworkError
          expect(error, `${fault.kind}: ${String(error)}`).toBeInstanceOf(expected)
          await new Promise((resolve) => setImmediate(resolve))
          expect(unhandled).toEqual([])
        }),
        fuzz(0xc0_06, RUNS.server),
      )
    },
    fuzzTimeout(RUNS.server, 40),
  )
})
