import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmulator, SANDBOX_CODE, SANDBOX_PHONE_NUMBER, type Emulator } from '../index'
import {
  authenticateCode,
  backend,
  data,
  expectErrorShape,
  lastCode,
  PHONE,
  sdk,
  sendCode,
  wrongFor,
} from './helpers'

let emulator: Emulator
beforeEach(() => {
  emulator = createEmulator()
})
afterEach(() => {
  vi.useRealTimers()
})

const authenticate = (methodId: string, token: string) => authenticateCode(emulator, methodId, token)

describe('codes', () => {
  it('are six digits and differ between sends', async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 20; i += 1) {
      emulator.reset()
      await sendCode(emulator)
      const code = lastCode(emulator)
      expect(code).toMatch(/^\d{6}$/)
      codes.add(code)
    }
    expect(codes.size).toBeGreaterThan(15)
  })

  it('a wrong code → 404 otp_code_not_found; the right one still works', async () => {
    const methodId = await sendCode(emulator)
    const code = lastCode(emulator)
    const wrong = await authenticate(methodId, wrongFor(code))
    expect(wrong.status).toBe(404)
    expectErrorShape(wrong.json, 404, 'otp_code_not_found')
    expect((await authenticate(methodId, code)).status).toBe(200)
  })

  it('are single use → 401 unable_to_auth_otp_code the second time', async () => {
    const methodId = await sendCode(emulator)
    const code = lastCode(emulator)
    expect((await authenticate(methodId, code)).status).toBe(200)
    const again = await authenticate(methodId, code)
    expect(again.status).toBe(401)
    expectErrorShape(again.json, 401, 'unable_to_auth_otp_code')
  })

  it('expire after two minutes by default', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const methodId = await sendCode(emulator)
    const code = lastCode(emulator)
    vi.advanceTimersByTime(120_000)
    const late = await authenticate(methodId, code)
    expect(late.status).toBe(401)
    expectErrorShape(late.json, 401, 'unable_to_auth_otp_code')
  })

  it('are still good just before expiry', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const methodId = await sendCode(emulator)
    vi.advanceTimersByTime(119_999)
    expect((await authenticate(methodId, lastCode(emulator))).status).toBe(200)
  })

  it('honour expiration_minutes and the codeLifetimeSeconds option', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const methodId = await sendCode(emulator, PHONE, { expiration_minutes: 10 })
    vi.advanceTimersByTime(9 * 60_000)
    expect((await authenticate(methodId, lastCode(emulator))).status).toBe(200)

    const quick = createEmulator({ codeLifetimeSeconds: 30 })
    const quickId = await sendCode(quick)
    vi.advanceTimersByTime(30_000)
    const { json } = await sdk(quick.fetch, '/otps/authenticate', {
      token: lastCode(quick),
      method_id: quickId,
      session_duration_minutes: 5,
    })
    expectErrorShape(json, 401, 'unable_to_auth_otp_code')
  })

  it('die after five wrong tries, even for the right code', async () => {
    const methodId = await sendCode(emulator)
    const code = lastCode(emulator)
    for (let i = 1; i <= 5; i += 1) {
      const wrong = await authenticate(methodId, wrongFor(code, i))
      expectErrorShape(wrong.json, 404, 'otp_code_not_found')
    }
    const right = await authenticate(methodId, code)
    expect(right.status).toBe(401)
    expectErrorShape(right.json, 401, 'unable_to_auth_otp_code')
  })

  it('four wrong tries leave the code alive', async () => {
    const methodId = await sendCode(emulator)
    const code = lastCode(emulator)
    for (let i = 1; i <= 4; i += 1) await authenticate(methodId, wrongFor(code, i))
    expect((await authenticate(methodId, code)).status).toBe(200)
  })

  it('a new send invalidates the previous code', async () => {
    const methodId = await sendCode(emulator)
    const first = lastCode(emulator)
    expect(await sendCode(emulator)).toBe(methodId)
    const second = lastCode(emulator)
    if (first !== second) {
      expectErrorShape((await authenticate(methodId, first)).json, 404, 'otp_code_not_found')
    }
    expect((await authenticate(methodId, second)).status).toBe(200)
  })

  it('a new send resets the attempt count', async () => {
    const methodId = await sendCode(emulator)
    for (let i = 1; i <= 5; i += 1) await authenticate(methodId, wrongFor(lastCode(emulator), i))
    await sendCode(emulator)
    expect((await authenticate(methodId, lastCode(emulator))).status).toBe(200)
  })

  it('the /v1 family shares the same rules', async () => {
    const created = await backend(emulator.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    const methodId = created.json.phone_id as string
    const code = lastCode(emulator)
    const wrong = await backend(emulator.fetch, '/otps/authenticate', {
      method_id: methodId,
      code: wrongFor(code),
    })
    expectErrorShape(wrong.json, 404, 'otp_code_not_found')
    expect((await backend(emulator.fetch, '/otps/authenticate', { method_id: methodId, code })).status).toBe(
      200,
    )
    const reused = await backend(emulator.fetch, '/otps/authenticate', { method_id: methodId, code })
    expectErrorShape(reused.json, 401, 'unable_to_auth_otp_code')
  })
})

