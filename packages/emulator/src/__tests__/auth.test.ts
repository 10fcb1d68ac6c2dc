import { beforeEach, describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { createEmulator, DEMO_PROJECT_ID, DEMO_PUBLIC_TOKEN, DEMO_SECRET, type Emulator } from '../index'
import { backend, basic, expectErrorShape, PHONE, sdk, signIn } from './helpers'

let emulator: Emulator
beforeEach(() => {
  emulator = createEmulator()
})

const body = { phone_number: PHONE }

describe('public-token family auth', () => {
  it.each([
    ['no header', null],
    ['a wrong public token', basic('public-token-test-00000000-0000-4000-8000-000000000000', 'x')],
    ['the project secret', basic(DEMO_PROJECT_ID, DEMO_SECRET)],
    ['a bearer token', `Bearer ${DEMO_PUBLIC_TOKEN}`],
    ['garbage', 'Basic !!!'],
    ['no colon', `Basic ${Buffer.from(DEMO_PUBLIC_TOKEN).toString('base64')}`],
  ])('%s → 401 unauthorized_credentials', async (_name, auth) => {
    const { status, json } = await sdk(emulator.fetch, '/otps/sms/login_or_create', body, { auth })
    expect(status).toBe(401)
    expectErrorShape(json, 401, 'unauthorized_credentials')
    expect(emulator.messages()).toEqual([])
  })

  it('a wrong public token is refused even with a live session token', async () => {
    const { session_token } = await signIn(emulator)
    const { json } = await sdk(emulator.fetch, '/users/me', undefined, {
      auth: basic('public-token-test-wrong', session_token),
    })
    expectErrorShape(json, 401, 'unauthorized_credentials')
  })

  it('accepts a custom public token and refuses the demo one', async () => {
    const custom = createEmulator({ publicToken: 'public-token-test-custom' })
    const ok = await sdk(custom.fetch, '/otps/sms/login_or_create', body, {
      auth: basic('public-token-test-custom', 'public-token-test-custom'),
    })
    expect(ok.status).toBe(200)
    expect((await sdk(custom.fetch, '/otps/sms/login_or_create', body)).status).toBe(401)
  })
})

describe('backend family auth', () => {
  it.each([
    ['no header', null],
    ['the public token', basic(DEMO_PUBLIC_TOKEN, DEMO_PUBLIC_TOKEN)],
    ['a wrong secret', basic(DEMO_PROJECT_ID, 'secret-test-wrong')],
    ['a wrong project id', basic('project-test-wrong', DEMO_SECRET)],
    ['swapped', basic(DEMO_SECRET, DEMO_PROJECT_ID)],
  ])('%s → 401 unauthorized_credentials', async (_name, auth) => {
    for (const path of [
      '/otps/sms/login_or_create',
      '/otps/sms/send',
      '/otps/authenticate',
      '/sessions/revoke',
    ]) {
      const { status, json } = await backend(emulator.fetch, path, body, { auth })
      expect(status).toBe(401)
      expectErrorShape(json, 401, 'unauthorized_credentials')
    }
  })

  it('accepts a custom project id and secret', async () => {
    const custom = createEmulator({ projectId: 'project-test-x', secret: 'secret-test-y' })
    const { status } = await backend(custom.fetch, '/otps/sms/login_or_create', body, {
      auth: basic('project-test-x', 'secret-test-y'),
    })
    expect(status).toBe(200)
  })

  it('checks credentials before the body', async () => {
    const { json } = await backend(emulator.fetch, '/otps/sms/login_or_create', undefined, {
      auth: null,
      raw: '{',
    })
    expectErrorShape(json, 401, 'unauthorized_credentials')
  })
})
