// The send-limit cases every RateLimitStore must pass; limits.test.ts runs them on the memory store,
// redisStore.test.ts on Redis.
import { expect, it } from 'vitest'
import type { RateLimitStore } from '../index'
import { PHONE, setUp } from './support'

/** The limit cases, for any store; `fresh` gives a store with no counters. */
export function limitCases(fresh: () => RateLimitStore | Promise<RateLimitStore>) {
  it('perPhone: the send past the limit is 429 too_many_requests with Retry-After, and sends nothing', async () => {
    const setup = setUp('moonkey', {
      limits: { perPhone: { max: 2, windowSeconds: 60 } },
      store: await fresh(),
    })
    for (let sent = 0; sent < 2; sent += 1) {
      const ok = await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
      expect(ok.status).toBe(200)
    }
    const calls = setup.providerCalls.length
    const refused = await setup.call('/sdk/v1/otps/sms/send/primary', { body: { phone_number: PHONE } })
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ error_type: 'too_many_requests', status_code: 429 })
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(setup.providerCalls).toHaveLength(calls)
    expect(setup.emulator.messages()).toHaveLength(2)
    // Another number has its own count.
    const other = await setup.call('/sdk/v1/otps/sms/login_or_create', {
      body: { phone_number: '+12025550163' },
    })
    expect(other.status).toBe(200)
  })

  it('perIp: one client sending to many numbers is stopped; another client is not', async () => {
    const setup = setUp('stytch-backend', {
      limits: { perIp: { max: 2, windowSeconds: 600 } },
      store: await fresh(),
    })
    const sendFrom = (ip: string, line: number) =>
      setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: `+120255501${line}` }, ip })
    expect((await sendFrom('198.51.100.1', 10)).status).toBe(200)
    expect((await sendFrom('198.51.100.1', 11)).status).toBe(200)
    const refused = await sendFrom('198.51.100.1', 12)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await sendFrom('198.51.100.2', 13)).status).toBe(200)
  })

  it('counts across relays that share the store (several instances)', async () => {
    const store = await fresh()
    const limits = { perPhone: { max: 1, windowSeconds: 60 } }
    const first = setUp('moonkey', { limits, store })
    const second = setUp('moonkey', { limits, store })
    expect(
      (await first.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })).status,
    ).toBe(200)
    expect(
      (await second.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })).status,
    ).toBe(429)
  })
}
