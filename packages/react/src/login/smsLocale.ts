// The `locale` the API takes for the message: only the SMS locales its schema lists (see
// shared/reference/wire-protocol.md), matched on the whole tag or on its language. Anything else is left
// out, so the message goes in the API's default language rather than the request failing with
// invalid_locale.
const SMS_LOCALES = [
  'en',
  'es',
  'pt-br',
  'fr',
  'it',
  'de-DE',
  'zh-Hans',
  'ca-ES',
  'ja',
  'ru',
  'nl',
  'pl',
  'tr',
  'fa',
  'vi',
  'cs',
]

/** `de` → `de-DE`, `pt-PT` → `pt-br`, `es-MX` → `es`, `ar` → undefined. */
export function smsLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined
  const tag = locale.toLowerCase().replace('_', '-')
  const exact = SMS_LOCALES.find((supported) => supported.toLowerCase() === tag)
  if (exact) return exact
  const language = tag.split('-')[0]
  return SMS_LOCALES.find((supported) => supported.toLowerCase().split('-')[0] === language)
}
