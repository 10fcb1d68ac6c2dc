// The public surface: what an app can import, and that the vendor-style class is the same client.
import { expect, it } from 'vitest'
import * as core from '../index'
import { recordingFetch, TOKEN } from './support'

it('exports the documented names and nothing else', () => {
  expect(Object.keys(core).sort()).toEqual(
    [
      'CHANNELS',
      'StytchAPIError',
      'StytchError',
      'StytchHeadlessClient',
      'StytchNetworkError',
      'StytchSchemaError',
      'StytchTimeoutError',
      'StytchUsageError',
      'createMemoryStorage',
      'createStytchClient',
      'isStytchAPIError',
      'isStytchError',
      'isStytchNetworkError',
      'isStytchSchemaError',
      'isStytchTimeoutError',
      'isStytchUsageError',
    ].sort(),
  )
})

it('createStytchClient returns a StytchHeadlessClient, and `new StytchHeadlessClient` works alike', () => {
  const options = { fetch: recordingFetch().fetch, storage: core.createMemoryStorage() }
  const made = core.createStytchClient(TOKEN, options)
  const constructed = new core.StytchHeadlessClient(TOKEN, options)
  expect(made).toBeInstanceOf(core.StytchHeadlessClient)
  expect(Object.keys(made).sort()).toEqual(Object.keys(constructed).sort())
  expect(Object.keys(made.otps).sort()).toEqual(['authenticate', 'sms', 'whatsapp'])
  expect(Object.keys(made.otps.sms).sort()).toEqual(['loginOrCreate', 'send'])
  expect(Object.keys(made.otps.whatsapp).sort()).toEqual(['loginOrCreate', 'send'])
  expect(Object.keys(made.session).sort()).toEqual([
    'authenticate',
    'getInfo',
    'getSync',
    'getTokens',
    'onChange',
    'revoke',
  ])
  expect(Object.keys(made.user).sort()).toEqual(['get', 'getInfo', 'getSync', 'onChange'])
})

it('createMemoryStorage keeps values per instance', () => {
  const a = core.createMemoryStorage()
  const b = core.createMemoryStorage()
  a.setItem('k', 'v')
  expect([a.getItem('k'), b.getItem('k')]).toEqual(['v', null])
  a.removeItem('k')
  expect(a.getItem('k')).toBeNull()
})

it('the channel table names each channel with its path, options and WebOTP', () => {
  expect(core.CHANNELS).toEqual({
    sms: {
      name: 'SMS',
      path: 'sms',
      options: ['expiration_minutes', 'locale', 'enable_autofill', 'autofill_session_duration_minutes'],
      webOtp: true,
    },
    whatsapp: {
      name: 'WhatsApp',
      path: 'whatsapp',
      options: ['expiration_minutes', 'locale'],
      webOtp: false,
    },
  })
})
