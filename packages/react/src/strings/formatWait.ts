// A wait said the way a person says it: seconds under a minute, whole minutes (rounded up) beyond,
// with the plural form chosen by the language's own rules ("1 minute", "9 minutes").
import { fill } from './resolveStrings'
import type { PhoneLoginStrings } from './types'

export function formatWait(seconds: number, strings: PhoneLoginStrings, lang: string): string {
  const inMinutes = seconds >= 60
  const count = inMinutes ? Math.ceil(seconds / 60) : seconds
  const one = new Intl.PluralRules(lang).select(count) === 'one'
  const template = inMinutes
    ? one
      ? strings.waitMinutesOne
      : strings.waitMinutesOther
    : one
      ? strings.waitSecondsOne
      : strings.waitSecondsOther
  return fill(template, { count })
}
