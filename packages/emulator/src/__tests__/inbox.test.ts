import { beforeEach, describe, expect, it } from 'vitest'
import { createEmulator, type Emulator } from '../index'
import { inboxPage } from '../inbox'
import { BASE, call, expectErrorShape, OTHER_PHONE, PHONE, sendCode } from './helpers'

let emulator: Emulator
beforeEach(() => {
  emulator = createEmulator()
})

const inbox = (path: string, init?: RequestInit) => emulator.fetch(`${BASE}/__emulator${path}`, init)

describe('/__emulator inbox', () => {
  it('GET /messages lists messages, oldest first', async () => {
    await sendCode(emulator, PHONE)
    await sendCode(emulator, OTHER_PHONE)
    const response = await inbox('/messages')
    expect(response.status).toBe(200)
    const list = (await response.json()) as { to: string }[]
    expect(list.map((m) => m.to)).toEqual([PHONE, OTHER_PHONE])
    expect(list).toEqual(emulator.messages())
  })

  it('GET /messages?to= filters by number', async () => {
    await sendCode(emulator, PHONE)
    await sendCode(emulator, OTHER_PHONE)
    const list = (await (await inbox(`/messages?to=${encodeURIComponent(OTHER_PHONE)}`)).json()) as {
      to: string
    }[]
    expect(list.map((m) => m.to)).toEqual([OTHER_PHONE])
  })

  it('DELETE /messages clears the list', async () => {
    await sendCode(emulator)
    expect((await inbox('/messages', { method: 'DELETE' })).status).toBe(204)
    expect(emulator.messages()).toEqual([])
  })

  it('GET / is a self-refreshing HTML page with no external resources', async () => {
    await sendCode(emulator)
    const response = await inbox('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await response.text()
    expect(html).toMatch(/<meta http-equiv="refresh" content="\d+">/)
    expect(html).toContain(emulator.messages()[0]?.code)
    expect(html).toContain('+1 202 555 0162')
    expect(html).not.toMatch(/(src|href)=["']?https?:/)
    expect((await inbox('')).status).toBe(200)
  })

  it('the page escapes message text', () => {
    const html = inboxPage([
      {
        to: '+12025550162',
        channel: 'sms',
        body: '<script>alert(1)</script> & "quoted"',
        code: '<b>1</b>',
        method_id: 'phone-number-test-x',
        created_at: '2030-01-01T00:00:00.000Z"><img src=x>',
      },
    ])
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>1</b>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quoted&#34;')
  })

  it('an empty inbox says so', async () => {
    expect(await (await inbox('/')).text()).toContain('No messages yet.')
  })

  it('POST /faults arms one fault or a list; GET lists; DELETE clears', async () => {
    const added = await call(emulator.fetch, '/__emulator/faults', { kind: 'status', status: 500, count: 2 })
    expect(added.status).toBe(201)
    const list = await call(emulator.fetch, '/__emulator/faults', [
      { kind: 'drop', path: '/sdk/v1/otps/authenticate' },
      { kind: 'latency', ms: 10 },
    ])
    expect(list.status).toBe(201)
    const listed = (await (await inbox('/faults')).json()) as { kind: string; remaining: number }[]
    expect(listed.map((f) => [f.kind, f.remaining])).toEqual([
      ['status', 2],
      ['drop', 1],
      ['latency', 1],
    ])
    expect((await inbox('/faults', { method: 'DELETE' })).status).toBe(204)
    expect(emulator.faults.list()).toEqual([])
  })

  it('POST /faults refuses a bad fault with the error shape', async () => {
    const { status, json } = await call(emulator.fetch, '/__emulator/faults', { kind: 'status', status: 'x' })
    expect(status).toBe(400)
    expectErrorShape(json, 400, 'bad_request')
    const broken = await call(emulator.fetch, '/__emulator/faults', undefined, { method: 'POST', raw: '{' })
    expectErrorShape(broken.json, 400, 'bad_request')
    expect(emulator.faults.list()).toEqual([])
  })

  it('POST /reset clears everything', async () => {
    await sendCode(emulator)
    emulator.faults.add({ kind: 'drop', path: '/nowhere' })
    expect((await inbox('/reset', { method: 'POST' })).status).toBe(204)
    expect(emulator.messages()).toEqual([])
    expect(emulator.faults.list()).toEqual([])
  })

  it('unknown inbox routes → 404 with the error shape', async () => {
    const { status, json } = await call(emulator.fetch, '/__emulator/nothing')
    expect(status).toBe(404)
    expectErrorShape(json, 404, 'route_not_found')
  })
})
