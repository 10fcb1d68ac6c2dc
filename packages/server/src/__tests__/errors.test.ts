// Every provider error the relay maps, as the browser sees it: the public-token API's error body, status and
// `error_type`; and a provider that is down, slow or talking nonsense as a typed 502/503, never a hang.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PHONE, PROVIDERS, setUp, signIn, type Setup } from './support'

afterEach(() => {
  vi.useRealTimers()
})

async function errorOf(response: Response) {
  const body = (await response.json()) as Record<string, unknown>
  expect(body).toEqual({
    status_code: response.status,
    request_id: expect.any(String),
    error_type: expect.any(String),
    error_message: expect.any(String),
    error_url: expect.any(String),
  })
  return { status: response.status, type: body.error_type, retryAfter: response.headers.get('retry-after') }
}

async function send(setup: Setup, phone = PHONE) {
  const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: phone } })
  const body = (await response.json()) as { data: { method_id: string } }
  return body.data.method_id
}

function authenticate(setup: Setup, methodId: string, token: string, minutes = 60) {
  return setup.call('/sdk/v1/otps/authenticate', {
    body: { token, method_id: methodId, session_duration_minutes: minutes },
  })
}

function wrongCode(code: string): string {
  return code === '123456' ? '654321' : '123456'
}

describe.each(PROVIDERS)('%s errors, mapped', (name) => {
  it('a wrong code is 404 otp_code_not_found', async () => {
    const setup = setUp(name)
    const methodId = await send(setup)
    expect(await errorOf(await authenticate(setup, methodId, wrongCode(setup.lastCode())))).toMatchObject({
      status: 404,
      type: 'otp_code_not_found',
    })
  })

  it('a used code is 401 unable_to_auth_otp_code', async () => {
    const setup = setUp(name)
    const methodId = await send(setup)
    const code = setup.lastCode()
    expect((await authenticate(setup, methodId, code)).status).toBe(200)
    expect(await errorOf(await authenticate(setup, methodId, code))).toMatchObject({
      status: 401,
      type: 'unable_to_auth_otp_code',
    })
  })

  it("an expired code is 401 unable_to_auth_otp_code (MoonKey's default expiry is one minute)", async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const setup = setUp(name)
    const methodId = await send(setup)
    // Past MoonKey's 1 minute, inside Stytch's 2: the defaults differ, and the relay keeps each provider's.
    vi.setSystemTime(Date.now() + 90_000)
    const early = await authenticate(setup, methodId, setup.lastCode())
    if (name === 'moonkey') {
      expect(await errorOf(early)).toMatchObject({ status: 401, type: 'unable_to_auth_otp_code' })
    } else {
      expect(early.status).toBe(200)
    }
  })

  it('a country the provider refuses is 400 invalid_phone_number_country_code', async () => {
    const setup = setUp(name)
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', {
      body: { phone_number: '+442079460958' },
    })
    expect(await errorOf(response)).toMatchObject({ status: 400, type: 'invalid_phone_number_country_code' })
    expect(setup.providerCalls).toHaveLength(1)
  })

  it("the provider's own send limit is 429 too_many_requests with its Retry-After", async () => {
    const setup = setUp(name, {}, { rateLimit: { max: 1, windowSeconds: 120 } })
    await send(setup)
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    expect(await errorOf(response)).toMatchObject({
      status: 429,
      type: 'too_many_requests',
      retryAfter: '120',
    })
  })

  it('too many wrong codes lock the user: 429 user_lock_limit_reached', async () => {
    const setup = setUp(name, {}, { userLock: { maxFailures: 2, lockSeconds: 600 } })
    const methodId = await send(setup)
    const wrong = wrongCode(setup.lastCode())
    await authenticate(setup, methodId, wrong)
    await authenticate(setup, methodId, wrong)
    expect(await errorOf(await authenticate(setup, methodId, setup.lastCode()))).toMatchObject({
      status: 429,
      type: 'user_lock_limit_reached',
    })
  })

  it('a revoked session is 404 session_not_found on every session route', async () => {
    const setup = setUp(name)
    const { sessionToken } = await signIn(setup)
    expect((await setup.call('/sdk/v1/sessions/revoke', { body: {}, session: sessionToken })).status).toBe(
      200,
    )
    for (const [path, body] of [
      ['/sdk/v1/sessions/authenticate', {}],
      ['/sdk/v1/sessions/revoke', {}],
      ['/sdk/v1/users/me', undefined],
    ] as const) {
      expect(await errorOf(await setup.call(path, { body, session: sessionToken }))).toMatchObject({
        status: 404,
        type: 'session_not_found',
      })
    }
  })

  it('a session duration the provider refuses is 400 invalid_session_duration_minutes', async () => {
    const setup = setUp(name)
    const methodId = await send(setup)
    // 527,040 is the public-token API's maximum; MoonKey's is 525,600, so only MoonKey refuses 526,000.
    const response = await authenticate(setup, methodId, setup.lastCode(), name === 'moonkey' ? 526_000 : 4)
    expect(await errorOf(response)).toMatchObject({ status: 400, type: 'invalid_session_duration_minutes' })
  })

  it("a provider that refuses the relay's credentials is 502 provider_unauthorized, not the browser's 401", async () => {
    const setup = setUp(name, {}, {}, { apiKey: 'sk_test_wrong', secret: 'secret-test-wrong' })
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    expect(await errorOf(response)).toMatchObject({ status: 502, type: 'provider_unauthorized' })
  })
})

