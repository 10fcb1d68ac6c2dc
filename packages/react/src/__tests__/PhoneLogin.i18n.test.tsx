import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PhoneLogin } from '../index'
import { createHarness, renderWith } from './harness'

const cases = [
  {
    locale: 'en',
    lang: 'en',
    title: 'Sign in with your phone',
    label: 'Phone number',
    send: 'Send code',
    country: 'Country: United States +1',
    tooShort: 'This number is too short for United States.',
    codeLabel: '6-digit code',
    sms: /is your verification code/,
  },
  {
    locale: 'es',
    lang: 'es',
    title: 'Inicia sesión con tu teléfono',
    label: 'Número de teléfono',
    send: 'Enviar código',
    country: 'País: Estados Unidos +1',
    tooShort: 'Este número es demasiado corto para Estados Unidos.',
    codeLabel: 'Código de 6 dígitos',
    sms: /es tu código de verificación/,
  },
  {
    locale: 'fr',
    lang: 'fr',
    title: 'Connectez-vous avec votre téléphone',
    label: 'Numéro de téléphone',
    send: 'Envoyer le code',
    country: 'Pays: États-Unis +1',
    tooShort: 'Ce numéro est trop court pour le pays États-Unis.',
    codeLabel: 'Code à 6 chiffres',
    sms: /est votre code de vérification/,
  },
  {
    locale: 'pt-br',
    lang: 'pt-BR',
    title: 'Entre com seu telefone',
    label: 'Número de telefone',
    send: 'Enviar código',
    country: 'País: Estados Unidos +1',
    tooShort: 'Este número é curto demais para Estados Unidos.',
    codeLabel: 'Código de 6 dígitos',
    sms: /é o seu código de verificação/,
  },
  {
    locale: 'de',
    lang: 'de',
    title: 'Mit dem Telefon anmelden',
    label: 'Telefonnummer',
    send: 'Code senden',
    country: 'Land: Vereinigte Staaten +1',
    tooShort: 'Diese Nummer ist zu kurz für Vereinigte Staaten.',
    codeLabel: '6-stelliger Code',
    sms: /ist Ihr Bestätigungscode/,
  },
  {
    locale: 'it',
    lang: 'it',
    title: 'Accedi con il telefono',
    label: 'Numero di telefono',
    send: 'Invia codice',
    country: 'Paese: Stati Uniti +1',
    tooShort: 'Questo numero è troppo corto per Stati Uniti.',
    codeLabel: 'Codice di 6 cifre',
    sms: /è il tuo codice di verifica/,
  },
]

/** The locale each UI language sends with the code: one the API lists for SMS, or none. */
const wire = [
  { locale: 'en', sent: 'en', dir: null },
  { locale: 'de', sent: 'de-DE', dir: null },
  { locale: 'it', sent: 'it', dir: null },
  { locale: 'ja', sent: 'ja', dir: null },
  { locale: 'pt-BR', sent: 'pt-br', dir: null },
  { locale: 'ar', sent: undefined, dir: 'rtl' },
  { locale: 'sw', sent: undefined, dir: null },
]

describe('<PhoneLogin> languages', () => {
  it.each(cases)('renders in $locale and asks for the SMS in $locale', async (expected) => {
    const { emulator, stytch } = createHarness()
    const { user, container } = renderWith(stytch, <PhoneLogin locale={expected.locale} />)
    // Languages other than English load on demand (a chunk of their own), so the first look waits.
    expect(await screen.findByRole('heading', { name: expected.title })).toBeTruthy()
    expect(screen.getByRole('button', { name: expected.country })).toBeTruthy()
    expect(container.querySelector('.otpkit-login')?.getAttribute('lang')).toBe(expected.lang)

    const phone = screen.getByLabelText(expected.label)
    await user.type(phone, '415555')
    await user.click(screen.getByRole('button', { name: expected.send }))
    await screen.findByText(expected.tooShort)

    await user.type(phone, '0123')
    await user.click(screen.getByRole('button', { name: expected.send }))
    await screen.findByLabelText(expected.codeLabel)
    expect(emulator.messages()[0]?.body).toMatch(expected.sms)
  })

  it.each(wire)(
    '$locale: sends locale $sent on the wire (never one the API refuses), dir $dir',
    async (expected) => {
      const { stytch, bodies } = createHarness()
      const { user, container } = renderWith(stytch, <PhoneLogin locale={expected.locale} />)
      const root = container.querySelector('.otpkit-login')
      await screen.findByRole('heading')
      expect(root?.getAttribute('dir')).toBe(expected.dir)
      await user.type(screen.getByRole('textbox'), '4155550123')
      await user.keyboard('{Enter}')
      await screen.findByRole('heading', { name: /c[oó]d|コード|الرمز/i })
      const send = bodies.find((request) => request.path.endsWith('/login_or_create'))?.body as Record<
        string,
        unknown
      >
      expect(send.locale).toBe(expected.sent)
      expect('locale' in send).toBe(expected.sent !== undefined)
    },
  )

  it('Japanese and Arabic load on demand and speak their own words', async () => {
    const { stytch } = createHarness()
    const { unmount } = renderWith(stytch, <PhoneLogin locale="ja" />)
    expect(await screen.findByRole('heading', { name: '電話番号でサインイン' })).toBeTruthy()
    unmount()
    renderWith(stytch, <PhoneLogin locale="ar" />)
    expect(await screen.findByRole('heading', { name: 'سجّل الدخول برقم هاتفك' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'أرسل الرمز' })).toBeTruthy()
  })

  it('an unknown region of a built-in language falls back to it (es-MX → es)', async () => {
    const { stytch } = createHarness()
    renderWith(stytch, <PhoneLogin locale="es-MX" />)
    expect(await screen.findByRole('heading', { name: 'Inicia sesión con tu teléfono' })).toBeTruthy()
  })

  it('overrides apply on top of a language loaded on demand', async () => {
    const { stytch } = createHarness()
    renderWith(stytch, <PhoneLogin locale="fr" strings={{ sendCode: 'Envoyez-moi un code' }} />)
    expect(await screen.findByRole('button', { name: 'Envoyez-moi un code' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Connectez-vous avec votre téléphone' })).toBeTruthy()
  })

  it('strings overrides replace any message, placeholders included', async () => {
    const { stytch } = createHarness()
    const { user } = renderWith(
      stytch,
      <PhoneLogin
        strings={{
          sendCode: 'Text me a code',
          errorPhoneTooShort: 'Short for {country}!',
          phoneLabel: 'Mobile',
        }}
      />,
    )
    await user.type(screen.getByLabelText('Mobile'), '4155')
    await user.click(screen.getByRole('button', { name: 'Text me a code' }))
    await screen.findByText('Short for United States!')
  })
})
