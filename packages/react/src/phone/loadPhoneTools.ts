// Loads the phone library and the metadata of the allowed countries' calling codes on demand, once per
// set of calling codes. The library and the table of metadata chunks are two chunks fetched side by side;
// the metadata chunks follow. Past WORLD_THRESHOLD calling codes the whole world's metadata comes in one
// chunk instead, and the table is not fetched at all. A failed load (a chunk that did not arrive) is
// forgotten so the next attempt tries again.
import { countryOfNumber, dialCode } from './countries'
import type { PhoneTools } from './phoneTools'

export type { PhoneTools }

/**
 * Past this many calling codes the one chunk of the whole world's metadata (~19 KB gzip) costs less than
 * the separate chunks (a few hundred bytes gzip per calling code, which compress worse apart than together).
 */
export const WORLD_THRESHOLD = 40

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
      codes.length > WORLD_THRESHOLD
        ? import('./metadata/world').then((module) => module.default)
        : import('./loadMetadata').then((module) => module.loadMetadata(codes)),
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
