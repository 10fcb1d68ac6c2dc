// Sending an SMS is never duplicated: identical concurrent calls share one request, and sends are
// never retried.
import { describe, expect, it } from 'vitest'
import { createMemoryStorage, createStytchClient } from '../index'
import type { Reply } from './support'
import { apiError, ok, PHONE, recordingFetch, sendData, settle, TOKEN } from './support'

/** A reply that waits until the test lets it go, so calls overlap for certain. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  const reply = (response: Response) => async () => {
    await opened
    return response
  }
  return { open, reply }
}

function setup(...replies: Reply[]) {
  const net = recordingFetch(...replies)
  const stytch = createStytchClient(TOKEN, { fetch: net.fetch, storage: createMemoryStorage() })
  return { net, stytch }
}

describe('concurrent identical sends', () => {
  it('two identical loginOrCreate calls make one request and get the same answer', async () => {
    const g = gate()
    const { net, stytch } = setup(g.reply(ok(sendData('phone-number-test-shared'))))
    const first = stytch.otps.sms.loginOrCreate(PHONE, { expiration_minutes: 5, locale: 'es' })
    // Same options in another key order are the same call.
    const second = stytch.otps.sms.loginOrCreate(PHONE, { locale: 'es', expiration_minutes: 5 })
    g.open()
    const [a, b] = await Promise.all([first, second])
    expect(net.calls).toHaveLength(1)
    expect(a.method_id).toBe('phone-number-test-shared')
    expect(b).toEqual(a)
  })

  it('two identical send calls make one request', async () => {
    const g = gate()
    const { net, stytch } = setup(g.reply(ok(sendData())))
    const calls = [stytch.otps.sms.send(PHONE), stytch.otps.sms.send(PHONE), stytch.otps.sms.send(PHONE)]
    g.open()
    await Promise.all(calls)
    expect(net.calls).toHaveLength(1)
  })

  it('a shared failure reaches every caller', async () => {
    const g = gate()
    const { net, stytch } = setup(g.reply(apiError(429, 'too_many_requests', { 'Retry-After': '30' })))
    const results = [
      settle(stytch.otps.sms.loginOrCreate(PHONE)),
      settle(stytch.otps.sms.loginOrCreate(PHONE)),
    ]
    g.open()
    const [a, b] = await Promise.all(results)
    expect(net.calls).toHaveLength(1)
    expect(a).toMatchObject({ code: 'too_many_requests', retryAfter: 30 })
    expect(b).toBe(a)
  })

  it('different phones or options are different calls', async () => {
    const g = gate()
    const { net, stytch } = setup(g.reply(ok(sendData())), g.reply(ok(sendData())), g.reply(ok(sendData())))
    const calls = [
      stytch.otps.sms.loginOrCreate(PHONE),
      stytch.otps.sms.loginOrCreate('+14155550100'),
      stytch.otps.sms.loginOrCreate(PHONE, { locale: 'fr' }),
    ]
    g.open()
    await Promise.all(calls)
    expect(net.calls.map((c) => c.body)).toEqual([
      { phone_number: PHONE },
      { phone_number: '+14155550100' },
      { phone_number: PHONE, locale: 'fr' },
    ])
  })

  it('once the first call has finished, the same call sends again (a deliberate resend)', async () => {
    const { net, stytch } = setup(ok(sendData()), ok(sendData()))
    await stytch.otps.sms.loginOrCreate(PHONE)
    await stytch.otps.sms.loginOrCreate(PHONE)
    expect(net.calls).toHaveLength(2)
  })

  it('one caller aborting leaves the other with the shared answer', async () => {
    const g = gate()
    const { net, stytch } = setup(g.reply(ok(sendData('phone-number-test-kept'))))
    const controller = new AbortController()
    const aborted = settle(stytch.otps.sms.loginOrCreate(PHONE, { signal: controller.signal }))
    const kept = stytch.otps.sms.loginOrCreate(PHONE)
    controller.abort()
    expect(await aborted).toMatchObject({ name: 'AbortError' })
    expect(net.calls[0]?.signal?.aborted).toBe(false)
    g.open()
    expect((await kept).method_id).toBe('phone-number-test-kept')
    expect(net.calls).toHaveLength(1)
  })

  it('when every caller aborts, the request itself is aborted', async () => {
    const { net, stytch } = setup('hang')
    const one = new AbortController()
    const two = new AbortController()
    const results = [
      settle(stytch.otps.sms.loginOrCreate(PHONE, { signal: one.signal })),
      settle(stytch.otps.sms.loginOrCreate(PHONE, { signal: two.signal })),
    ]
    one.abort()
    expect(net.calls[0]?.signal?.aborted).toBe(false)
    two.abort()
    expect(net.calls[0]?.signal?.aborted).toBe(true)
    expect(await Promise.all(results)).toMatchObject([{ name: 'AbortError' }, { name: 'AbortError' }])
  })
})

describe('sends are never retried', () => {
  it.each([
    ['a network error', new TypeError('Failed to fetch')],
    ['a 500', apiError(500, 'internal_server_error')],
    ['a 503 HTML page', new Response('<h1>Service Unavailable</h1>', { status: 503 })],
  ])('loginOrCreate after %s: one request, the error surfaces', async (_label, reply) => {
    const { net, stytch } = setup(reply)
    const error = await settle(stytch.otps.sms.loginOrCreate(PHONE))
    expect(error).toHaveProperty('code')
    expect(net.calls).toHaveLength(1)
  })

  it('send after a network error: one request', async () => {
    const { net, stytch } = setup(new TypeError('Load failed'))
    expect(await settle(stytch.otps.sms.send(PHONE))).toMatchObject({ code: 'network_error' })
    expect(net.calls).toHaveLength(1)
  })

  it('otps.authenticate after a 500: one request', async () => {
    const { net, stytch } = setup(apiError(500, 'internal_server_error'))
    const error = await settle(
      stytch.otps.authenticate('123456', 'phone-number-test-2b9c', { session_duration_minutes: 5 }),
    )
    expect(error).toMatchObject({ code: 'internal_server_error' })
    expect(net.calls).toHaveLength(1)
  })
})
