// A wait said the way a person says it: seconds under a minute, whole minutes (rounded up) beyond,
// in the plural form the language's own rules choose ("1 minute", "9 minutes"; Arabic "دقيقتين" for two,
// "5 دقائق" for a few, "11 دقيقة" for many). Used only after the first paint, so `fill` comes as an
// argument from the first-paint code (see loginKit.ts) rather than imported.
import type { fill as Fill } from './resolveStrings'
import type { PhoneLoginStrings } from './types'

export function formatWait(
  seconds: number,
  strings: PhoneLoginStrings,
  lang: string,
  fill: typeof Fill,
): string {
  const unit = seconds >= 60 ? 'Minutes' : 'Seconds'
  const count = unit === 'Minutes' ? Math.ceil(seconds / 60) : seconds
  const form = new Intl.PluralRules(lang).select(count)
  // Each form has a key named after it (`few` → waitSecondsFew); a set of strings without that form
  // (English has no `few`) says it with `other`.
  const name = (form.charAt(0).toUpperCase() + form.slice(1)) as Capitalize<Intl.LDMLPluralRule>
  return fill(strings[`wait${unit}${name}`] ?? strings[`wait${unit}Other`], { count })
}
