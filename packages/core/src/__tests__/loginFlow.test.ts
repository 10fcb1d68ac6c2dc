// The login flow (@otpkit/core/flow) against the emulator's in-process handler: every transition, the
// per-number waits, the code step across a reload, a code killed by wrong tries, one message per intent.
import { createEmulator, DEMO_PUBLIC_TOKEN } from '@otpkit/emulator'
import type { EmulatorOptions } from '@otpkit/emulator'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import * as flowEntry from '../flow/index'
import { createLoginFlow } from '../flow/index'
import type { LoginFlow, LoginFlowEvent, LoginFlowOptions } from '../flow/index'
import * as core from '../index'
import { createMemoryStorage, createStytchClient } from '../index'
import type { KeyValueStorage } from '../index'

const A = '+12025550162'
const B = '+12025550199'
const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup())
  vi.useRealTimers()
})

function setup(emulatorOptions: EmulatorOptions = {}) {
  const emulator = createEmulator(emulatorOptions)
  const requests: string[] = []
  const fetch: typeof globalThis.fetch = (input, init) => {
    requests.push(new URL(String(input instanceof Request ? input.url : input)).pathname)
    return emulator.fetch(input, init)
  }
  const tabStorage = createMemoryStorage()
  const newClient = () => {
    const client = createStytchClient(DEMO_PUBLIC_TOKEN, {
      baseUrl: 'http://emulator.test',
      fetch,
      storage: createMemoryStorage(),
      cookie: { enabled: false },
    })
    cleanups.push(client.destroy)
    return client
  }
  const client = newClient()
  const events: LoginFlowEvent[] = []
  const newFlow = (
    options: LoginFlowOptions = {},
    onClient = client,
    storage: KeyValueStorage = tabStorage,
  ) => {
    const flow = createLoginFlow(onClient, {
      storage,
      onEvent: (event) => events.push(event),
      ...options,
    })
    cleanups.push(flow.destroy)
    return flow
  }
  const sends = () => requests.filter((path) => path.includes('/login_or_create')).length
  const lastCode = (to = A) =>
    emulator
      .messages()
      .filter((m) => m.to === to)
      .at(-1)?.code ?? ''
  return { emulator, client, newClient, newFlow, requests, sends, events, lastCode, tabStorage }
}

const wrong = (code: string) => (code === '111111' ? '222222' : '111111')

