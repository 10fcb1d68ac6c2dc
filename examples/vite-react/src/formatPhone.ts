import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/** An E.164 number as people write it ("+1 202 555 0181"); the number as it came if it does not parse. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}
