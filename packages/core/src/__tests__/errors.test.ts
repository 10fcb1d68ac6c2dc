// Every failure becomes one typed error, built from responses shaped like the real ones.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createMemoryStorage,
  createStytchClient,
  isStytchAPIError,
  isStytchError,
  isStytchNetworkError,
  isStytchSchemaError,
  isStytchTimeoutError,
  isStytchUsageError,
  StytchAPIError,
  StytchError,
  StytchNetworkError,
  StytchSchemaError,
  StytchTimeoutError,
  StytchUsageError,
} from '../index'
import type { Reply } from './support'
import { apiError, json, ok, PHONE, recordingFetch, sendData, settle, text, TOKEN } from './support'

afterEach(() => void vi.useRealTimers())

function send(...replies: Reply[]) {
  const net = recordingFetch(...replies)
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
  return { net, result: settle(stytch.otps.sms.loginOrCreate(PHONE)) }
}

function authenticate(...replies: Reply[]) {
  const net = recordingFetch(...replies)
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
  return settle(
    stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 60 }),
  )
}

describe('API errors', () => {
  it.each([
    [400, 'invalid_phone_number'],
    [400, 'invalid_phone_number_country_code'],
    [401, 'unable_to_auth_otp_code'],
    [403, 'captcha_required'],
    [404, 'otp_code_not_found'],
    [500, 'internal_server_error'],
  ])('%i %s becomes a StytchAPIError with every field', async (status, type) => {
    const error = await authenticate(apiError(status, type))
    expect(error).toBeInstanceOf(StytchAPIError)
    expect(error).toBeInstanceOf(StytchError)
    expect(error).toMatchObject({
      name: 'StytchAPIError',
      code: type,
      status_code: status,
      error_type: type,
      error_message: `Error: ${type}`,
      error_url: `https://stytch.com/docs/api/errors/${status}`,
      request_id: `request-id-test-${type}`,
      retryAfter: undefined,
      message: `Error: ${type}`,
    })
    expect(isStytchAPIError(error)).toBe(true)
    expect(isStytchNetworkError(error)).toBe(false)
  })

  it('429 carries retryAfter in seconds from a delay-seconds Retry-After', async () => {
    const { result } = send(apiError(429, 'too_many_requests', { 'Retry-After': '37' }))
    expect(await result).toMatchObject({ code: 'too_many_requests', status_code: 429, retryAfter: 37 })
  })

  it('429 carries retryAfter from an HTTP-date Retry-After', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T12:00:00Z'), toFake: ['Date'] })
    const { result } = send(
      apiError(429, 'too_many_requests', { 'Retry-After': 'Tue, 24 Nov 2026 12:01:30 GMT' }),
    )
    expect(await result).toMatchObject({ code: 'too_many_requests', retryAfter: 90 })
  })

  it('429 with an unreadable Retry-After has no retryAfter', async () => {
    const { result } = send(apiError(429, 'too_many_requests', { 'Retry-After': 'soon' }))
    expect(await result).toMatchObject({ code: 'too_many_requests', retryAfter: undefined })
  })

  it('429 user_lock_limit_reached keeps its own code', async () => {
    const error = await authenticate(apiError(429, 'user_lock_limit_reached', { 'Retry-After': '3600' }))
    expect(error).toMatchObject({ code: 'user_lock_limit_reached', retryAfter: 3600 })
  })

  it('an error body without status_code takes the HTTP status', async () => {
    const error = await authenticate(json(404, { error_type: 'otp_code_not_found', error_message: 'nope' }))
    expect(error).toMatchObject({
      code: 'otp_code_not_found',
      status_code: 404,
      error_url: '',
      request_id: '',
    })
  })
})

