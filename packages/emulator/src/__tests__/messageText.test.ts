import { describe, expect, it } from 'vitest'
import { composeMessageText, createEmulator } from '../index'
import { BASE, PHONE, publicAuth, sendCode } from './helpers'

describe('message text', () => {
  it.each([
    ['en', '123456 is your verification code. It expires in 2 minutes.'],
    ['es', '123456 es tu código de verificación. Caduca en 2 minutos.'],
    ['fr', '123456 est votre code de vérification. Il expire dans 2 minutes.'],
    ['pt-br', '123456 é o seu código de verificação. Ele expira em 2 minutos.'],
  ])('is localised for %s', (locale, text) => {
    expect(composeMessageText({ code: '123456', locale, minutes: 2 })).toBe(text)
  })

  it('uses the singular for one minute', () => {
    expect(composeMessageText({ code: '123456', locale: 'en', minutes: 1 })).toMatch(/in 1 minute\.$/)
    expect(composeMessageText({ code: '123456', locale: 'es', minutes: 1 })).toMatch(/en 1 minuto\.$/)
  })

  it('falls back to English for a supported locale without its own text', () => {
    expect(composeMessageText({ code: '123456', locale: 'ja', minutes: 2 })).toMatch(
      /^123456 is your verification code/,
    )
  })

  it('ends with the origin-bound line when autofill is on', () => {
    const text = composeMessageText({ code: '654321', locale: 'fr', minutes: 3, autofillHost: 'app.example' })
    expect(text.split('\n').at(-1)).toBe('@app.example #654321')
  })

  it('the emulator picks the locale and lifetime from the request', async () => {
    const emulator = createEmulator()
    await sendCode(emulator, PHONE, { locale: 'es', expiration_minutes: 5 })
    const [message] = emulator.messages()
    expect(message?.body).toBe(`${message?.code} es tu código de verificación. Caduca en 5 minutos.`)
    expect(message?.body).not.toContain('@')
  })

  it('autofill takes the host from the Origin header', async () => {
    const emulator = createEmulator({ appOrigin: 'http://fallback.test:9999' })
    await emulator.fetch(`${BASE}/sdk/v1/otps/sms/login_or_create`, {
      method: 'POST',
      headers: { authorization: publicAuth(), origin: 'http://localhost:5173' },
      body: JSON.stringify({ phone_number: PHONE, enable_autofill: true }),
    })
    const [message] = emulator.messages()
    expect(message?.body.split('\n').at(-1)).toBe(`@localhost #${message?.code}`)
  })

  it('autofill falls back to the appOrigin option without an Origin header', async () => {
    const emulator = createEmulator({ appOrigin: 'https://app.example:8443' })
    await sendCode(emulator, PHONE, { enable_autofill: true })
    const [message] = emulator.messages()
    expect(message?.body.split('\n').at(-1)).toBe(`@app.example #${message?.code}`)
  })

  it('records to, channel, body, code, method_id and created_at, and calls onMessage', async () => {
    const seen: unknown[] = []
    const emulator = createEmulator({ onMessage: (message) => seen.push(message) })
    const methodId = await sendCode(emulator)
    const [message] = emulator.messages()
    expect(message).toEqual({
      to: PHONE,
      channel: 'sms',
      body: expect.stringContaining(message?.code ?? 'x') as string,
      code: expect.stringMatching(/^\d{6}$/) as string,
      method_id: methodId,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
    })
    expect(seen).toEqual([message])
  })
})
