// Fuzzing the phone field: whatever is typed or pasted (unicode, control characters, look-alike digits,
// formatting noise, huge lengths), <PhoneLogin> never throws, and pressing Send either sends a valid
// E.164 number or explains what is wrong and sends nothing. Inputs come from a seeded generator
// (fast-check is not a dependency of this package): the fixed seed makes a failure reproducible, and
// FUZZ_RUNS / FUZZ_SEED give a longer or different run.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import { PhoneLogin } from '../../index'
import { createHarness, renderWith } from '../harness'

const RUNS = Number(process.env.FUZZ_RUNS) || 80
const SEED = Number(process.env.FUZZ_SEED) || 0x5eed_a1
const E164 = /^\+[1-9]\d{7,14}$/

/** mulberry32: a small seeded PRNG, so every run of the suite sees the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

const NOISE = [
  ' ',
  '-',
  '(',
  ')',
  '.',
  '/',
  '\u00a0',
  '\u200b',
  '\u200e',
  '\u202e',
  '\ufeff',
  '\t',
  '\n',
  '\u0000',
  '+',
]
const LOOKALIKES = ['０１２３４５６７８９', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹', '०१२३४५६७८९', '⁰¹²³⁴⁵⁶⁷⁸⁹']
const VALID = [
  '4155550123',
  '(415) 555-0123',
  '+1 415 555 0123',
  '+1 416 555 0123',
  '+44 20 7946 0958',
  '1 000 000 0000',
]

function generator(next: () => number) {
  const int = (max: number) => Math.floor(next() * max)
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!
  const codePoint = () => {
    const ranges: [number, number][] = [
      [0x00, 0x20],
      [0x20, 0x7f],
      [0x80, 0x800],
      [0xd800, 0xe000],
      [0xe000, 0x10000],
      [0x10000, 0x110000],
    ]
    const [low, high] = pick(ranges)
    return low + int(high - low)
  }
  const text = (length: number) => {
    let out = ''
    for (let i = 0; i < length; i++) {
      const cp = codePoint()
      // Lone surrogates are kept on purpose: a paste can carry them.
      out += cp >= 0xd800 && cp < 0xe000 ? String.fromCharCode(cp) : String.fromCodePoint(cp)
    }
    return out
  }
  const withNoise = (base: string) => {
    let out = base
    for (let i = int(5); i > 0; i--) {
      const at = int(out.length + 1)
      out = out.slice(0, at) + pick(NOISE) + out.slice(at)
    }
    return out
  }
  return (): string => {
    switch (int(7)) {
      case 0:
        return text(int(30))
      case 1:
        return withNoise(pick(VALID))
      case 2:
        return pick(VALID)
          .split('')
          .map((c) => (/\d/.test(c) && next() < 0.5 ? pick(LOOKALIKES)[Number(c)]! : c))
          .join('')
      case 3:
        return `${next() < 0.5 ? '+' : ''}${'9'.repeat(int(5000))}`
      case 4:
        return text(int(3000))
      case 5:
        return withNoise(String(int(1e12)))
      default:
        return withNoise(pick(VALID).replace(/\d/g, () => String(int(10))))
    }
  }
}

it(
  `the phone field survives ${RUNS} generated inputs: a valid E.164 send or a message, never a throw`,
  async () => {
    const { emulator, stytch, bodies } = createHarness({ rateLimit: { max: 100_000, windowSeconds: 600 } })
    const onError = vi.fn()
    const { container } = renderWith(stytch, <PhoneLogin onError={onError} resendCooldownSeconds={0} />)
    const next = generator(random(SEED))
    const sent = () => bodies.filter((b) => b.path === '/sdk/v1/otps/sms/login_or_create')

    for (let run = 0; run < RUNS; run++) {
      const input = next()
      const what = `run ${run} (seed ${SEED}): ${JSON.stringify(input.slice(0, 80))}${input.length > 80 ? '…' : ''}`
      const before = sent().length
      const phone = await screen.findByLabelText('Phone number')
      fireEvent.change(phone, { target: { value: input } })
      fireEvent.submit(phone.closest('form')!)
      // Settled: either on the code step, or back on the phone step with a message and the button free.
      await waitFor(
        () => {
          const onCode = screen.queryByLabelText('6-digit code') !== null
          const idle = screen.queryByRole('button', { name: 'Sending code…' }) === null
          const message = screen.queryByRole('status')?.textContent ?? ''
          expect(onCode || (idle && message !== ''), what).toBe(true)
        },
        { timeout: 5000, interval: 5 },
      )
      expect(container.querySelector('.otpkit-login'), what).not.toBeNull()
      const requests = sent().slice(before)
      expect(requests.length, what).toBeLessThanOrEqual(1)
      for (const request of requests) {
        expect((request.body as { phone_number: string }).phone_number, what).toMatch(E164)
      }
      if (screen.queryByLabelText('6-digit code')) {
        expect(requests, what).toHaveLength(1)
        fireEvent.click(screen.getByRole('button', { name: 'Use a different number' }))
      }
    }
    // Requests that were made were answered; nothing reached onError but typed errors.
    for (const [error] of onError.mock.calls) expect(error).toHaveProperty('code')
    expect(emulator.messages().length).toBe(sent().length)
  },
  Math.max(60_000, RUNS * 500),
)