describe('responses that are not the documented shape', () => {
  it('an HTML 502 page from a proxy is a StytchSchemaError with the status', async () => {
    const { result } = send(
      new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
        status: 502,
        headers: { 'Content-Type': 'text/html' },
      }),
    )
    const error = await result
    expect(error).toBeInstanceOf(StytchSchemaError)
    expect(error).toMatchObject({ code: 'invalid_response', status_code: 502, retryAfter: undefined })
    expect(isStytchSchemaError(error)).toBe(true)
  })

  it('a plain-text 429 is a StytchSchemaError that keeps retryAfter', async () => {
    const { result } = send(text(429, 'Too Many Requests', { 'Retry-After': '120' }))
    expect(await result).toMatchObject({ name: 'StytchSchemaError', status_code: 429, retryAfter: 120 })
  })

  it('a 200 HTML page is a StytchSchemaError', async () => {
    const { result } = send(new Response('<!doctype html><title>Login</title>', { status: 200 }))
    expect(await result).toMatchObject({ code: 'invalid_response', status_code: 200 })
  })

  it('truncated JSON is a StytchSchemaError', async () => {
    const { result } = send(new Response('{"data": {"request_id": "req', { status: 200 }))
    expect(await result).toMatchObject({ code: 'invalid_response' })
  })

  it('a success body without the {data} envelope is a StytchSchemaError', async () => {
    const { result } = send(json(200, sendData()))
    expect(await result).toMatchObject({ code: 'invalid_response' })
  })

  it('a missing field names its path, never a value', async () => {
    const { result } = send(ok({ request_id: 'request-id-test-1', status_code: 200 }))
    const error = (await result) as StytchSchemaError
    expect(error).toBeInstanceOf(StytchSchemaError)
    expect(error.message).toContain('data.method_id')
  })

  it('a wrongly typed nested field is a StytchSchemaError', async () => {
    const error = await authenticate(
      ok({
        request_id: 'r',
        status_code: 200,
        user_id: 'u',
        method_id: 'm',
        session_token: 't',
        session_jwt: 'j',
      }),
    )
    expect(error).toMatchObject({ code: 'invalid_response' })
    expect((error as Error).message).toContain('data.session')
  })
})

describe('network failures', () => {
  it.each([
    ['Chrome', 'Failed to fetch'],
    ['Safari', 'Load failed'],
    ['Firefox', 'NetworkError when attempting to fetch resource.'],
    ['Node/undici', 'fetch failed'],
  ])('%s "%s" is a StytchNetworkError with the original in cause', async (_browser, message) => {
    const original = new TypeError(message)
    const { result } = send(original)
    const error = await result
    expect(error).toBeInstanceOf(StytchNetworkError)
    expect(error).toMatchObject({ name: 'StytchNetworkError', code: 'network_error', cause: original })
    expect(isStytchNetworkError(error)).toBe(true)
  })

  it('a body that fails mid-read is a network error too', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data":'))
        controller.error(new TypeError('network error'))
      },
    })
    const { result } = send(new Response(body, { status: 200 }))
    expect(await result).toMatchObject({ code: 'network_error' })
  })
})

describe('an injected fetch that misbehaves', () => {
  const sendWith = (fetch: unknown) => {
    const stytch = createStytchClient(TOKEN, {
      fetch: fetch as typeof globalThis.fetch,
      storage: createMemoryStorage(),
    })
    return settle(stytch.otps.sms.loginOrCreate(PHONE))
  }

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a plain object', { status: 200, data: { method_id: 'phone-number-test-1' } }],
    ['a string', 'OK'],
  ])('resolving with %s is a StytchNetworkError, not a TypeError', async (_label, value) => {
    const error = await sendWith(async () => value)
    expect(error).toBeInstanceOf(StytchNetworkError)
    expect(error).toMatchObject({ code: 'network_error', cause: expect.any(TypeError) })
  })

  it('throwing synchronously is a StytchNetworkError, and the call still rejects rather than throws', async () => {
    const thrown = new Error('fetch is not configured')
    const error = await sendWith(() => {
      throw thrown
    })
    expect(error).toMatchObject({ name: 'StytchNetworkError', code: 'network_error', cause: thrown })
  })

  it('throwing a string is a StytchNetworkError with the string in cause', async () => {
    const error = await sendWith(async () => {
      throw 'offline'
    })
    expect(error).toMatchObject({ name: 'StytchNetworkError', cause: 'offline' })
  })
})

