import type { RateLimitStore } from './RateLimitStore'

/**
 * The one call the store needs from a Redis client, as node-redis (`redis` 4 and later) spells it:
 * `client.eval(script, { keys, arguments })`.
 */
export interface RedisEvalClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}

// Atomic on the server: the first event creates the key with the window's expiry, later ones count up.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`

export interface RedisStoreOptions {
  /** A connected node-redis client (`createClient(…).connect()`), shared with the rest of the app. */
  client: RedisEvalClient
  /** Prefix of every key the store writes. Default `otpkit:ratelimit:`. */
  prefix?: string
}

/** Counters in Redis, shared by every instance of the relay. Keys expire with their window. */
export function redisStore({ client, prefix = 'otpkit:ratelimit:' }: RedisStoreOptions): RateLimitStore {
  if (typeof client?.eval !== 'function') {
    throw new TypeError('redisStore: client must be a connected node-redis client')
  }
  return {
    async increment(key, windowMs) {
      const reply = await client.eval(INCREMENT, {
        keys: [`${prefix}${key}`],
        arguments: [String(Math.max(1, Math.ceil(windowMs)))],
      })
      const [count, ttl] = Array.isArray(reply) ? reply.map(Number) : []
      if (count === undefined || ttl === undefined || !Number.isFinite(count) || !Number.isFinite(ttl)) {
        throw new Error('redisStore: Redis answered the counter script with an unexpected reply')
      }
      return { count, resetInMs: ttl }
    },
  }
}
