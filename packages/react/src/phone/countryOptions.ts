// The country list's entries: every allowed country with its name and calling code, sorted by name in the
// UI language, and the search over them. Made when the list opens (CountryList.tsx), not at first paint.

export interface CountryOption {
  code: string
  name: string
  dialCode: string
}

export function countryOptions(
  allowed: readonly string[],
  describe: (code: string) => { name: string; dialCode: string },
  language: string,
): CountryOption[] {
  const collator = new Intl.Collator(language)
  return allowed.map((code) => ({ code, ...describe(code) })).sort((a, b) => collator.compare(a.name, b.name))
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/** Matches a country by the start of any word of its name, its ISO code or its calling code ("44", "+44"). */
export function matchesCountry(option: CountryOption, query: string): boolean {
  const q = fold(query.trim())
  if (!q) return true
  const digits = q.replace(/^\+/, '')
  if (/^\d+$/.test(digits)) return option.dialCode.startsWith(digits)
  if (q === option.code.toLowerCase()) return true
  const name = fold(option.name)
  return name.startsWith(q) || name.split(/[\s\-(),.]+/).some((word) => word.startsWith(q))
}
