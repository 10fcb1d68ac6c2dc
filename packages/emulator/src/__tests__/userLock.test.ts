// The user lock: failed passcode checks in a row lock a user out of authenticating, as the real API does
// (10 in a row lock for an hour, 429 `user_lock_limit_reached`).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseCliArgs, UsageError } from '../cliArgs'
import { createEmulator, SANDBOX_CODE, SANDBOX_PHONE_NUMBER, type Emulator } from '../index'
import {
  authenticateCode as authenticate,
  backend,
  expectErrorShape,
  lastCode,
  OTHER_PHONE,
  PHONE,
  sendCode,
  wrongFor,
} from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** `count` failed checks for the phone's user, sending a fresh code whenever the last one died. */
async function fail(emulator: Emulator, count: number, phone = PHONE): Promise<string> {
  let methodId = await sendCode(emulator, phone)
  for (let i = 1; i <= count; i += 1) {
    const { status } = await authenticate(emulator, methodId, wrongFor(lastCode(emulator), i))
    expect(status === 404 || status === 401, `failure ${i} answered ${status}`).toBe(true)
    // Five wrong guesses kill a code; the next failures need a new one.
    if (i % 5 === 0 && i < count) methodId = await sendCode(emulator, phone)
  }
  return methodId
}

describe('the user lock', () => {
  it('ten failed checks in a row lock the user: even the right code then answers 429', async () => {
    const emulator = createEmulator()
    const methodId = await fail(emulator, 10)
    await sendCode(emulator)
    const right = await authenticate(emulator, methodId, lastCode(emulator))
    expect(right.status).toBe(429)
    expectErrorShape(right.json, 429, 'user_lock_limit_reached')
  })

  it('nine failures leave the user free, and a success starts the count again', async () => {
    const emulator = createEmulator({ rateLimit: { max: 100, windowSeconds: 600 } })
    const methodId = await fail(emulator, 9)
    await sendCode(emulator)
    expect((await authenticate(emulator, methodId, lastCode(emulator))).status).toBe(200)
    await fail(emulator, 9)
    await sendCode(emulator)
    expect((await authenticate(emulator, methodId, lastCode(emulator))).status).toBe(200)
  })

  it('lasts an hour; after it the right code works again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const emulator = createEmulator()
    const methodId = await fail(emulator, 10)
    vi.setSystemTime(Date.now() + 3_599_000)
    await sendCode(emulator)
    expect((await authenticate(emulator, methodId, lastCode(emulator))).status).toBe(429)
    vi.setSystemTime(Date.now() + 1_000)
    await sendCode(emulator)
    expect((await authenticate(emulator, methodId, lastCode(emulator))).status).toBe(200)
  })

  it('locks only that user; sends still go out', async () => {
    const emulator = createEmulator()
    await fail(emulator, 10)
    const other = await sendCode(emulator, OTHER_PHONE)
    expect((await authenticate(emulator, other, lastCode(emulator))).status).toBe(200)
    const before = emulator.messages().length
    await sendCode(emulator)
    expect(emulator.messages()).toHaveLength(before + 1)
  })

  it('holds in the /v1 family too', async () => {
    const emulator = createEmulator()
    const methodId = await fail(emulator, 10)
    await sendCode(emulator)
    const answer = await backend(emulator.fetch, '/otps/authenticate', {
      method_id: methodId,
      code: lastCode(emulator),
    })
    expectErrorShape(answer.json, 429, 'user_lock_limit_reached')
  })

  it('never locks the sandbox number, which automated tests use', async () => {
    const emulator = createEmulator()
    const methodId = await sendCode(emulator, SANDBOX_PHONE_NUMBER)
    for (let i = 0; i < 12; i += 1) await authenticate(emulator, methodId, '123456')
    expect((await authenticate(emulator, methodId, SANDBOX_CODE)).status).toBe(200)
  })

  it('is cleared by reset()', async () => {
    const emulator = createEmulator()
    await fail(emulator, 10)
    emulator.reset()
    const methodId = await sendCode(emulator)
    expect((await authenticate(emulator, methodId, lastCode(emulator))).status).toBe(200)
  })

  it('takes its limits from userLock, and refuses bad ones', async () => {
    const emulator = createEmulator({ userLock: { maxFailures: 2, lockSeconds: 60 } })
    const methodId = await fail(emulator, 2)
    await sendCode(emulator)
    expect((await authenticate(emulator, methodId, lastCode(emulator))).status).toBe(429)
    expect(() => createEmulator({ userLock: { maxFailures: 0, lockSeconds: 60 } })).toThrow(TypeError)
    expect(() => createEmulator({ userLock: { maxFailures: 3, lockSeconds: 1.5 } })).toThrow(TypeError)
  })

  it('a run of failures quiet for as long as a lock lasts is forgotten', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date'] })
    const emulator = createEmulator({ userLock: { maxFailures: 3, lockSeconds: 60 } })
    await fail(emulator, 2)
    vi.advanceTimersByTime(60_000)
    // Two more failures after the quiet minute make two in a row, not four: no lock.
    const methodId = await fail(emulator, 2)
    await sendCode(emulator)
    expect((await authenticate(emulator, methodId, lastCode(emulator))).status).toBe(200)
  })

  it('takes its limits from --user-lock on the command line', () => {
    expect(parseCliArgs(['--user-lock', '3/60'])).toMatchObject({
      options: { userLock: { maxFailures: 3, lockSeconds: 60 } },
    })
    expect(() => parseCliArgs(['--user-lock', 'often'])).toThrow(UsageError)
    expect(() => parseCliArgs(['--user-lock', '0/60'])).toThrow(UsageError)
  })
})
