// No user enumeration: an attacker who drives the public-token endpoints with a number that has an
// account and one that has none sees the same things, step for step.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, createEmulator, type Channel, type Emulator } from '../index'
import { authenticateCode, data, OTHER_PHONE, PHONE, sdk, signIn } from './helpers'

/** What the attacker can observe of an answer: status, error type, Retry-After; ids are compared apart. */
type Observation = string

async function observe(emulator: Emulator, phone: string, channel: Channel) {
  const seen: Observation[] = []
  const ids: string[] = []
  const send = async () => {
    const { status, json, response } = await sdk(emulator.fetch, `/otps/${channel}/send/primary`, {
      phone_number: phone,
    })
    seen.push(`send ${status} ${String(json.error_type ?? '')} ${response.headers.get('retry-after') ?? ''}`)
    if (status === 200) ids.push(data(json).method_id as string)
  }
  const guess = async (methodId: string, attempt: number) => {
    // Never the real code: the attacker does not have it. For a number with an account, steer clear of it.
    const real = emulator.messages().findLast((m) => m.to === phone)?.code
    const code = String(100_000 + attempt)
    const { status, json } = await authenticateCode(emulator, methodId, code === real ? '999999' : code)
    seen.push(`guess ${status} ${String(json.error_type ?? '')}`)
  }
  await send()
  await send()
  // Six guesses at one code: five wrong ones kill it; the sixth reads as a dead code.
  for (let i = 1; i <= 6; i += 1) await guess(ids.at(-1) as string, i)
  // A new code; four more failures make ten in a row: the lock. Then the right to guess is gone.
  await send()
  for (let i = 7; i <= 11; i += 1) await guess(ids.at(-1) as string, i)
  // Two more sends reach the limit of five in the window; the next is throttled.
  await send()
  await send()
  await send()
  return { seen, ids }
}

afterEach(() => {
  vi.useRealTimers()
})

describe.each(Object.keys(CHANNELS) as Channel[])('no user enumeration over %s', (channel) => {
  it('a number with an account and one without answer the same sequence, with a stable method id', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const emulator = createEmulator()
    // The account's owner signs in once, so the number has a verified phone; then its send window passes.
    await signIn(emulator, PHONE)
    vi.advanceTimersByTime(600_000)
    const sent = emulator.messages().length
    const known = await observe(emulator, PHONE, channel)
    const unknown = await observe(emulator, OTHER_PHONE, channel)

    expect(unknown.seen).toEqual(known.seen)
    expect(known.seen).toContain('guess 401 unable_to_auth_otp_code')
    expect(known.seen.at(-1)).toMatch(/^send 429 too_many_requests \d+$/)
    expect(known.seen).toContain('guess 429 user_lock_limit_reached')
    // Same id on every send, in the same shape.
    for (const { ids } of [known, unknown]) {
      expect(new Set(ids).size).toBe(1)
      expect(ids[0]).toMatch(
        /^phone-number-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
    }
    expect(unknown.ids[0]).not.toBe(known.ids[0])
    // The number without an account received nothing.
    expect(
      emulator
        .messages()
        .slice(sent)
        .every((m) => m.to === PHONE),
    ).toBe(true)
  })

  it('the id of a number without an account differs between emulators and numbers', async () => {
    const idOf = async (emulator: Emulator, phone: string) =>
      data((await sdk(emulator.fetch, `/otps/${channel}/send/primary`, { phone_number: phone })).json)
        .method_id as string
    const first = createEmulator()
    const second = createEmulator()
    expect(await idOf(first, PHONE)).not.toBe(await idOf(second, PHONE))
    expect(await idOf(first, PHONE)).not.toBe(await idOf(first, OTHER_PHONE))
  })
})