describe.each(PROVIDERS)('%s down or talking nonsense', (name) => {
  const path = name === 'moonkey' ? '/v1/auth/otps/sms/login_or_create' : '/v1/otps/sms/login_or_create'

  it.each([
    ['a 500', { kind: 'status', status: 500 }, 503, 'provider_unavailable'],
    ['a 503', { kind: 'status', status: 503 }, 503, 'provider_unavailable'],
    ['an HTML page', { kind: 'html', status: 200 }, 502, 'provider_bad_response'],
    ['truncated JSON', { kind: 'truncated_json' }, 502, 'provider_bad_response'],
    ['the wrong shape', { kind: 'wrong_shape' }, 502, 'provider_bad_response'],
    ['a dropped connection', { kind: 'drop' }, 503, 'provider_unavailable'],
    ['an unknown error type', { kind: 'status', status: 418, error_type: 'teapot' }, 502, 'provider_error'],
  ] as const)('%s is %s %s', async (_label, fault, status, type) => {
    const setup = setUp(name)
    setup.emulator.faults.add({ ...fault, path } as Parameters<Setup['emulator']['faults']['add']>[0])
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    // The Stytch backend speaks the public-token vocabulary, so an unknown 4xx type passes through as it is.
    if (name === 'stytch-backend' && type === 'provider_error') {
      expect(await errorOf(response)).toMatchObject({ status: 418, type: 'teapot' })
      return
    }
    expect(await errorOf(response)).toMatchObject({ status, type })
  })

  it('a provider slower than the timeout is 503 provider_unavailable, on time', async () => {
    const setup = setUp(name, {}, {}, { timeoutMs: 200 })
    setup.emulator.faults.add({ kind: 'latency', ms: 5_000, path })
    const started = Date.now()
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await errorOf(response)).toMatchObject({ status: 503, type: 'provider_unavailable' })
  })
})

describe('bad input is refused before the provider is called', () => {
  it.each([
    ['no body', undefined, 'invalid_phone_number'],
    ['a number not in E.164', { phone_number: '202-555-0162' }, 'invalid_phone_number'],
    ['an impossible number', { phone_number: '+1200555016' }, 'invalid_phone_number'],
    ['an expiry of 11 minutes', { phone_number: PHONE, expiration_minutes: 11 }, 'invalid_expiration'],
    ['a locale that is not text', { phone_number: PHONE, locale: 7 }, 'invalid_locale'],
  ])('%s', async (_label, body, type) => {
    for (const name of PROVIDERS) {
      const setup = setUp(name)
      const response = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: body ?? {} })
      expect(await errorOf(response)).toMatchObject({ status: 400, type })
      expect(setup.providerCalls).toEqual([])
    }
  })

  it('authenticate checks the code, method id and session duration first', async () => {
    const setup = setUp('moonkey')
    for (const [body, type] of [
      [{ token: '12345', method_id: 'pn_x', session_duration_minutes: 60 }, 'invalid_code'],
      [{ token: '123456', method_id: '', session_duration_minutes: 60 }, 'invalid_method_id'],
      [{ token: '123456', method_id: 'pn_x' }, 'invalid_session_duration_minutes'],
      [
        { token: '123456', method_id: 'pn_x', session_duration_minutes: 4 },
        'invalid_session_duration_minutes',
      ],
    ] as const) {
      const response = await setup.call('/sdk/v1/otps/authenticate', { body })
      expect(await errorOf(response)).toMatchObject({ status: 400, type })
    }
    const notJson = await setup.relay.fetch(
      new Request('https://app.example.com/sdk/v1/otps/authenticate', {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('x:y')}` },
        body: '{',
      }),
    )
    expect(notJson.status).toBe(401)
    expect(setup.providerCalls).toEqual([])
  })
})

describe("every MoonKey error type the relay maps, as the emulator's fault control answers it", () => {
  it.each([
    [400, 'invalid_phone_number', 400, 'invalid_phone_number'],
    [400, 'phone_number_country_not_allowed', 400, 'invalid_phone_number_country_code'],
    [400, 'invalid_expires_in', 400, 'invalid_expiration'],
    [400, 'invalid_session_expires_in', 400, 'invalid_session_duration_minutes'],
    [400, 'invalid_method_id', 400, 'invalid_method_id'],
    [400, 'invalid_otp', 400, 'invalid_code'],
    [404, 'otp_incorrect', 404, 'otp_code_not_found'],
    [401, 'otp_expired', 401, 'unable_to_auth_otp_code'],
    [429, 'user_locked', 429, 'user_lock_limit_reached'],
    [429, 'too_many_requests', 429, 'too_many_requests'],
    [404, 'session_not_found', 404, 'session_not_found'],
    [404, 'user_not_found', 404, 'session_not_found'],
    [400, 'bad_request', 400, 'bad_request'],
    [401, 'invalid_api_key', 502, 'provider_unauthorized'],
    [403, 'secret_key_required', 502, 'provider_unauthorized'],
    [400, 'something_new', 502, 'provider_error'],
  ] as const)('%s %s → %s %s', async (status, moonkeyType, expectedStatus, expectedType) => {
    const setup = setUp('moonkey')
    setup.emulator.faults.add({
      kind: 'status',
      status,
      error_type: moonkeyType,
      path: '/v1/auth/otps/verify',
    })
    const response = await authenticate(setup, 'pn_abc', '123456')
    expect(await errorOf(response)).toMatchObject({ status: expectedStatus, type: expectedType })
  })
})
