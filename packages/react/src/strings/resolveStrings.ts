// Which strings <PhoneLogin> shows. English's phone step is built into the first paint and the rest of
// English comes with the views loaded after it (enLater.ts); the other built-in languages are chunks of
// their own, loaded when a login asks for one, so a page carries only the language it shows.
// An app that wants one at first paint (or on the server) imports it from `@otpkit/react/locales/<lang>`
// and passes it as `strings`: a complete set of strings needs nothing loaded.
import { enPhoneStep } from './enPhoneStep'
import type { BuiltInLanguage, FirstPaintStrings, PhoneLoginStrings } from './types'

const loaders: Record<Exclude<BuiltInLanguage, 'en'>, () => Promise<PhoneLoginStrings>> = {
  es: () => import('./es').then((module) => module.es),
  fr: () => import('./fr').then((module) => module.fr),
  'pt-br': () => import('./ptBR').then((module) => module.ptBR),
  de: () => import('./de').then((module) => module.de),
  it: () => import('./it').then((module) => module.it),
  ja: () => import('./ja').then((module) => module.ja),
  ar: () => import('./ar').then((module) => module.ar),
}

const loaded = new Map<BuiltInLanguage, FirstPaintStrings>([['en', enPhoneStep]])
const loading = new Map<BuiltInLanguage, Promise<FirstPaintStrings>>()

/** Maps any BCP 47 tag to a built-in language: `pt`, `pt-PT` and `pt-BR` → `pt-br`, `es-MX` → `es`, else `en`. */
export function resolveLanguage(locale: string | undefined): BuiltInLanguage {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0]
  if (base === 'pt') return 'pt-br'
  return base && base in loaders ? (base as BuiltInLanguage) : 'en'
}

/** Whether a built-in language is here (English's phone step always is). */
export function hasLanguage(language: BuiltInLanguage): boolean {
  return loaded.has(language)
}

/** Overrides with every key the phone step shows, which it can render with alone. */
function coversPhoneStep(overrides: Partial<PhoneLoginStrings>): overrides is FirstPaintStrings {
  return (Object.keys(enPhoneStep) as (keyof PhoneLoginStrings)[]).every(
    (key) => overrides[key] !== undefined,
  )
}

/**
 * The strings for `locale` with `overrides` on top, if the phone step's are at hand now: English, a
 * language already loaded, or overrides that cover the phone step. Undefined while the language still has
 * to be loaded (see loadStrings). The later steps' strings come with their views (completeStrings.ts).
 */
export function resolveStrings(
  locale: string | undefined,
  overrides?: Partial<PhoneLoginStrings>,
): FirstPaintStrings | undefined {
  const strings = loaded.get(resolveLanguage(locale))
  if (strings) return overrides ? { ...strings, ...overrides } : strings
  return overrides && coversPhoneStep(overrides) ? overrides : undefined
}

/**
 * Loads a built-in language once per page. A failed load (a chunk that did not arrive) is forgotten, so
 * the next login tries again, and answers English this time so that the login still shows.
 */
export function loadStrings(language: BuiltInLanguage): Promise<FirstPaintStrings> {
  const ready = loaded.get(language)
  if (ready) return Promise.resolve(ready)
  let pending = loading.get(language)
  if (!pending) {
    pending = loaders[language as Exclude<BuiltInLanguage, 'en'>]().then(
      (strings) => {
        loaded.set(language, strings)
        return strings
      },
      () => {
        loading.delete(language)
        return enPhoneStep
      },
    )
    loading.set(language, pending)
  }
  return pending
}

/** Fills `{name}` placeholders. Unknown names stay as they are so a typo in an override is visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  )
}