describe('createLoginFlow: phone → code → done', () => {
  it('sends, shows the masked number and the code lifetime, then signs in', async () => {
    const { newFlow, sends, lastCode, events, client } = setup()
    const flow = newFlow({ expirationMinutes: 3, resendCooldownSeconds: 20 })
    const seen: string[] = []
    flow.subscribe((state) => seen.push(state.step))
    expect(flow.getState()).toMatchObject({ step: 'phone', channel: 'sms', error: null, sending: false })

    const before = Date.now()
    const sending = flow.send({ phone: A })
    expect(flow.getState().sending).toBe(true)
    await sending
    const state = flow.getState()
    expect(state).toMatchObject({ step: 'code', channel: 'sms', phone: A, maskedPhone: '+•••••••0162' })
    expect(state.methodId).toMatch(/^phone-number-/)
    expect(state.expiresAt).toBeGreaterThanOrEqual(before + 180_000)
    expect(state.limits[A]?.cooldownUntil).toBeGreaterThanOrEqual(before + 20_000)
    expect(sends()).toBe(1)

    await flow.submitCode(lastCode())
    expect(flow.getState()).toMatchObject({ step: 'done', verifying: false, error: null })
    expect(client.session.getSync()).not.toBeNull()
    expect(events.map((e) => e.type)).toEqual(['code_sent', 'authenticated'])
    expect(events[1]).toMatchObject({ channel: 'sms', phone_number: A, method_id: state.methodId })
    expect(seen).toContain('done')
  })

  it('masks the number with the given function, or by default where it answers undefined', async () => {
    const { newFlow, client } = setup()
    const custom = newFlow({ maskPhone: (phone) => `${phone.slice(0, 2)} ••• ${phone.slice(-4)}` })
    await custom.send({ phone: A })
    expect(custom.getState().maskedPhone).toBe('+1 ••• 0162')
    const declining = newFlow({ maskPhone: () => undefined }, client, createMemoryStorage())
    await declining.send({ phone: B })
    expect(declining.getState().maskedPhone).toBe('+•••••••0199')
  })

  it('refuses a bad number with a typed error and sends nothing', async () => {
    const { newFlow, requests } = setup()
    const flow = newFlow()
    await flow.send({ phone: '555-0162' })
    expect(flow.getState()).toMatchObject({
      step: 'phone',
      error: { code: 'invalid_phone_number', action: 'send' },
    })
    expect(requests).toEqual([])
  })

  it('counts a wrong code and keeps the step; a short code is refused without a request', async () => {
    const { newFlow, lastCode, requests } = setup()
    const flow = newFlow()
    await flow.send({ phone: A })
    await flow.submitCode(wrong(lastCode()))
    expect(flow.getState()).toMatchObject({
      step: 'code',
      wrongAttempts: 1,
      codeDead: false,
      error: { code: 'otp_code_not_found', action: 'verify' },
    })
    const count = requests.length
    await flow.submitCode('12')
    expect(flow.getState().error?.code).toBe('invalid_code')
    expect(requests.length).toBe(count)
  })

  it('resends to the same number after the cool-down, and not before', async () => {
    const { newFlow, sends, events } = setup()
    const flow = newFlow({ resendCooldownSeconds: 30 })
    await flow.send({ phone: A })
    await flow.resend()
    expect(flow.getState().error).toMatchObject({ code: 'send_limited', action: 'resend' })
    expect(flow.getState().error?.retryAfter).toBeGreaterThan(25)
    expect(sends()).toBe(1)

    const quick = newFlow({ resendCooldownSeconds: 0 }, undefined, createMemoryStorage())
    await quick.send({ phone: B })
    await quick.resend()
    expect(quick.getState()).toMatchObject({ step: 'code', notice: 'code_resent', error: null, sentCount: 2 })
    expect(sends()).toBe(3)
    expect(events.map((e) => e.type)).toEqual(['code_sent', 'code_sent', 'code_resent'])
  })

  it('"use a different number" goes back to the phone step and forgets the saved code', async () => {
    const { newFlow, tabStorage } = setup()
    const flow = newFlow()
    await flow.send({ phone: A })
    expect(tabStorage.getItem('otpkit:login:code')).not.toBeNull()
    flow.changeNumber()
    expect(flow.getState()).toMatchObject({ step: 'phone', methodId: null, maskedPhone: null, error: null })
    expect(tabStorage.getItem('otpkit:login:code')).toBeNull()
  })

  it('reset() starts over but keeps the waits the server keeps', async () => {
    const { newFlow } = setup()
    const flow = newFlow()
    await flow.send({ phone: A })
    flow.reset()
    expect(flow.getState()).toMatchObject({ step: 'phone', phone: null, sentCount: 0 })
    expect(flow.getState().limits[A]?.cooldownUntil).toBeGreaterThan(Date.now())
  })
})

describe('one message per intent', () => {
  it('a double send is one request and one SMS', async () => {
    const { newFlow, sends, emulator } = setup()
    const flow = newFlow()
    const first = flow.send({ phone: A })
    const second = flow.send({ phone: A })
    await Promise.all([first, second])
    expect(sends()).toBe(1)
    expect(emulator.messages()).toHaveLength(1)
  })

  it('a double resend and a double code check are one request each', async () => {
    const { newFlow, sends, requests, lastCode } = setup()
    const flow = newFlow({ resendCooldownSeconds: 0 })
    await flow.send({ phone: A })
    await Promise.all([flow.resend(), flow.resend(), flow.switchChannel('sms')])
    expect(sends()).toBe(2)
    const code = lastCode()
    await Promise.all([flow.submitCode(code), flow.submitCode(code)])
    expect(requests.filter((path) => path.endsWith('/otps/authenticate'))).toHaveLength(1)
    expect(flow.getState().step).toBe('done')
  })
})

