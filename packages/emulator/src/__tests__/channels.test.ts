// Every channel (SMS, WhatsApp) on both families: the same routes, code, expiry, rate-limit and lock
// rules, and the channel named wherever a message shows.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, createEmulator, type Channel, type Emulator } from '../index'
import { startEmulatorServer } from '../server'
import {
  authenticateCode,
  backend,
  BASE,
  data,
  expectErrorShape,
  lastCode,
  OTHER_PHONE,
  PHONE,
  publicAuth,
  sdk,
  signIn,
  wrongFor,
} from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

const channels = Object.keys(CHANNELS) as Channel[]

async function send(emulator: Emulator, channel: Channel, phone = PHONE, extra: object = {}) {
  const { status, json } = await sdk(emulator.fetch, `/otps/${channel}/login_or_create`, {
    phone_number: phone,
    ...extra,
  })
  return { status, json, methodId: status === 200 ? (data(json).method_id as string) : '' }
}

describe.each(channels)('%s', (channel) => {
  it('login_or_create in both families sends one message by that channel', async () => {
    const emulator = createEmulator()
    const sdkSend = await send(emulator, channel)
    expect(sdkSend.status).toBe(200)
    const backendSend = await backend(emulator.fetch, `/otps/${channel}/login_or_create`, {
      phone_number: OTHER_PHONE,
    })
    expect(backendSend.status).toBe(200)
    expect(backendSend.json).toMatchObject({ user_created: true, phone_id: expect.any(String) as string })
    expect(emulator.messages().map((m) => [m.channel, m.to])).toEqual([
      [channel, PHONE],
      [channel, OTHER_PHONE],
    ])
  })

  it('send/primary, send/secondary and the backend send reach a known number by that channel', async () => {
    const emulator = createEmulator()
    const { session_token, user_id } = await signIn(emulator, PHONE)
    const primary = await sdk(emulator.fetch, `/otps/${channel}/send/primary`, { phone_number: PHONE })
    expect(primary.status).toBe(200)
    const secondary = await sdk(
      emulator.fetch,
      `/otps/${channel}/send/secondary`,
      { phone_number: OTHER_PHONE },
      { session: session_token },
    )
    expect(secondary.status).toBe(200)
    const server = await backend(emulator.fetch, `/otps/${channel}/send`, { phone_number: PHONE })
    expect(server.json).toMatchObject({ user_id, status_code: 200 })
    expect(emulator.messages().map((m) => m.channel)).toEqual(['sms', channel, channel, channel])
  })

  it('the session factor names the channel as its delivery method', async () => {
    const emulator = createEmulator()
    const { methodId } = await send(emulator, channel)
    const { json } = await authenticateCode(emulator, methodId, lastCode(emulator))
    const session = data(json).session as { authentication_factors: Record<string, unknown>[] }
    expect(session.authentication_factors).toEqual([
      expect.objectContaining({ type: 'otp', delivery_method: channel }),
    ])
  })

  it('codes are single use, die after five wrong tries and expire like every channel', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const emulator = createEmulator()
    let { methodId } = await send(emulator, channel)
    expect((await authenticateCode(emulator, methodId, lastCode(emulator))).status).toBe(200)
    expectErrorShape(
      (await authenticateCode(emulator, methodId, lastCode(emulator))).json,
      401,
      'unable_to_auth_otp_code',
    )
    ;({ methodId } = await send(emulator, channel))
    for (let i = 1; i <= 5; i += 1)
      await authenticateCode(emulator, methodId, wrongFor(lastCode(emulator), i))
    expect((await authenticateCode(emulator, methodId, lastCode(emulator))).status).toBe(401)
    ;({ methodId } = await send(emulator, channel, PHONE, { expiration_minutes: 1 }))
    vi.advanceTimersByTime(60_000)
    expect((await authenticateCode(emulator, methodId, lastCode(emulator))).status).toBe(401)
  })

  it('shares the per-number send limit with every other channel', async () => {
    const emulator = createEmulator()
    const other = channels.find((c) => c !== channel) as Channel
    for (let i = 0; i < 5; i += 1) {
      expect((await send(emulator, i % 2 === 0 ? channel : other)).status).toBe(200)
    }
    const refused = await send(emulator, channel)
    expect(refused.status).toBe(429)
    expectErrorShape(refused.json, 429, 'too_many_requests')
  })

  it('wrong codes count toward the user lock', async () => {
    const emulator = createEmulator({ userLock: { maxFailures: 3, lockSeconds: 60 } })
    const { methodId } = await send(emulator, channel)
    for (let i = 1; i <= 3; i += 1)
      await authenticateCode(emulator, methodId, wrongFor(lastCode(emulator), i))
    expectErrorShape(
      (await authenticateCode(emulator, methodId, lastCode(emulator))).json,
      429,
      'user_lock_limit_reached',
    )
  })

  it('refuses bad input with the same errors, and sends nothing', async () => {
    const emulator = createEmulator()
    for (const [body, errorType] of [
      [{ phone_number: '2025550162' }, 'invalid_phone_number'],
      [{ phone_number: '+442071838750' }, 'invalid_phone_number_country_code'],
      [{ phone_number: PHONE, expiration_minutes: 11 }, 'invalid_expiration'],
      [{ phone_number: PHONE, locale: 'xx' }, 'invalid_locale'],
    ] as const) {
      expectErrorShape((await send(emulator, channel, undefined, body)).json, 400, errorType)
    }
    expect(emulator.messages()).toEqual([])
  })
})

