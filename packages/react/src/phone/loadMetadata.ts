// The phone library's metadata for the calling codes a login allows, assembled from the modules that
// scripts/phoneMetadata.mjs cuts from libphonenumber-js's own metadata, one per group of calling codes
// that start with the same two digits, found through a table per zone (the first digit). Every region that
// shares a calling code comes along (a +1 number is only known to be Canadian once Canada's ranges are
// there), so validation gives the same answers as the full metadata for every allowed country. Only the
// allowed calling codes are kept from each group: a number from a neighbouring code is refused as from
// another country, as with no metadata for it.
import type { MetadataJson } from 'libphonenumber-js/core'
import { metadataZones } from './metadata/loaders'

/** One generated module: some calling codes and their regions (main region first), as in metadata.min.json. */
export interface MetadataGroup {
  country_calling_codes: Record<string, string[]>
  countries: Record<string, unknown>
}

/** "212" → "21", "44" → "44", "1" → "1" (the rule scripts/phoneMetadata.mjs groups the modules by). */
const groupOf = (callingCode: string) => callingCode.slice(0, 2)
/** The group's zone of the world's numbering plan: its first digit. */
const zoneOf = (group: string) => group.slice(0, 1)

/** The group's module, through its zone's table; undefined for a calling code with no metadata. */
async function loadGroup(group: string): Promise<MetadataGroup | undefined> {
  const zone = metadataZones[zoneOf(group)]
  const groups = zone && (await zone()).default
  const load = groups?.[group]
  return load && (await load()).default
}

/** Metadata in libphonenumber-js's format covering `callingCodes`; codes it does not know are skipped. */
export async function loadMetadata(callingCodes: readonly string[]): Promise<MetadataJson> {
  const wanted = [...new Set(callingCodes)]
  const parts = await Promise.all([...new Set(wanted.map(groupOf))].map(loadGroup))
  const metadata: { version: number } & MetadataGroup = {
    version: 4,
    country_calling_codes: {},
    countries: {},
  }
  for (const part of parts) {
    if (!part) continue
    for (const code of wanted) {
      const regions = part.country_calling_codes[code]
      if (!regions) continue
      metadata.country_calling_codes[code] = regions
      for (const region of regions) metadata.countries[region] = part.countries[region]
    }
  }
  return metadata as unknown as MetadataJson
}
