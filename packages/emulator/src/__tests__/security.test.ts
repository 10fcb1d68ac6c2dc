// Security properties of the emulator, beyond the rule-by-rule tests in codes, rateLimit, auth and cors:
// where codes and secrets come from, how they are compared, what an attacker can learn, who CORS lets in.
// (Attempt limit: codes.test.ts "die after five wrong tries"; per-number rate limit: rateLimit.test.ts.)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEmulator } from '../index'
import { fuzz } from '../../../tooling/testing/fuzzConfig'
import { BASE, data, expectErrorShape, PHONE, publicAuth, sdk, sendCode } from './helpers'

const SRC = join(import.meta.dirname, '..')

/** The emulator's own source files (tests excluded), as text. */
function sources(): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '__tests__') continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts')) files.set(path.slice(SRC.length + 1), readFileSync(path, 'utf8'))
    }
  }
  walk(SRC)
  return files
}

describe('randomness', () => {
  it('codes, tokens and ids come from node:crypto, the JWT key pair from WebCrypto; Math.random is used nowhere', () => {
    const files = sources()
    const offenders = [...files].filter(([, text]) => /Math\.random/.test(text)).map(([name]) => name)
    expect(offenders).toEqual([])
    expect(files.get('otp.ts')).toMatch(/import \{[^}]*\brandomInt\b[^}]*\} from 'node:crypto'/)
    expect(files.get('otp.ts')).toMatch(/randomInt\(0, 1_000_000\)/)
    expect(files.get('sessions.ts')).toMatch(/randomBytes\(33\)/)
    expect(files.get('jwtKeys.ts')).toMatch(/generateKeyPairSync\('rsa', \{ modulusLength: 2048 \}\)/)
    expect(files.get('ids.ts')).toMatch(/randomUUID\(\)/)
  })

  it('codes are uniform: every digit position passes a chi-square test, and repeats are rare', async () => {
    const emulator = createEmulator({ rateLimit: { max: 100_000, windowSeconds: 600 } })
    const total = 3000
    for (let i = 0; i < total; i++) await sendCode(emulator)
    const codes = emulator.messages().map((m) => m.code)
    expect(codes).toHaveLength(total)
    for (let position = 0; position < 6; position++) {
      const counts = Array.from({ length: 10 }, () => 0)
      for (const code of codes) counts[Number(code[position])]! += 1
      const expected = total / 10
      const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0)
      // 9 degrees of freedom; 50 is exceeded by chance about once in ten million runs.
      expect(chiSquare, `position ${position}: ${counts.join(' ')}`).toBeLessThan(50)
    }
    // 3000 draws from a million values repeat about 4.5 times on average.
    expect(new Set(codes).size).toBeGreaterThan(total - 25)
  }, 30_000)
})

