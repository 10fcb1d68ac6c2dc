// `countries`: numbers from elsewhere are refused by the relay itself; the provider never hears of them.
import { describe, expect, it } from 'vitest'
import { PROVIDERS, setUp } from './support'

describe.each(PROVIDERS)('countries, through %s', (name) => {
  it('refuses a number from another country with 400 invalid_phone_number_country_code, before the provider', async () => {
    const setup = setUp(name, { countries: ['US'] })
    for (const path of ['/sdk/v1/otps/sms/login_or_create', '/sdk/v1/otps/sms/send/primary']) {
      // A valid Canadian number: the emulator (US, CA) would send to it; the relay does not ask.
      const response = await setup.call(path, { body: { phone_number: '+16135550123' } })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ error_type: 'invalid_phone_number_country_code' })
    }
    expect(setup.providerCalls).toEqual([])
    expect(setup.emulator.messages()).toEqual([])
  })

  it('sends to a number from a listed country', async () => {
    const setup = setUp(name, { countries: ['us', 'CA'] })
    const response = await setup.call('/sdk/v1/otps/sms/login_or_create', {
      body: { phone_number: '+16135550123' },
    })
    expect(response.status).toBe(200)
    expect(setup.emulator.messages().map((message) => message.to)).toEqual(['+16135550123'])
  })
})

it('refuses a country code that is not ISO 3166 when the relay is created', async () => {
  expect(() => setUp('moonkey', { countries: ['USA'] })).toThrow(TypeError)
})