describe('timeouts and aborts', () => {
  it('no answer within the default 15 s is a StytchTimeoutError, and the fetch is aborted', async () => {
    vi.useFakeTimers()
    const { net, result } = send('hang')
    await vi.advanceTimersByTimeAsync(14_999)
    expect(net.calls[0]?.signal?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const error = await result
    expect(error).toBeInstanceOf(StytchTimeoutError)
    expect(error).toMatchObject({ code: 'timeout', timeoutMs: 15_000 })
    expect(isStytchTimeoutError(error)).toBe(true)
    expect(net.calls[0]?.signal?.aborted).toBe(true)
  })

  it('timeoutMs is configurable and applies even to a fetch that ignores its signal', async () => {
    vi.useFakeTimers()
    const net = recordingFetch(() => new Promise<Response>(() => {}))
    const stytch = createStytchClient(TOKEN, {
      fetch: net.fetch,
      storage: createMemoryStorage(),
      timeoutMs: 2000,
    })
    const result = settle(stytch.otps.sms.loginOrCreate(PHONE))
    await vi.advanceTimersByTimeAsync(2000)
    expect(await result).toMatchObject({ code: 'timeout', timeoutMs: 2000 })
  })

  it("the caller's signal aborting mid-flight rejects with the standard AbortError", async () => {
    const net = recordingFetch('hang')
    const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
    const controller = new AbortController()
    const result = settle(stytch.otps.sms.loginOrCreate(PHONE, { signal: controller.signal }))
    await vi.waitFor(() => expect(net.calls).toHaveLength(1))
    controller.abort()
    const error = await result
    expect(error).toBeInstanceOf(DOMException)
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(isStytchError(error)).toBe(false)
    expect(net.calls[0]?.signal?.aborted).toBe(true)
  })

  it('an already aborted signal rejects with AbortError and sends nothing', async () => {
    const net = recordingFetch()
    const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
    const error = await settle(stytch.otps.sms.loginOrCreate(PHONE, { signal: AbortSignal.abort() }))
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(net.calls).toHaveLength(0)
  })
})

describe('error guards', () => {
  it('each guard recognises only its own class', () => {
    const errors = [
      new StytchAPIError({
        status_code: 400,
        error_type: 'invalid_code',
        error_message: '',
        error_url: '',
        request_id: '',
      }),
      new StytchNetworkError('offline', new TypeError('Failed to fetch')),
      new StytchTimeoutError('slow', 10),
      new StytchUsageError('invalid_code', 'bad'),
      new StytchSchemaError('odd', 200),
    ]
    const guards = [
      isStytchAPIError,
      isStytchNetworkError,
      isStytchTimeoutError,
      isStytchUsageError,
      isStytchSchemaError,
    ]
    const matrix = guards.map((guard) => errors.map((error) => guard(error)))
    expect(matrix).toEqual(guards.map((_, i) => errors.map((_, j) => i === j)))
    expect(errors.every(isStytchError)).toBe(true)
  })

  it('guards reject look-alikes and non-errors', () => {
    const fake = Object.assign(new Error('x'), { name: 'StytchAPIError', code: 'invalid_code' })
    for (const value of [fake, null, undefined, 'StytchAPIError', { code: 'network_error' }]) {
      expect(isStytchError(value)).toBe(false)
      expect(isStytchAPIError(value)).toBe(false)
    }
  })

  it('guards work on an error from another copy of the package (brand, not instanceof)', () => {
    // A second bundle's class: unrelated prototype chain, same registry brand.
    const foreign = new (class extends Error {
      override name = 'StytchNetworkError'
      code = 'network_error'
    })('offline')
    Object.defineProperty(foreign, Symbol.for('@otpkit/core/StytchError'), { value: true })
    expect(foreign instanceof StytchError).toBe(false)
    expect(isStytchError(foreign)).toBe(true)
    expect(isStytchNetworkError(foreign)).toBe(true)
  })
})
