// The phone library's metadata for the calling codes a login allows, assembled from the per-calling-code
// modules that scripts/phoneMetadata.mjs cuts from libphonenumber-js's own metadata. Every region that
// shares a calling code comes along (a +1 number is only known to be Canadian once Canada's ranges are
// there), so validation gives the same answers as the full metadata for every allowed country.
import type { MetadataJson } from 'libphonenumber-js/core'
import { metadataLoaders } from './metadata/loaders'

/** One generated module: the regions of a calling code, main region first, in metadata.min.json's format. */
export interface CallingCodeMetadata {
  callingCode: string
  regions: string[]
  countries: Record<string, unknown>
}

/**
 * Past this many calling codes the one chunk of the whole world's metadata (~19 KB gzip) costs less than
 * the separate chunks (~220 B gzip each, which compress worse apart than together).
 */
export const WORLD_THRESHOLD = 40

/** Metadata in libphonenumber-js's format covering `callingCodes`; codes it does not know are skipped. */
export async function loadMetadata(callingCodes: readonly string[]): Promise<MetadataJson> {
  const known = [...new Set(callingCodes)].filter((code) => code in metadataLoaders)
  if (known.length > WORLD_THRESHOLD) {
    const world = await import('libphonenumber-js/metadata.min.json')
    return world.default
  }
  const parts = await Promise.all(
    known.map((code) => metadataLoaders[code]!().then((module) => module.default)),
  )
  const metadata = { version: 4, country_calling_codes: {}, countries: {} } as {
    version: number
    country_calling_codes: Record<string, string[]>
    countries: Record<string, unknown>
  }
  for (const part of parts) {
    metadata.country_calling_codes[part.callingCode] = part.regions
    Object.assign(metadata.countries, part.countries)
  }
  return metadata as unknown as MetadataJson
}