describe('sandbox number', () => {
  it(`${SANDBOX_PHONE_NUMBER} always takes ${SANDBOX_CODE}, again and again`, async () => {
    const methodId = await sendCode(emulator, SANDBOX_PHONE_NUMBER)
    expect(lastCode(emulator)).toBe(SANDBOX_CODE)
    expect(emulator.messages()[0]?.to).toBe(SANDBOX_PHONE_NUMBER)
    expect((await authenticate(methodId, SANDBOX_CODE)).status).toBe(200)
    expect((await authenticate(methodId, SANDBOX_CODE)).status).toBe(200)
    expectErrorShape((await authenticate(methodId, '123456')).json, 404, 'otp_code_not_found')
  })

  it('is never rate-limited', async () => {
    for (let i = 0; i < 12; i += 1) {
      const { status } = await sdk(emulator.fetch, '/otps/sms/login_or_create', {
        phone_number: SANDBOX_PHONE_NUMBER,
      })
      expect(status).toBe(200)
    }
  })

  it('is accepted even with a country allowlist that has no US', async () => {
    const french = createEmulator({ countries: ['FR'] })
    expect(
      (await sdk(french.fetch, '/otps/sms/login_or_create', { phone_number: SANDBOX_PHONE_NUMBER })).status,
    ).toBe(200)
  })
})

describe('no user enumeration', () => {
  it('login_or_create answers the same shape for known and unknown numbers', async () => {
    const unknown = await sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    const known = await sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    expect(unknown.status).toBe(known.status)
    expect(Object.keys(data(unknown.json)).sort()).toEqual(Object.keys(data(known.json)).sort())
  })

  it('send/primary answers an unknown number like a known one and sends nothing', async () => {
    const unknown = await sdk(emulator.fetch, '/otps/sms/send/primary', { phone_number: PHONE })
    expect(unknown.status).toBe(200)
    expect(data(unknown.json).method_id).toMatch(/^phone-number-test-/)
    expect(emulator.messages()).toEqual([])
  })

  it('a wrong code reads the same whether or not the phone exists', async () => {
    const real = await sendCode(emulator)
    const ghost = data(
      (await sdk(emulator.fetch, '/otps/sms/send/primary', { phone_number: '+12025550199' })).json,
    ).method_id as string
    const never = 'phone-number-test-00000000-0000-4000-8000-000000000000'
    const results = await Promise.all(
      [real, ghost, never].map(async (methodId) => {
        const { status, json } = await authenticate(methodId, wrongFor(lastCode(emulator)))
        return [status, json.error_type, json.error_message]
      }),
    )
    expect(results[1]).toEqual(results[0])
    expect(results[2]).toEqual(results[0])
  })
})
