import { Buffer } from 'node:buffer'
import { randomInt, timingSafeEqual } from 'node:crypto'
import type { Channel } from './channels'
import { ApiFailure } from './errors'

/** Wrong guesses a code survives; the fifth wrong one kills it. */
export const MAX_WRONG_ATTEMPTS = 5

interface CodeRecord {
  code: string
  /** The channel it went by; a session factor names it as its delivery method. */
  channel: Channel
  expiresAt: number
  wrongAttempts: number
  used: boolean
  /** Sandbox codes take 000000 every time and never expire. */
  sandbox: boolean
}

/** One active code per method id: issuing a new one replaces (and so invalidates) the old. */
export class CodeBook {
  readonly #codes = new Map<string, CodeRecord>()

  issue(methodId: string, channel: Channel, lifetimeMs: number, now: number, fixedCode?: string): string {
    const code = fixedCode ?? String(randomInt(0, 1_000_000)).padStart(6, '0')
    this.#codes.set(methodId, {
      code,
      channel,
      expiresAt: now + lifetimeMs,
      wrongAttempts: 0,
      used: false,
      sandbox: fixedCode !== undefined,
    })
    return code
  }

  /**
   * Spends the code on success. A method id with no code answers like a wrong code, so the answer
   * does not tell whether the phone exists. Returns the channel the code went by.
   */
  verify(methodId: string, code: string, now: number): Channel {
    const record = this.#codes.get(methodId)
    const expected = Buffer.from(record?.code ?? '\0\0\0\0\0\0')
    const given = Buffer.from(code)
    const matches = given.length === expected.length && timingSafeEqual(given, expected)
    if (record?.sandbox) {
      if (!matches) throw wrongCode()
      return record.channel
    }
    if (!record) throw wrongCode()
    if (record.used || record.wrongAttempts >= MAX_WRONG_ATTEMPTS || now >= record.expiresAt) {
      throw new ApiFailure(
        401,
        'unable_to_auth_otp_code',
        'This passcode has expired, was already used, or had too many wrong attempts. Request a new one.',
      )
    }
    if (!matches) {
      record.wrongAttempts += 1
      throw wrongCode()
    }
    record.used = true
    return record.channel
  }

  /** Kills the code of a method id (its phone was dropped). */
  revoke(methodId: string): void {
    this.#codes.delete(methodId)
  }

  clear(): void {
    this.#codes.clear()
  }
}

function wrongCode(): ApiFailure {
  return new ApiFailure(404, 'otp_code_not_found', 'The passcode is incorrect.')
}
