// `limits` with the in-memory store: sends per phone number and per client IP, 429 with Retry-After, and the
// provider not called for a refused send. The same cases run against Redis in redisStore.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryStore } from '../index'
import { limitCases } from './limitCases'
import { PHONE, setUp } from './support'

afterEach(() => {
  vi.useRealTimers()
})

describe('limits with the memory store', () => {
  limitCases(() => memoryStore())

  it('the default store is in memory, and a window ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const setup = setUp('moonkey', { limits: { perPhone: 1 } })
    const send = () => setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    expect((await send()).status).toBe(200)
    const refused = await send()
    expect(refused.status).toBe(429)
    // A bare number is that many sends per 10 minutes.
    expect(refused.headers.get('retry-after')).toBe('600')
    vi.setSystemTime(Date.now() + 600_000)
    expect((await send()).status).toBe(200)
  })

  it('a refused bad request counts against no limit', async () => {
    const setup = setUp('moonkey', { limits: { perPhone: 1, perIp: 1 } })
    const bad = await setup.call('/sdk/v1/otps/sms/login_or_create', {
      body: { phone_number: PHONE, expiration_minutes: 99 },
    })
    expect(bad.status).toBe(400)
    const good = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    expect(good.status).toBe(200)
  })

  it('refuses limits that are not positive integers when the relay is created', () => {
    expect(() => setUp('moonkey', { limits: { perIp: 0 } })).toThrow(TypeError)
    expect(() => setUp('moonkey', { limits: { perPhone: { max: 1, windowSeconds: 0.5 } } })).toThrow(
      TypeError,
    )
  })
})
