import { describe, expect, it } from 'vitest'
import { createEmulator, DEMO_PUBLIC_TOKEN } from '../index'
import { data, PHONE, publicAuth } from './helpers'

const LOGIN = '/sdk/v1/otps/sms/login_or_create'
const init = (): RequestInit => ({
  method: 'POST',
  headers: { authorization: publicAuth(), 'content-type': 'application/json' },
  body: JSON.stringify({ phone_number: PHONE }),
})

describe('emulator.fetch', () => {
  it('works detached, on any host, with a string, URL or Request', async () => {
    const { fetch } = createEmulator()
    const viaString = await fetch(`https://test.stytch.com${LOGIN}`, init())
    const viaUrl = await fetch(new URL(`http://emulator.test${LOGIN}`), init())
    const viaRequest = await fetch(new Request(`http://127.0.0.1:1${LOGIN}`, init()))
    for (const response of [viaString, viaUrl, viaRequest]) expect(response.status).toBe(200)
    const ids = await Promise.all(
      [viaString, viaUrl, viaRequest].map(async (r) => data(await r.json()).method_id),
    )
    expect(new Set(ids).size).toBe(1)
  })

  it('accepts a path with no host', async () => {
    const response = await createEmulator().fetch(LOGIN, init())
    expect(response.status).toBe(200)
  })

  it('rejects at once with AbortError when the signal is already aborted', async () => {
    const emulator = createEmulator()
    const controller = new AbortController()
    controller.abort()
    await expect(emulator.fetch(LOGIN, { ...init(), signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(emulator.messages()).toEqual([])
  })

  it('rejects with the signal’s reason, as fetch does', async () => {
    const emulator = createEmulator()
    emulator.faults.add({ kind: 'latency', ms: 10_000 })
    const controller = new AbortController()
    const pending = emulator.fetch(LOGIN, { ...init(), signal: controller.signal })
    const reason = new DOMException('timed out', 'TimeoutError')
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
  })

  it('honours a signal from another realm (e.g. jsdom) without handing it to Node’s Request', async () => {
    const emulator = createEmulator()
    emulator.faults.add({ kind: 'latency', ms: 10_000 })
    const target = new EventTarget()
    const foreign = Object.assign(target, { aborted: false, reason: undefined as unknown })
    const pending = emulator.fetch(LOGIN, { ...init(), signal: foreign as unknown as AbortSignal })
    foreign.aborted = true
    foreign.reason = new DOMException('The operation was aborted.', 'AbortError')
    target.dispatchEvent(new Event('abort'))
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })

    const ok = await emulator.fetch(LOGIN, { ...init(), signal: new EventTarget() as unknown as AbortSignal })
    expect(ok.status).toBe(200)
  })

  it('exposes the credentials in force', () => {
    expect(createEmulator().config).toEqual({
      publicToken: DEMO_PUBLIC_TOKEN,
      projectId: expect.stringMatching(/^project-test-/) as string,
      secret: expect.stringMatching(/^secret-test-/) as string,
      moonkeyApiKey: expect.stringMatching(/^sk_test_/) as string,
      moonkeyPublicKey: expect.stringMatching(/^pk_test_/) as string,
      countries: ['US', 'CA'],
    })
    expect(DEMO_PUBLIC_TOKEN).toMatch(
      /^public-token-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    )
  })

  it('refuses bad options with a clear TypeError', () => {
    expect(() => createEmulator({ countries: ['USA'] })).toThrow(/countries/)
    expect(() => createEmulator({ rateLimit: { max: 0, windowSeconds: 10 } })).toThrow(/rateLimit.max/)
    expect(() => createEmulator({ codeLifetimeSeconds: 1.5 })).toThrow(/codeLifetimeSeconds/)
    expect(() => createEmulator({ appOrigin: 'localhost:5173' })).toThrow(/appOrigin/)
    expect(() => createEmulator({ publicToken: 'a:b' })).toThrow(/publicToken/)
  })

  it('keeps instances apart', async () => {
    const a = createEmulator()
    const b = createEmulator()
    await a.fetch(LOGIN, init())
    expect(a.messages()).toHaveLength(1)
    expect(b.messages()).toEqual([])
  })
})
