export interface MessageTextInput {
  code: string
  /** A supported locale in its canonical spelling (see body.ts). */
  locale: string
  /** Code lifetime in whole minutes. */
  minutes: number
  /** When set, the last line binds the code to this host for browser and phone autofill (SMS only). */
  autofillHost?: string | undefined
}

type Template = (code: string, minutes: number) => string

const plural = (minutes: number, one: string, many: string) => `${minutes} ${minutes === 1 ? one : many}`

// The code comes first so it shows in the notification preview; the text stays short (one SMS segment).
const templates: Record<string, Template> = {
  en: (code, m) => `${code} is your verification code. It expires in ${plural(m, 'minute', 'minutes')}.`,
  es: (code, m) => `${code} es tu código de verificación. Caduca en ${plural(m, 'minuto', 'minutos')}.`,
  fr: (code, m) =>
    `${code} est votre code de vérification. Il expire dans ${plural(m, 'minute', 'minutes')}.`,
  'pt-br': (code, m) =>
    `${code} é o seu código de verificação. Ele expira em ${plural(m, 'minuto', 'minutos')}.`,
  it: (code, m) => `${code} è il tuo codice di verifica. Scade tra ${plural(m, 'minuto', 'minuti')}.`,
  'de-DE': (code, m) => `${code} ist Ihr Bestätigungscode. Er läuft in ${plural(m, 'Minute', 'Minuten')} ab.`,
}

/** Locales with their own text; the others fall back to English. */
export const LOCALISED_LOCALES = Object.keys(templates)

/** The text of a code message, the same on every channel; with autofill, the last line is `@host #code`. */
export function composeMessageText({ code, locale, minutes, autofillHost }: MessageTextInput): string {
  const template = templates[locale] ?? templates.en
  const text = (template as Template)(code, minutes)
  return autofillHost ? `${text}\n\n@${autofillHost} #${code}` : text
}
