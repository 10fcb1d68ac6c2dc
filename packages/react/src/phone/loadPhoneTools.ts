// Loads the phone library and the metadata of the allowed countries' calling codes on demand, once per
// set of calling codes. The library and the table of metadata chunks are two chunks fetched side by side;
// the metadata chunks follow. A failed load (a chunk that did not arrive) is forgotten so the next
// attempt tries again.
import { countryOfNumber, dialCode } from './countries'
import type { PhoneTools } from './phoneTools'

export type { PhoneTools }

const loading = new Map<string, Promise<PhoneTools>>()
const loaded = new Map<string, PhoneTools>()

/** "CA,US" → "1": the calling codes the metadata must cover, as a cache key. */
function callingCodesOf(countries: readonly string[]): string[] {
  const codes = countries.map((country) => dialCode(country)).filter((code) => code !== undefined)
  return [...new Set(codes)].sort()
}

export function loadPhoneTools(countries: readonly string[]): Promise<PhoneTools> {
  const codes = callingCodesOf(countries)
  const key = codes.join(',')
  let pending = loading.get(key)
  if (!pending) {
    pending = Promise.all([
      import('./phoneTools'),
      import('./loadMetadata').then((module) => module.loadMetadata(codes)),
    ]).then(
      ([module, metadata]) => {
        const tools = module.createPhoneTools(metadata, countryOfNumber)
        loaded.set(key, tools)
        return tools
      },
      (error: unknown) => {
        loading.delete(key)
        throw error
      },
    )
    loading.set(key, pending)
  }
  return pending
}

/** The tools for these countries if they already arrived, so a remount formats at once. */
export function loadedPhoneTools(countries: readonly string[]): PhoneTools | undefined {
  return loaded.get(callingCodesOf(countries).join(','))
}