describe('per-number limits', () => {
  it('a 429 for one number never blocks another; going back shows its remaining wait', async () => {
    const { newFlow, sends } = setup({ rateLimit: { max: 1, windowSeconds: 600 } })
    const flow = newFlow({ resendCooldownSeconds: 0 })
    await flow.send({ phone: A })
    flow.changeNumber()
    await flow.send({ phone: A })
    const limited = flow.getState()
    expect(limited).toMatchObject({ step: 'phone', error: { code: 'too_many_requests', phone: A } })
    expect(limited.error?.retryAfter).toBeGreaterThan(500)
    expect(limited.limits[A]?.retryUntil).toBeGreaterThan(Date.now() + 500_000)
    expect(sends()).toBe(2)

    await flow.send({ phone: B })
    expect(flow.getState()).toMatchObject({ step: 'code', phone: B, error: null })
    expect(flow.getState().limits[B]?.retryUntil ?? 0).toBe(0)
    expect(sends()).toBe(3)

    flow.changeNumber()
    await flow.send({ phone: A })
    expect(flow.getState().error).toMatchObject({ code: 'send_limited', phone: A })
    expect(flow.getState().error?.retryAfter).toBeGreaterThan(500)
    expect(sends()).toBe(3)
  })

  it('a cool-down for one number leaves another free', async () => {
    const { newFlow, sends } = setup()
    const flow = newFlow({ resendCooldownSeconds: 30 })
    await flow.send({ phone: A })
    flow.changeNumber()
    await flow.send({ phone: A })
    expect(flow.getState().error).toMatchObject({ code: 'send_limited', phone: A })
    await flow.send({ phone: B })
    expect(flow.getState()).toMatchObject({ step: 'code', phone: B })
    expect(sends()).toBe(2)
  })
})

describe('the code step across a reload', () => {
  it('comes back from sessionStorage and signs in with no second message', async () => {
    const { newFlow, newClient, tabStorage, emulator, lastCode, sends, events } = setup()
    const before = newFlow({ channel: 'sms' })
    await before.send({ phone: A })
    const { methodId, expiresAt } = before.getState()
    before.destroy()

    const saved = tabStorage.getItem('otpkit:login:code') ?? ''
    expect(JSON.parse(saved)).toEqual({
      method_id: methodId,
      channel: 'sms',
      masked: '+•••••••0162',
      expiresAt,
    })
    expect(saved).not.toContain('2025550162')

    // A reload: a new client and a new flow, the same tab's storage.
    const after = newFlow({}, newClient())
    expect(after.getState()).toMatchObject({
      step: 'code',
      phone: null,
      maskedPhone: '+•••••••0162',
      methodId,
    })
    expect(after.getInitialState().step).toBe('phone')
    await after.submitCode(lastCode())
    expect(after.getState().step).toBe('done')
    expect(emulator.messages()).toHaveLength(1)
    expect(sends()).toBe(1)
    expect(events.at(-1)).toMatchObject({ type: 'authenticated', phone_number: A })
    expect(tabStorage.getItem('otpkit:login:code')).toBeNull()
  })

  it('a restored step cannot send a new code without the number', async () => {
    const { newFlow, sends } = setup()
    await newFlow().send({ phone: A })
    const after = newFlow()
    await after.resend()
    expect(after.getState().error).toMatchObject({ code: 'number_unknown' })
    expect(sends()).toBe(1)
  })

  it('an expired saved code is not restored; damaged storage is ignored', async () => {
    const { newFlow, tabStorage } = setup()
    tabStorage.setItem(
      'otpkit:login:code',
      JSON.stringify({
        method_id: 'phone-number-x',
        channel: 'sms',
        masked: '+••1',
        expiresAt: Date.now() - 1,
      }),
    )
    expect(newFlow().getState().step).toBe('phone')
    expect(tabStorage.getItem('otpkit:login:code')).toBeNull()
    tabStorage.setItem('otpkit:login:code', '{not json')
    expect(newFlow().getState().step).toBe('phone')
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('blocked')
      },
      setItem: () => {
        throw new Error('blocked')
      },
      removeItem: () => {
        throw new Error('blocked')
      },
    }
    const flow = newFlow({}, undefined, throwing)
    await flow.send({ phone: A })
    expect(flow.getState().step).toBe('code')
  })

  it('expiry ends the code: a known number gets a new code at once, a restored one goes back', async () => {
    const { newFlow, tabStorage, sends } = setup()
    const flow = newFlow({ expirationMinutes: 1, resendCooldownSeconds: 600 })
    await flow.send({ phone: A })
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const restored = newFlow()
    const unsubscribe = flow.subscribe(() => undefined)
    restored.subscribe(() => undefined)
    vi.advanceTimersByTime(60_000)
    expect(flow.getState()).toMatchObject({ step: 'code', codeDead: true, error: { code: 'code_expired' } })
    expect(restored.getState()).toMatchObject({ step: 'phone', error: { code: 'code_expired' } })
    expect(tabStorage.getItem('otpkit:login:code')).toBeNull()
    unsubscribe()
    vi.useRealTimers()
    // The cool-down does not hold back replacing a dead code.
    await flow.resend()
    expect(flow.getState()).toMatchObject({ codeDead: false, error: null, notice: 'code_resent' })
    expect(sends()).toBe(2)
  })
})

