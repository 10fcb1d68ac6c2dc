import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { backend, expectErrorShape, OTHER_PHONE, PHONE, sdk } from './helpers'

let emulator: Emulator
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
  emulator = createEmulator()
})
afterEach(() => {
  vi.useRealTimers()
})

const send = (phone = PHONE, em = emulator) =>
  sdk(em.fetch, '/otps/sms/login_or_create', { phone_number: phone })

describe('send rate limit', () => {
  it('allows 5 sends per number in 10 minutes, then 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await send()).status).toBe(200)
      vi.advanceTimersByTime(60_000)
    }
    const limited = await send()
    expect(limited.status).toBe(429)
    expectErrorShape(limited.json, 429, 'too_many_requests')
    // The first send was 5 minutes ago; it leaves the window in another 5.
    expect(limited.response.headers.get('retry-after')).toBe('300')
    expect(emulator.messages()).toHaveLength(5)
  })

  it('counts per phone number', async () => {
    for (let i = 0; i < 5; i += 1) await send()
    expect((await send()).status).toBe(429)
    expect((await send(OTHER_PHONE)).status).toBe(200)
  })

  it('lets the number send again once the window has passed', async () => {
    for (let i = 0; i < 5; i += 1) await send()
    expect((await send()).status).toBe(429)
    vi.advanceTimersByTime(600_000)
    expect((await send()).status).toBe(200)
  })

  it('is shared by both families and every send endpoint', async () => {
    await send()
    await sdk(emulator.fetch, '/otps/sms/send/primary', { phone_number: PHONE })
    await backend(emulator.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    await backend(emulator.fetch, '/otps/sms/send', { phone_number: PHONE })
    await send()
    const limited = await backend(emulator.fetch, '/otps/sms/send', { phone_number: PHONE })
    expect(limited.status).toBe(429)
    expect(limited.response.headers.get('retry-after')).toBe('600')
  })

  it('is configurable', async () => {
    const strict = createEmulator({ rateLimit: { max: 1, windowSeconds: 30 } })
    expect((await send(PHONE, strict)).status).toBe(200)
    const limited = await send(PHONE, strict)
    expect(limited.status).toBe(429)
    expect(limited.response.headers.get('retry-after')).toBe('30')
    vi.advanceTimersByTime(30_000)
    expect((await send(PHONE, strict)).status).toBe(200)
  })

  it('a throttled request creates nothing', async () => {
    const strict = createEmulator({ rateLimit: { max: 1, windowSeconds: 30 } })
    await backend(strict.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    await backend(strict.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })
    expect(strict.messages()).toHaveLength(1)
  })

  it('is cleared by reset()', async () => {
    for (let i = 0; i < 5; i += 1) await send()
    emulator.reset()
    expect((await send()).status).toBe(200)
  })
})
