import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { ptBR } from './ptBR'
import type { BuiltInLanguage, PhoneLoginStrings } from './types'

const builtIn: Record<BuiltInLanguage, PhoneLoginStrings> = { en, es, fr, 'pt-br': ptBR }

/** Maps any BCP 47 tag to a built-in language: `pt`, `pt-PT` and `pt-BR` → `pt-br`, `es-MX` → `es`, else `en`. */
export function resolveLanguage(locale: string | undefined): BuiltInLanguage {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0]
  if (base === 'pt') return 'pt-br'
  return base === 'es' || base === 'fr' ? base : 'en'
}

export function resolveStrings(
  locale: string | undefined,
  overrides?: Partial<PhoneLoginStrings>,
): PhoneLoginStrings {
  const strings = builtIn[resolveLanguage(locale)]
  return overrides ? { ...strings, ...overrides } : strings
}

/** Fills `{name}` placeholders. Unknown names stay as they are so a typo in an override is visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  )
}