describe('a code killed by wrong tries', () => {
  it('after 5 wrong codes says so, sends no check, and offers a new code at once', async () => {
    const { newFlow, lastCode, requests, sends } = setup()
    const flow = newFlow({ resendCooldownSeconds: 600 })
    await flow.send({ phone: A })
    const right = lastCode()
    for (let i = 0; i < 5; i++) await flow.submitCode(wrong(right))
    expect(flow.getState()).toMatchObject({
      wrongAttempts: 5,
      codeDead: true,
      error: { code: 'too_many_wrong_codes', action: 'verify' },
    })
    const checks = requests.length
    await flow.submitCode(right)
    expect(requests.length).toBe(checks)
    expect(flow.getState()).toMatchObject({ step: 'code', error: { code: 'too_many_wrong_codes' } })

    await flow.resend()
    expect(sends()).toBe(2)
    expect(flow.getState()).toMatchObject({ codeDead: false, wrongAttempts: 0, error: null })
    await flow.submitCode(lastCode())
    expect(flow.getState().step).toBe('done')
  })

  it('a used or expired code named by the server is dead too', async () => {
    const { newFlow, lastCode, newClient, tabStorage } = setup()
    const first = newFlow()
    await first.send({ phone: A })
    const code = lastCode()
    // The same code, restored in a second tab-like flow with its own storage, after the first used it.
    tabStorage.setItem('copy', tabStorage.getItem('otpkit:login:code') ?? '')
    const other = createMemoryStorage()
    other.setItem('otpkit:login:code', tabStorage.getItem('copy') ?? '')
    await first.submitCode(code)
    const second = newFlow({}, newClient(), other)
    await second.submitCode(code)
    expect(second.getState()).toMatchObject({ codeDead: true, error: { code: 'unable_to_auth_otp_code' } })
  })
})

describe('sign-out returns to the start', () => {
  it('revoking the session moves a watched flow from done to the phone step', async () => {
    const { newFlow, lastCode, client } = setup()
    const flow: LoginFlow = newFlow()
    const steps: string[] = []
    flow.subscribe((state) => steps.push(state.step))
    await flow.send({ phone: A })
    await flow.submitCode(lastCode())
    expect(flow.getState().step).toBe('done')
    await client.session.revoke()
    expect(flow.getState()).toMatchObject({ step: 'phone', phone: null, methodId: null })
    expect(steps.at(-1)).toBe('phone')
  })
})

describe('sign-out by a session-ending error', () => {
  it('a session the server no longer knows moves a done flow back to the phone step', async () => {
    const { newFlow, lastCode, client, emulator } = setup()
    const flow = newFlow()
    flow.subscribe(() => undefined)
    await flow.send({ phone: A })
    await flow.submitCode(lastCode())
    expect(flow.getState().step).toBe('done')
    emulator.reset()
    await expect(client.session.authenticate()).rejects.toMatchObject({ code: 'session_not_found' })
    expect(flow.getState().step).toBe('phone')
  })
})

