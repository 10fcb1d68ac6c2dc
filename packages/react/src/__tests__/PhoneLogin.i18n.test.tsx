import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PhoneLogin, type PhoneLoginStrings } from '../index'
import { ar } from '../locales/ar'
import { de } from '../locales/de'
import { en } from '../locales/en'
import { es } from '../locales/es'
import { fr } from '../locales/fr'
import { it as italian } from '../locales/it'
import { ja } from '../locales/ja'
import { ptBR } from '../locales/pt-br'
import { createHarness, renderWith } from './harness'

const SEND_PATH = '/sdk/v1/otps/sms/login_or_create'

/** Every built-in language by the tag its `lang` attribute carries. */
const builtIn: [string, PhoneLoginStrings][] = [
  ['en', en],
  ['es', es],
  ['fr', fr],
  ['pt-BR', ptBR],
  ['de', de],
  ['it', italian],
  ['ja', ja],
  ['ar', ar],
]

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort()

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
    tooShort: 'Diese Nummer ist für das Land Vereinigte Staaten zu kurz.',
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
    tooShort: 'Questo numero è troppo corto per il paese Stati Uniti.',
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
    // Country names come with the views loaded after the first paint.
    expect(await screen.findByRole('button', { name: expected.country })).toBeTruthy()
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

  it('strings that cover the phone step show it at once; the language comes for what they leave out', async () => {
    const { stytch } = createHarness()
    // Italian's phone step only, passed in: nothing to load before the first paint.
    const phoneStep: Partial<PhoneLoginStrings> = {
      phoneTitle: italian.phoneTitle,
      phoneIntro: italian.phoneIntro,
      phoneIntroChannel: italian.phoneIntroChannel,
      phoneLabel: italian.phoneLabel,
      phoneHint: italian.phoneHint,
      countryLabel: italian.countryLabel,
      channelLabel: italian.channelLabel,
      sendCode: italian.sendCode,
      sendingCode: italian.sendingCode,
      sendCodeIn: italian.sendCodeIn,
      waitOver: italian.waitOver,
      errorNetwork: italian.errorNetwork,
    }
    const { user } = renderWith(stytch, <PhoneLogin locale="it" strings={phoneStep} />)
    expect(screen.getByRole('heading', { name: italian.phoneTitle })).toBeTruthy()
    await user.type(screen.getByLabelText(italian.phoneLabel), '4155')
    await user.click(screen.getByRole('button', { name: italian.sendCode }))
    // The rest is Italian, not English: the language was loaded for the later steps.
    await screen.findByText(italian.errorPhoneTooShort.replace('{country}', 'Stati Uniti'))
    await user.type(screen.getByLabelText(italian.phoneLabel), '550123')
    await user.click(screen.getByRole('button', { name: italian.sendCode }))
    expect(await screen.findByLabelText(italian.codeLabel)).toBeTruthy()
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

describe('<PhoneLogin> built-in languages are complete', () => {
  it.each(builtIn)('%s has a wait for every plural form Intl.PluralRules names', (lang, strings) => {
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
    expect(forms).toContain('other')
    for (const form of forms) {
      for (const unit of ['Seconds', 'Minutes']) {
        const key = `wait${unit}${form[0]?.toUpperCase()}${form.slice(1)}` as keyof PhoneLoginStrings
        const text = strings[key]
        expect(text, `${lang}: ${key} (Intl.PluralRules says "${form}")`).toMatch(/\S/)
        // A form may spell its number out (Arabic "ثانيتين"), but names nothing but {count}.
        expect(
          placeholders(text ?? '').filter((name) => name !== '{count}'),
          `${lang}: ${key}`,
        ).toEqual([])
      }
    }
  })

  it.each(builtIn)('%s has every message of en, with the same placeholders', (lang, strings) => {
    for (const key of Object.keys(en) as (keyof PhoneLoginStrings)[]) {
      if (/^wait(Seconds|Minutes)/.test(key)) continue
      expect(strings[key], `${lang}: ${key}`).toMatch(/\S/)
      expect(placeholders(strings[key] ?? ''), `${lang}: ${key}`).toEqual(placeholders(en[key] ?? ''))
    }
  })

  it.each([
    [1, 'ar', 'محاولات كثيرة جدًا. حاول مرة أخرى بعد ثانية واحدة.'],
    [2, 'ar', 'محاولات كثيرة جدًا. حاول مرة أخرى بعد ثانيتين.'],
    [5, 'ar', 'محاولات كثيرة جدًا. حاول مرة أخرى بعد 5 ثوانٍ.'],
    [11, 'ar', 'محاولات كثيرة جدًا. حاول مرة أخرى بعد 11 ثانية.'],
    [120, 'ar', 'محاولات كثيرة جدًا. حاول مرة أخرى بعد دقيقتين.'],
    [503, 'ar', 'محاولات كثيرة جدًا. حاول مرة أخرى بعد 9 دقائق.'],
    [6000, 'ar', 'محاولات كثيرة جدًا. حاول مرة أخرى بعد 100 دقيقة.'],
    [90, 'ja', '試行回数が多すぎます。2分後にもう一度お試しください。'],
    [2, 'de', 'Zu viele Versuche. Versuchen Sie es in 2 Sekunden erneut.'],
    [60, 'it', 'Troppi tentativi. Riprova tra 1 minuto.'],
  ] as const)(
    'a %i s wait in %s takes the plural form its rules choose',
    async (retryAfter, locale, text) => {
      const { emulator, stytch } = createHarness()
      emulator.faults.add({ kind: 'rate_limit', retryAfter, path: SEND_PATH })
      const { user } = renderWith(stytch, <PhoneLogin locale={locale} />)
      await user.type(await screen.findByRole('textbox'), '4155550123')
      await user.keyboard('{Enter}')
      expect(await screen.findByText(text)).toBeTruthy()
    },
  )
})
