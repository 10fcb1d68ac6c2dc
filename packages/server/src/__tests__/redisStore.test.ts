// The Redis store against a real redis-server (node-redis as the client): the same limit cases as the memory
// store, counters that expire with their window, and keys that hold no phone number.
import { createClient } from 'redis'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createServerLog, printServerLogOnFailure } from '../../../tooling/testing/serverLog'
import { redisStore } from '../index'
import { limitCases } from './limitCases'
import { startRedisServer, type RedisServer } from './redisServer'
import { PHONE, setUp } from './support'

let server: RedisServer
let client: ReturnType<typeof createClient>
const serverLog = createServerLog()
printServerLogOnFailure(serverLog.handle())

beforeAll(async () => {
  server = await startRedisServer(serverLog)
  client = createClient({ socket: { path: server.socket, tls: false } })
  await client.connect()
}, 20_000)
afterAll(async () => {
  await client?.close()
  await server?.stop()
  serverLog.remove()
})
beforeEach(async () => {
  await client.flushAll()
})

describe('limits with the Redis store', () => {
  limitCases(() => redisStore({ client }))

  it('keeps counters under its prefix, hashed, expiring with the window', async () => {
    const setup = setUp('moonkey', {
      limits: { perPhone: { max: 5, windowSeconds: 60 }, perIp: { max: 5, windowSeconds: 120 } },
      store: redisStore({ client, prefix: 'app:' }),
    })
    await setup.call('/sdk/v1/otps/sms/login_or_create', { body: { phone_number: PHONE } })
    const keys = (await client.keys('*')).sort()
    expect(keys).toEqual([
      expect.stringMatching(/^app:ip:[0-9a-f]{64}$/),
      expect.stringMatching(/^app:phone:[0-9a-f]{64}$/),
    ])
    expect(keys.join(' ')).not.toContain(PHONE.slice(1))
    const ttls = await Promise.all(keys.map((key) => client.pTTL(key)))
    expect(ttls[0]).toBeGreaterThan(60_000)
    expect(ttls[0]).toBeLessThanOrEqual(120_000)
    expect(ttls[1]).toBeGreaterThan(0)
    expect(ttls[1]).toBeLessThanOrEqual(60_000)
  })

  it('starts a new window once the key expires', async () => {
    const store = redisStore({ client })
    expect(await store.increment('k', 50)).toMatchObject({ count: 1 })
    expect(await store.increment('k', 50)).toMatchObject({ count: 2 })
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(await store.increment('k', 50)).toMatchObject({ count: 1 })
  })

  it('refuses something that is not a Redis client', () => {
    expect(() => redisStore({ client: {} as never })).toThrow(TypeError)
  })
})