describe('channels', () => {
  it('switchChannel on the phone step only picks the channel', async () => {
    const { newFlow, requests } = setup()
    const flow = newFlow()
    await flow.switchChannel('whatsapp')
    expect(flow.getState().channel).toBe('whatsapp')
    expect(requests).toEqual([])
  })

  it('the autofill options go with SMS only', async () => {
    const { newFlow, emulator } = setup({ appOrigin: 'http://localhost:5173' })
    const flow = newFlow({ enableAutofill: true, autofillSessionDurationMinutes: 10 })
    await flow.send({ phone: A })
    expect(emulator.messages()[0]).toMatchObject({ channel: 'sms', body: expect.stringMatching(/#\d{6}$/) })
    const whatsapp = newFlow(
      { enableAutofill: true, autofillSessionDurationMinutes: 10 },
      undefined,
      createMemoryStorage(),
    )
    await whatsapp.send({ phone: B, channel: 'whatsapp' })
    expect(whatsapp.getState()).toMatchObject({ step: 'code', channel: 'whatsapp', error: null })
    expect(emulator.messages()[1]?.channel).toBe('whatsapp')
    expect(emulator.messages()[1]?.body).not.toMatch(/#\d{6}$/)
  })

  it('a WhatsApp login end to end, and its event names the channel', async () => {
    const { newFlow, emulator, lastCode, events, requests } = setup()
    const flow = newFlow({ channel: 'whatsapp' })
    expect(flow.getState().channel).toBe('whatsapp')
    await flow.send({ phone: A })
    expect(requests).toEqual(['/sdk/v1/otps/whatsapp/login_or_create'])
    expect(emulator.messages()[0]?.channel).toBe('whatsapp')
    await flow.submitCode(lastCode())
    expect(flow.getState().step).toBe('done')
    expect(events.map((e) => [e.type, e.channel])).toEqual([
      ['code_sent', 'whatsapp'],
      ['authenticated', 'whatsapp'],
    ])
  })

  it('switching channel on the code step sends one new code by the other channel', async () => {
    const { newFlow, emulator, lastCode, tabStorage, events, sends } = setup()
    const flow = newFlow({ resendCooldownSeconds: 0 })
    await flow.send({ phone: A })
    const smsCode = lastCode()
    await Promise.all([flow.switchChannel('whatsapp'), flow.switchChannel('whatsapp'), flow.resend()])
    expect(sends()).toBe(2)
    expect(emulator.messages().map((m) => m.channel)).toEqual(['sms', 'whatsapp'])
    expect(flow.getState()).toMatchObject({ step: 'code', channel: 'whatsapp', notice: 'code_resent' })
    expect(JSON.parse(tabStorage.getItem('otpkit:login:code') ?? '{}')).toMatchObject({ channel: 'whatsapp' })
    expect(events.at(-1)).toMatchObject({ type: 'code_resent', channel: 'whatsapp' })
    // The new code replaced the SMS one.
    await flow.submitCode(smsCode === lastCode() ? '000001' : smsCode)
    expect(flow.getState().error?.code).toBe('otp_code_not_found')
    await flow.submitCode(lastCode())
    expect(flow.getState().step).toBe('done')
  })

  it('switching channel waits out the cool-down like any new code', async () => {
    const { newFlow, sends } = setup()
    const flow = newFlow({ resendCooldownSeconds: 600 })
    await flow.send({ phone: A })
    await flow.switchChannel('whatsapp')
    expect(flow.getState()).toMatchObject({
      channel: 'sms',
      error: { code: 'send_limited', action: 'resend' },
    })
    expect(sends()).toBe(1)
  })

  it('switching channel still honours a 429 for the number', async () => {
    const { newFlow, emulator, sends } = setup()
    const flow = newFlow({ resendCooldownSeconds: 0 })
    await flow.send({ phone: A })
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 40, path: '/sdk/v1/otps/whatsapp/login_or_create' })
    await flow.switchChannel('whatsapp')
    expect(flow.getState()).toMatchObject({
      channel: 'sms',
      error: { code: 'too_many_requests', retryAfter: 40 },
    })
    await flow.switchChannel('whatsapp')
    expect(flow.getState().error).toMatchObject({ code: 'send_limited' })
    expect(sends()).toBe(2)
  })
})

describe('the @otpkit/core/flow entry', () => {
  it('exports the flow from its own subpath, not from the root entry', () => {
    expect(Object.keys(flowEntry).sort()).toEqual(['createLoginFlow', 'maskPhone'])
    expect(Object.keys(core)).not.toContain('createLoginFlow')
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, Record<string, unknown>>
    }
    expect(pkg.exports['./flow']).toMatchObject({
      '@otpkit/source': './src/flow/index.ts',
      import: { types: './dist/flow/index.d.ts', default: './dist/flow/index.js' },
      require: { types: './dist/flow/index.d.cts', default: './dist/flow/index.cjs' },
    })
  })

  it('creating a flow sends nothing and starts no timer', () => {
    const { newFlow, requests } = setup()
    vi.useFakeTimers()
    newFlow()
    expect(vi.getTimerCount()).toBe(0)
    expect(requests).toEqual([])
  })
})
