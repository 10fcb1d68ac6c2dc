// Country names in the UI language, from Intl.DisplayNames. Building one costs 70–130 ms on a phone four
// times slower than a laptop (measured in Chromium), so this comes with the views loaded after the first
// paint (laterViews.ts) and the names are made when the page is idle (useCountryNamer.ts).

/**
 * Country names in the UI language; the ISO code where Intl.DisplayNames is missing or fails. The names
 * are only made when first asked for: making them costs tens of milliseconds on a slow phone.
 */
export function countryNamer(language: string): (country: string) => string {
  let names: Intl.DisplayNames | undefined | null = null
  return (country) => {
    if (names === null) {
      try {
        names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' })
      } catch {
        names = undefined
      }
    }
    try {
      return names?.of(country) ?? country
    } catch {
      return country
    }
  }
}