describe('WhatsApp', () => {
  it('a WhatsApp send kills the SMS code of the same phone: one active code per method id', async () => {
    const emulator = createEmulator()
    const sms = await send(emulator, 'sms')
    const smsCode = lastCode(emulator)
    const whatsapp = await send(emulator, 'whatsapp')
    expect(whatsapp.methodId).toBe(sms.methodId)
    if (smsCode !== lastCode(emulator)) {
      expect((await authenticateCode(emulator, sms.methodId, smsCode)).status).toBe(404)
    }
    expect((await authenticateCode(emulator, sms.methodId, lastCode(emulator))).status).toBe(200)
  })

  it('takes no autofill options: enable_autofill adds no origin-bound line and is not validated', async () => {
    const emulator = createEmulator({ appOrigin: 'http://localhost:5173' })
    const ok = await send(emulator, 'whatsapp', PHONE, {
      enable_autofill: true,
      autofill_session_duration_minutes: 1,
    })
    expect(ok.status).toBe(200)
    expect(emulator.messages()[0]?.body).not.toContain('@')
    const sms = await send(emulator, 'sms', PHONE, { autofill_session_duration_minutes: 1 })
    expectErrorShape(sms.json, 400, 'invalid_session_duration_minutes')
  })

  it('the JSON inbox, the inbox page and the terminal name the channel', async () => {
    const lines: string[] = []
    const server = await startEmulatorServer({ port: 0, log: (line) => lines.push(line) })
    try {
      const response = await fetch(`${server.url}/sdk/v1/otps/whatsapp/login_or_create`, {
        method: 'POST',
        headers: { authorization: publicAuth(), 'content-type': 'application/json' },
        body: JSON.stringify({ phone_number: PHONE }),
      })
      expect(response.status).toBe(200)
      const [message] = (await (await fetch(`${server.url}/__emulator/messages`)).json()) as {
        channel: string
        code: string
      }[]
      expect(message?.channel).toBe('whatsapp')
      expect(lines.at(-1)).toBe(
        `WhatsApp to +1 202 555 0162: ${message?.code} is your verification code. It expires in 2 minutes.`,
      )
      const page = await (await fetch(`${server.url}/__emulator/`)).text()
      expect(page).toMatch(/WhatsApp/)
    } finally {
      await server.close()
    }
  })

  it('an unknown channel is not a route', async () => {
    const emulator = createEmulator()
    const { status, json } = await sdk(emulator.fetch, '/otps/email/login_or_create', { phone_number: PHONE })
    expect(status).toBe(404)
    expectErrorShape(json, 404, 'route_not_found')
    expect((await emulator.fetch(`${BASE}/v1/otps/telegram/send`, { method: 'POST' })).status).toBe(404)
  })
})
