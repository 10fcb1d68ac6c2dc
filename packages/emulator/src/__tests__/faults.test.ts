import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { BASE, call, expectErrorShape, PHONE, publicAuth, sdk } from './helpers'

let emulator: Emulator
beforeEach(() => {
  emulator = createEmulator()
})
afterEach(() => {
  vi.useRealTimers()
})

const LOGIN = '/sdk/v1/otps/sms/login_or_create'
const send = () => sdk(emulator.fetch, '/otps/sms/login_or_create', { phone_number: PHONE })

describe('faults in process', () => {
  it('status: answers the documented error body, once by default', async () => {
    emulator.faults.add({ kind: 'status', status: 503 })
    const failed = await send()
    expect(failed.status).toBe(503)
    expectErrorShape(failed.json, 503, 'service_unavailable')
    expect(emulator.messages()).toEqual([])
    expect((await send()).status).toBe(200)
  })

  it('status: takes a custom error_type and message', async () => {
    emulator.faults.add({
      kind: 'status',
      status: 400,
      error_type: 'captcha_required',
      error_message: 'Solve it.',
    })
    const { json } = await send()
    expectErrorShape(json, 400, 'captcha_required')
    expect(json.error_message).toBe('Solve it.')
  })

  it('rate_limit: 429 too_many_requests with Retry-After', async () => {
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 42 })
    const { status, json, response } = await send()
    expect(status).toBe(429)
    expectErrorShape(json, 429, 'too_many_requests')
    expect(response.headers.get('retry-after')).toBe('42')
  })

  it('html: an HTML error page, 502 by default', async () => {
    emulator.faults.add({ kind: 'html' })
    emulator.faults.add({ kind: 'html', status: 504 })
    for (const status of [502, 504]) {
      const response = await emulator.fetch(`${BASE}${LOGIN}`, { method: 'POST', body: '{}' })
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await response.text()).toMatch(/^<!doctype html>/)
    }
  })

  it('truncated_json: 200 whose JSON body is cut off', async () => {
    emulator.faults.add({ kind: 'truncated_json' })
    const response = await emulator.fetch(`${BASE}${LOGIN}`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const text = await response.text()
    expect(text.startsWith('{"data":')).toBe(true)
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
  })

  it('wrong_shape: valid JSON without the endpoint’s fields', async () => {
    emulator.faults.add({ kind: 'wrong_shape', path: LOGIN })
    emulator.faults.add({ kind: 'wrong_shape', path: '/v1/otps/sms/send' })
    const { status, json } = await send()
    expect(status).toBe(200)
    expect((json.data as Record<string, unknown>).method_id).toBeUndefined()
    const flat = await call(emulator.fetch, '/v1/otps/sms/send', {})
    expect(flat.json.data).toBeUndefined()
    expect(flat.json.phone_id).toBeUndefined()
  })

  it('drop: rejects the fetch with TypeError("Failed to fetch") and sends nothing', async () => {
    emulator.faults.add({ kind: 'drop' })
    await expect(send()).rejects.toThrow(new TypeError('Failed to fetch'))
    expect(emulator.messages()).toEqual([])
  })

  it('offline: the request takes effect, then its answer is lost as a TypeError', async () => {
    emulator.faults.add({ kind: 'offline' })
    await expect(send()).rejects.toThrow(new TypeError('Failed to fetch'))
    expect(emulator.messages()).toHaveLength(1)
    expect(emulator.faults.list()).toEqual([])
  })

  it('offline with ms: the answer is lost that much later, and the caller may abort meanwhile', async () => {
    vi.useFakeTimers()
    emulator.faults.add({ kind: 'offline', ms: 1000, count: 2 })
    let settled = false
    const lost = send().catch((error: unknown) => {
      settled = true
      return error
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(settled).toBe(false)
    expect(emulator.messages()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await lost).toEqual(new TypeError('Failed to fetch'))
    const controller = new AbortController()
    const aborted = emulator
      .fetch(`${BASE}${LOGIN}`, {
        method: 'POST',
        headers: { authorization: publicAuth(), 'content-type': 'application/json' },
        body: JSON.stringify({ phone_number: PHONE }),
        signal: controller.signal,
      })
      .catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(10)
    controller.abort()
    expect(await aborted).toMatchObject({ name: 'AbortError' })
    expect(emulator.messages()).toHaveLength(2)
  })

  it('latency: delays, then answers normally', async () => {
    vi.useFakeTimers()
    emulator.faults.add({ kind: 'latency', ms: 5000 })
    let settled = false
    const pending = send().then((result) => {
      settled = true
      return result
    })
    await vi.advanceTimersByTimeAsync(4999)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect((await pending).status).toBe(200)
    expect(emulator.messages()).toHaveLength(1)
  })

  it('latency: still honours the signal, so client timeouts fire', async () => {
    vi.useFakeTimers()
    emulator.faults.add({ kind: 'latency', ms: 60_000 })
    const controller = new AbortController()
    const pending = emulator.fetch(`${BASE}${LOGIN}`, {
      method: 'POST',
      headers: { authorization: publicAuth() },
      body: JSON.stringify({ phone_number: PHONE }),
      signal: controller.signal,
    })
    const assertion = expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    await vi.advanceTimersByTimeAsync(1000)
    controller.abort()
    await assertion
    await vi.advanceTimersByTimeAsync(60_000)
    expect(emulator.messages()).toEqual([])
  })

  it('path limits a fault to one endpoint; count makes it last', async () => {
    emulator.faults.add({ kind: 'status', status: 500, path: '/sdk/v1/otps/authenticate', count: 2 })
    expect((await send()).status).toBe(200)
    const auth = () =>
      sdk(emulator.fetch, '/otps/authenticate', {
        token: '000000',
        method_id: 'phone-number-test-x',
        session_duration_minutes: 5,
      })
    expect((await auth()).status).toBe(500)
    expect(emulator.faults.list()).toEqual([
      { kind: 'status', status: 500, path: '/sdk/v1/otps/authenticate', count: 2, remaining: 1 },
    ])
    expect((await auth()).status).toBe(500)
    expect((await auth()).status).toBe(404)
    expect(emulator.faults.list()).toEqual([])
  })

  it('faults apply in the order they were added', async () => {
    emulator.faults.add({ kind: 'status', status: 500 })
    emulator.faults.add({ kind: 'rate_limit', retryAfter: 1 })
    expect((await send()).status).toBe(500)
    expect((await send()).status).toBe(429)
    expect((await send()).status).toBe(200)
  })

  it('clear() and reset() disarm faults', async () => {
    emulator.faults.add({ kind: 'status', status: 500, count: 10 })
    emulator.faults.clear()
    expect((await send()).status).toBe(200)
    emulator.faults.add({ kind: 'status', status: 500, count: 10 })
    emulator.reset()
    expect((await send()).status).toBe(200)
  })

  it('never touch the /__emulator routes', async () => {
    emulator.faults.add({ kind: 'drop' })
    const response = await emulator.fetch(`${BASE}/__emulator/messages`)
    expect(response.status).toBe(200)
    expect(emulator.faults.list()).toHaveLength(1)
  })

  it.each([
    [{ kind: 'explode' }, /kind/],
    [{ kind: 'latency' }, /ms/],
    [{ kind: 'status', status: 99 }, /status/],
    [{ kind: 'rate_limit', retryAfter: -1 }, /retryAfter/],
    [{ kind: 'drop', count: 0 }, /count/],
    [{ kind: 'drop', path: 'sdk/v1' }, /path/],
    [{ kind: 'offline', ms: -5 }, /ms/],
  ])('refuses a malformed fault %j', (fault, message) => {
    expect(() => emulator.faults.add(fault as never)).toThrow(message)
  })
})