describe('comparisons', () => {
  it('codes, public tokens and secrets are compared with timingSafeEqual; JWTs are checked by jose', () => {
    const files = sources()
    // The code check compares equal-length buffers in constant time, even when no code exists.
    expect(files.get('otp.ts')).toMatch(
      /given\.length === expected\.length && timingSafeEqual\(given, expected\)/,
    )
    // Credentials are hashed to equal lengths first, then compared in constant time.
    expect(files.get('auth.ts')).toMatch(/timingSafeEqual\(hash\(a\), hash\(b\)\)/)
    expect(files.get('auth.ts')).toMatch(/safeEqual\(credentials\.username, publicToken\)/)
    expect(files.get('auth.ts')).toMatch(/safeEqual\(credentials\.password, secret\)/)
    expect(files.get('jwtKeys.ts')).toMatch(/compactVerify\(\s*token,/)
    // No secret-bearing value is compared with === anywhere else.
    for (const [name, text] of files) {
      expect(text, name).not.toMatch(/\.code ===|=== record\.code|secret ===|=== secret|publicToken ===/)
    }
  })
})

describe('no user enumeration', () => {
  /** Everything but the request id, which is fresh on every answer. */
  const withoutRequestId = (json: Record<string, unknown>) => {
    const { request_id: _id, ...rest } = json
    return rest
  }

  it('send/primary rate-limits an unknown number exactly like a known one', async () => {
    const emulator = createEmulator()
    await sendCode(emulator, PHONE)
    const unknown = '+12025550163'
    const answers = async (phone: string) => {
      const results = []
      for (let i = 0; i < 6; i++)
        results.push(await sdk(emulator.fetch, '/otps/sms/send/primary', { phone_number: phone }))
      return results
    }
    const known = await answers(PHONE)
    const stranger = await answers(unknown)
    // The known number had one send already, so it hits the limit one request earlier; compare the 429s.
    const knownLimited = known.filter((r) => r.status === 429)
    const strangerLimited = stranger.filter((r) => r.status === 429)
    expect(knownLimited.length).toBe(2)
    expect(strangerLimited.length).toBe(1)
    expectErrorShape(strangerLimited[0]!.json, 429, 'too_many_requests')
    expect(withoutRequestId(strangerLimited[0]!.json)).toEqual(withoutRequestId(knownLimited[0]!.json))
    expect(strangerLimited[0]!.response.headers.get('retry-after')).toBe(
      knownLimited[0]!.response.headers.get('retry-after'),
    )
    // Before the limit, both get a 200 with the same fields.
    expect(stranger[0]!.status).toBe(200)
    expect(Object.keys(data(stranger[0]!.json)).sort()).toEqual(Object.keys(data(known[0]!.json)).sort())
  })

  it('every bad-input answer is the same for a known and an unknown number', async () => {
    const emulator = createEmulator()
    await sendCode(emulator, PHONE)
    const unknown = '+12025550163'
    const bodies = [
      (phone: string) => ({ phone_number: phone, expiration_minutes: 99 }),
      (phone: string) => ({ phone_number: phone, locale: 'xx' }),
      (phone: string) => ({ phone_number: phone, enable_autofill: 'yes' }),
    ]
    for (const path of ['/otps/sms/login_or_create', '/otps/sms/send/primary']) {
      for (const body of bodies) {
        const known = await sdk(emulator.fetch, path, body(PHONE))
        const stranger = await sdk(emulator.fetch, path, body(unknown))
        expect(stranger.status, path).toBe(known.status)
        expect(withoutRequestId(stranger.json), path).toEqual(withoutRequestId(known.json))
      }
    }
  })
})

describe('CORS', () => {
  const allowed = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/
  const origin = fc.oneof(
    fc.webUrl().map((url) => new URL(url).origin),
    fc.string({
      unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 40,
    }),
    fc.constantFrom(
      'null',
      'http://localhost.evil.example',
      'http://evil.example#http://localhost',
      'https://localhost',
      'http://localhost:5173.evil.example',
      'http://127.0.0.1.nip.io',
      'HTTP://LOCALHOST:5173',
    ),
  )

  it('an origin outside the allowed list gets no CORS grant, and its preflight is refused', async () => {
    const emulator = createEmulator()
    await fc.assert(
      fc.asyncProperty(
        origin.filter((o) => !allowed.test(o)),
        async (o) => {
          const preflight = await emulator.fetch(`${BASE}/sdk/v1/otps/authenticate`, {
            method: 'OPTIONS',
            headers: { origin: o, 'access-control-request-method': 'POST' },
          })
          expect(preflight.status).toBe(403)
          expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
          const actual = await emulator.fetch(`${BASE}/sdk/v1/users/me`, {
            headers: { origin: o, authorization: publicAuth() },
          })
          expect(actual.headers.get('access-control-allow-origin')).toBeNull()
          expect(actual.headers.get('access-control-allow-credentials')).toBeNull()
        },
      ),
      fuzz(0x5eed_c0, 300),
    )
  })

  it('with appOrigins set, only those exact origins are granted', async () => {
    const emulator = createEmulator({ appOrigins: ['https://app.example.com'] })
    await fc.assert(
      fc.asyncProperty(
        origin.filter((o) => o !== 'https://app.example.com'),
        async (o) => {
          const response = await emulator.fetch(`${BASE}/sdk/v1/users/me`, {
            headers: { origin: o, authorization: publicAuth() },
          })
          expect(response.headers.get('access-control-allow-origin')).toBeNull()
        },
      ),
      fuzz(0x5eed_c1, 200),
    )
    const granted = await emulator.fetch(`${BASE}/sdk/v1/users/me`, {
      headers: { origin: 'https://app.example.com', authorization: publicAuth() },
    })
    expect(granted.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
  })
})
